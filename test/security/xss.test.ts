/**
 * Issue 5, XSS: every vector of ./xss-corpus.ts injected into every string and URL field of every
 * widget (as data properties, through a stubbed fetch for the comment widgets, and through the real
 * reference server for comment bodies and names). Counts executions, active content inside the
 * widgets, disallowed URL schemes emitted, and whether each displayed field shows its text exactly.
 *
 * "Exactly": the field's element's textContent (or the attribute, for alt) equals the input with no
 * normalization at all. Two documented exceptions: related-topics section titles are trimmed by the
 * widget (a blank title falls back to the default), and the reference server trims comment bodies and
 * names before storing them, so the server pass compares with `value.trim()`. Fields with a
 * `contains` rule are shown inside a localized template ("Photo: {name}", "By {name}").
 */
import { expect, waitUntil } from '@open-wc/testing';
// @ts-expect-error served by the reference-server plugin at test time
import { api } from '/__byline-e2e.js';
import '../../src/index.js';
import type { Article, Photo, RelatedFeed } from '../../src/core/contract.js';
import { captureWarnings, PIXEL, seedArticle, seedPhoto, stubFetch, json } from '../fixtures.js';
import { disallowedUrls, printTable, settle, watch } from './harness.js';
import { CORPUS } from './xss-corpus.js';
import { cut, LIMITS } from '../../src/core/limits.js';
import en from '../../src/locales/en.js';

type Widget = HTMLElement & { updateComplete: Promise<unknown> };
type Shown = (el: Widget, value: string, index: number) => boolean;

interface Field {
  widget: string;
  field: string;
  kind: 'text' | 'url';
  /** Creates the element showing `value` in this field (not yet connected). */
  make: (value: string, index: number) => Widget;
  /** How the text is checked; absent when the field is data the widget does not display. */
  shown?: Shown;
}

type Row = Record<string, string | number> & {
  widget: string;
  field: string;
  kind: string;
  rendered: number;
  errorState: number;
  shownExactly: string;
  executions: number;
  activeContent: number;
  disallowedUrls: number;
};

const rows: Row[] = [];
let stopFetch: (() => void) | undefined;

const text = (selector: string): Shown => (el, value) => el.shadowRoot!.querySelector(selector)?.textContent === value;
const contains = (selector: string): Shown => (el, value) => !!el.shadowRoot!.querySelector(selector)?.textContent?.includes(value);
/** What the widget shows of a value over the field's contract limit: the value cut at the limit. */
const upTo = (max: number, shown: Shown): Shown => (el, value, index) => shown(el, cut(value, max), index);
const attr = (selector: string, name: string): Shown => (el, value) => el.shadowRoot!.querySelector(selector)?.getAttribute(name) === value;

function set<T extends object>(target: T, path: string, value: unknown): T {
  const keys = path.split('.');
  let node = target as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys.at(-1)!] = value;
  return target;
}

function card(path: string) {
  return (value: string) => {
    const article = set(
      seedArticle({
        image: { src: PIXEL, width: 4, height: 3, alt: 'alt', caption: 'caption', credit: 'credit' },
        author: { name: 'Author', url: 'https://example.org/author' },
        translatedFrom: 'vi',
      }),
      path,
      value,
    );
    const el = document.createElement('byline-article-card') as Widget & { article: Article };
    el.setAttribute('lang', 'en');
    el.article = article;
    return el;
  };
}

function related(path: string, options: { images?: boolean } = {}) {
  return (value: string) => {
    const item = set(
      { id: 'r1', url: 'https://example.org/r1', title: 'Related', image: { src: PIXEL, srcset: `${PIXEL} 1x` }, summary: 's', lang: 'en' } as Article,
      path.replace(/^item\./, ''),
      value,
    );
    const section = { kind: 'category', title: 'Section', items: [item] } as RelatedFeed['sections'][number];
    if (path.startsWith('section.')) set(section, path.replace(/^section\./, ''), value);
    const el = document.createElement('byline-related-topics') as Widget & { sections: RelatedFeed };
    el.setAttribute('lang', 'en');
    if (options.images) el.setAttribute('show-images', '');
    el.sections = { sections: [section] };
    return el;
  };
}

