#!/usr/bin/env node
// The table of supported languages (run `npm run build` first): plural categories (from Intl.PluralRules),
// the digits `digits="native"` shows, and the gzip size of each language's strings file in cdn/locales/.
//   npm run languages              plain text
//   npm run languages -- --markdown  the table in docs/languages.md
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist/locales/', import.meta.url);
const cdn = new URL('../cdn/locales/', import.meta.url);
if (!existsSync(dist)) {
  console.error('languages: dist/locales is missing: run `npm run build` first.');
  process.exit(2);
}
const rows = [];
for (const file of readdirSync(dist).filter((f) => f.endsWith('.js')).sort()) {
  const language = file.slice(0, -'.js'.length);
  const { default: strings } = await import(new URL(file, dist));
  const digits = strings.nativeDigits;
  const sample = digits ? new Intl.NumberFormat(`${language}-u-nu-${digits}`, { useGrouping: false }).format(1234567890) : '';
  const chunk = new URL(file, cdn);
  rows.push({
    language,
    name: new Intl.DisplayNames('en', { type: 'language' }).of(language),
    plurals: new Intl.PluralRules(language).resolvedOptions().pluralCategories.join(' '),
    digits: digits ? `${digits} (${sample})` : 'latn only',
    dir: strings.rtl ? 'rtl' : 'ltr',
    gzip: language === 'en' ? 'inline' : existsSync(chunk) ? `${(gzipSync(readFileSync(chunk), { level: 9 }).length / 1000).toFixed(2)} KB` : 'not built',
  });
}
const head = ['language', 'name', 'plural categories', 'native digits', 'dir', 'gzip'];
const cells = rows.map((r) => [r.language, r.name, r.plurals, r.digits, r.dir, r.gzip]);
if (process.argv.includes('--markdown')) {
  console.log(`| ${head.join(' | ')} |\n| ${head.map(() => '---').join(' | ')} |`);
  for (const row of cells) console.log(`| ${row.map((cell, i) => (i === 0 ? `\`${cell}\`` : cell)).join(' | ')} |`);
} else {
  const widths = head.map((_, i) => Math.max(...[head, ...cells].map((row) => [...row[i]].length)));
  for (const row of [head, ...cells]) console.log(row.map((cell, i) => cell + ' '.repeat(widths[i] - [...cell].length)).join('  '));
}
