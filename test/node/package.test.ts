// What `npm install byline-widgets` brings into a partner's project: the widgets' runtime depends on
// `lit` alone. The reference server's packages (Fastify and its plugins) are for this repository only.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

test('the package installs lit and nothing else', () => {
  assert.deepEqual(Object.keys(pkg.dependencies ?? {}), ['lit']);
  assert.equal(pkg.peerDependencies, undefined);
  assert.equal(pkg.optionalDependencies, undefined);
});

test('the shipped ES modules import only lit and each other', () => {
  const bare = new Set<string>();
  for (const file of readdirSync('dist', { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(`dist/${file}`, 'utf8');
    // Static `import … from` / `export … from`, and dynamic `import('…')`.
    const specifiers = code.matchAll(/(?:(?:^|[\s;])(?:import|export)\b[^'"]*?from\s*|\bimport\s*\(\s*)['"]([^'"]+)['"]/gm);
    for (const [, specifier] of specifiers) if (!specifier!.startsWith('.')) bare.add(specifier!.split('/')[0]!);
  }
  assert.deepEqual([...bare].sort(), ['lit']);
});
