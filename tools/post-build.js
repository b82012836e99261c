#!/usr/bin/env node
// Trunk post_build hook (see Trunk.toml). In the staged build it:
// 0. copies the app's wasm and glue, built by tools/build-wasm (the pre_build
//    hook), into a folder named after a hash of their contents, and adds to
//    index.html the script that starts the app, with preload links;
// 1. puts the sha256 of every inline script (that loader) into the
//    Content-Security-Policy meta tag, in place of 'sha256-inline-scripts';
// 2. writes sw.js from public/sw.js with the list of every file of the build
//    (the page chunks too) and a version that is a hash of their contents.
// It can run again on its own output (tests make a second build that way):
//   TRUNK_STAGING_DIR=dir node tools/post-build.js
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('post-build: TRUNK_STAGING_DIR is not set');
  process.exit(1);
}
const source = process.env.TRUNK_SOURCE_DIR ?? path.join(__dirname, '..');
const indexPath = path.join(staging, 'index.html');

let html = fs.readFileSync(indexPath, 'utf8');

// 0. The app's wasm. A second run on its own output finds the loader there.
if (!html.includes('comeback_bg.wasm')) {
  const profile = process.env.TRUNK_PROFILE ?? 'release';
  const built = path.join(source, 'target', 'wasm-site', profile);
  if (!fs.existsSync(path.join(built, 'comeback_bg.wasm'))) {
    console.error(`post-build: no ${path.join(built, 'comeback_bg.wasm')}; tools/build-wasm (the pre_build hook) makes it`);
    process.exit(1);
  }
  const names = fs.readdirSync(built).filter((name) => !name.startsWith('.')).sort();
  const digest = crypto.createHash('sha256');
  for (const name of names) digest.update(name).update('\0').update(fs.readFileSync(path.join(built, name)));
  // A new name for every build: a browser never mixes one build's files with another's.
  const folder = `wasm-${digest.digest('hex').slice(0, 16)}`;
  fs.mkdirSync(path.join(staging, folder));
  for (const name of names) fs.copyFileSync(path.join(built, name), path.join(staging, folder, name));
  let base = process.env.TRUNK_PUBLIC_URL ?? '/';
  if (!base.endsWith('/')) base += '/';
  const url = (name) => `${base}${folder}/${name}`;
  const integrity = (name) => `sha384-${crypto.createHash('sha384').update(fs.readFileSync(path.join(built, name))).digest('base64')}`;
  // The chunks are fetched later, by __wasm_split.js, when a page needs them.
  const loader = [
    `<link rel="modulepreload" href="${url('comeback.js')}" crossorigin integrity="${integrity('comeback.js')}">`,
    ...(names.includes('__wasm_split.js')
      ? [`<link rel="modulepreload" href="${url('__wasm_split.js')}" crossorigin integrity="${integrity('__wasm_split.js')}">`]
      : []),
    `<link rel="preload" href="${url('comeback_bg.wasm')}" as="fetch" type="application/wasm" crossorigin integrity="${integrity('comeback_bg.wasm')}">`,
    `<script type="module">import init from "${url('comeback.js')}";await init({module_or_path:"${url('comeback_bg.wasm')}"});</script>`,
  ].join('');
  if (!html.includes('</head>')) {
    console.error('post-build: no </head> in index.html to put the loader before');
    process.exit(1);
  }
  html = html.replace('</head>', `${loader}</head>`);
  console.log(`post-build: ${names.length} wasm and glue files in ${folder}/`);
}
// The minifier drops quotes and reorders attributes, so find the tag loosely.
const cspTag = [...html.matchAll(/<meta\b[^>]*>/gi)].map((match) => match[0]).find((tag) => /http-equiv="?Content-Security-Policy/i.test(tag));
if (!cspTag) {
  console.error('post-build: no Content-Security-Policy meta tag in index.html');
  process.exit(1);
}

if (process.env.TRUNK_PROFILE === 'debug') {
  // `trunk serve` injects its live-reload script; the policy is for release builds.
  html = html.replace(cspTag, '');
} else {
  // 1. CSP: hash the inline scripts as they are after minification.
  const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((match) => match[1]);
  const hashes = inlineScripts.map((script) => `'sha256-${crypto.createHash('sha256').update(script, 'utf8').digest('base64')}'`);
  html = html.replace(cspTag, cspTag.replace(/'sha256-[^']*'( 'sha256-[^']*')*/, hashes.join(' ')));
  console.log(`post-build: ${hashes.length} inline script hash(es) in the CSP`);
}
fs.writeFileSync(indexPath, html);

// 2. The service worker's precache list and version.
const files = [];
(function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const relative = path.relative(staging, full).split(path.sep).join('/');
    if (entry.isDirectory()) walk(full);
    else if (relative !== 'sw.js' && !relative.startsWith('.')) files.push(relative);
  }
})(staging);
files.sort();
const version = crypto.createHash('sha256');
for (const file of files) version.update(file).update('\0').update(fs.readFileSync(path.join(staging, file)));
const template = fs.readFileSync(path.join(source, 'public', 'sw.js'), 'utf8');
const buildVersion = version.digest('hex').slice(0, 16);
const worker = template
  .replace('__COMEBACK_VERSION__', buildVersion)
  .replace('__COMEBACK_FILES__', JSON.stringify(['./', ...files], null, 2));
fs.writeFileSync(path.join(staging, 'sw.js'), worker);
console.log(`post-build: ${files.length} files precached as version ${buildVersion}`);
