#!/usr/bin/env node
// Server rendering, measured side by side in one run (run `npm run build` first):
//
//   node bench/ssr.mjs [--runs=N] [--cards=N] [--samples=N] [--only=lighthouse|cost]
//   (--cards: elements of each kind per page in part 2)
//
// 1. Lighthouse 12.2.3 as bench/lib/page-cost.mjs runs it (default mobile, simulated throttling; and the
//    "observed" devtools throttling) on four versions of the seed article page, all from one origin:
//    client-rendered with blocking="render" (/demo/), the same without it, server-rendered with the
//    hydration entry (/demo/server-rendered/), and static placeholders with no Byline script.
//    Prints CLS, the total blocking time Byline adds (page minus placeholder), Byline's long tasks and the
//    longest, FCP and LCP, each also as a ratio to the placeholder page of the same run.
// 2. Hydration cost, for each kind of element the server renders: a page with N of them server-rendered
//    plus cdn/byline.hydrate.min.js, against the same HTML without its declarative shadow roots plus
//    cdn/byline.min.js (client rendering). Time from starting the script to every element updated and the
//    next frame, per 100 elements; and the long tasks of a reader's load of each page at 4× CPU slowdown.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { figures, lighthouse, MOBILE, retry, startReferenceServer, writeDemoVariant, writePlaceholderPage } from './lib/page-cost.mjs';
import { serve } from './lib/serve.mjs';
import { CHROMIUM, CHROMIUM_ARGS, ensureBuilt, load } from './lib/setup.mjs';
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

/** What `count` server-rendered elements of each kind are made of: tag, data and options per element. */
const ELEMENTS = {
  'article card': (i) => [
    'byline-article-card',
    {
      id: `a${i}`,
      url: `/a/${i}`,
      title: `Headline number ${i} about the ministry's administrative reform`,
      summary: 'According to the Department of Organisation and Personnel, the Ministry completed its reform work this year.',
      image: { src: '/demo/images/photo-1-600.jpg', width: 600, height: 400, alt: '' },
      category: { name: 'News', url: '/news' },
      author: { name: 'Ministry of Science and Technology', url: '/author' },
      publishedAt: '2024-12-27T15:20:10+07:00',
      commentCount: i,
    },
    { timeZone: 'Asia/Bangkok' },
  ],
  'photo caption': (i) => [
    'byline-photo-caption',
    { src: '/demo/images/photo-1-600.jpg', width: 600, height: 400, alt: `Photo ${i}`, caption: `Caption of photo ${i}, with its credit.`, number: i + 1 },
    {},
  ],
  'related topics': (i) => [
    'byline-related-topics',
    [
      { kind: 'topic', items: [0, 1, 2].map((j) => ({ id: `t${i}-${j}`, url: `/t/${i}/${j}`, title: `Related story ${j} of list ${i}`, publishedAt: '2024-12-20T08:00:00+07:00' })) },
      { kind: 'author', items: [{ id: `u${i}`, url: `/u/${i}`, title: `Another story by the author, ${i}` }] },
    ],
    {},
  ],
  'comment count': (i) => ['byline-comment-count', i, { attributes: { api: '/api', thread: `t${i}` } }],
};

// Hydrated pages hold elements until they are needed (src/core/hydration.ts); the cost per element is the
// cost of hydrating every one, so the page lets every held element go at once.
const MEASURE = (bundle) => `<script type="module">
    const started = performance.now();
    const entry = await import('/cdn/${bundle}');
    // The hydration entry loads the elements' code when one needs it: here, at once.
    await entry.defineElements?.();
    const all = [...document.querySelectorAll('body > *')].filter((el) => el.localName.startsWith('byline-'));
    all.forEach((el) => el.removeAttribute('defer-hydration'));
    await Promise.all(all.map((el) => el.updateComplete));
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    window.__done = { ms: performance.now() - started, updated: all.filter((el) => el.hasUpdated).length };
  </script>`;
// The same page loaded as a reader gets it, to count the long tasks Byline's script runs (PerformanceObserver
// 'longtask', attributed to Byline when a long-animation-frame script entry from /cdn/ starts inside it).
const WATCH = (bundle) => `<script>
    window.__tasks = [];
    window.__scripts = [];
    new PerformanceObserver((list) => __tasks.push(...list.getEntries().map((t) => [t.startTime, t.duration]))).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => list.getEntries().forEach((frame) => __scripts.push(...frame.scripts.filter((s) => s.sourceURL.includes('/cdn/')).map((s) => s.startTime)))).observe({ type: 'long-animation-frame', buffered: true });
  </script><script type="module" src="/cdn/${bundle}"></script>`;

