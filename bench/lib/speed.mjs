// Speed: tachometer runs every implementation side by side in one session (interleaved samples, a new
// tab each), per config in bench/tach/. Results are ratios against the vanilla baseline, with
// tachometer's 95% confidence interval of the difference of means turned into a ratio interval.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureChromedriver } from './setup.mjs';
import { mean } from './stats.mjs';

/** Configs in the order they run; `quick` sample sizes are for a sanity run only. */
export const SPEED_CONFIGS = [
  { file: 'render-10.json', title: 'Render 10 article cards', quick: 6 },
  { file: 'render-100.json', title: 'Render 100 article cards', quick: 6 },
  { file: 'render-1000.json', title: 'Render 1,000 article cards', quick: 4 },
  { file: 'update-1000.json', title: 'Update every 10th of 1,000 cards (title + date), 5 rounds', quick: 4 },
  { file: 'comment-box.json', title: 'Comment box (200 comments a page)', quick: 4 },
];

function runTachometer(root, config, json, log) {
  return new Promise((done, fail) => {
    const bin = join(root, 'node_modules', 'tachometer', 'bin', 'tach.js');
    const child = spawn(process.execPath, [bin, '--config', config, '--json-file', json], {
      cwd: root,
      env: {
        ...process.env,
        // Selenium Manager must never fetch a driver or a browser: Debian's are found on PATH.
        SE_OFFLINE: 'true',
        SE_AVOID_BROWSER_DOWNLOAD: 'true',
        // Should tachometer still try its own `npm install chromedriver`, no install script may run
        // (it would download a driver).
        npm_config_ignore_scripts: 'true',
      },
    });
    const out = createWriteStream(log);
    child.stdout.pipe(out);
    child.stderr.pipe(out);
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done() : fail(new Error(`tachometer exited ${code}; see ${log}`))));
  });
}

/**
 * Runs every config; returns rows `{ benchmark, measurement, impl, meanMs, samples, ratio, low, high }`
 * with ratio = mean(impl) / mean(vanilla) and [low, high] its 95% interval (from tachometer).
 */
export async function speed({ root, out, quick, only, reuse = false }) {
  mkdirSync(join(out, 'tach'), { recursive: true });
  const rows = [];
  for (const spec of SPEED_CONFIGS) {
    if (only && !only.some((name) => spec.file.startsWith(name))) continue;
    const source = join(root, 'bench', 'tach', spec.file);
    const config = JSON.parse(readFileSync(source, 'utf8'));
    // A copy with absolute paths, so it can live in .bench-results and change the sample size.
    config.root = resolve(join(root, 'bench', 'tach'), config.root ?? '.');
    for (const benchmark of config.benchmarks) {
      for (const variant of [benchmark, ...(benchmark.expand ?? [])]) {
        if (variant.url && !/^https?:/.test(variant.url)) variant.url = resolve(join(root, 'bench', 'tach'), variant.url);
      }
    }
    if (quick) config.sampleSize = spec.quick;
    const name = spec.file.replace(/\.json$/, '');
    const configFile = join(out, 'tach', `${name}.config.json`);
    const jsonFile = join(out, 'tach', `${name}.json`);
    writeFileSync(configFile, JSON.stringify(config, null, 2));
    if (reuse && existsSync(jsonFile)) {
      console.log(`bench: ${spec.title}: reusing ${jsonFile}`);
    } else {
      // Another `npm install` in this tree (a colleague's) prunes the package, which is not in the lockfile.
      ensureChromedriver(root);
      const started = Date.now();
      process.stdout.write(`bench: ${spec.title} (tachometer, ${config.sampleSize} samples each) ... `);
      await runTachometer(root, configFile, jsonFile, join(out, 'tach', `${name}.log`));
      console.log(`${Math.round((Date.now() - started) / 1000)} s`);
    }
    const { benchmarks } = JSON.parse(readFileSync(jsonFile, 'utf8'));
    // With several measurements per page, tachometer names results "vanilla [first-render]".
    const impl = (result) => result.name.replace(/ \[.*\]$/, '');
    const measured = (result) => result.measurement.entryName ?? result.measurement.name;
    for (const result of benchmarks) {
      const measurement = measured(result);
      const baseIndex = benchmarks.findIndex((b) => impl(b) === 'vanilla' && measured(b) === measurement);
      const base = benchmarks[baseIndex];
      const difference = result.differences[baseIndex];
      rows.push({
        benchmark: spec.title,
        config: `bench/tach/${spec.file}`,
        measurement,
        impl: impl(result),
        meanMs: mean(result.samples),
        samples: result.samples.length,
        ratio: mean(result.samples) / mean(base.samples),
        low: difference ? 1 + difference.percentChange.low / 100 : undefined,
        high: difference ? 1 + difference.percentChange.high / 100 : undefined,
      });
    }
  }
  return rows;
}