function photo(path: string) {
  return (value: string) => {
    const el = document.createElement('byline-photo-caption') as Widget & { photo: Photo };
    el.setAttribute('lang', 'en');
    el.setAttribute('loading', 'eager');
    el.photo = set(seedPhoto({ src: PIXEL, srcset: `${PIXEL} 1x`, width: 4, height: 3 }), path, value);
    return el;
  };
}

const COUNT_API = 'https://counts.byline.test/api';
function count(field: 'href' | 'thread') {
  return (value: string) => {
    const el = document.createElement('byline-comment-count') as Widget;
    el.setAttribute('lang', 'en');
    el.setAttribute('api', COUNT_API);
    el.setAttribute('thread', field === 'thread' ? value : 't1');
    el.setAttribute('href', field === 'href' ? value : '#comments');
    el.setAttribute('loading', 'eager');
    return el;
  };
}

const STUB_API = 'https://comments.byline.test/api';
function commentBox(field: 'body' | 'author.name') {
  return (value: string, index: number) => {
    const el = document.createElement('byline-comment-box') as Widget;
    el.setAttribute('lang', 'en');
    el.setAttribute('api', STUB_API);
    el.setAttribute('thread', `${field}-${index}`);
    el.setAttribute('loading', 'eager');
    stubComments.set(`${field}-${index}`, set({ author: { name: 'Reader' }, body: 'Body' }, field, value));
    return el;
  };
}
const stubComments = new Map<string, { author: { name: string }; body: string }>();
const commentText = (selector: string): Shown => (el, value) => el.shadowRoot!.querySelector(`article.comment ${selector}`)?.textContent === value;

const FIELDS: Field[] = [
  { widget: 'article-card', field: 'title', kind: 'text', make: card('title'), shown: upTo(LIMITS.title, text('.headline a')) },
  { widget: 'article-card', field: 'summary', kind: 'text', make: card('summary'), shown: upTo(LIMITS.summary, text('.summary')) },
  { widget: 'article-card', field: 'image.alt', kind: 'text', make: card('image.alt'), shown: upTo(LIMITS.alt, attr('img', 'alt')) },
  { widget: 'article-card', field: 'category.name', kind: 'text', make: card('category.name'), shown: upTo(LIMITS.name, text('.kicker')) },
  { widget: 'article-card', field: 'author.name', kind: 'text', make: card('author.name'), shown: upTo(LIMITS.name, text('.author a')) },
  { widget: 'article-card', field: 'source.name', kind: 'text', make: card('source.name'), shown: upTo(LIMITS.name, text('.source a')) },
  { widget: 'article-card', field: 'image.caption', kind: 'text', make: card('image.caption') },
  { widget: 'article-card', field: 'image.credit', kind: 'text', make: card('image.credit') },
  { widget: 'article-card', field: 'id', kind: 'text', make: card('id') },
  { widget: 'article-card', field: 'lang', kind: 'text', make: card('lang') },
  { widget: 'article-card', field: 'translatedFrom', kind: 'text', make: card('translatedFrom') },
  { widget: 'article-card', field: 'thread', kind: 'text', make: card('thread') },
  { widget: 'article-card', field: 'publishedAt', kind: 'text', make: card('publishedAt') },
  { widget: 'article-card', field: 'updatedAt', kind: 'text', make: card('updatedAt') },
  { widget: 'article-card', field: 'url', kind: 'url', make: card('url') },
  { widget: 'article-card', field: 'image.src', kind: 'url', make: card('image.src') },
  { widget: 'article-card', field: 'image.srcset', kind: 'url', make: card('image.srcset') },
  { widget: 'article-card', field: 'category.url', kind: 'url', make: card('category.url') },
  { widget: 'article-card', field: 'author.url', kind: 'url', make: card('author.url') },
  { widget: 'article-card', field: 'source.url', kind: 'url', make: card('source.url') },
  { widget: 'related-topics', field: 'sections[].title', kind: 'text', make: related('section.title'),
    shown: upTo(LIMITS.sectionTitle, (el, value) => el.shadowRoot!.querySelector('.heading')?.textContent?.trim() === (value.trim() || en.relatedCategory)) },
  { widget: 'related-topics', field: 'items[].title', kind: 'text', make: related('item.title'), shown: upTo(LIMITS.title, text('.link')) },
  { widget: 'related-topics', field: 'items[].summary', kind: 'text', make: related('item.summary') },
  { widget: 'related-topics', field: 'items[].id', kind: 'text', make: related('item.id') },
  { widget: 'related-topics', field: 'items[].lang', kind: 'text', make: related('item.lang') },
  { widget: 'related-topics', field: 'items[].image.alt', kind: 'text', make: related('item.image.alt', { images: true }) },
  { widget: 'related-topics', field: 'items[].url', kind: 'url', make: related('item.url') },
  { widget: 'related-topics', field: 'items[].image.src', kind: 'url', make: related('item.image.src', { images: true }) },
  { widget: 'related-topics', field: 'items[].image.srcset', kind: 'url', make: related('item.image.srcset', { images: true }) },
  { widget: 'photo-caption', field: 'caption', kind: 'text', make: photo('caption'), shown: upTo(LIMITS.caption, text('figure > figcaption .text')) },
  { widget: 'photo-caption', field: 'credit', kind: 'text', make: photo('credit'), shown: upTo(LIMITS.credit, contains('figure > figcaption .credit')) },
  { widget: 'photo-caption', field: 'alt', kind: 'text', make: photo('alt'),
    shown: upTo(LIMITS.alt, (el, value) => attr('img', 'alt')(el, value, 0) &&
      !!el.shadowRoot!.querySelector('button.frame')?.getAttribute('aria-label')?.includes(value)) },
  { widget: 'photo-caption', field: 'src', kind: 'url', make: photo('src') },
  { widget: 'photo-caption', field: 'srcset', kind: 'url', make: photo('srcset') },
  { widget: 'comment-count', field: 'href', kind: 'url', make: count('href') },
  { widget: 'comment-count', field: 'thread', kind: 'text', make: count('thread') },
  { widget: 'comment-box', field: 'body (stub)', kind: 'text', make: commentBox('body'), shown: commentText('.text') },
  { widget: 'comment-box', field: 'author.name (stub)', kind: 'text', make: commentBox('author.name'), shown: commentText('.author') },
];

