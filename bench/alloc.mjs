#!/usr/bin/env node
// What updating cards allocates: a sampling heap profile (DevTools protocol, Debian Chromium) of update
// rounds on bench/pages/update.html, each round giving every 10th of 1,000 cards a new article, summed
// by function and source module. Garbage is not in the JS-heap figure (which is what stays), but it is
// what the collector then spends time on inside the update benchmark.
//
//   node bench/alloc.mjs [--impl=byline|lit|vanilla] [--rounds=40] [--top=20]
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './lib/serve.mjs';
import { sourceLookup } from './lib/source-map.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from './lib/setup.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const option = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const impl = option('impl', 'byline');
const rounds = Number(option('rounds', 40));
const top = Number(option('top', 20));

const server = await serve({ root: ROOT });
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
try {
  const tab = await browser.newPage({ viewport: { width: 1024, height: 768 } });
  // rounds=0: the page renders its 1,000 cards and stops; the rounds below are the profiled part.
  await tab.goto(`${server.origin}/bench/pages/update.html?impl=${impl}&n=1000&rounds=0`);
  await tab.waitForFunction(() => window.benchReady === true, null, { timeout: 120_000 });
  const cdp = await tab.context().newCDPSession(tab);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  // Every 256 bytes on average, and counting what the collector has freed since: all allocation.
  await cdp.send('HeapProfiler.startSampling', {
    samplingInterval: 256,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  await tab.evaluate(async (count) => {
    const { changed } = await import('./data.js');
    const targets = [...document.querySelectorAll('#list > *')].filter((_, i) => i % 10 === 0);
    for (let round = 0; round < count; round++) {
      const next = targets.map((el) => changed(el.article));
      targets.forEach((el, i) => (el.article = next[i]));
      await Promise.all(targets.map((el) => el.updateComplete));
    }
  }, rounds);
  const { profile } = await cdp.send('HeapProfiler.stopSampling');

  const lookups = new Map();
  const where = ({ url, lineNumber, columnNumber }) => {
    const path = url ? new URL(url).pathname : '';
    if (!path.startsWith('/cdn/')) return path.replace(/^\//, '') || '(browser)';
    if (!lookups.has(path)) lookups.set(path, sourceLookup(join(ROOT, path)));
    return lookups.get(path)(lineNumber, columnNumber) ?? path;
  };
  const byFunction = new Map();
  let total = 0;
  const visit = (node) => {
    total += node.selfSize;
    if (node.selfSize) {
      const key = `${node.callFrame.functionName || '(anonymous)'}  ${where(node.callFrame)}`;
      byFunction.set(key, (byFunction.get(key) ?? 0) + node.selfSize);
    }
    node.children.forEach(visit);
  };
  visit(profile.head);
  const kb = (bytes) => `${(bytes / rounds / 1024).toFixed(1).padStart(7)} KB`;
  console.log(`${impl}: ${kb(total).trim()} allocated per round of 100 card updates (${rounds} rounds)\n`);
  console.log(`top ${top} functions by bytes allocated per round:`);
  for (const [name, bytes] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${kb(bytes)}  ${name}`);
} finally {
  await browser.close();
  await server.close();
}
