// `npm run test:examples`: the package as a new user gets it. Packs the built package (run `npm run build`
// first), installs the tarball into the examples' one shared install (examples/package.json; `npm ci`
// runs only when examples/package-lock.json changed), then: checks the package (attw, publint),
// type-checks each example and a file that uses every element with its framework's own checker, builds
// each app with Vite, and loads each in Chromium, where the card must show its data, re-render on a
// property update and deliver `byline-load` to the app's handler. The plain HTML page loads the script-tag
// build from a second origin, with and without the CORS header. Prints a table of every check.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { availableParallelism, tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const EXAMPLES = resolve('examples');
const bin = (name) => join(EXAMPLES, 'node_modules/.bin', name);
const version = (pkg, from = EXAMPLES) => JSON.parse(readFileSync(join(from, 'node_modules', pkg, 'package.json'), 'utf8')).version;
const rows = [];
let failed = false;

function record(check, tool, ok, started, note = '') {
  rows.push({ check, tool, result: ok ? 'pass' : `FAIL${note ? ` (${note})` : ''}`, seconds: ((performance.now() - started) / 1000).toFixed(1) });
  if (!ok) failed = true;
}

/** Runs a command; prints its output only when it fails (or when `expect` says what the output must hold). */
function run(check, tool, command, args, { cwd = EXAMPLES, expect } = {}) {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } });
  return finish(check, tool, command, args, started, `${result.stdout}${result.stderr}`, result.status, expect);
}

function finish(check, tool, command, args, started, output, status, expect) {
  const ok = expect ? expect(output, status) : status === 0;
  if (!ok) console.error(`\n--- ${check}: ${command} ${args.join(' ')}\n${output}`);
  record(check, tool, ok, started);
  return output;
}

/** The same for independent checks, as many at once as there are cores; rows keep the given order. */
async function runAll(checks) {
  const slots = [];
  const queue = checks.map((check, i) => ({ ...check, i }));
  const results = [];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const { check, tool, command, args, cwd = EXAMPLES, expect, i } = next;
      const started = performance.now();
      const child = spawn(command, args, { cwd, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      const status = await new Promise((done) => child.on('close', done));
      const before = rows.length;
      finish(check, tool, command, args, started, output, status, expect);
      results[i] = rows.splice(before, 1)[0];
    }
  };
  for (let n = 0; n < Math.max(1, availableParallelism()); n++) slots.push(worker());
  await Promise.all(slots);
  rows.push(...results);
}

if (!existsSync('dist/index.js') || !existsSync('cdn/loader.js')) {
  console.error('test:examples needs the build: run `npm run build` first.');
  process.exit(1);
}

// 1. Pack, and the examples' shared install (cached: reinstalled only when its lockfile changed).
const packDir = mkdtempSync(join(tmpdir(), 'byline-pack-'));
const packed = run('npm pack', `npm ${spawnSync('npm', ['-v'], { encoding: 'utf8' }).stdout.trim()}`, 'npm', ['pack', '--pack-destination', packDir, '--silent'], { cwd: '.' });
const tarball = join(packDir, packed.trim().split('\n').pop());
const lockHash = createHash('sha256').update(readFileSync(join(EXAMPLES, 'package-lock.json'))).digest('hex');
const marker = join(EXAMPLES, 'node_modules/.byline-lock-hash');
if (!existsSync(marker) || readFileSync(marker, 'utf8') !== lockHash) {
  run('examples: npm ci (lockfile changed)', 'npm', 'npm', ['ci', '--no-audit', '--no-fund']);
  writeFileSync(marker, lockHash);
}
run('install the packed tarball', 'npm', 'npm', ['install', '--no-save', '--no-audit', '--no-fund', tarball]);
const installed = join(EXAMPLES, 'node_modules/byline-widgets');
if (statSync(installed).isSymbolicLink?.() || !existsSync(join(installed, 'dist/frameworks/react.d.ts'))) {
  console.error('byline-widgets in examples/node_modules is not the packed tarball');
  process.exit(1);
}

// 2. The package itself, and 3. type-checks: each app and its every-element file, with the framework's
// own checker, in strict mode. Independent of each other, so they run side by side.
const ts = `tsc ${version('typescript')}`;
await runAll([
  { check: 'types resolve in every mode (esm-only)', tool: `@arethetypeswrong/cli ${version('@arethetypeswrong/cli', '.')}`, command: 'npx', args: ['attw', tarball, '--profile', 'esm-only'], cwd: '.' },
  { check: 'package.json and files (strict)', tool: `publint ${version('publint', '.')}`, command: 'npx', args: ['publint', '--strict'], cwd: '.' },
  { check: 'React 19 app + every element (TSX, --strict)', tool: `${ts}, @types/react ${version('@types/react')}`, command: bin('tsc'), args: ['-p', 'react/tsconfig.json'] },
  { check: 'Preact: every element (TSX, --strict)', tool: `${ts}, preact ${version('preact')}`, command: bin('tsc'), args: ['-p', 'preact/tsconfig.json'] },
  { check: 'Vue 3 app + every element (strictTemplates)', tool: `vue-tsc ${version('vue-tsc')}, vue ${version('vue')}`, command: bin('vue-tsc'), args: ['-p', 'vue/tsconfig.json'] },
  // svelte-check cannot expect an error in markup: src/expected-errors.svelte must fail exactly twice.
  {
    check: 'Svelte 5 app + every element (strict)',
    tool: `svelte-check ${version('svelte-check')}, svelte ${version('svelte')}`,
    command: bin('svelte-check'),
    args: ['--tsconfig', './tsconfig.json', '--output', 'machine', '--fail-on-warnings'],
    cwd: join(EXAMPLES, 'svelte'),
    expect: (out) => {
      const errors = out.split('\n').filter((line) => / (ERROR|WARNING) /.test(line));
      return errors.length === 2 && errors.every((line) => line.includes('src/expected-errors.svelte'))
        && /diagonal.{0,4}' is not assignable/.test(out) && /Property 'title' does not exist on type 'number'/.test(out);
    },
  },
]);

