// Takes full-page screenshots of the demo in headless Debian Chromium, for a person to look at, and a
// screenshot of each widget (card, photo caption, comment box, related list) in every supported language
// (out-dir/locales/<language>-<widget>.png): tofu, clipped marks and line breaks show there; and the
// server-rendered page with JavaScript disabled (out-dir/server-rendered-th-nojs*.png).
// Usage: node scripts/screenshots.mjs [base-url] [out-dir] [name filter, e.g. "demo-th" or "locale-km"]
// (the server must be running: npm start; the signed-in and desk pictures need its demo sign-in)
import { mkdirSync, readdirSync } from 'node:fs';
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

// Every language with a strings file (src/locales/), each shown in the demo through its language switch.
const LANGUAGES = readdirSync(new URL('../src/locales/', import.meta.url)).filter((file) => file.endsWith('.ts')).map((file) => file.replace(/\.ts$/, ''));
const WIDGETS = [
  ['card', '#card'],
  ['photo', '#photo-1'],
  ['comments', '#comments'],
  ['related', '#related'],
];

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: CHROMIUM_ARGS,
});
const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
const filter = process.argv[4];

async function open(path) {
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
}

for (const [name, path] of filter ? shots.filter(([n]) => n.includes(filter)) : shots) {
  await open(path);
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
  console.log(`${out}/${name}.png`);
}

mkdirSync(`${out}/locales`, { recursive: true });
for (const language of LANGUAGES.filter((l) => !filter || `locale-${l}`.includes(filter))) {
  await open(`/demo/?lang=${language}&theme=light`);
  // The demo's photos sit in the Thai article body; the caption's strings follow the element's lang.
  await page.evaluate((lang) => document.querySelectorAll('byline-photo-caption').forEach((el) => el.setAttribute('lang', lang)), language);
  await page.waitForTimeout(300);
  for (const [widget, selector] of WIDGETS) {
    const path = `${out}/locales/${language}-${widget}.png`;
    await page.locator(selector).screenshot({ path });
    console.log(path);
  }
}

// Signed-in commenting (demo/signed-in.html) and the moderation desk, with the demo sign-in that
// `npm start` turns on: a reader signs in and posts a comment holding a link (so it waits for review), then
// a demo moderator signs in to the desk at /admin/, where it is pending.
if (!filter || 'signed-in'.includes(filter) || 'desk'.includes(filter)) {
  const run = Date.now().toString(36);
  await page.goto(`${base}/demo/signed-in.html`, { waitUntil: 'load' });
  await page.fill('#display-name', 'Somchai (demo)');
  await page.click('#sign-in-form button[type=submit]');
  await page.waitForSelector('#signed-in:not([hidden])');
  const form = page.locator('#comments form.byline-comment-form');
  // Until the box knows the signed-in reader it still asks for a name.
  if (await form.locator('[name=name]').isVisible()) await form.locator('[name=name]').fill('Somchai');
  await form.locator('[name=body]').fill(`Where is the full report? www.example.org/report (${run})`);
  await form.locator('button[type=submit]').click();
  await page.waitForTimeout(1200);
  await page.screenshot({ path: `${out}/signed-in.png`, fullPage: true });
  console.log(`${out}/signed-in.png`);

  const moderator = await (
    await fetch(`${base}/demo/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"Demo moderator","moderator":true}' })
  ).json();
  const desk = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await desk.goto(`${base}/admin/`, { waitUntil: 'load' });
  await desk.fill('#token', moderator.token);
  await desk.click('form.sign-in button[type=submit]');
  await desk.waitForSelector('ol.items > li');
  await desk.waitForTimeout(300);
  await desk.screenshot({ path: `${out}/desk.png`, fullPage: true });
  console.log(`${out}/desk.png`);
  await desk.close();
}

// The server-rendered page as a reader without JavaScript sees it: the article, photos, related lists and
// the first page of comments, read-only (no post form, no controls that would do nothing).
for (const lang of ['th'].filter((l) => !filter || `server-rendered-${l}-nojs`.includes(filter))) {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1200, height: 900 } });
  const noScript = await context.newPage();
  await noScript.goto(`${base}/demo/server-rendered/?lang=${lang}&theme=light`, { waitUntil: 'load' });
  await noScript.screenshot({ path: `${out}/server-rendered-${lang}-nojs.png`, fullPage: true });
  await noScript.locator('#comments').screenshot({ path: `${out}/server-rendered-${lang}-nojs-comments.png` });
  console.log(`${out}/server-rendered-${lang}-nojs.png`);
  await context.close();
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
