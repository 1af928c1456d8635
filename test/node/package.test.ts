// What `npm install byline-widgets` brings into a partner's project: the widgets' runtime depends on
// `lit` alone. The reference server's packages (Fastify and its plugins) are for this repository only.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

test('the package installs lit and nothing else', () => {
  assert.deepEqual(Object.keys(pkg.dependencies ?? {}), ['lit']);
  assert.equal(pkg.optionalDependencies, undefined);
});

// Only pages rendered on the server need Lit's SSR packages: the `ssr` subpath (Node) and the `hydrate.js`
// subpath (the elements' code it loads, dist/hydrate-elements.js). npm never installs an optional peer by itself; those who use the subpaths add it.
test("Lit's SSR packages are optional peers, for the ssr and hydrate.js subpaths only", () => {
  assert.deepEqual(pkg.peerDependencies, { '@lit-labs/ssr': '^4.1.0', '@lit-labs/ssr-client': '^1.1.8' });
  for (const name of Object.keys(pkg.peerDependencies)) assert.equal(pkg.peerDependenciesMeta[name].optional, true);
});

const SSR_IMPORTS: Record<string, string> = { 'ssr.js': '@lit-labs', 'hydrate-elements.js': '@lit-labs' };

test('the shipped ES modules import only lit and each other', () => {
  const bare = new Set<string>();
  for (const file of readdirSync('dist', { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(`dist/${file}`, 'utf8');
    const allowed = SSR_IMPORTS[file];
    // Static `import … from` / `export … from`, and dynamic `import('…')`.
    const specifiers = code.matchAll(/(?:(?:^|[\s;])(?:import|export)\b[^'"]*?from\s*|\bimport\s*\(\s*)['"]([^'"]+)['"]/gm);
    for (const [, specifier] of specifiers) if (!specifier!.startsWith('.') && specifier!.split('/')[0] !== allowed) bare.add(specifier!.split('/')[0]!);
  }
  assert.deepEqual([...bare].sort(), ['lit']);
});

// What `npm pack` puts in the tarball, and whether the manifest, maps and exports describe those files.
const packed = (() => {
  const [report] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }));
  return new Set<string>(report.files.map((f: { path: string }) => f.path));
})();
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
type Decl = { kind: string; name: string; customElement?: boolean; tagName?: string; members?: { kind: string; name: string; static?: boolean; inheritedFrom?: unknown }[]; events?: { name: string; type?: { text: string } }[]; cssProperties?: { name: string }[] };
type Mod = { path: string; declarations?: Decl[]; exports?: { kind: string; name: string; declaration: { module?: string } }[] };
const modules: Mod[] = manifest.modules;
const elements = modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.customElement));

test('the tarball has the license, no declaration maps, and every file the exports name', () => {
  assert.ok(packed.has('LICENSE'));
  assert.deepEqual([...packed].filter((f) => f.endsWith('.d.ts.map')), []);
  const targets: string[] = [];
  const collect = (value: unknown): unknown => (typeof value === 'string' ? targets.push(value.slice(2)) : Object.values(value as object).forEach(collect));
  collect(pkg.exports);
  for (const target of targets) {
    const pattern = new RegExp(`^${target.replace(/[.]/g, '\\.').replace('*', '[^/]+')}$`);
    assert.ok([...packed].some((f) => pattern.test(f)), `exports names ${target}, which is not in the package`);
  }
  assert.ok(packed.has(pkg['web-types'].slice(2)), 'the web-types field names a packed file');
});

test('every source map in the tarball names sources that ship next to it (or ignore-listed Lit)', () => {
  for (const file of [...packed].filter((f) => f.endsWith('.js.map'))) {
    const map = JSON.parse(readFileSync(file, 'utf8'));
    map.sources.forEach((source: string, i: number) => {
      if (map.sourcesContent?.[i] != null) return;
      const path = posix.normalize(posix.join(posix.dirname(file), source));
      const ignored = map.x_google_ignoreList?.includes(i) && path.startsWith('node_modules/');
      assert.ok(packed.has(path) || ignored, `${file}: source ${source} is neither inlined nor in the package`);
    });
  }
});

test('the manifest describes the package as installed', () => {
  for (const mod of modules) {
    assert.ok(packed.has(mod.path), `module path ${mod.path} is not in the package`);
    for (const decl of mod.declarations ?? []) assert.ok(!decl.customElement || decl.tagName, `${decl.name} is a custom element without a tag`);
  }
  for (const element of elements) {
    const definedBy = modules.filter((m) => m.exports?.some((e) => e.kind === 'custom-element-definition' && e.name === element.tagName));
    assert.equal(definedBy.length, 1, `<${element.tagName}> has one custom-element-definition export`);
    for (const event of element.events ?? []) assert.match(event.type?.text ?? '', /^CustomEvent</, `${element.tagName} ${event.name} has a type`);
    const tokens = new Set(element.cssProperties?.map((p) => p.name));
    for (const token of ['--byline-font-family', '--byline-color-accent', '--byline-color-accent-dark', '--byline-radius'])
      assert.ok(tokens.has(token), `<${element.tagName}> lists the global token ${token}`);
  }
});

test('every member the manifest gives an element is declared by Byline, not inherited from the DOM', () => {
  const program = ts.createProgram(['dist/index.d.ts'], { strict: true, skipLibCheck: true });
  const checker = program.getTypeChecker();
  const exported = checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile('dist/index.d.ts')!)!);
  for (const element of elements) {
    const type = checker.getDeclaredTypeOfSymbol(exported.find((s) => s.name === element.name)!);
    for (const member of element.members ?? []) {
      if (member.static) continue;
      const files = type.getProperty(member.name)?.declarations?.map((d) => d.getSourceFile().fileName) ?? [];
      assert.ok(files.some((f) => f.includes('/dist/')), `${element.tagName}.${member.name} is not declared by a Byline class`);
    }
  }
});

test('the framework typings and editor data name every element and event of the manifest', () => {
  const typings = ['react', 'preact', 'vue', 'svelte'].map((name) => readFileSync(`dist/frameworks/${name}.d.ts`, 'utf8'));
  const webTypes = readFileSync('dist/web-types.json', 'utf8');
  const vscode = readFileSync('dist/html-custom-data.json', 'utf8');
  for (const element of elements) {
    for (const text of [...typings, webTypes, vscode]) assert.ok(text.includes(`"${element.tagName}"`) || text.includes(`'${element.tagName}'`));
    const properties = readFileSync('dist/frameworks/properties.d.ts', 'utf8');
    for (const event of element.events ?? []) assert.ok(properties.includes(`'${event.name}': `), `${event.name} is typed`);
  }
});

test("docs/usage.md's framework snippets are code of the examples that CI builds and runs", () => {
  const usage = readFileSync('docs/usage.md', 'utf8');
  const section = usage.slice(usage.indexOf('## React, Vue, Svelte and editors'), usage.indexOf('## Self-hosting the script-tag files'));
  const blocks = [...section.matchAll(/^[A-Z][a-z]+ \d+ \(`(examples\/[a-z]+)`[^\n]*\n\n```[a-z]+\n([\s\S]*?)```/gm)];
  assert.equal(blocks.length, 3, 'React, Vue and Svelte snippets');
  for (const [, dir, code] of blocks) {
    let file = '';
    for (const line of code!.split('\n').filter(Boolean)) {
      const named = /^\/\/ (src\/\S+)$/.exec(line);
      if (named) file = readFileSync(`${dir}/${named[1]}`, 'utf8');
      else assert.ok(file.includes(line), `${dir}: docs/usage.md line not in the example: ${line}`);
    }
  }
});