/**
 * `count` elements of one kind: server-rendered (declarative shadow DOM + the hydration entry), and the
 * same HTML without its declarative shadow roots (inline JSON, <img>, count attribute) + the plain bundle.
 */
async function elementPages(kind) {
  const { renderToString } = await import('../dist/ssr.js');
  const head = '<!doctype html><html lang="en"><head><meta charset="utf-8"><style>body{display:grid;grid-template-columns:repeat(4,1fr);gap:8px}</style></head><body>';
  let server = '';
  let client = '';
  for (let i = 0; i < cards; i++) {
    const [tag, data, options] = ELEMENTS[kind](i);
    const html = await renderToString(tag, data, { lang: 'en', ...options });
    const shadowRoots = html.match(/<template shadowroot/g)?.length ?? 0;
    if (shadowRoots !== 1 || html.includes('<template', html.indexOf('<template') + 1)) throw new Error(`${kind}: expected one template (the shadow root), found ${shadowRoots}`);
    server += html;
    client += html.replace(/<template shadowroot[\s\S]*<\/template>/, '');
  }
  const tail = '</body></html>';
  return {
    hydrate: { measure: head + server + MEASURE('byline.hydrate.min.js') + tail, watch: head + WATCH('byline.hydrate.min.js') + server + tail },
    client: { measure: head + client + MEASURE('byline.min.js') + tail, watch: head + WATCH('byline.min.js') + client + tail },
  };
}

/** For each kind: hydrate vs client render, all at once (ms), and the long tasks of a reader's load. */
async function hydrationCost() {
  const files = {};
  const proxy = await serve({ root: ROOT, local: ['/'], files });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const load = async (path, { throttle = 1, wait }) => {
    const context = await browser.newContext(MOBILE);
    try {
      const page = await context.newPage();
      if (throttle !== 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: throttle });
      await page.goto(proxy.origin + path);
      return await wait(page);
    } finally {
      await context.close();
    }
  };
  const results = {};
  const bundles = { hydrate: 'byline.hydrate.min.js', client: 'byline.min.js' };
  const measured = async (variant, path) => {
    const done = await load(path, { wait: async (page) => (await page.waitForFunction(() => window.__done, undefined, { timeout: 60_000 })).jsonValue() });
    return done;
  };
  try {
    // Fetching and evaluating the bundle alone (a page without elements): subtracted from each page's time.
    const empty = { hydrate: [], client: [] };
    for (const [variant, bundle] of Object.entries(bundles)) {
      const file = join(OUT, `empty-${variant}-measure.html`);
      writeFileSync(file, `<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body>${MEASURE(bundle)}</body></html>`);
      files[`/bench/empty-${variant}-measure.html`] = file;
    }
    for (let i = 0; i < samples; i++) {
      for (const variant of i % 2 ? ['client', 'hydrate'] : ['hydrate', 'client']) empty[variant].push((await measured(variant, `/bench/empty-${variant}-measure.html`)).ms);
    }
    results.bundleAlone = { hydrate: median(empty.hydrate), client: median(empty.client), times: empty };
    for (const kind of Object.keys(ELEMENTS)) {
      const pagesOfKind = await elementPages(kind);
      const slug = kind.replace(/\W+/g, '-');
      for (const [variant, html] of Object.entries(pagesOfKind)) {
        for (const [purpose, text] of Object.entries(html)) {
          const file = join(OUT, `${slug}-${variant}-${purpose}.html`);
          writeFileSync(file, text);
          files[`/bench/${slug}-${variant}-${purpose}.html`] = file;
        }
      }
      const times = { hydrate: [], client: [] };
      const tasks = { hydrate: [], client: [] };
      for (let i = 0; i < samples; i++) {
        for (const variant of i % 2 ? ['client', 'hydrate'] : ['hydrate', 'client']) {
          const done = await measured(variant, `/bench/${slug}-${variant}-measure.html`);
          if (done.updated !== cards) throw new Error(`${kind} ${variant}: ${done.updated} of ${cards} elements updated`);
          times[variant].push(done.ms);
          // A reader's load, 4× slower CPU as Lighthouse's mobile profile: the long tasks until the page is quiet.
          tasks[variant].push(
            await load(`/bench/${slug}-${variant}-watch.html`, {
              throttle: 4,
              wait: async (page) => {
                await page.waitForLoadState('load');
                await page.waitForTimeout(3000);
                return page.evaluate(() => {
                  const ours = __tasks.filter(([start, duration]) => __scripts.some((s) => s >= start && s < start + duration));
                  return { count: ours.length, longest: Math.max(0, ...ours.map(([, duration]) => duration)) };
                });
              },
            }),
          );
        }
      }
      results[kind] = Object.fromEntries(
        ['hydrate', 'client'].map((variant) => [
          variant,
          { ms: median(times[variant]), perElement: (median(times[variant]) - results.bundleAlone[variant]) / cards, longTasks: median(tasks[variant].map((t) => t.count)), longestTask: median(tasks[variant].map((t) => t.longest)), times: times[variant], tasks: tasks[variant] },
        ]),
      );
      console.log(`hydration cost: ${kind} done`);
    }
  } finally {
    await browser.close();
    await proxy.close();
  }
  return results;
}