function stubServices(): () => void {
  return stubFetch((url) => {
    const parsed = new URL(url);
    if (url.startsWith(COUNT_API)) {
      return json({ counts: Object.fromEntries(parsed.searchParams.getAll('thread').map((thread) => [thread, 3])) });
    }
    const thread = decodeURIComponent(parsed.pathname.split('/')[3]!);
    const comment = stubComments.get(thread)!;
    return json({
      thread,
      total: 1,
      items: [{ id: 'c1', parentId: null, createdAt: '2024-12-27T08:20:10.123Z', status: 'published', ...comment }],
      nextCursor: null,
    });
  });
}

/** Renders every vector in one field at once, lets payloads fire, then checks each element. */
async function run(field: Field, observe: (root: Node) => void): Promise<Row> {
  const container = document.createElement('div');
  document.body.append(container);
  observe(container);
  const elements = CORPUS.map((vector, index) => {
    const el = field.make(vector.value, index);
    container.append(el);
    observe(el.shadowRoot!);
    return el;
  });
  await Promise.all(elements.map((el) => el.updateComplete));
  // Comment widgets fetch (stubbed): wait until each has left its loading state.
  await settle();
  await Promise.all(elements.map((el) => el.updateComplete));
  if (field.widget === 'photo-caption') {
    // The zoom dialog renders the photo a second time: open it for every vector.
    for (const el of elements) (el as Widget & { openZoom(): void }).openZoom();
    await Promise.all(elements.map((el) => el.updateComplete));
  }
  await settle();
  let errorState = 0;
  let shown = 0;
  let disallowed = 0;
  const failures: string[] = [];
  elements.forEach((el, index) => {
    const value = CORPUS[index]!.value;
    if (el.shadowRoot!.querySelector('[part="error"], .error, .unavailable')) errorState++;
    else if (field.shown?.(el, value, index)) shown++;
    else if (field.shown) failures.push(CORPUS[index]!.id);
    const urls = disallowedUrls(el);
    disallowed += urls.length;
    if (urls.length) failures.push(...urls);
  });
  for (const el of elements) (el as Widget & { closeZoom?(): void }).closeZoom?.();
  container.remove();
  if (failures.length) console.log(`${field.widget} ${field.field}: ${failures.slice(0, 10).join(', ')}`);
  return {
    widget: field.widget,
    field: field.field,
    kind: field.kind,
    rendered: elements.length - errorState,
    errorState,
    shownExactly: field.shown ? `${shown}/${elements.length - errorState}` : 'not displayed',
    executions: 0, // filled in by the caller from the watcher
    activeContent: 0,
    disallowedUrls: disallowed,
  };
}

