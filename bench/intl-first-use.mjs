#!/usr/bin/env node
// What the first Intl formatter costs a page: each run is a fresh tab (about:blank, Debian Chromium,
// no CPU throttling) that times a sequence of Intl calls, so the first call pays for loading ICU data.
// This is the largest part of the one long task Byline's bundle adds to the demo page (BENCHMARKS.md,
// "Page cost"): a widget that shows a date makes the page's first `Intl.DateTimeFormat`.
//
//   node bench/intl-first-use.mjs [--runs=7]
import { chromium } from 'playwright-core';
import { median } from './lib/stats.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from './lib/setup.mjs';

const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.split('=')[1] ?? 7);

// What the demo's first render asks of Intl, in its order: the hero card's date, its title's date and
// time, the "translated from" language name, then a comment count's number and plural rule.
const CALLS = [
  ['first DateTimeFormat (th, date)', `new Intl.DateTimeFormat('th', { dateStyle: 'medium', timeZone: 'Asia/Bangkok' }).format(now)`],
  ['second DateTimeFormat (th, date + time)', `new Intl.DateTimeFormat('th', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Bangkok' }).format(now)`],
  ['DisplayNames (th)', `new Intl.DisplayNames('th', { type: 'language' }).of('vi')`],
  ['NumberFormat (th)', `new Intl.NumberFormat('th').format(12)`],
  ['PluralRules (th)', `new Intl.PluralRules('th').select(12)`],
  ['a DateTimeFormat in another language (vi)', `new Intl.DateTimeFormat('vi', { dateStyle: 'medium' }).format(now)`],
];

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
const times = CALLS.map(() => []);
try {
  for (let run = 0; run < runs; run++) {
    const page = await browser.newPage();
    await page.goto('about:blank');
    const result = await page.evaluate((calls) => {
      const now = new Date();
      return calls.map(([, code]) => {
        const start = performance.now();
        new Function('now', code)(now);
        return performance.now() - start;
      });
    }, CALLS);
    result.forEach((ms, i) => times[i].push(ms));
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`Intl calls in a fresh tab, in this order; median (min-max) of ${runs} runs, unthrottled:`);
CALLS.forEach(([name], i) => {
  const ms = times[i];
  console.log(`  ${name.padEnd(44)} ${median(ms).toFixed(1).padStart(6)} ms  (${Math.min(...ms).toFixed(1)}-${Math.max(...ms).toFixed(1)})`);
});