const loadBefore = load();
const fmt = (value, digits = 0) => (value === undefined ? '—' : value.toFixed(digits));
const only = process.argv.find((a) => a.startsWith('--only='))?.split('=')[1];
const { urls, results } = only === 'cost' ? { urls: [], results: {} } : await pages();
const cost = only === 'lighthouse' ? {} : await hydrationCost();
const lines = [
  `Server rendering, side by side (Lighthouse 12.2.3, mobile; median of ${runs} run(s) per page; ${new Date().toISOString()};`,
  `load average before: ${loadBefore}, after: ${load()} on ${cpus().length} cores)`,
  '',
  '| page | throttling | CLS | TBT added by Byline (ms) | Byline long tasks | longest Byline task (ms) | FCP (ms) | FCP / placeholder | LCP (ms) | LCP / placeholder |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
];
for (const mode of urls.length ? ['simulated', 'observed'] : []) {
  const base = results[`${mode}|placeholder`];
  for (const name of urls) {
    const r = results[`${mode}|${name}`];
    const own = name !== 'placeholder';
    const added = own ? fmt(Math.max(0, r.tbt - base.tbt)) : '—';
    const ratio = (key) => (own ? fmt(r[key] / base[key], 2) : '—');
    lines.push(
      `| ${name} | ${mode} | ${fmt(r.cls, 3)} | ${added} | ${own ? fmt(r.bylineLongTasks) : '—'} | ${own ? fmt(r.bylineLongestTask) : '—'} | ${fmt(r.fcp)} | ${ratio('fcp')} | ${fmt(r.lcp)} | ${ratio('lcp')} |`,
    );
  }
}
const { bundleAlone, ...kinds } = cost;
if (bundleAlone) lines.push(
  '',
  `Hydration cost, ${cards} elements of one kind per page, median of ${samples} loads each. "All at once": from starting the`,
  'script to every element updated and the next frame, no throttling, every held element let go at once; "per 100"',
  `subtracts the same time on a page without elements (fetching and evaluating the bundle: hydrate ${fmt(bundleAlone?.hydrate, 1)} ms,`,
  `plain ${fmt(bundleAlone?.client, 1)} ms). "Long tasks": a reader's load of the same page at 4× CPU slowdown, Byline's tasks`,
  'over 50 ms (count, and the longest) until the page is quiet.',
  '',
  '| elements | page | all at once (ms) | ms per 100 elements | Byline long tasks | longest (ms) |',
  '| --- | --- | --- | --- | --- | --- |',
);
for (const [kind, result] of Object.entries(kinds)) {
  for (const [variant, label] of [['hydrate', 'server-rendered + byline.hydrate.min.js'], ['client', 'client-rendered + byline.min.js']]) {
    const r = result[variant];
    lines.push(`| ${cards} × ${kind} | ${label} | ${fmt(r.ms, 1)} | ${fmt(r.perElement * 100, 1)} | ${fmt(r.longTasks)} | ${fmt(r.longestTask)} |`);
  }
}
const report = lines.join('\n');
writeFileSync(join(OUT, 'report.md'), `${report}\n`);
writeFileSync(join(OUT, 'results.json'), JSON.stringify({ results, cost }, null, 2));
console.log(`\n${report}\n\n(${join(OUT, 'report.md')})`);
