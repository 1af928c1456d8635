// Custom Elements Manifest (custom-elements.json): what editors, docs and the generated framework typings
// (scripts/integrations.mjs) read. The analyzer's raw output is corrected here so that it describes the
// package as installed:
// - module paths name the shipped dist/*.js files (the package has no src/);
// - a class member exists only if the class declares it (the analyzer also takes `this._form.slot = …`
//   for a member of the element);
// - the shared base class is a class, not a custom element (it has no tag);
// - each define module (src/<widget>.ts) exports its `custom-element-definition`;
// - each event has a type, read from the `HTMLElementEventMap` declarations in the source, with
//   `byline-load` typed by what that element loads (`BylineLoadValues` in src/core/events.ts);
// - the global theme tokens read in src/core/styles.ts are listed on every element.
import { readFileSync } from 'node:fs';

/** Descriptions of the global tokens, by name without the `--byline-` prefix and `-dark` suffix. */
const GLOBAL_TOKENS = {
  'font-family': 'Font family of every widget',
  'font-size': 'Base font size of every widget',
  'color-text': 'Text color',
  'color-muted': 'Secondary text color (dates, credits, counts)',
  'color-surface': 'Background of widget surfaces',
  'color-border': 'Lines and borders',
  'color-accent': 'Links, kickers and selected states',
  'color-danger': 'Error text and borders',
  'color-skeleton': 'Loading placeholders',
  'focus-color': 'Keyboard focus ring',
  radius: 'Corner radius of boxes, buttons and fields',
};

function globalTokens() {
  const css = readFileSync('src/core/styles.ts', 'utf8');
  const tokens = new Map();
  for (const [, name, fallback] of css.matchAll(/var\((--byline-([a-z0-9-]+?)(?:-dark)?), ([^;]+?)\)[,;)]/g)) {
    const base = name.replace(/^--byline-/, '').replace(/-dark$/, '');
    if (tokens.has(name) || /^(article-card|comment-box|comment-count|photo-caption|related-topics)-/.test(base)) continue;
    const scheme = name.endsWith('-dark') ? ' in the dark scheme' : base.startsWith('color-') || base === 'focus-color' ? ' in the light scheme' : '';
    const what = GLOBAL_TOKENS[base] ?? 'Theme token';
    tokens.set(name, {
      name,
      description: `Global token, read by every Byline element: ${what}${scheme} (default \`${fallback.trim()}\`).`,
    });
  }
  return [...tokens.values()];
}

const toDist = (path) => path.replace(/^\/?src\/(.+)\.ts$/, 'dist/$1.js');

function bylinePlugin() {
  /** Member names each class really declares, by class name. */
  const declared = new Map();
  /** Event name -> type text, from `interface HTMLElementEventMap` in `declare global`. */
  const eventTypes = new Map();
  /** Tag -> what its `byline-load` carries, from `interface BylineLoadValues`. */
  const loadValues = new Map();

  return {
    name: 'byline-manifest',
    analyzePhase({ ts, node }) {
      if (ts.isClassDeclaration(node) && node.name) {
        const names = new Set();
        for (const member of node.members) {
          if (member.name && (ts.isIdentifier(member.name) || ts.isPrivateIdentifier(member.name) || ts.isStringLiteral(member.name)))
            names.add(member.name.text);
          // Reactive properties listed in `static properties = { name: {…} }`.
          if (ts.isPropertyDeclaration(member) && member.name.getText() === 'properties' && member.initializer && ts.isObjectLiteralExpression(member.initializer))
            for (const p of member.initializer.properties) if (p.name) names.add(p.name.getText().replace(/['"]/g, ''));
        }
        declared.set(node.name.text, names);
      }
      if (ts.isInterfaceDeclaration(node) && (node.name.text === 'HTMLElementEventMap' || node.name.text === 'BylineLoadValues')) {
        for (const member of node.members) {
          if (!ts.isPropertySignature(member) || !member.type) continue;
          const key = member.name.getText().replace(/['"]/g, '');
          (node.name.text === 'HTMLElementEventMap' ? eventTypes : loadValues).set(key, member.type.getText());
        }
      }
    },
    packageLinkPhase({ customElementsManifest: manifest }) {
      const tokens = globalTokens();
      for (const mod of manifest.modules) {
        for (const decl of mod.declarations ?? []) {
          if (decl.kind !== 'class') continue;
          if (decl.customElement && !decl.tagName) delete decl.customElement;
          const own = declared.get(decl.name);
          if (own && decl.members) decl.members = decl.members.filter((m) => m.inheritedFrom || own.has(m.name));
          if (!decl.tagName) continue;
          for (const event of decl.events ?? []) {
            const type = event.name === 'byline-load' && loadValues.has(decl.tagName)
              ? `CustomEvent<BylineLoadDetail<${loadValues.get(decl.tagName)}>>`
              : eventTypes.get(event.name);
            if (type) event.type = { text: type };
          }
          const listed = new Set((decl.cssProperties ?? []).map((p) => p.name));
          decl.cssProperties = [...(decl.cssProperties ?? []), ...tokens.filter((t) => !listed.has(t.name))];
        }
        // A define module registers its element: say so, so tools can map the tag to the module.
        const element = (mod.declarations ?? []).length === 0 && manifest.modules
          .flatMap((m) => (m.declarations ?? []).map((d) => ({ d, m })))
          .find(({ d }) => d.tagName && (mod.exports ?? []).some((e) => e.kind === 'js' && e.name === d.name));
        if (element && !(mod.exports ?? []).some((e) => e.kind === 'custom-element-definition')) {
          mod.exports.push({ kind: 'custom-element-definition', name: element.d.tagName, declaration: { name: element.d.name, module: element.m.path } });
        }
      }
      // Paths: every `src/….ts` in the manifest becomes the shipped `dist/….js`.
      const rewrite = (value) => {
        if (Array.isArray(value)) value.forEach((v, i) => (value[i] = rewrite(v)));
        else if (value && typeof value === 'object') for (const key of Object.keys(value)) value[key] = rewrite(value[key]);
        else if (typeof value === 'string') return toDist(value);
        return value;
      };
      rewrite(manifest);
      // The analyzer lists modules in no fixed order from run to run; sorted, the file does not churn.
      manifest.modules.sort((a, b) => (a.path < b.path ? -1 : 1));
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  plugins: [bylinePlugin()],
};
