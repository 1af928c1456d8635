#!/usr/bin/env node
// Size report and budgets for what ships in cdn/ (run `npm run build` first). Prints min, gzip and
// brotli bytes of every entry and exits non-zero when one is over its gzip budget.
//
//   npm run size                      the table; fails over budget (CI runs this)
//   npm run size -- --profile         also: which source modules the bundle's bytes come from
//   node scripts/size.mjs --json      machine-readable (used by bench/run.mjs)
//   node scripts/size.mjs --markdown  the tables as Markdown (used by bench/run.mjs for BENCHMARKS.md)
//
// Definitions (also in BENCHMARKS.md):
// - 1 KB = 1,000 bytes. gzip is level 9, brotli quality 11; budgets are on gzip.
// - "bundle" is cdn/byline.min.js alone: all five elements, Lit and the English strings. "bundle th" etc.
//   are the language bundles (cdn/byline.th.min.js: the same plus the Thai strings), not budgeted.
// - "locale xx" is cdn/locales/xx.js, the strings a page in that language fetches once (budget 1.5 KB).
// - A widget's own code is its chunk in the loader build (cdn/chunks/<widget>-<hash>.js, the target of
//   the loader's import()) plus any chunk it imports other than the shared one: Lit, src/core and the
//   English strings are the shared chunk (core-<hash>.js), which every widget needs and is counted once.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { decode } from '@jridgewell/sourcemap-codec';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CDN = join(ROOT, 'cdn');
const KB = 1000;

export const WIDGETS = ['article-card', 'photo-caption', 'related-topics', 'comment-count', 'comment-box'];
export const BUDGETS = {
  bundle: 18 * KB,
  loader: 2 * KB,
  'article-card': 4 * KB,
  'photo-caption': 4 * KB,
  'related-topics': 4 * KB,
  'comment-count': 4 * KB,
  'comment-box': 6 * KB,
  /** Each language's strings (cdn/locales/<language>.js), loaded only by pages in that language. */
  locale: 1.5 * KB,
  /** What the comment box loads only when needed (its chunks' own code, docs/design.md). */
  'comment-box posting': 1.5 * KB,
  'comment-box comment-actions': 4.5 * KB,
  /** The comment actions' strings in one language (cdn/locales/comment-actions/<language>.js). */
  'actions locale': 1 * KB,
};

/**
 * Budgets missed today and tracked in an open issue. The budget stays as set and the row still reads
 * OVER; CI fails only if the entry grows past its ceiling (today's size, rounded up), so it can only
 * get better until the budget is met. Remove the entry when it is.
 */
export const KNOWN_MISSES = {
  bundle: { ceiling: 24 * KB, issue: 'issue 4 (blocked: the 18 KB budget is out of reach); 24 KB is the ceiling for what issues 11-16 add' },
  'comment-box': { ceiling: 6.3 * KB, issue: 'issue 16 (split into modules with decorators), issue 11 (deleted comments) and issue 13 (a given first page, server rendering); posting and the comment actions are lazy-loaded since issue 11, the rest is to be won back the same way' },
};

export const gzip = (data) => gzipSync(data, { level: 9 }).length;
export const brotli = (data) =>
  brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  }).length;

function measure(files) {
  const data = Buffer.concat(files.map((file) => readFileSync(join(CDN, file))));
  // Files fetched separately are compressed separately.
  const each = files.map((file) => readFileSync(join(CDN, file)));
  return {
    files,
    min: data.length,
    gzip: each.reduce((sum, d) => sum + gzip(d), 0),
    brotli: each.reduce((sum, d) => sum + brotli(d), 0),
  };
}

/** Relative chunk paths a built module imports: `static` (from "./x.js") and `dynamic` (import("./x.js")). */
function importsOf(file) {
  const code = readFileSync(join(CDN, file), 'utf8');
  const at = (spec) => join(dirname(file), spec);
  const dynamic = [...code.matchAll(/import\(\s*["'](\.{1,2}\/[^"']+\.js)["']\s*\)/g)].map((m) => at(m[1]));
  const stat = [...code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)].map((m) => at(m[1]));
  return { static: [...new Set(stat)], dynamic: [...new Set(dynamic)] };
}

