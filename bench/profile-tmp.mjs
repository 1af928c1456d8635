import { chromium } from 'playwright-core';
import { MOBILE, startReferenceServer } from './lib/page-cost.mjs';
import { serve } from './lib/serve.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from './lib/setup.mjs';
import { readFileSync } from 'node:fs';
import sourceMapJs from 'source-map-js';
const ROOT = new URL('..', import.meta.url).pathname;
const reference = startReferenceServer(ROOT);
const proxy = await serve({ root: ROOT, proxy: await reference.origin, local: ['/bench/'] });
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
const path = process.argv[2] ?? '/demo/server-rendered/';
const maps = new Map();
function original(url, line, column) {
  const file = url.replace(/^https?:\/\/[^/]+\//, '').split('?')[0];
  if (!file.startsWith('cdn/')) return null;
  if (!maps.has(file)) { try { maps.set(file, new sourceMapJs.SourceMapConsumer(JSON.parse(readFileSync(ROOT + file + '.map', 'utf8')))); } catch { maps.set(file, null); } }
  const m = maps.get(file); if (!m) return null;
  const p = m.originalPositionFor({ line: line + 1, column });
  return p.source ? `${p.name ?? '?'} ${p.source.replace(/.*node_modules\//, '').replace(/^(\.\.\/)+/, '')}:${p.line}` : null;
}
try {
  const context = await browser.newContext(MOBILE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await page.addInitScript(() => { window.__lt = []; new PerformanceObserver((l) => window.__lt.push(...l.getEntries().map((t) => [t.startTime, t.duration]))).observe({ type: 'longtask', buffered: true }); });
  await cdp.send('Profiler.start');
  await page.goto(proxy.origin + path, { waitUntil: 'load' });
  await page.waitForTimeout(4000);
  const { profile } = await cdp.send('Profiler.stop');
  const lt = await page.evaluate(() => window.__lt);
  const origin = await page.evaluate(() => performance.timeOrigin);
  // profile times: µs, monotonic; map to performance.now via the first sample? Use nodes by time.
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map(); for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  let t = profile.startTime; const times = profile.timeDeltas.map((d) => (t += d));
  console.log('long tasks (perf.now ms):', lt.map(([s, d]) => `${s.toFixed(0)}+${d.toFixed(0)}`).join(', '));
  // Find windows: group samples into bursts of non-idle separated by idle; print bursts > 50ms with top self functions.
  const name = (n) => { const cf = n.callFrame; return original(cf.url, cf.lineNumber, cf.columnNumber) ?? `${cf.functionName || '(anon)'} ${cf.url.split('/').pop()}:${cf.lineNumber}`; };
  let burst = null; const bursts = [];
  profile.samples.forEach((id, i) => {
    const n = nodes.get(id); const idle = n.callFrame.functionName === '(idle)' || n.callFrame.functionName === '(program)';
    if (!idle) { if (!burst || times[i] - burst.end > 10000) { burst = { start: times[i], end: times[i], ids: [] }; bursts.push(burst); } burst.end = times[i]; burst.ids.push([id, i]); }
  });
  for (const b of bursts.filter((b) => b.end - b.start > 15000)) {
    console.log(`\nburst ${((b.start - profile.startTime) / 1000).toFixed(0)} ms after profile start, ${((b.end - b.start) / 1000).toFixed(0)} ms`);
    const self = new Map(), total = new Map();
    for (const [id, i] of b.ids) {
      const dt = (profile.timeDeltas[i + 1] ?? 100) / 1000;
      const k = name(nodes.get(id)); self.set(k, (self.get(k) ?? 0) + dt);
      const seen = new Set(); for (let p = id; p; p = parent.get(p)) { const k2 = name(nodes.get(p)); if (!seen.has(k2)) { seen.add(k2); total.set(k2, (total.get(k2) ?? 0) + dt); } }
    }
    console.log(' self:'); for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 14)) console.log(`  ${v.toFixed(1)} ${k}`);
    console.log(' total:'); for (const [k, v] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${v.toFixed(1)} ${k}`);
  }
} finally { await browser.close(); await proxy.close(); reference.stop(); }
