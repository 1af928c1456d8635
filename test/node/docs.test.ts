// Every public CSS custom property a widget reads is documented (Material Web's rule), every element is
// in the manifest with its tag, and docs/api.md matches the manifest.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const apiDocs = readFileSync('docs/api.md', 'utf8');
const elements = manifest.modules.flatMap((m: { declarations?: { customElement?: boolean; tagName?: string }[] }) =>
  (m.declarations ?? []).filter((d) => d.customElement && d.tagName),
);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

test('the manifest lists all five elements by tag', () => {
  const tags = elements.map((e: { tagName: string }) => e.tagName).sort();
  assert.deepEqual(tags, [
    'byline-article-card',
    'byline-comment-box',
    'byline-comment-count',
    'byline-photo-caption',
    'byline-related-topics',
  ]);
});

test('every --byline-* custom property used in the code is documented', () => {
  const documented = new Set<string>();
  for (const element of elements) for (const p of element.cssProperties ?? []) documented.add(p.name);
  const used = new Set<string>();
  for (const file of sources('src')) {
    for (const match of readFileSync(file, 'utf8').matchAll(/var\((--byline-[a-z0-9-]+)/g)) used.add(match[1]!);
  }
  const missing = [...used].filter((name) => !documented.has(name) && !apiDocs.includes(`\`${name}\``)).sort();
  assert.deepEqual(missing, [], `undocumented custom properties: ${missing.join(', ')}`);
});

test('docs/api.md is generated from the current manifest', () => {
  execFileSync('node', ['scripts/api-docs.mjs', '--check'], { stdio: 'pipe' });
});

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
const anchor = (heading: string) =>
  heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');

function markdownFiles(): string[] {
  const docs = readdirSync('docs', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
  return ['README.md', 'SECURITY.md', 'BENCHMARKS.md', 'CONTRIBUTING.md', 'server/README.md', ...docs.map((f) => join('docs', f))].filter(existsSync);
}

test('every relative link in README and docs resolves, anchors included', () => {
  const broken: string[] = [];
  let checked = 0;
  for (const file of markdownFiles()) {
    const text = readFileSync(file, 'utf8').replace(/^```[\s\S]*?^```/gm, '');
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/i.test(target!)) continue;
      const [path, hash] = target!.split('#');
      const resolved = path ? join(dirname(file), path) : file;
      checked++;
      if (!existsSync(resolved)) {
        broken.push(`${file}: ${target} (no ${resolved})`);
      } else if (hash && resolved.endsWith('.md')) {
        const headings = [...readFileSync(resolved, 'utf8').matchAll(/^#+ (.+)$/gm)].map(([, h]) => anchor(h!));
        if (!headings.includes(hash)) broken.push(`${file}: ${target} (no heading #${hash} in ${resolved})`);
      }
    }
  }
  assert.ok(checked > 30, `only ${checked} links found`);
  assert.deepEqual(broken, []);
});
