// Script-tag builds, all minified ES modules with Lit inside:
// - cdn/byline.min.js (named by package.json's unpkg/jsdelivr fields) registers every element at once;
//   cdn/byline.<language>.min.js is the same with that language's strings inline as well.
// - cdn/loader.js defines each element only when one appears in the page and fetches just its code:
//   one chunk per element, plus one shared chunk (Lit, src/core, English strings) that the first brings.
// Locale strings other than the inline English are files of their own, cdn/locales/<language>.js, fixed
// URLs that every build imports and a page fetches only when it uses that language. Input is tsc's output in dist/, so TypeScript is compiled exactly once, by tsc.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { literalsHtmlCssMinifier } from '@literals/rollup-plugin-html-css-minifier';
import { readdirSync, readFileSync } from 'node:fs';

// Internal members (TypeScript `private`, spelled `_likeThis`) are renamed in the CDN files to `_a`,
// `_b`, ... `_ab`: the most used get the shortest names. Only names that start with "_" and a letter are
// touched, never public API, DOM or JSON names, nor Lit's `_$` internals; the leading "_" keeps the short
// names clear of what a subclass defines, and none is a `_name` that Lit's own minified code uses. The
// mapping is fixed here, before minifying, and given whole to every chunk of both builds, so code split
// across chunks agrees on it (`only_cache`: a name missing from it stays as written). dist/ is tsc's
// output, which the npm package ships unrenamed.
const INTERNAL = /^_[a-zA-Z]/;
const NAME = /(?<![\w$-])_[a-zA-Z][\w$]*/g;
const jsFiles = (dir) =>
  readdirSync(dir, { recursive: true })
    .filter((file) => file.endsWith('.js') && !file.includes('development'))
    .map((file) => readFileSync(`${dir}/${file}`, 'utf8'));
// A decorated internal property (`@state() private _selected`) is also named by a string in tsc's
// `__decorate([...], X.prototype, "_selected", ...)`, which Lit uses to make its accessor; terser never
// renames strings, so such a name keeps its spelling everywhere.
const DECORATED = /__decorate\(\[[^\]]*\], \w+(?:\.prototype)?, "(_[a-zA-Z][\w$]*)"/g;
const internalNames = () => {
  const uses = new Map();
  const decorated = new Set();
  for (const code of jsFiles('dist')) {
    for (const [name] of code.matchAll(NAME)) uses.set(name, (uses.get(name) ?? 0) + 1);
    for (const [, name] of code.matchAll(DECORATED)) decorated.add(name);
  }
  for (const name of decorated) uses.delete(name);
  const taken = new Set(uses.keys());
  for (const dir of ['lit', 'lit-html', 'lit-element', '@lit/reactive-element'])
    for (const code of jsFiles(`node_modules/${dir}`)) for (const [name] of code.matchAll(NAME)) taken.add(name);
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const shortNames = (function* () {
    for (let i = 0; ; i++) {
      const name = `_${i < letters.length ? '' : letters[Math.floor(i / letters.length) - 1]}${letters[i % letters.length]}`;
      if (!taken.has(name)) yield name;
    }
  })();
  const byUse = [...uses].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1));
  // terser's property cache format: "$"-prefixed keys.
  return { props: Object.fromEntries(byUse.map(([name]) => [`$${name}`, shortNames.next().value])) };
};
const INTERNAL_NAMES = internalNames();

const minify = () =>
  terser({
    ecma: 2021,
    module: true,
    compress: { passes: 2 },
    mangle: { properties: { regex: INTERNAL, only_cache: true, cache: INTERNAL_NAMES } },
    format: { comments: false },
  });

// Template literals (html``, css``) are most of a widget's bytes: minify them before terser.
// Except in the hydration bundle: hydration checks each template against the server's rendering of it
// (a digest of its strings), and the server renders the unminified templates of dist/. CSS is not checked.
const plugins = ({ keepHtml = false } = {}) => [
  nodeResolve(),
  literalsHtmlCssMinifier({ include: ['dist/**/*.js'], options: keepHtml ? { shouldMinify: () => false } : undefined }),
  minify(),
];

const output = {
  dir: 'cdn',
  format: 'es',
  sourcemap: true,
  // The maps name their sources as ../dist/*.js, which ship next to cdn/ in the package (and so on every npm
  // CDN): devtools fetches them on demand instead of every install carrying each source once per bundle.
  sourcemapExcludeSources: true,
  entryFileNames: '[name].js',
  chunkFileNames: 'chunks/[name]-[hash].js',
};

/** Lit, the shared core and the English strings: the loader build's shared chunk. */
const SHARED = /[\\/](node_modules|dist[\\/]core)[\\/]|[\\/]dist[\\/]locales[\\/]en\.js$/;

/** Every language with a strings file, but the English that every build has inline. */
const LOCALES = readdirSync('dist/locales')
  .filter((file) => file.endsWith('.js') && file !== 'en.js')
  .map((file) => file.slice(0, -'.js'.length));

