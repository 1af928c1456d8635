#!/usr/bin/env node
// Server rendering, measured side by side in one run (run `npm run build` first):
//
//   node bench/ssr.mjs [--runs=N] [--cards=N] [--samples=N]
//
// 1. Lighthouse 12.2.3 as bench/lib/page-cost.mjs runs it (default mobile, simulated throttling; and the
//    "observed" devtools throttling) on four versions of the seed article page, all from one origin:
//    client-rendered with blocking="render" (/demo/), the same without it, server-rendered with the
//    hydration entry (/demo/server-rendered/), and static placeholders with no Byline script.
//    Prints CLS, the total blocking time Byline adds (page minus placeholder), Byline's long tasks, FCP, LCP.
// 2. Hydration cost: a page with N server-rendered cards plus cdn/byline.hydrate.min.js, against a page
//    with the same N cards as inline JSON plus cdn/byline.min.js (client rendering). Time from starting
//    the script to every card updated and the next frame, median of the samples, per 100 cards.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { figures, lighthouse, MOBILE, retry, startReferenceServer, writeDemoVariant, writePlaceholderPage } from './lib/page-cost.mjs';
import { serve } from './lib/serve.mjs';
import { CHROMIUM, CHROMIUM_ARGS, ensureBuilt } from './lib/setup.mjs';
import { median } from './lib/stats.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const OUT = join(ROOT, '.bench-results', 'ssr');
const arg = (name, fallback) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const runs = arg('runs', 1);
const cards = arg('cards', 100);
const samples = arg('samples', 10);

ensureBuilt(ROOT);
mkdirSync(join(OUT, 'lighthouse'), { recursive: true });

async function pages() {
  const reference = startReferenceServer(ROOT);
  let proxy;
  try {
    const upstream = await reference.origin;
    const placeholder = join(OUT, 'placeholder.html');
    const nonBlocking = join(OUT, 'demo-non-blocking.html');
    proxy = await serve({ root: ROOT, proxy: upstream, local: ['/bench/'], files: { '/bench/placeholder.html': placeholder, '/bench/demo-non-blocking.html': nonBlocking } });
    await writePlaceholderPage(proxy.origin, ROOT, placeholder);
    writeDemoVariant(ROOT, nonBlocking, (tag) => tag.replace(/\s+blocking="render"/, ''));
    const urls = {
      'client, blocking="render"': '/demo/',
      'client, not blocking': '/bench/demo-non-blocking.html',
      'server-rendered + hydration': '/demo/server-rendered/',
      placeholder: '/bench/placeholder.html',
    };
    const results = {};
    for (const [mode, extra] of [['simulated', []], ['observed', ['--throttling-method=devtools']]]) {
      for (const [name, path] of Object.entries(urls)) {
        const list = [];
        for (let run = 0; run < runs; run++) {
          process.stdout.write(`Lighthouse ${mode} ${name} ${run + 1}/${runs} ... `);
          const file = join(OUT, 'lighthouse', `${mode}-${name.replace(/\W+/g, '-')}-${run + 1}.json`);
          list.push(figures(await retry(() => lighthouse(ROOT, proxy.origin + path, file, extra))));
          console.log('done');
        }
        results[`${mode}|${name}`] = Object.fromEntries(Object.keys(list[0]).map((key) => [key, median(list.map((s) => s[key]))]));
      }
    }
    return { urls: Object.keys(urls), results };
  } finally {
    await proxy?.close();
    reference.stop();
  }
}

