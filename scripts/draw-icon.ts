// Redraws the app icon's PNGs from assets/icon.svg (the PNGs are checked in; run this after
// editing the SVG):
//
//   node --import tsx scripts/draw-icon.ts
//
// assets/build/icon.png (1024 px) is what electron-builder turns into .icns/.ico and the Linux
// icon set; assets/icon.png (256 px) is the window icon on Linux, read at run time. Each size is
// rendered from the vector by Chromium (not scaled down from the large PNG), on a transparent
// background so the rounded corners stay clear.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { BrowserNotFound, ensureBrowser } from './e2e/find-browser';
import { nodeBrowserHost } from './e2e/node-host';

const ROOT = path.resolve(__dirname, '..');
const SVG = path.join(ROOT, 'assets', 'icon.svg');
const OUTPUTS = [
  { file: path.join(ROOT, 'assets', 'build', 'icon.png'), size: 1024 },
  { file: path.join(ROOT, 'assets', 'icon.png'), size: 256 },
];

async function main(): Promise<void> {
  const svg = fs.readFileSync(SVG, 'utf8');
  const { path: executablePath } = ensureBrowser(nodeBrowserHost());
  const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    for (const { file, size } of OUTPUTS) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      const img = `<img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" width="${size}" height="${size}">`;
      // 'load' waits for the image, a data: URL, to be decoded.
      await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${img}</body></html>`, { waitUntil: 'load' });
      fs.mkdirSync(path.dirname(file), { recursive: true });
      await page.screenshot({ path: file, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      await page.close();
      console.log(`${path.relative(ROOT, file)}: ${size}×${size}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof BrowserNotFound ? e.message : e);
  process.exit(1);
});