// 4. Vite builds.
for (const app of ['react', 'vue', 'svelte'])
  run(`${app}: vite build`, `vite ${version('vite')}`, bin('vite'), ['build', '--logLevel', 'warn'], { cwd: join(EXAMPLES, app) });

// 5. In Chromium.
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.map': 'application/json' };
/** A static file server on 127.0.0.1; `headers` are added to every answer, `rewrite` edits HTML. */
function serve(dir, { headers = {}, rewrite = (html) => html } = {}) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = resolve(dir, `.${path.endsWith('/') ? `${path}index.html` : path}`);
    if (!file.startsWith(resolve(dir)) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404, headers).end();
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const body = type === 'text/html' ? rewrite(readFileSync(file, 'utf8')) : readFileSync(file);
    res.writeHead(200, { 'Content-Type': type, ...headers }).end(body);
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done({ server, origin: `http://127.0.0.1:${server.address().port}` })));
}

const FIRST = 'Digital transformation reaches every commune';
const SECOND = 'Fibre broadband for mountain schools';
const headline = () => document.querySelector('byline-article-card')?.shadowRoot?.querySelector('[part="headline"]')?.textContent?.trim();
const loadedText = () => document.getElementById('loaded')?.textContent;

/** The card shows its data, the app's handler got `byline-load`, and a property update re-renders. */
async function checkApp(page, url, label) {
  const started = performance.now();
  const problems = [];
  page.on('pageerror', (error) => problems.push(String(error)));
  try {
    await page.goto(url);
    await page.waitForFunction((title) => document.querySelector('byline-article-card')?.shadowRoot?.querySelector('[part="headline"]')?.textContent?.trim() === title, FIRST);
    await page.waitForFunction((title) => document.getElementById('loaded')?.textContent === `Loaded: ${title}`, FIRST);
    await page.getByRole('button', { name: 'Next story' }).click();
    await page.waitForFunction((title) => document.querySelector('byline-article-card')?.shadowRoot?.querySelector('[part="headline"]')?.textContent?.trim() === title, SECOND);
    await page.waitForFunction((title) => document.getElementById('loaded')?.textContent === `Loaded: ${title}`, SECOND);
    record(label, `chromium ${browser.version()}`, problems.length === 0, started, problems.join('; '));
  } catch (error) {
    const seen = await page.evaluate(`[(${headline})(), (${loadedText})()]`).catch(() => []);
    console.error(`\n--- ${label}: ${error.message.split('\n')[0]}; headline=${seen[0]}, ${seen[1]}; ${problems.join('; ')}`);
    record(label, `chromium ${browser.version()}`, false, started);
  }
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const servers = [];
try {
  for (const app of ['react', 'vue', 'svelte']) {
    const { server, origin } = await serve(join(EXAMPLES, app, 'dist'));
    servers.push(server);
    const page = await browser.newPage();
    await checkApp(page, `${origin}/`, `${app}: card shows data, re-renders, event reaches the app`);
    await page.close();
  }

  // The script tag from a second origin: the installed package plays the CDN (jsDelivr serves the same
  // files from the same tarball), with the headers docs/frameworks.md asks a self-hosted copy to send.
  const CDN_URL = /https:\/\/cdn\.jsdelivr\.net\/npm\/byline-widgets@[^/]+\//g;
  const cdnHeaders = { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'public, max-age=300' };
  for (const [cors, label] of [[true, 'plain HTML: script tag from another origin with CORS'], [false, 'plain HTML: without the CORS header the tag stays undefined']]) {
    const cdn = await serve(installed, { headers: cors ? cdnHeaders : { 'Cache-Control': 'public, max-age=300' } });
    const site = await serve(join(EXAMPLES, 'plain-html'), { rewrite: (html) => html.replace(CDN_URL, `${cdn.origin}/`) });
    servers.push(cdn.server, site.server);
    const page = await browser.newPage();
    if (cors) await checkApp(page, `${site.origin}/`, label);
    else {
      const started = performance.now();
      const blocked = page.waitForEvent('console', (message) => /CORS policy/.test(message.text()));
      await page.goto(`${site.origin}/`);
      await blocked;
      const defined = await page.evaluate(() => Boolean(customElements.get('byline-article-card')));
      record(label, `chromium ${browser.version()}`, !defined, started);
    }
    await page.close();
  }
} finally {
  await browser.close();
  for (const server of servers) server.close();
  rmSync(packDir, { recursive: true, force: true });
}

const table = [['check', 'tool', 'result', 's'], ...rows.map((r) => [r.check, r.tool, r.result, r.seconds])];
const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
const line = (row) => `| ${row.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
console.log([line(table[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...table.slice(1).map(line)].join('\n'));
process.exit(failed ? 1 : 0);
