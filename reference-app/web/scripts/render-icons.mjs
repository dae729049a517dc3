// Renders public/icons/icon.svg to the PNG icons of the web manifest with Debian's Chromium:
//   node scripts/render-icons.mjs
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const svg = readFileSync(new URL('../public/icons/icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
for (const [size, name, padding] of [[192, 'icon-192.png', 0], [512, 'icon-512.png', 0], [512, 'maskable-512.png', 52]]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const inner = size - 2 * padding * (size / 512);
  await page.setContent(
    `<body style="margin:0;background:#FF6B00;display:grid;place-items:center;width:${size}px;height:${size}px">` +
      `<div style="width:${inner}px;height:${inner}px">${svg.replace('<svg ', '<svg width="100%" height="100%" ')}</div></body>`,
  );
  await page.screenshot({ path: new URL(`../public/icons/${name}`, import.meta.url).pathname, omitBackground: padding === 0 });
  await page.close();
}
await browser.close();
