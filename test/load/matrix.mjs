#!/usr/bin/env node
// `npm run test:load:matrix [-- --full]`: the load test for SQLite ×1, PostgreSQL ×1 and PostgreSQL ×3,
// one after the other, then one Markdown table of all three (the table in docs/load.md).
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const extra = process.argv.slice(2);
const CONFIGS = [
  ['--store=sqlite', '--instances=1'],
  ['--store=postgres', '--instances=1'],
  ['--store=postgres', '--instances=3'],
];

const results = [];
let failed = false;
for (const config of CONFIGS) {
  const before = loadavg()[0];
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'test/load/load.mjs'), ...config, ...extra, '--json'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  process.stdout.write(run.stdout.split('\n').filter((l) => !l.startsWith('LOAD-JSON')).join('\n'));
  const line = run.stdout.split('\n').find((l) => l.startsWith('LOAD-JSON '));
  if (run.status !== 0 || !line) failed = true;
  if (line) results.push({ ...JSON.parse(line.slice('LOAD-JSON '.length)), load: `${before.toFixed(1)} → ${loadavg()[0].toFixed(1)}` });
}

console.log(`\nMachine: ${results[0]?.machine}; ${results[0]?.full ? 'full' : 'quick'} form; 1-minute load average before → after each run in the last column.\n`);
console.log('| store × instances | phase | req/s | p50 ms | p99 ms | requests | statuses | errors + timeouts | acked / stored (lost, duplicated) | load avg |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of results) {
  r.rows.forEach((row, i) => {
    const audit = i === 0 ? `${r.acked} / ${r.stored} (${r.lost}, ${r.duplicated})` : '';
    console.log(`| ${i === 0 ? r.label : ''} | ${row.load} | ${row['req/s']} | ${row['p50 ms']} | ${row['p99 ms']} | ${row.requests} | ${row.statuses} | ${row['errors+timeouts']} | ${audit} | ${i === 0 ? r.load : ''} |`);
  });
}
process.exit(failed ? 1 : 0);
