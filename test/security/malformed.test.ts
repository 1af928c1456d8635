/**
 * Issue 5, malformed data: answers generated from the JSON contract (docs/contract.md, src/core/contract.ts,
 * src/comment-box/comments-api.ts) and served to every widget through a stubbed `fetch` (one URL per
 * case, so every case runs at once in one page): truncated JSON, wrong types, nulls, missing required
 * fields, huge arrays, 0.9 MB strings, bodies over 1 MiB, wrong content types, HTML error pages, empty and
 * non-object bodies.
 *
 * Expected outcome per case, from the contract: a null or missing OPTIONAL field, a disallowed URL
 * scheme, a huge array (cut to its limit), a 0.9 MB string in a text or URL field (cut, or dropped), and JSON served under a non-JSON content
 * type all RENDER (the content type is not trusted either way: the body must parse as JSON and pass
 * the contract). Everything else shows the localized error state (English here: "This content is not
 * available right now." for contract errors, "This content could not be loaded." for transport
 * errors; the comment count shows "Comment count unavailable"). No case may throw or reject uncaught.
 */
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import { setRequestTimeout } from '../../src/core/fetch.js';
import en from '../../src/locales/en.js';
import { json, PIXEL, seedArticle, seedPhoto, stubFetch } from '../fixtures.js';
import { printTable, watch } from './harness.js';

type Expect = 'render' | 'error';
interface Case {
  widget: 'article-card' | 'related-topics' | 'photo-caption' | 'comment-count' | 'comment-box';
  name: string;
  expect: Expect;
  respond: () => Response;
}

// The longest string a response under the 1 MiB limit can carry, nearly: 880,012 bytes of UTF-8. Text
// fields cut it, URL fields drop it. (Thai text this long was what froze the page before the limits.)
const LONG = `${'Bộ TT&TT '.repeat(80_000)}ข่าว`;
const HTML_PAGE = '<!doctype html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>';

type Json = Record<string, unknown>;
type Spec = { required: boolean; type: 'text' | 'url' | 'count' | 'date' | 'object' | 'array' | 'enum' };

/** The contract, as field path → rule, for the cases generator. */
const ARTICLE: Record<string, Spec> = {
  id: { required: true, type: 'text' },
  url: { required: true, type: 'url' },
  title: { required: true, type: 'text' },
  summary: { required: false, type: 'text' },
  image: { required: false, type: 'object' },
  'image.src': { required: false, type: 'url' },
  'image.srcset': { required: false, type: 'url' },
  'image.width': { required: false, type: 'count' },
  'image.height': { required: false, type: 'count' },
  'image.alt': { required: false, type: 'text' },
  category: { required: false, type: 'object' },
  'category.name': { required: true, type: 'text' },
  'category.url': { required: false, type: 'url' },
  author: { required: false, type: 'object' },
  'author.name': { required: true, type: 'text' },
  source: { required: false, type: 'object' },
  'source.url': { required: false, type: 'url' },
  publishedAt: { required: false, type: 'date' },
  updatedAt: { required: false, type: 'date' },
  lang: { required: false, type: 'text' },
  translatedFrom: { required: false, type: 'text' },
  commentCount: { required: false, type: 'count' },
  thread: { required: false, type: 'text' },
};
const PHOTO: Record<string, Spec> = {
  src: { required: true, type: 'url' },
  srcset: { required: false, type: 'url' },
  width: { required: false, type: 'count' },
  height: { required: false, type: 'count' },
  alt: { required: true, type: 'text' },
  caption: { required: false, type: 'text' },
  credit: { required: false, type: 'text' },
  number: { required: false, type: 'count' },
};
const RELATED: Record<string, Spec> = {
  sections: { required: true, type: 'array' },
  'sections.0.kind': { required: true, type: 'enum' },
  'sections.0.title': { required: false, type: 'text' },
  'sections.0.items': { required: true, type: 'array' },
  'sections.0.items.0.title': { required: true, type: 'text' },
  'sections.0.items.0.url': { required: true, type: 'url' },
  'sections.0.items.0.publishedAt': { required: false, type: 'date' },
};
const PAGE: Record<string, Spec> = {
  thread: { required: true, type: 'text' },
  total: { required: true, type: 'count' },
  items: { required: true, type: 'array' },
  'items.0.id': { required: true, type: 'text' },
  'items.0.parentId': { required: false, type: 'text' },
  'items.0.author': { required: true, type: 'object' },
  'items.0.author.name': { required: true, type: 'text' },
  'items.0.body': { required: true, type: 'text' },
  'items.0.createdAt': { required: true, type: 'date' },
  'items.0.status': { required: true, type: 'enum' },
  nextCursor: { required: false, type: 'text' },
};