describe('XSS corpus in every field of every widget', function () {
  this.timeout(120_000);
  const watcher = watch();
  // Contract failures (a vector in a date field) warn once each: count them instead of printing 400 lines.
  const warnings = captureWarnings();
  before(() => (stopFetch = stubServices()));
  after(() => {
    stopFetch?.();
    watcher.stop();
    warnings.restore();
  });

  it('detectors catch a payload rendered as markup (positive control)', async () => {
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    document.body.append(host);
    watcher.observe(root);
    root.innerHTML = CORPUS[25]!.value; // <img src=x onerror=...>, what an innerHTML bug would do
    const link = document.createElement('a');
    link.href = CORPUS.find((vector) => vector.kind === 'url')!.value;
    root.append(link);
    await waitUntil(() => watcher.findings.executions.length > 0, 'canary never called');
    await settle();
    expect(watcher.findings.executions).to.deep.equal([CORPUS[25]!.id]);
    expect(watcher.findings.activeContent).to.deep.equal(['img[onerror]']);
    expect(disallowedUrls(host)).to.have.length(1);
    host.remove();
    watcher.findings.executions.length = 0;
    watcher.findings.activeContent.length = 0;
  });

  it(`has at least 150 distinct vectors written for Byline (${CORPUS.length})`, () => {
    expect(new Set(CORPUS.map((vector) => vector.value)).size).to.equal(CORPUS.length);
    expect(CORPUS.length).to.be.at.least(150);
  });

  for (const field of FIELDS) {
    it(`${field.widget} ${field.field}: runs nothing, emits no disallowed URL, shows the text exactly`, async () => {
      const executions = watcher.findings.executions.length;
      const active = watcher.findings.activeContent.length;
      const row = await run(field, watcher.observe);
      row.executions = watcher.findings.executions.length - executions;
      row.activeContent = watcher.findings.activeContent.length - active;
      rows.push(row);
      expect(watcher.findings.executions, 'canary calls').to.deep.equal([]);
      expect(watcher.findings.activeContent, 'active content in widgets').to.deep.equal([]);
      expect(row.disallowedUrls, 'disallowed URLs').to.equal(0);
      if (field.shown) {
        // Every vector must render (none falls into the error state) and show exactly: a regression
        // that turned the vectors into contract errors must not pass as 0/0.
        expect(row.errorState, 'vectors in the error state').to.equal(0);
        expect(row.shownExactly, 'shown exactly').to.equal(`${CORPUS.length}/${CORPUS.length}`);
      }
    });
  }

  it('comment bodies and names posted through the real reference server render as text', async function () {
    this.timeout(120_000);
    stopFetch?.();
    stopFetch = undefined;
    const run = Date.now().toString(36);
    const results = { posted: 0, rejected: 0, pending: 0, shown: 0, checked: 0 };
    const rejectedCodes = new Map<string, number>();
    const expected: { thread: string; id: string; field: 'body' | 'author.name'; value: string }[] = [];
    for (const field of ['body', 'author.name'] as const) {
      for (const [index, vector] of CORPUS.entries()) {
        const thread = `xss-${field === 'body' ? 'b' : 'n'}${Math.floor(index / 100)}-${run}`;
        const post = set({ author: { name: 'Reader' }, body: 'Body' }, field, vector.value);
        const response = await fetch(`${api}/threads/${thread}/comments`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `xss-${run}-${field}-${vector.id}` },
          body: JSON.stringify(post),
        });
        const answer = await response.json();
        if (response.status !== 201) {
          results.rejected++;
          const code = `${response.status} ${answer.error?.code}`;
          rejectedCodes.set(code, (rejectedCodes.get(code) ?? 0) + 1);
          continue;
        }
        results.posted++;
        // Held for moderation (it contains a link): never listed, and the admin API is same-origin only.
        if (answer.comment.status === 'pending') {
          results.pending++;
          continue;
        }
        expected.push({ thread, id: answer.comment.id, field, value: vector.value.trim() });
      }
    }
    const threads = [...new Set(expected.map((e) => e.thread))];
    const container = document.createElement('div');
    document.body.append(container);
    watcher.observe(container);
    const boxes = new Map<string, Widget>();
    for (const thread of threads) {
      const el = document.createElement('byline-comment-box') as Widget;
      el.setAttribute('lang', 'en');
      el.setAttribute('api', api);
      el.setAttribute('thread', thread);
      el.setAttribute('loading', 'eager');
      el.setAttribute('page-size', '100');
      container.append(el);
      watcher.observe(el.shadowRoot!);
      boxes.set(thread, el);
    }
    await Promise.all(
      [...boxes.values()].map(
        (el) => new Promise((resolve) => el.addEventListener('byline-load', resolve, { once: true })),
      ),
    );
    await Promise.all([...boxes.values()].map((el) => el.updateComplete));
    await settle();
    const failures: string[] = [];
    let disallowed = 0;
    for (const item of expected) {
      const node = boxes.get(item.thread)!.shadowRoot!.querySelector(`article[data-id="${item.id}"] ${item.field === 'body' ? '.text' : '.author'}`);
      results.checked++;
      if (node?.textContent === item.value) results.shown++;
      else failures.push(`${item.field} ${item.id}`);
    }
    for (const el of boxes.values()) disallowed += disallowedUrls(el).length;
    container.remove();
    rows.push({
      widget: 'comment-box',
      field: 'body + author.name (real server)',
      kind: 'text',
      rendered: results.checked,
      // (the real-server row counts posted vectors that the server listed)
      errorState: 0,
      shownExactly: `${results.shown}/${results.checked}`,
      executions: watcher.findings.executions.length,
      activeContent: watcher.findings.activeContent.length,
      disallowedUrls: disallowed,
    });
    console.log(
      `real server: ${CORPUS.length * 2} posts, ${results.posted} stored (${results.pending} of them held for moderation, so not listed), ` +
        `${results.rejected} refused: ${[...rejectedCodes].map(([code, n]) => `${n}× ${code}`).join(', ')}`,
    );
    if (failures.length) console.log(`not shown exactly: ${failures.slice(0, 10).join(', ')}`);
    expect(watcher.findings.executions).to.deep.equal([]);
    expect(watcher.findings.activeContent).to.deep.equal([]);
    expect(disallowed).to.equal(0);
    expect(results.shown).to.equal(results.checked);
    expect(results.posted).to.be.greaterThan(CORPUS.length);
  });

  it('prints the figures', () => {
    printTable(`XSS figures: ${CORPUS.length} vectors`, rows);
    const total = rows.reduce(
      (sum, row) => ({ rendered: sum.rendered + row.rendered + row.errorState, executions: sum.executions + row.executions, disallowed: sum.disallowed + row.disallowedUrls }),
      { rendered: 0, executions: 0, disallowed: 0 },
    );
    const displayed = rows.filter((row) => row.shownExactly.includes('/'));
    const shown = displayed.reduce((sum, row) => sum + Number(row.shownExactly.split('/')[0]), 0);
    const of = displayed.reduce((sum, row) => sum + Number(row.shownExactly.split('/')[1]), 0);
    console.log(
      `XSS total: ${rows.length} fields, ${total.rendered} vector×field renders, executions ${total.executions}, ` +
        `active content ${watcher.findings.activeContent.length}, disallowed URLs ${total.disallowed}, shown exactly ${shown}/${of}, ` +
        `errors ${watcher.findings.errors.length}, rejections ${watcher.findings.rejections.length}, console.warn ${warnings.messages.length}`,
    );
    expect(watcher.findings.errors).to.deep.equal([]);
    expect(watcher.findings.rejections).to.deep.equal([]);
  });
});
