// Takes full-page screenshots of the demo in headless Debian Chromium, for a person to look at.
// Usage: node scripts/screenshots.mjs [base-url] [out-dir]   (the server must be running: npm start)
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';

const base = process.argv[2] ?? 'http://127.0.0.1:8787';
const out = process.argv[3] ?? 'screenshots';
mkdirSync(out, { recursive: true });

const shots = [
  ['demo-th-light', '/demo/?lang=th&theme=light'],
  ['demo-vi-light', '/demo/?lang=vi&theme=light'],
  ['demo-en-dark', '/demo/?lang=en&theme=dark'],
  ['demo-ar-light', '/demo/?lang=ar&theme=light'],
  ['demo-th-native-digits', '/demo/?lang=th&theme=light&digits=native'],
  ['listing-th', '/demo/listing.html'],
  ['cms-vi', '/demo/cms.html'],
  ['partner-en', '/demo/partner.html'],
];

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: CHROMIUM_ARGS,
});
const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
for (const [name, path] of process.argv[4] ? shots.filter(([n]) => n.includes(process.argv[4])) : shots) {
  await page.goto(base + path, { waitUntil: 'load' });
  // Lazy widgets load near the viewport: scroll through the page once, then back to the top.
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 600) {
      window.scrollTo(0, y);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    window.scrollTo(0, 0);
  });
  await page.waitForLoadState('load');
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
  console.log(`${out}/${name}.png`);
}

// README's picture: the first screen of the seed article page, at 3/4 scale to keep the PNG small.
if (!process.argv[4] || process.argv[4] === 'readme') {
  const readme = await browser.newPage({ viewport: { width: 1200, height: 860 }, deviceScaleFactor: 0.75 });
  await readme.goto(`${base}/demo/?lang=th&theme=light`, { waitUntil: 'load' });
  await readme.waitForTimeout(800);
  mkdirSync('docs/images', { recursive: true });
  await readme.screenshot({ path: 'docs/images/demo.png' });
  console.log('docs/images/demo.png');
}
await browser.close();