const WRONG: Record<Spec['type'], unknown[]> = {
  text: [42, true, {}, ['a']],
  url: [42, { href: '/a' }],
  // JSON has no NaN or Infinity (they stringify to null, covered as absent): wrong types and signs.
  count: ['3', 'NaN', -1, -0.5, true],
  date: ['yesterday', 1735287610000],
  object: ['x', 7, ['a']],
  array: ['x', {}, 3],
  enum: ['other', 1],
};

function edit(base: Json, path: string, value: unknown, remove = false): Json {
  const copy = structuredClone(base);
  const keys = path.split('.');
  let node = copy as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  if (remove) delete node[keys.at(-1)!];
  else node[keys.at(-1)!] = value;
  return copy;
}

/** Per field: null, missing, each wrong type, and (for text/url) a 0.9 MB string. */
function contractCases(widget: Case['widget'], base: Json, specs: Record<string, Spec>, wrap: (body: Json) => unknown = (b) => b): Case[] {
  const out: Case[] = [];
  const add = (name: string, expectation: Expect, body: Json) =>
    out.push({ widget, name, expect: expectation, respond: () => json(wrap(body)) });
  add('valid', 'render', base);
  for (const [path, spec] of Object.entries(specs)) {
    const absent: Expect = spec.required ? 'error' : 'render';
    add(`${path}: null`, absent, edit(base, path, null));
    add(`${path}: missing`, absent, edit(base, path, undefined, true));
    for (const wrong of WRONG[spec.type]) add(`${path}: ${JSON.stringify(wrong)}`, 'error', edit(base, path, wrong));
    if (spec.type === 'text' || spec.type === 'url') add(`${path}: 0.9 MB string`, 'render', edit(base, path, LONG));
  }
  return out;
}

/** Transport-level cases every widget gets: what a broken server, proxy or CDN sends. */
function transportCases(widget: Case['widget'], valid: unknown): Case[] {
  const text = JSON.stringify(valid);
  const raw = (body: string | null, status: number, type: string) => () =>
    new Response(body, { status, headers: type ? { 'Content-Type': type } : {} });
  return [
    { name: 'truncated JSON (half)', expect: 'error', respond: raw(text.slice(0, text.length / 2), 200, 'application/json') },
    { name: 'truncated JSON (last byte missing)', expect: 'error', respond: raw(text.slice(0, -1), 200, 'application/json') },
    { name: 'truncated JSON (first byte only)', expect: 'error', respond: raw(text.slice(0, 1), 200, 'application/json') },
    { name: 'empty body, 200', expect: 'error', respond: raw('', 200, 'application/json') },
    { name: '204 No Content', expect: 'error', respond: raw(null, 204, '') },
    { name: 'HTML page, 200 text/html', expect: 'error', respond: raw(HTML_PAGE, 200, 'text/html') },
    { name: 'HTML error page, 502', expect: 'error', respond: raw(HTML_PAGE, 502, 'text/html') },
    { name: 'HTML error page, 404', expect: 'error', respond: raw(HTML_PAGE, 404, 'text/html') },
    { name: 'HTML page labelled application/json', expect: 'error', respond: raw(HTML_PAGE, 200, 'application/json') },
    { name: 'JSON error body, 500', expect: 'error', respond: () => json({ error: { code: 'internal', message: 'Internal error' } }, { status: 500 }) },
    { name: 'valid JSON as text/html', expect: 'render', respond: raw(text, 200, 'text/html') },
    { name: 'valid JSON as text/plain', expect: 'render', respond: raw(text, 200, 'text/plain') },
    { name: 'valid JSON, no content type', expect: 'render', respond: raw(text, 200, '') },
    { name: 'valid JSON with a UTF-8 BOM', expect: 'render', respond: raw(`\uFEFF${text}`, 200, 'application/json') },
    { name: 'JSON null', expect: 'error', respond: raw('null', 200, 'application/json') },
    // <byline-related-topics> also takes a bare array of sections, so `[]` is an empty feed there.
    { name: 'JSON array', expect: widget === 'related-topics' ? 'render' : 'error', respond: raw('[]', 200, 'application/json') },
    { name: 'JSON string', expect: 'error', respond: raw('"<script>bylineCanary()</script>"', 200, 'application/json') },
    { name: 'JSON number 1e999', expect: 'error', respond: raw('1e999', 200, 'application/json') },
    { name: 'body over 1 MiB', expect: 'error', respond: raw(`${text.slice(0, -1)}, "padding": "${'x'.repeat(1_048_576)}"}`, 200, 'application/json') },
    { name: 'binary garbage', expect: 'error', respond: () => new Response(new Uint8Array([0xff, 0xfe, 0, 1, 2, 0x7b]), { headers: { 'Content-Type': 'application/json' } }) },
  ].map((c) => ({ ...c, widget }) as Case);
}

