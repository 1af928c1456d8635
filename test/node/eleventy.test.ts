// The Eleventy example (demo/eleventy/) builds, and its page holds every element rendered on the server,
// with its text, through the package's own `byline-widgets/ssr` export (run `npm run build` first).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

interface EleventyBuild {
  write(): Promise<unknown>;
}
type EleventyClass = new (input: string, output: string, options: object) => EleventyBuild;

test('the Eleventy example builds a page with the elements rendered on the server', async () => {
  const output = mkdtempSync(join(tmpdir(), 'byline-eleventy-'));
  after(() => rmSync(output, { recursive: true, force: true }));
  const { default: Eleventy } = (await import('@11ty/eleventy' as string)) as { default: EleventyClass };
  await new Eleventy('demo/eleventy', output, { configPath: 'demo/eleventy/eleventy.config.mjs', quietMode: true }).write();
  const page = readFileSync(join(output, 'index.html'), 'utf8');
  const article = JSON.parse(readFileSync('demo/eleventy/_data/article.json', 'utf8'));
  for (const tag of ['byline-article-card', 'byline-photo-caption', 'byline-comment-count', 'byline-related-topics']) {
    assert.match(page, new RegExp(`<${tag} [^>]*lang="th"[^>]*><template shadowroot="open" shadowrootmode="open">`), tag);
  }
  const text = page.replace(/<(style|script)\b[\s\S]*?<\/\1>/g, '').replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');
  for (const piece of [article.title, 'โดย Bộ Khoa học và Công nghệ', '27 ธ.ค. 2567', 'ภาพที่ 1', '3 ความคิดเห็น', 'หัวข้อเดียวกัน']) {
    assert.ok(text.includes(piece), `"${piece}" is on the page`);
  }
  assert.match(page, /<byline-article-card [^>]*layout="hero"/);
  assert.ok(page.includes('byline.hydrate.min.js'));
});
