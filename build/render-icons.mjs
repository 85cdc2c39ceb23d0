// Renders build/icon.svg to the PNGs electron-builder uses: build/icons/NxN.png (Linux icon set) and
// build/icon.png (1024 px; electron-builder derives the macOS .icns and Windows .ico from it).
// Run: node build/render-icons.mjs (needs Debian chromium).
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
const svg = readFileSync(new URL('./icon.svg', import.meta.url), 'utf8');
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const p = await b.newPage();
for (const s of [16, 32, 48, 64, 128, 256, 512, 1024]) {
  await p.setViewportSize({ width: s, height: s });
  await p.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('width="512" height="512"', `width="${s}" height="${s}"`)}</body></html>`);
  const out = fileURLToPath(new URL(s === 1024 ? './icon.png' : `./icons/${s}x${s}.png`, import.meta.url));
  await p.screenshot({ path: out, omitBackground: true, clip: { x: 0, y: 0, width: s, height: s } });
}
await b.close();