const article = seedArticle({
  image: { src: PIXEL, width: 4, height: 3, alt: 'alt' },
  author: { name: 'Author', url: 'https://example.org/a' },
  updatedAt: '2024-12-28T00:00:00Z',
}) as unknown as Json;
const related: Json = { sections: [{ kind: 'category', title: 'Section', items: [{ id: 'r1', url: '/r1', title: 'Related', publishedAt: '2024-12-26T08:00:00+07:00' }] }] };
const photo = seedPhoto({ src: PIXEL, srcset: `${PIXEL} 1x` }) as unknown as Json;
const page: Json = {
  thread: 't',
  total: 1,
  items: [{ id: 'c1', parentId: 'c0', author: { name: 'Reader' }, body: 'Body', createdAt: '2024-12-27T08:20:10.123Z', status: 'published' }],
  nextCursor: 'abc',
};
// parentId "c0" is unknown, so the reply is grouped nowhere: make the comment top-level for rendering.
(page.items as Json[])[0]!.parentId = null;

const CASES: Case[] = [
  ...contractCases('article-card', article, ARTICLE),
  { widget: 'article-card', name: 'url: javascript: (dropped, renders as text)', expect: 'render', respond: () => json({ ...article, url: 'javascript:bylineCanary()' }) },
  ...transportCases('article-card', article),
  ...contractCases('related-topics', related, RELATED),
  { widget: 'related-topics', name: '10,000 items', expect: 'render', respond: () => json({ sections: [{ kind: 'topic', items: Array.from({ length: 10_000 }, (_, i) => ({ id: `i${i}`, url: `/i${i}`, title: `Item ${i}` })) }] }) },
  { widget: 'related-topics', name: '10,000 sections', expect: 'render', respond: () => json({ sections: Array.from({ length: 10_000 }, () => ({ kind: 'author', items: [] })) }) },
  // Only the first 100 items of a section are kept (and checked): a broken 100th fails, a broken 9,999th is dropped.
  { widget: 'related-topics', name: 'item 100 of 10,000 broken', expect: 'error', respond: () => json({ sections: [{ kind: 'topic', items: Array.from({ length: 10_000 }, (_, i) => (i === 99 ? { id: 'x' } : { id: `i${i}`, url: `/i${i}`, title: `Item ${i}` })) }] }) },
  { widget: 'related-topics', name: 'item 9,999 of 10,000 broken (dropped)', expect: 'render', respond: () => json({ sections: [{ kind: 'topic', items: Array.from({ length: 10_000 }, (_, i) => (i === 9_999 ? { id: 'x' } : { id: `i${i}`, url: `/i${i}`, title: `Item ${i}` })) }] }) },
  ...transportCases('related-topics', related),
  ...contractCases('photo-caption', photo, PHOTO),
  ...transportCases('photo-caption', photo),
  ...contractCases('comment-box', page, PAGE),
  { widget: 'comment-box', name: '5,000 comments', expect: 'render', respond: () => json({ ...page, total: 5_000, items: Array.from({ length: 5_000 }, (_, i) => ({ id: `c${i}`, author: { name: `R${i}` }, body: `Body ${i}`, createdAt: '2024-12-27T08:20:10.123Z', status: 'published' })) }) },
  ...transportCases('comment-box', page),
  { widget: 'comment-count', name: 'valid', expect: 'render', respond: () => json({ counts: { t: 3 } }) },
  { widget: 'comment-count', name: 'counts: null', expect: 'error', respond: () => json({ counts: null }) },
  { widget: 'comment-count', name: 'counts missing', expect: 'error', respond: () => json({}) },
  { widget: 'comment-count', name: 'counts: array', expect: 'error', respond: () => json({ counts: [3] }) },
  { widget: 'comment-count', name: 'count: "3"', expect: 'error', respond: () => json({ counts: { t: '3' } }) },
  { widget: 'comment-count', name: 'count: -1', expect: 'error', respond: () => json({ counts: { t: -1 } }) },
  { widget: 'comment-count', name: 'count: null', expect: 'error', respond: () => json({ counts: { t: null } }) },
  { widget: 'comment-count', name: 'thread missing from counts', expect: 'error', respond: () => json({ counts: { other: 3 } }) },
  { widget: 'comment-count', name: '50,000 other counts', expect: 'render', respond: () => json({ counts: Object.fromEntries([['t', 3], ...Array.from({ length: 50_000 }, (_, i) => [`x${i}`, i])]) }) },
  ...transportCases('comment-count', { counts: { t: 3 } }),
];

