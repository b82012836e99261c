#!/usr/bin/env node
// Renders the app's PNG icons from the SVG sources in public/icons with
// Debian's Chromium. The PNGs are committed; run this again only after
// changing an SVG:  node tools/make-icons.js
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');

const dir = path.join(__dirname, '..', 'public', 'icons');
const outputs = [
  ['icon.svg', 'icon-192.png', 192],
  ['icon.svg', 'icon-512.png', 512],
  ['icon.svg', 'apple-touch-icon.png', 180],
  ['maskable.svg', 'maskable-512.png', 512],
];

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  for (const [source, target, size] of outputs) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const svg = fs.readFileSync(path.join(dir, source), 'utf8');
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{width:100vw;height:100vh;display:block}</style>${svg}`);
    await page.screenshot({ path: path.join(dir, target), omitBackground: true });
    await page.close();
    console.log(`wrote public/icons/${target} (${size}x${size})`);
  }
  await browser.close();
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
