import { chromium } from 'playwright-core';
import { MOBILE, startReferenceServer } from './lib/page-cost.mjs';
import { serve } from './lib/serve.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from './lib/setup.mjs';
import { writeFileSync } from 'node:fs';
const ROOT = new URL('..', import.meta.url).pathname;
const reference = startReferenceServer(ROOT);
const proxy = await serve({ root: ROOT, proxy: await reference.origin, local: ['/bench/'] });
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
const path = process.argv[2] ?? '/demo/server-rendered/';
try {
  const context = await browser.newContext(MOBILE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink', 'disabled-by-default-v8.compile', 'toplevel'] } });
  await page.goto(proxy.origin + path, { waitUntil: 'load' });
  await page.waitForTimeout(4000);
  await cdp.send('Tracing.end');
  await done;
  writeFileSync('/tmp/tr/trace.json', JSON.stringify(events));
  // Main thread: the renderer's CrRendererMain
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const tasks = onMain.filter((e) => e.name === 'RunTask' && e.dur > 50000);
  for (const t of tasks) {
    console.log(`\nTask at ${((t.ts) / 1000).toFixed(0)} ms, ${(t.dur / 1000).toFixed(0)} ms`);
    const inside = onMain.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e.dur > 3000);
    for (const e of inside.sort((a, b) => a.ts - b.ts)) {
      const depth = onMain.filter((p) => p !== e && p !== t && p.ts <= e.ts && p.ts + p.dur >= e.ts + e.dur && p.dur > 3000 && inside.includes(p)).length;
      const detail = e.args?.data?.url || e.args?.data?.functionName || e.args?.data?.type || '';
      console.log(`${'  '.repeat(depth + 1)}${e.name} ${(e.dur / 1000).toFixed(1)} ms ${String(detail).slice(0, 80)}`);
    }
  }
} finally {
  await browser.close(); await proxy.close(); reference.stop();
}