// The locale map in src/core/i18n.ts names each file, which npm bundlers and the dev server need. In the
// CDN builds each language is cdn/locales/<language>.js instead, one fixed URL per language (a page can
// `modulepreload` it), so the map becomes the list of names and one import of that pattern: the bundle
// carries no per-language chunk names. `prefix` is the way from the output file that holds src/core to
// cdn/locales/.
const cdnLocales = (prefix) => ({
  name: 'byline-cdn-locales',
  transform(code, id) {
    // The comment actions' own strings (src/locales/comment-actions/) are cdn/locales/comment-actions/<language>.js
    // the same way; their chunk is always in cdn/chunks/, so the way there is fixed.
    const actions = /[\\/]dist[\\/]comment-box[\\/]comment-actions\.js$/.test(id);
    if (!actions && !/[\\/]dist[\\/]core[\\/]i18n\.js$/.test(id)) return null;
    const [name, path] = actions ? ['actionStringLoaders', '../locales/comment-actions/'] : ['localeLoaders', prefix];
    const map = new RegExp(`export const ${name} = \\{[^}]*\\};`);
    if (!map.test(code)) this.error(`the locale map \`${name}\` was not found in ${id}`);
    const loaders = `Object.fromEntries(${JSON.stringify(LOCALES)}.map((language) => [language, () => import(\`${path}\${language}.js\`)]))`;
    return { code: code.replace(map, `export const ${name} = ${loaders};`), map: null };
  },
});

// Language bundles: the script-tag bundle with one more language's strings inline, for pages in that
// language. The strings are provided before the first render, so an element that is in the page when the
// bundle runs renders at once in the page's language: no request for the strings, no empty first frame.
// Every locale but the English one the bundle already has: a new src/locales/ file gets a bundle too.
const LANGUAGE_BUNDLES = LOCALES;

// The single-file bundles import every style module (src/core/styles.ts and each src/<widget>/*.styles.ts)
// before the elements, so all of their css`` sits in one stretch of the file instead of seven stretches
// between the widgets' code: gzip then finds the CSS repeated across widgets (-0.13 KB gzip). Only the
// order of the modules in the file changes; a style module just makes its CSSResult.
const STYLE_MODULES = readdirSync('dist', { recursive: true })
  .map((file) => file.replaceAll('\\', '/'))
  .filter((file) => /(^|\/|\.)styles\.js$/.test(file))
  .sort();
const BUNDLE_ENTRY = '\0byline-bundle:';
const bundleEntry = () => ({
  name: 'byline-bundle-entry',
  resolveId: (id) => (id.startsWith(BUNDLE_ENTRY) ? id : null),
  load(id) {
    if (!id.startsWith(BUNDLE_ENTRY)) return null;
    const language = id.slice(BUNDLE_ENTRY.length);
    const styles = STYLE_MODULES.map((file) => `import './dist/${file}';`);
    if (!language) return [...styles, `export * from './dist/index.js';`].join('\n');
    return [
      `import { provideStrings } from './dist/core/i18n.js';`,
      `import strings from './dist/locales/${language}.js';`,
      ...styles,
      `provideStrings('${language}', strings);`,
      `export * from './dist/index.js';`,
    ].join('\n');
  },
});

// tsc's decorator helper starts `(this && this.__decorate) || ...`; at a module's top level `this` is
// undefined, which is what the helper expects, so Rollup's warning about it says nothing new.
const onwarn = (warning, warn) => warning.code !== 'THIS_IS_UNDEFINED' && warn(warning);

// What only some readers use (the comment actions, the post-failure messages) is a chunk of its own that
// the single-file bundles import when needed; it takes Lit and core from the bundle itself. By default
// Rollup keeps an entry's exports exactly as written and so would move the whole bundle into a shared
// chunk behind a one-line byline.min.js; 'allow-extension' lets it add the exports those chunks need.
const bundleChunks = 'allow-extension';

export default [
  {
    input: { 'byline.min': BUNDLE_ENTRY },
    preserveEntrySignatures: bundleChunks,
    output,
    onwarn,
    plugins: [bundleEntry(), cdnLocales('./locales/'), ...plugins()],
  },
  // For server-rendered pages (src/ssr.ts): a small entry without Lit that holds the page's elements, and
  // the elements' code with Lit's hydrate support, a chunk that the entry loads when an element needs it
  // (src/core/hydration.ts). Only here: client-only pages keep byline.min.js, which never carries it.
  {
    input: { 'byline.hydrate.min': 'dist/hydrate.js' },
    preserveEntrySignatures: bundleChunks,
    output,
    onwarn,
    plugins: [cdnLocales('../locales/'), ...plugins({ keepHtml: true })],
  },
  // One build per language, so each is a single file like byline.min.js (shared chunks otherwise).
  ...LANGUAGE_BUNDLES.map((language) => ({
    input: { [`byline.${language}.min`]: `${BUNDLE_ENTRY}${language}` },
    preserveEntrySignatures: bundleChunks,
    output,
    onwarn,
    plugins: [bundleEntry(), cdnLocales('./locales/'), ...plugins()],
  })),
  // The moderation desk (/admin/ on the reference server): its own entry and folder, never in cdn/.
  {
    input: 'server/desk/build/server/desk/desk.js',
    output: { file: 'server/desk/dist/desk.js', format: 'es', sourcemap: true },
    plugins: [nodeResolve(), terser({ ecma: 2021, module: true, format: { comments: false } })],
  },
  {
    input: { loader: 'dist/loader.js' },
    onwarn,
    output: { ...output, manualChunks: (id) => (SHARED.test(id) ? 'core' : undefined) },
    plugins: [cdnLocales('../locales/'), ...plugins()],
  },
  // The strings of each language: cdn/locales/<language>.js, and the comment actions' cdn/locales/comment-actions/<language>.js.
  {
    input: Object.fromEntries(
      LOCALES.flatMap((language) => [
        [`locales/${language}`, `dist/locales/${language}.js`],
        [`locales/comment-actions/${language}`, `dist/locales/comment-actions/${language}.js`],
      ]),
    ),
    output,
    plugins: plugins(),
  },
];