/** N cards: server-rendered (for the hydration page) or as inline JSON (for the client-rendered page). */
async function cardPages(origin) {
  const { renderToString } = await import('../dist/ssr.js');
  const article = (i) => ({
    id: `a${i}`,
    url: `/a/${i}`,
    title: `Headline number ${i} about the ministry's administrative reform`,
    summary: 'According to the Department of Organisation and Personnel, the Ministry completed its reform work this year.',
    image: { src: '/demo/images/photo-1-600.jpg', width: 600, height: 400, alt: '' },
    category: { name: 'News', url: '/news' },
    author: { name: 'Ministry of Science and Technology', url: '/author' },
    publishedAt: '2024-12-27T15:20:10+07:00',
    commentCount: i,
  });
  const head = '<!doctype html><html lang="en"><head><meta charset="utf-8"><style>body{display:grid;grid-template-columns:repeat(4,1fr);gap:8px}</style></head><body>';
  const measure = (bundle) => `<script type="module">
    const started = performance.now();
    await import('${origin}/cdn/${bundle}');
    const all = [...document.querySelectorAll('byline-article-card')];
    await Promise.all(all.map((el) => el.updateComplete));
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    window.__done = { ms: performance.now() - started, updated: all.filter((el) => el.hasUpdated).length };
  </script></body></html>`;
  let server = head;
  let client = head;
  for (let i = 0; i < cards; i++) {
    server += await renderToString('byline-article-card', article(i), { lang: 'en', timeZone: 'Asia/Bangkok' });
    client += `<byline-article-card lang="en" time-zone="Asia/Bangkok"><script type="application/json">${JSON.stringify(article(i))}</script></byline-article-card>`;
  }
  return { server: server + measure('byline.hydrate.min.js'), client: client + measure('byline.min.js') };
}

async function hydrationCost() {
  const proxy = await serve({ root: ROOT, local: ['/'], files: { '/bench/ssr-cards.html': join(OUT, 'ssr-cards.html'), '/bench/client-cards.html': join(OUT, 'client-cards.html') } });
  try {
    const html = await cardPages(proxy.origin);
    writeFileSync(join(OUT, 'ssr-cards.html'), html.server);
    writeFileSync(join(OUT, 'client-cards.html'), html.client);
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const times = { hydrate: [], client: [] };
    try {
      for (let i = 0; i < samples; i++) {
        for (const [name, path] of i % 2 ? [['client', '/bench/client-cards.html'], ['hydrate', '/bench/ssr-cards.html']] : [['hydrate', '/bench/ssr-cards.html'], ['client', '/bench/client-cards.html']]) {
          const context = await browser.newContext(MOBILE);
          const page = await context.newPage();
          await page.goto(proxy.origin + path);
          const done = await (await page.waitForFunction(() => window.__done, undefined, { timeout: 60_000 })).jsonValue();
          if (done.updated !== cards) throw new Error(`${name}: ${done.updated} of ${cards} cards updated`);
          times[name].push(done.ms);
          await context.close();
        }
      }
    } finally {
      await browser.close();
    }
    return { hydrate: median(times.hydrate), client: median(times.client), times };
  } finally {
    await proxy.close();
  }
}

const fmt = (value, digits = 0) => (value === undefined ? '—' : value.toFixed(digits));
const { urls, results } = await pages();
const cost = await hydrationCost();
const lines = [
  `Server rendering, side by side (Lighthouse 12.2.3, mobile; median of ${runs} run(s) per page; ${new Date().toISOString()})`,
  '',
  '| page | throttling | CLS | TBT added by Byline (ms) | Byline long tasks | FCP (ms) | LCP (ms) |',
  '| --- | --- | --- | --- | --- | --- | --- |',
];
for (const mode of ['simulated', 'observed']) {
  const base = results[`${mode}|placeholder`];
  for (const name of urls) {
    const r = results[`${mode}|${name}`];
    const added = name === 'placeholder' ? '—' : fmt(Math.max(0, r.tbt - base.tbt));
    lines.push(`| ${name} | ${mode} | ${fmt(r.cls, 3)} | ${added} | ${name === 'placeholder' ? '—' : fmt(r.bylineLongTasks)} | ${fmt(r.fcp)} | ${fmt(r.lcp)} |`);
  }
}
const per100 = (ms) => fmt((ms * 100) / cards, 1);
lines.push(
  '',
  `Hydration cost, ${cards} cards, median of ${samples} loads each (script start to every card updated and the next frame, no throttling):`,
  '',
  '| | ms | ms per 100 cards |',
  '| --- | --- | --- |',
  `| server-rendered + cdn/byline.hydrate.min.js (hydrate) | ${fmt(cost.hydrate, 1)} | ${per100(cost.hydrate)} |`,
  `| inline JSON + cdn/byline.min.js (client render) | ${fmt(cost.client, 1)} | ${per100(cost.client)} |`,
);
const report = lines.join('\n');
writeFileSync(join(OUT, 'report.md'), `${report}\n`);
writeFileSync(join(OUT, 'results.json'), JSON.stringify({ results, cost }, null, 2));
console.log(`\n${report}\n\n(${join(OUT, 'report.md')})`);
