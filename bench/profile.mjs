#!/usr/bin/env node
// Where a benchmark page spends its time: a CPU profile (DevTools protocol, Debian Chromium) of one
// bench page, summed by function and by area (Lit, Byline core, a widget, the page, the browser's own
// style/layout/GC). For finding what holds a figure back; the figures themselves come from bench/run.mjs.
//
//   node bench/profile.mjs render.html?impl=byline&n=1000 [--top=25]
//   node bench/profile.mjs comment-box.html?impl=byline
//   node bench/profile.mjs /demo/ --cpu-slowdown=4      a demo page, from the reference server, at
//                                                        Lighthouse's phone size and CPU slowdown
//
// Function names in the bundle are minified: the profile maps them back through cdn/*.js.map to the
// source module (dist/... = src/...), which is what the "module" column shows.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { area } from '../scripts/size.mjs';
import { MOBILE, startReferenceServer } from './lib/page-cost.mjs';
import { serve } from './lib/serve.mjs';
import { sourceLookup } from './lib/source-map.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from './lib/setup.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const page = process.argv[2] ?? 'render.html?impl=byline&n=1000';
const option = (name, fallback) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const top = option('top', 25);
const slowdown = option('cpu-slowdown', 1);
// Bench pages come from a static server and signal `benchReady`; demo pages need the reference server.
const demo = page.startsWith('/demo/');

const reference = demo ? startReferenceServer(ROOT) : undefined;
const server = reference ? { origin: await reference.origin, close: async () => reference.stop() } : await serve({ root: ROOT });
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
try {
  const tab = await browser.newPage(demo ? MOBILE : { viewport: { width: 1024, height: 768 } });
  const cdp = await tab.context().newCDPSession(tab);
  if (slowdown > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  if (demo) {
    await tab.goto(`${server.origin}${page}`, { waitUntil: 'networkidle' });
  } else {
    await tab.goto(`${server.origin}/bench/pages/${page}`);
    await tab.waitForFunction(() => window.benchReady === true, null, { timeout: 120_000 });
  }
  const { profile } = await cdp.send('Profiler.stop');
  const measures = await tab.evaluate(() => performance.getEntriesByType('measure').map((m) => `${m.name} ${m.duration.toFixed(1)} ms`));

  const lookups = new Map();
  const where = (frame) => {
    const path = frame.url ? new URL(frame.url).pathname : '';
    if (!path) return frame.functionName.startsWith('(') ? frame.functionName : '(browser)';
    if (path.startsWith('/cdn/')) {
      if (!lookups.has(path)) lookups.set(path, sourceLookup(join(ROOT, path)));
      return lookups.get(path)(frame.lineNumber, frame.columnNumber) ?? path;
    }
    return path.replace(/^\//, '');
  };
  const interval = (profile.endTime - profile.startTime) / profile.samples.length / 1000;
  const counts = new Map();
  for (const id of profile.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
  const byFunction = new Map();
  const byArea = new Map();
  for (const node of profile.nodes) {
    const self = (counts.get(node.id) ?? 0) * interval;
    if (!self) continue;
    const module = where(node.callFrame);
    const key = `${node.callFrame.functionName || '(anonymous)'}  ${module}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + self);
    const group = module.startsWith('(') ? module : module.startsWith('dist/') || module.includes('node_modules/') ? area(module) : 'page';
    byArea.set(group, (byArea.get(group) ?? 0) + self);
  }
  const total = [...byArea.values()].reduce((a, b) => a + b, 0);
  const conditions = slowdown > 1 ? `, CPU ${slowdown}x slower` : '';
  console.log(`${page}${conditions}: ${measures.join(', ') || 'no measures'}; profile ${total.toFixed(0)} ms of samples (self time)\n`);
  console.log('by area (the browser\'s style, layout and GC show as "(program)" / "(garbage collector)"):');
  for (const [name, ms] of [...byArea].sort((a, b) => b[1] - a[1])) console.log(`  ${name.padEnd(22)} ${ms.toFixed(1).padStart(8)} ms  ${((ms / total) * 100).toFixed(1).padStart(5)}%`);
  console.log(`\ntop ${top} functions by self time:`);
  for (const [name, ms] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${name}`);
} finally {
  await browser.close();
  await server.close();
}
