#!/usr/bin/env node
// What each long task of a server-rendered page is made of (run `npm run build` first):
//
//   node bench/ssr-long-tasks.mjs [--loads=N] [--cards=N] [--throttle=N]
//
// Loads /demo/server-rendered/ (the reference server) and a page of N server-rendered cards with
// cdn/byline.hydrate.min.js, in Chromium at N× CPU slowdown (4, Lighthouse's mobile profile, by
// default), and prints every long task (PerformanceObserver 'longtask', over 50 ms) with what ran inside
// it: the bundle's evaluation or a promise resolution (long-animation-frame script entries), and each
// element's customElements.define (which upgrades the elements already in the page), connectedCallback
// and performUpdate (a hydration or a first render), timed by wrapping them as each tag is defined.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { MOBILE, startReferenceServer } from './lib/page-cost.mjs';
import { serve } from './lib/serve.mjs';
import { CHROMIUM, CHROMIUM_ARGS, ensureBuilt, load } from './lib/setup.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const arg = (name, fallback) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const loads = arg('loads', 2);
const cards = arg('cards', 100);
const throttle = arg('throttle', 4);

/** Runs in the page before anything else: records long tasks, script attribution and element work. */
function record() {
  const log = (window.__longTasks = { tasks: [], scripts: [], work: [] });
  new PerformanceObserver((list) => log.tasks.push(...list.getEntries().map((t) => ({ start: t.startTime, duration: t.duration })))).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const frame of list.getEntries()) {
      for (const s of frame.scripts) log.scripts.push({ start: s.startTime, duration: s.duration, what: `${s.invokerType} ${s.invoker}`.replace(location.origin, '') });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
  const timed = (what, run) => {
    const start = performance.now();
    try {
      return run();
    } finally {
      log.work.push({ what, start, duration: performance.now() - start });
    }
  };
  const define = customElements.define.bind(customElements);
  customElements.define = (name, ctor, options) => {
    for (const method of ['connectedCallback', 'performUpdate']) {
      const original = ctor.prototype[method];
      ctor.prototype[method] = function (...args) {
        return timed(`${name}${this.id ? `#${this.id}` : ''} ${method}`, () => original.apply(this, args));
      };
    }
    return timed(`define ${name}`, () => define(name, ctor, options));
  };
}

async function cardsPage(file) {
  const { renderToString } = await import('../dist/ssr.js');
  let html = '<!doctype html><html lang="en"><head><meta charset="utf-8"><style>body{display:grid;grid-template-columns:repeat(4,1fr);gap:8px}</style></head><body>';
  for (let i = 0; i < cards; i++) {
    const article = { id: `a${i}`, url: `/a/${i}`, title: `Headline number ${i}`, summary: 'The Ministry completed its reform work this year.', image: { src: '/demo/images/photo-1-600.jpg', width: 600, height: 400, alt: '' }, publishedAt: '2024-12-27T15:20:10+07:00', commentCount: i };
    html += await renderToString('byline-article-card', article, { lang: 'en', timeZone: 'Asia/Bangkok' });
  }
  writeFileSync(file, `${html}<script type="module" src="/cdn/byline.hydrate.min.js"></script></body></html>`);
}

ensureBuilt(ROOT);
const reference = startReferenceServer(ROOT);
const cardsFile = join(ROOT, '.bench-results', 'ssr', 'long-tasks-cards.html');
let proxy;
let browser;
try {
  await cardsPage(cardsFile);
  proxy = await serve({ root: ROOT, proxy: await reference.origin, local: ['/bench/'], files: { '/bench/cards.html': cardsFile } });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  console.log(`Long tasks at ${throttle}× CPU slowdown (load average ${load()})`);
  for (const [name, path] of [['/demo/server-rendered/', '/demo/server-rendered/'], [`${cards} server-rendered cards`, '/bench/cards.html']]) {
    for (let i = 1; i <= loads; i++) {
      const context = await browser.newContext(MOBILE);
      const page = await context.newPage();
      await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: throttle });
      await page.addInitScript(record);
      await page.goto(proxy.origin + path, { waitUntil: 'load' });
      await page.waitForTimeout(4000);
      const { tasks, scripts, work } = await page.evaluate(() => window.__longTasks);
      await context.close();
      console.log(`\n${name}, load ${i}: ${tasks.length} long task(s)`);
      const inside = (list, task) => list.filter((x) => x.start >= task.start && x.start < task.start + task.duration);
      for (const task of tasks) {
        console.log(`  ${task.start.toFixed(0)} ms, ${task.duration.toFixed(0)} ms long`);
        for (const s of inside(scripts, task)) console.log(`    script: ${s.what} (${s.duration.toFixed(0)} ms)`);
        const mine = inside(work, task);
        const big = mine.filter((w) => w.duration >= 2);
        for (const w of big) console.log(`    ${w.what} ${w.duration.toFixed(1)} ms`);
        if (mine.length > big.length) console.log(`    … and ${mine.length - big.length} more under 2 ms each`);
      }
    }
  }
} finally {
  await browser?.close();
  await proxy?.close();
  reference.stop();
}
