#!/usr/bin/env node
// Called by tools/build-wasm after wasm-split-cli: puts the shared code a
// split point needs into that split point's own file (for the reader of
// stored workbooks, and for Today's momentum card).
//
//   node tools/merge-chunks.js <split dir> <split point> [<split point it must not pull in> ...]
//
// Why: wasm-split-cli cuts code that several chunks reach into a file per set
// of users. The reader of stored workbooks (src/web/decoder.rs) shares bits
// of serde, chrono and std with most pages, so it came as 35 files, each
// fetched and instantiated before a stored workbook could be shown. Every
// shared chunk only imports the main module's memory, table and stack
// pointer, and fills its own table slots and data: so the split point's file
// and its shared chunks can be one module (binaryen's wasm-merge, the
// imports made one by linking them to the first module's re-exports). The
// loader (__wasm_split.js) then loads that one file wherever one of the
// merged chunks was needed. Chunks that a split point named after the first
// also needs stay separate, so that it does not pull the whole file in
// (Today's momentum card, in the entry, must not fetch the reader).
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const [dir, point, ...keepOut] = process.argv.slice(2);
if (!dir || !point) {
  console.error('usage: merge-chunks.js <split dir> <split point> [<split point> ...]');
  process.exit(2);
}
const fail = (message) => {
  console.error(`merge-chunks: ${message}`);
  process.exit(1);
};

// --- The loader: which chunks the split point needs, and who else does.
const loaderPath = path.join(dir, '__wasm_split.js');
let loader = fs.readFileSync(loaderPath, 'utf8');
const chunkDef = /\/\* ([^*]*) \*\/\nconst (__chunk_\d+) = makeLoad\(\(\) => \{\n\s*const src = fetch\(new URL\("\.\/(chunk_\d+\.wasm)", import\.meta\.url\)\);\n\s*return async \(imports\) => \(WebAssembly\.instantiateStreaming\(src, imports\)\);\n\}\n, \[\]\);\n/g;
const chunks = new Map();
for (const m of loader.matchAll(chunkDef)) {
  chunks.set(m[2], { text: m[0], users: m[1].split(', '), file: m[3] });
}
if (chunks.size === 0) fail('no shared chunk found in the loader: has wasm-split-cli changed?');
const pointDef = new RegExp(
  `export const __wasm_split_load_${point} = wrapAsyncCb\\(makeLoad\\(\\(\\) => \\{\\n\\s*const src = fetch\\(new URL\\("\\./(split_${point}\\.wasm)", import\\.meta\\.url\\)\\);\\n\\s*return async \\(imports\\) => \\(WebAssembly\\.instantiateStreaming\\(src, imports\\)\\);\\n\\}\\n, \\[([^\\]]*)\\]\\)\\);\\n`,
);
const found = loader.match(pointDef);
if (!found) fail(`no loader for split point ${point}`);
const deps = found[2].split(',').map((d) => d.trim()).filter(Boolean);
const merged = deps.filter((d) => chunks.get(d) && !chunks.get(d).users.some((user) => keepOut.includes(user)));
const kept = deps.filter((d) => !merged.includes(d));

// --- The wasm: each shared chunk's imports linked to the split point's
// module, which re-exports its own (same memory, table and stack pointer).
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value |= (byte & 0x7f) << shift;
    shift += 7;
    if (!(byte & 0x80)) return [value >>> 0, at];
  }
}
function toLeb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}
const name = (text) => Buffer.concat([toLeb(Buffer.byteLength(text)), Buffer.from(text)]);
function sections(bytes) {
  const out = [];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, body] = leb(bytes, at + 1);
    out.push({ id, body: bytes.subarray(body, body + size) });
    at = body + size;
  }
  return out;
}
const assemble = (bytes, list) =>
  Buffer.concat([bytes.subarray(0, 8), ...list.flatMap((s) => [Buffer.from([s.id]), toLeb(s.body.length), s.body])]);