/** `chunks/comment-box-Bomklla4.js` -> `comment-box` (rollup's default hash: 8 base64url characters). */
const chunkName = (file) => basename(file).replace(/-[\w-]{8}\.js$/, '');
const isShared = (file) => chunkName(file) === 'core';

/** The file and every chunk it statically imports, transitively, except those `skip` rejects. */
function closure(file, skip = () => false) {
  const seen = new Set();
  const visit = (f) => {
    if (seen.has(f) || skip(f)) return;
    seen.add(f);
    importsOf(f).static.forEach(visit);
  };
  visit(file);
  return [...seen];
}

export function report() {
  for (const file of ['byline.min.js', 'loader.js']) {
    if (!existsSync(join(CDN, file))) throw new Error(`cdn/${file} is missing: run \`npm run build\` first.`);
  }
  const rows = [];
  const add = (name, what, files, budget) => rows.push({ name, what, budget, ...measure(files) });

  add('bundle', 'cdn/byline.min.js: all five elements + Lit + English', ['byline.min.js'], BUDGETS.bundle);
  add('loader', 'cdn/loader.js', ['loader.js'], BUDGETS.loader);
  // The language bundles (rollup.config.mjs): reported, not budgeted.
  for (const file of readdirSync(CDN).sort()) {
    const language = /^byline\.([\w-]+)\.min\.js$/.exec(file)?.[1];
    if (language === 'hydrate') {
      // Its entry holds the page's elements; the elements' code is a chunk it loads when one needs it.
      add('hydrate entry', `cdn/${file}: holds a server-rendered page's elements, loads their code when one needs it`, [file]);
      const code = importsOf(file).dynamic.filter((chunk) => chunkName(chunk) === 'hydrate-elements');
      const extra = measure([file, ...code]).gzip - rows[0].gzip;
      add('hydrate', `${[file, ...code].join(' + ')}: all five elements + Lit's hydrate support, templates unminified (hydration compares them with the server's), for server-rendered pages (+${(extra / KB).toFixed(2)} KB over the bundle)`, [file, ...code]);
    } else if (language) add(`bundle ${language}`, `cdn/${file}: the bundle + ${language} strings inline`, [file]);
  }

  const widgetChunks = new Map(importsOf('loader.js').dynamic.map((file) => [chunkName(file), file]));
  let shared;
  for (const widget of WIDGETS) {
    const chunk = widgetChunks.get(widget);
    if (!chunk) {
      rows.push({ name: widget, what: 'not in the loader build', files: [], missing: true, budget: BUDGETS[widget] });
      continue;
    }
    add(widget, `own code: ${closure(chunk, isShared).join(' + ')}`, closure(chunk, isShared), BUDGETS[widget]);
    shared ??= closure(chunk).find(isShared);
  }
  // The comment box's lazy chunks: posting (the first time a reader posts) and the comment actions.
  const box = widgetChunks.get('comment-box');
  for (const lazy of box ? importsOf(box).dynamic : []) {
    const name = `comment-box ${chunkName(lazy)}`;
    const own = closure(lazy, (file) => isShared(file) || file === box);
    add(name, `loaded by the comment box only when needed: ${own.join(' + ')}`, own, BUDGETS[name]);
  }
  if (shared) {
    add('shared', `${shared}: Lit + src/core + English (loaded once, by the first element)`, [shared]);
    const card = widgetChunks.get('article-card');
    if (card) add('cards page', 'loader + shared + article card: a page with only cards', ['loader.js', shared, ...closure(card, isShared)]);
    const all = [...widgetChunks.values()].flatMap((chunk) => closure(chunk, isShared));
    add('all via loader', 'loader + shared + all five elements', ['loader.js', shared, ...new Set(all)]);
  }
  const locales = existsSync(join(CDN, 'locales')) ? readdirSync(join(CDN, 'locales')).filter((file) => file.endsWith('.js')).sort() : [];
  for (const file of locales) add(`locale ${file.slice(0, -'.js'.length)}`, `locales/${file} (only for pages in that language)`, [`locales/${file}`], BUDGETS.locale);
  const actionLocales = existsSync(join(CDN, 'locales/comment-actions')) ? readdirSync(join(CDN, 'locales/comment-actions')).filter((file) => file.endsWith('.js')).sort() : [];
  for (const file of actionLocales)
    add(`actions ${file.slice(0, -'.js'.length)}`, `locales/comment-actions/${file} (with the comment actions, for pages in that language)`, [`locales/comment-actions/${file}`], BUDGETS['actions locale']);

  for (const row of rows) {
    row.over = row.missing ? false : row.budget !== undefined && row.gzip > row.budget;
    const known = KNOWN_MISSES[row.name];
    // A known miss fails the run only when it grows past its ceiling.
    row.failing = row.over && (!known || row.gzip > known.ceiling);
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------------
// Per-module attribution from a source map: which source file each byte of the minified output came from.

/** Minified bytes per source file, plus the source's own text from the output (for gzip estimates). */
function attribute(file) {
  const code = readFileSync(join(CDN, file), 'utf8');
  const map = JSON.parse(readFileSync(join(CDN, `${file}.map`), 'utf8'));
  const lines = code.split('\n');
  const parts = new Map();
  const push = (source, text) => parts.set(source, (parts.get(source) ?? '') + text);
  decode(map.mappings).forEach((segments, row) => {
    const text = lines[row] ?? '';
    let current = '(unmapped)';
    let start = 0;
    for (const [column, source] of segments) {
      push(current, text.slice(start, column));
      start = column;
      current = source === undefined ? '(unmapped)' : map.sources[source].replace(/^(\.\.\/)+/, '');
    }
    push(current, text.slice(start) + '\n');
  });
  return parts;
}

/** Where a module's bytes belong: Lit, core, strings, or a widget. */
export function area(source) {
  if (source.includes('node_modules/')) return 'Lit';
  const m = /^dist\/(?:([\w-]+)\/|([\w-]+)\.js$)/.exec(source);
  const name = m?.[1] ?? m?.[2];
  if (name === 'core') return 'core';
  if (name === 'locales') return 'strings (en)';
  if (WIDGETS.includes(name)) return name;
  return name ?? source;
}

/**
 * Per-module and per-area attribution of `file`. `gzip` is the marginal cost: how many gzip bytes the
 * output would lose without that module's text (shared context makes the parts add up to less or more
 * than the total, but each says what removing that part would save).
 */
export function profile(file = 'byline.min.js') {
  const parts = attribute(file);
  const total = readFileSync(join(CDN, file));
  const totalGzip = gzip(total);
  const entries = [...parts].filter(([, text]) => text.trim());
  const without = (skip) => gzip(Buffer.from(entries.filter(([s]) => !skip(s)).map(([, t]) => t).join('')));
  const wholeGzip = without(() => false);
  const modules = entries
    .map(([source, text]) => ({
      source,
      area: area(source),
      min: Buffer.byteLength(text),
      gzip: wholeGzip - without((s) => s === source),
    }))
    .sort((a, b) => b.gzip - a.gzip);
  const areas = [...new Set(modules.map((m) => m.area))]
    .map((name) => ({
      area: name,
      min: modules.filter((m) => m.area === name).reduce((sum, m) => sum + m.min, 0),
      gzip: wholeGzip - without((s) => area(s) === name),
    }))
    .sort((a, b) => b.gzip - a.gzip);
  return { file, min: total.length, gzip: totalGzip, modules, areas };
}

// ---------------------------------------------------------------------------------------------------

const kb = (bytes) => (bytes / KB).toFixed(2);

export function markdown(rows) {
  const out = ['| entry | min KB | gzip KB | brotli KB | gzip budget | result |', '| --- | ---: | ---: | ---: | ---: | --- |'];
  for (const r of rows) {
    if (r.missing) {
      out.push(`| ${r.name} | — | — | — | ${kb(r.budget)} | not built yet |`);
      continue;
    }
    const result = r.budget === undefined ? '' : r.over ? `**over by ${kb(r.gzip - r.budget)} KB (+${Math.round(((r.gzip - r.budget) / r.budget) * 100)}%)**` : `ok (${kb(r.budget - r.gzip)} KB to spare)`;
    out.push(`| ${r.name} | ${kb(r.min)} | ${kb(r.gzip)} | ${kb(r.brotli)} | ${r.budget === undefined ? '' : kb(r.budget)} | ${result} |`);
  }
  return out.join('\n');
}

export function profileMarkdown(p, top = 20) {
  const out = [
    `\`cdn/${p.file}\`: ${kb(p.min)} KB min, ${kb(p.gzip)} KB gzip. "gzip" = what the file would lose without that part.`,
    '',
    '| area | min KB | gzip KB |',
    '| --- | ---: | ---: |',
    ...p.areas.map((a) => `| ${a.area} | ${kb(a.min)} | ${kb(a.gzip)} |`),
    '',
    `| largest modules (of ${p.modules.length}) | area | min KB | gzip KB |`,
    '| --- | --- | ---: | ---: |',
    ...p.modules.slice(0, top).map((m) => `| ${m.source} | ${m.area} | ${kb(m.min)} | ${kb(m.gzip)} |`),
  ];
  return out.join('\n');
}

function table(rows) {
  const head = ['entry', 'min', 'gzip', 'brotli', 'budget', ''];
  const body = rows.map((r) =>
    r.missing
      ? [r.name, '-', '-', '-', `${kb(r.budget)} KB`, 'NOT BUILT']
      : [
          r.name,
          `${kb(r.min)} KB`,
          `${kb(r.gzip)} KB`,
          `${kb(r.brotli)} KB`,
          r.budget === undefined ? '' : `${kb(r.budget)} KB`,
          r.budget === undefined ? '' : r.over ? `OVER by ${kb(r.gzip - r.budget)} KB` : 'ok',
        ],
  );
  const widths = head.map((_, i) => Math.max(...[head, ...body].map((row) => row[i].length)));
  const line = (row) => row.map((cell, i) => (i === 0 || i === 5 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(head), ...body.map(line)].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = new Set(process.argv.slice(2));
  let rows;
  try {
    rows = report();
  } catch (error) {
    console.error(`size: ${error.message}`);
    process.exit(2);
  }
  const over = rows.filter((r) => r.over);
  const missing = rows.filter((r) => r.missing);
  if (args.has('--json')) {
    console.log(JSON.stringify({ rows, profile: profile() }, null, 2));
  } else if (args.has('--markdown')) {
    console.log(markdown(rows));
    if (args.has('--profile')) console.log(`\n${profileMarkdown(profile())}`);
  } else {
    console.log('Sizes of cdn/ (1 KB = 1,000 bytes; gzip -9, brotli q11; budgets on gzip)\n');
    console.log(table(rows));
    for (const r of rows) if (!r.missing && r.what) console.log(`  ${r.name}: ${r.what}`);
    if (args.has('--profile')) {
      const p = profile();
      console.log(`\nWhere the bundle's bytes come from (cdn/${p.file}, ${kb(p.gzip)} KB gzip; gzip = saved without it):\n`);
      for (const a of p.areas) console.log(`  ${a.area.padEnd(16)} ${kb(a.min).padStart(7)} KB min ${kb(a.gzip).padStart(6)} KB gzip`);
      console.log('');
      for (const m of p.modules) console.log(`  ${m.source.padEnd(56)} ${kb(m.min).padStart(7)} KB min ${kb(m.gzip).padStart(6)} KB gzip`);
    }
    if (missing.length) console.log(`\nnot built yet: ${missing.map((r) => r.name).join(', ')} (their define modules export nothing)`);
    for (const r of over.filter((row) => !row.failing)) {
      const known = KNOWN_MISSES[r.name];
      console.log(`\nMISSED (known): ${r.name} is over its ${kb(r.budget)} KB budget by ${kb(r.gzip - r.budget)} KB; tracked in ${known.issue}. It fails CI only above ${kb(known.ceiling)} KB.`);
    }
    const failing = over.filter((row) => row.failing);
    console.log(failing.length ? `\nFAIL: over budget: ${failing.map((r) => `${r.name} by ${kb(r.gzip - r.budget)} KB`).join(', ')}` : over.length ? '\nNo budget got worse.' : '\nAll budgets met.');
  }
  process.exitCode = rows.some((row) => row.failing) ? 1 : 0;
}
