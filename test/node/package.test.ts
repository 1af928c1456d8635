// What `npm install byline-widgets` brings into a partner's project: the widgets' runtime depends on
// `lit` alone. The reference server's packages (Fastify and its plugins) are for this repository only.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

test('the package installs lit and nothing else', () => {
  assert.deepEqual(Object.keys(pkg.dependencies ?? {}), ['lit']);
  assert.equal(pkg.optionalDependencies, undefined);
});

// Only pages rendered on the server need Lit's SSR packages: the `ssr` subpath (Node) and the `hydrate.js`
// subpath. npm never installs an optional peer by itself; those who use the subpaths add it.
test("Lit's SSR packages are optional peers, for the ssr and hydrate.js subpaths only", () => {
  assert.deepEqual(pkg.peerDependencies, { '@lit-labs/ssr': '^4.1.0', '@lit-labs/ssr-client': '^1.1.8' });
  for (const name of Object.keys(pkg.peerDependencies)) assert.equal(pkg.peerDependenciesMeta[name].optional, true);
});

const SSR_IMPORTS: Record<string, string> = { 'ssr.js': '@lit-labs', 'hydrate.js': '@lit-labs' };

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