/** The import section's entries: module, name, kind (0 func, 1 table, 2 memory, 3 global), and the raw descriptor. */
function imports(body) {
  const out = [];
  let [count, at] = leb(body, 0);
  const readName = () => {
    const [len, start] = leb(body, at);
    at = start + len;
    return body.subarray(start, start + len).toString();
  };
  while (count--) {
    const module = readName();
    const field = readName();
    const kind = body[at];
    const start = at + 1;
    if (kind === 0) [, at] = leb(body, start);
    else if (kind === 1) { at = start + 1; const flags = body[at]; [, at] = leb(body, at + 1); if (flags & 1) [, at] = leb(body, at); }
    else if (kind === 2) { const flags = body[start]; [, at] = leb(body, start + 1); if (flags & 1) [, at] = leb(body, at); }
    else if (kind === 3) at = start + 2;
    else fail(`import kind ${kind} in a chunk`);
    out.push({ module, field, kind, desc: body.subarray(start, at) });
  }
  return out;
}
const importSection = (list) =>
  Buffer.concat([toLeb(list.length), ...list.map((i) => Buffer.concat([name(i.module), name(i.field), Buffer.from([i.kind]), i.desc]))]);

const LINK = 'split_point';
const pointFile = path.join(dir, found[1]);
const work = fs.mkdtempSync(path.join(dir, 'merge-'));
{
  const bytes = fs.readFileSync(pointFile);
  const list = sections(bytes);
  const importsOf = list.find((s) => s.id === 2);
  if (!importsOf) fail(`${found[1]} imports nothing`);
  const own = imports(importsOf.body);
  // Each import is the first of its kind (nothing else is imported), so index 0.
  const exports = own.map((i) => Buffer.concat([name(i.field), Buffer.from([i.kind]), toLeb(0)]));
  const existing = list.findIndex((s) => s.id === 7);
  if (existing !== -1) {
    // wasm-split-cli writes an empty export section.
    const [count, at] = leb(list[existing].body, 0);
    exports.unshift(list[existing].body.subarray(at));
    list[existing] = { id: 7, body: Buffer.concat([toLeb(count + own.length), ...exports]) };
  } else {
    const after = list.findIndex((s) => s.id > 7 && s.id !== 0);
    list.splice(after === -1 ? list.length : after, 0, { id: 7, body: Buffer.concat([toLeb(own.length), ...exports]) });
  }
  fs.writeFileSync(path.join(work, 'point.wasm'), assemble(bytes, list));
}
const inputs = [path.join(work, 'point.wasm'), LINK];
for (const dep of merged) {
  const file = path.join(dir, chunks.get(dep).file);
  const bytes = fs.readFileSync(file);
  const list = sections(bytes).map((s) =>
    s.id === 2 ? { id: 2, body: importSection(imports(s.body).map((i) => ({ ...i, module: LINK }))) } : s,
  );
  const out = path.join(work, chunks.get(dep).file);
  fs.writeFileSync(out, assemble(bytes, list));
  inputs.push(out, dep);
}
execFileSync('wasm-merge', [...inputs, '-o', pointFile, '--enable-bulk-memory', '--enable-mutable-globals', '--enable-sign-ext', '--enable-nontrapping-float-to-int', '--enable-reference-types', '--enable-multivalue'], { stdio: ['ignore', 'ignore', 'inherit'] });
fs.rmSync(work, { recursive: true });

// --- The loader: one file for the split point and the chunks merged into
// it, defined before the first chunk (its own dependencies are called
// through closures, so they may be defined later).
const load = `__merged_${point}`;
const firstChunk = [...chunks.values()][0].text;
const depCalls = kept.map((dep) => `() => ${dep}()`).join(', ');
loader = loader.replace(
  firstChunk,
  `const ${load} = makeLoad(() => {\n    const src = fetch(new URL("./${found[1]}", import.meta.url));\n    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));\n}\n, [${depCalls}]);\n${firstChunk}`,
);
for (const dep of merged) {
  const { text, users, file } = chunks.get(dep);
  loader = loader.replace(text, `/* ${users.join(', ')}: in ${found[1]} */\nconst ${dep} = ${load};\n`);
  fs.rmSync(path.join(dir, file));
}
loader = loader.replace(found[0], `export const __wasm_split_load_${point} = wrapAsyncCb(${load});\n`);
fs.writeFileSync(loaderPath, loader);
console.log(`merge-chunks: ${merged.length} shared chunks merged into ${found[1]}; ${kept.length} kept apart (${keepOut.join(', ') || 'none named'} needs them too)`);