const ORIGIN = 'https://malformed.byline.test';

function mount(test: Case, index: number): HTMLElement {
  const el = document.createElement(`byline-${test.widget}`);
  el.setAttribute('lang', 'en');
  el.setAttribute('loading', 'eager');
  const base = `${ORIGIN}/${index}`;
  if (test.widget === 'comment-count' || test.widget === 'comment-box') {
    el.setAttribute('api', `${base}/api`);
    el.setAttribute('thread', 't');
  } else el.setAttribute('src', `${base}/data.json`);
  return el;
}

/** What a reader sees: 'error' for the localized error state, 'render' for content, else 'other'. */
function outcome(el: HTMLElement): Expect | 'other' {
  const root = el.shadowRoot!;
  const alert = root.querySelector('[part="error"]');
  if (alert) return [en.invalidData, en.loadFailed].some((s) => alert.textContent!.includes(s)) ? 'error' : 'other';
  if (el.localName === 'byline-comment-count')
    return root.querySelector('.unavailable')?.textContent?.includes(en.commentCountUnavailable) ? 'error' : root.querySelector('.count') ? 'render' : 'other';
  const content: Record<string, string> = {
    'byline-article-card': 'article .headline',
    'byline-related-topics': 'section .list, section .empty',
    'byline-photo-caption': 'figure:not([aria-busy])',
    'byline-comment-box': 'article.comment, [part="empty"]',
  };
  return root.querySelector(content[el.localName]!) ? 'render' : 'other';
}

describe('malformed data from the contract', function () {
  this.timeout(120_000);

  it(`every case renders or shows the localized error state, with no uncaught error (${CASES.length} cases)`, async () => {
    const watcher = watch();
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    setRequestTimeout(5_000);
    const restore = stubFetch((url) => {
      const index = Number(new URL(url).pathname.split('/')[1]);
      return CASES[index]!.respond();
    });
    const container = document.createElement('div');
    document.body.append(container);
    try {
      const elements = CASES.map((test, index) => {
        const el = mount(test, index);
        container.append(el);
        return el;
      });
      await Promise.all(
        elements.map(
          (el) =>
            new Promise<void>((resolve) => {
              el.addEventListener('byline-load', () => resolve(), { once: true });
              el.addEventListener('byline-error', () => resolve(), { once: true });
            }),
        ),
      );
      await Promise.all(elements.map((el) => (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete));
      await new Promise((resolve) => setTimeout(resolve, 50));
      const results = CASES.map((test, i) => ({ test, got: outcome(elements[i]!) }));
      const wrong = results.filter(({ test, got }) => got !== test.expect).map(({ test, got }) => `${test.widget} "${test.name}": expected ${test.expect}, got ${got}`);
      const widgets = [...new Set(CASES.map((c) => c.widget))];
      printTable(
        `Malformed data: ${CASES.length} cases`,
        [
          ...widgets.map((widget) => {
            const mine = results.filter((r) => r.test.widget === widget);
            return {
              widget,
              cases: mine.length,
              'expected render': mine.filter((r) => r.test.expect === 'render').length,
              rendered: mine.filter((r) => r.test.expect === 'render' && r.got === 'render').length,
              'expected error': mine.filter((r) => r.test.expect === 'error').length,
              'localized error state': mine.filter((r) => r.test.expect === 'error' && r.got === 'error').length,
            };
          }),
        ],
      );
      console.log(
        `Malformed total: ${CASES.length} cases, ${results.filter((r) => r.got === r.test.expect).length} as expected, ` +
          `uncaught errors ${watcher.findings.errors.length}, unhandled rejections ${watcher.findings.rejections.length}, ` +
          `console.warn ${warnings.length} (error cases ${results.filter((r) => r.test.expect === 'error').length}), canary ${watcher.findings.executions.length}`,
      );
      if (wrong.length) console.log(wrong.join('\n'));
      expect(wrong).to.deep.equal([]);
      expect(watcher.findings.errors).to.deep.equal([]);
      expect(watcher.findings.rejections).to.deep.equal([]);
      expect(watcher.findings.executions).to.deep.equal([]);
    } finally {
      container.remove();
      restore();
      setRequestTimeout(0);
      console.warn = warn;
      watcher.stop();
    }
  });
});
