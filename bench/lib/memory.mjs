// Memory: the JS heap that 1,000 article cards add, per implementation, in Debian's Chromium driven by
// playwright-core. Each run is a fresh browser context: load the page (code and data in memory), force
// garbage collection through the DevTools protocol, read the heap, render the cards, collect again,
// read again. Runs rotate the order of implementations; the report gives medians and their ratio.
//
// "JS heap" (V8's used heap, Runtime.getHeapUsage) is the budgeted figure. It leaves out the DOM,
// which lives in Blink's own heap, so a vanilla card that keeps few JS objects looks almost free; the
// report therefore also gives JS + DOM from performance.measureUserAgentSpecificMemory() (the page is
// cross-origin isolated by bench/lib/serve.mjs) and the DOM nodes each card adds.
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './setup.mjs';
import { median, ratioInterval } from './stats.mjs';

// litFloor: a Lit element with the card's elements and styles but no bindings (static text), the least
// any Lit element costs here; not the same DOM, so only this benchmark uses it.
export const IMPLS = ['vanilla', 'lit', 'byline', 'litFloor'];

async function once(browser, origin, impl, n) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${origin}/bench/pages/render.html?impl=${impl}&manual`);
    await page.waitForFunction(() => window.benchReady === true, null, { timeout: 60_000 });
    const cdp = await context.newCDPSession(page);
    const measure = async () => {
      // Several passes: the first can leave garbage that only a later one frees (weak references).
      for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      const { nodes } = await cdp.send('Memory.getDOMCounters');
      const total = await page.evaluate(async () => (await performance.measureUserAgentSpecificMemory()).bytes);
      return { heap: usedSize, nodes, total };
    };
    await page.evaluate((count) => window.bench.prepare(count), n);
    const before = await measure();
    await page.evaluate(() => window.bench.render());
    const after = await measure();
    if (errors.length) throw new Error(`${impl}: ${errors.join('; ')}`);
    return { heap: after.heap - before.heap, nodes: after.nodes - before.nodes, total: after.total - before.total };
  } finally {
    await context.close();
  }
}

/** Returns `{ n, runs, impls: { [impl]: { medianHeap, ratio, low, high, medianTotal, totalRatio, nodes, ... } } }`. */
export async function memory({ origin, runs, n = 1000 }) {
  // ForceEagerMeasureMemory: measureUserAgentSpecificMemory() answers at once instead of at the next GC.
  const args = [...CHROMIUM_ARGS, '--enable-blink-features=ForceEagerMeasureMemory'];
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args });
  const samples = Object.fromEntries(IMPLS.map((impl) => [impl, { heaps: [], nodes: [], totals: [] }]));
  try {
    for (let run = 0; run < runs; run++) {
      const order = IMPLS.map((_, i) => IMPLS[(i + run) % IMPLS.length]);
      for (const impl of order) {
        const { heap, nodes, total } = await once(browser, origin, impl, n);
        samples[impl].heaps.push(heap);
        samples[impl].nodes.push(nodes);
        samples[impl].totals.push(total);
      }
    }
  } finally {
    await browser.close();
  }
  const base = samples.vanilla;
  const impls = {};
  for (const impl of IMPLS) {
    const { heaps, nodes, totals } = samples[impl];
    const heapInterval = ratioInterval(heaps, base.heaps);
    const totalInterval = ratioInterval(totals, base.totals);
    impls[impl] = {
      heaps,
      totals,
      medianHeap: median(heaps),
      medianTotal: median(totals),
      nodes: median(nodes),
      ratio: median(heaps) / median(base.heaps),
      low: heapInterval?.low,
      high: heapInterval?.high,
      totalRatio: median(totals) / median(base.totals),
      totalLow: totalInterval?.low,
      totalHigh: totalInterval?.high,
    };
  }
  return { n, runs, impls };
}
