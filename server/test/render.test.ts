// Server rendering over HTTP: POST /api/render, GET /oembed and the server-rendered demo page.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getArticle, MAIN_ARTICLE_ID } from '../domain/feeds.js';
import { errorOf, makeApp, NO_LIMITS, PARTNER } from './helpers.js';

const TH_TITLE = 'กระทรวงสารสนเทศและการสื่อสาร ยกระดับคุณภาพและประสิทธิภาพการดำเนินการปฏิรูประบบราชการ';
const article = { id: 'a1', url: 'https://example.org/a/1', title: 'Tiêu đề <script>', summary: 'Tóm tắt' };

/** The visible text of server-rendered HTML: no styles, scripts, comments or tags. */
const visible = (html: string) =>
  html
    .replace(/<(style|script)\b[\s\S]*?<\/\1>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

const render = (app: Awaited<ReturnType<typeof makeApp>>['app'], payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/render', payload: payload as object, headers: { 'content-type': 'application/json', ...headers } });

describe('POST /api/render', () => {
  test('answers text/html of the element, rendered in the language asked for', async () => {
    const { app } = await makeApp();
    const res = await render(app, { element: 'byline-article-card', data: article, lang: 'vi' });
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /^text\/html; charset=utf-8/);
    assert.equal(res.headers['content-language'], 'vi');
    assert.match(res.body, /<byline-article-card [^>]*lang="vi"[^>]*><template shadowroot="open" shadowrootmode="open">/);
    assert.ok(visible(res.body).includes('Tiêu đề <script>'), 'the title, as text');
    assert.ok(!res.body.includes('Tiêu đề <script>'), 'never as markup');
  });

  test('a partner origin may call it from a browser (CORS)', async () => {
    const { app } = await makeApp();
    const res = await render(app, { element: 'byline-comment-count', data: 3, lang: 'th' }, { origin: PARTNER });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['access-control-allow-origin'], PARTNER);
  });

  for (const [what, payload, status, code, field] of [
    ['an element it does not render', { element: 'byline-photo-gallery', lang: 'th' }, 400, 'invalid_field', 'element'],
    ['a comment page that breaks the contract', { element: 'byline-comment-box', data: { thread: 't', total: 1, items: [{ id: 'c', body: 'x' }] } }, 400, 'invalid_data', 'data.items[0].author'],
    ['no element', { lang: 'th' }, 400, 'missing_field', 'element'],
    ['a language it has no strings for', { element: 'byline-comment-count', data: 1, lang: 'xx' }, 400, 'unsupported_language', 'lang'],
    ['a malformed language tag', { element: 'byline-comment-count', data: 1, lang: 'th"><script>' }, 400, 'invalid_field', 'lang'],
    ['a card without data', { element: 'byline-article-card', lang: 'th' }, 400, 'missing_field', 'data'],
    ['data that breaks the contract', { element: 'byline-article-card', data: { id: 'a', url: '/a' } }, 400, 'invalid_data', 'data.title'],
    ['a negative count', { element: 'byline-comment-count', data: -2 }, 400, 'invalid_data', 'data'],
    ['an attribute the element does not have', { element: 'byline-article-card', data: article, attributes: { onclick: 'x' } }, 400, 'invalid_field', 'attributes.onclick'],
    ['an attribute name that is not a name', { element: 'byline-article-card', data: article, attributes: { 'a b': 'x' } }, 400, 'invalid_field', 'attributes'],
    ['an unknown time zone', { element: 'byline-article-card', data: article, timeZone: 'Mars/Base' }, 400, 'invalid_field', 'timeZone'],
  ] as const) {
    test(`${what}: ${status} ${code}`, async () => {
      const { app } = await makeApp();
      const res = await render(app, payload);
      assert.equal(res.statusCode, status, res.body);
      const error = errorOf(res);
      assert.equal(error.code, code);
      assert.equal(error.field, field);
    });
  }

  test('a javascript: image URL is dropped as in the browser: no image, the caption still renders', async () => {
    const { app } = await makeApp();
    const res = await render(app, { element: 'byline-photo-caption', data: { src: 'javascript:alert(1)', alt: '', caption: 'Chú thích', number: 1 }, lang: 'vi' });
    assert.equal(res.statusCode, 200);
    assert.ok(!res.body.includes('javascript:'));
    assert.ok(!res.body.includes('<img'));
    assert.ok(visible(res.body).includes('Chú thích'));
  });

  test('a body over 64 KB: 413, not rendered', async () => {
    const { app } = await makeApp();
    const res = await render(app, { element: 'byline-article-card', data: { ...article, summary: 'x'.repeat(70_000) } });
    assert.equal(res.statusCode, 413);
  });

  test('rate-limited on its own budget: 429 with Retry-After', async () => {
    const { app } = await makeApp({ rateLimits: { ...NO_LIMITS, render: { max: 2, timeWindow: 60_000 } } });
    for (let i = 0; i < 2; i++) assert.equal((await render(app, { element: 'byline-comment-count', data: i })).statusCode, 200);
    const res = await render(app, { element: 'byline-comment-count', data: 3 });
    assert.equal(res.statusCode, 429);
    assert.ok(res.headers['retry-after']);
    assert.equal(errorOf(res).code, 'rate_limited');
  });
});

describe('GET /oembed', () => {
  const demoUrl = (lang: string) => `http://localhost/demo/?id=${MAIN_ARTICLE_ID}&lang=${lang}`;

  test('a demo article link gives a rich embed: a server-rendered card with absolute URLs and the hydration script', async () => {
    const { app } = await makeApp();
    const res = await app.inject({ url: `/oembed?url=${encodeURIComponent(demoUrl('vi'))}&format=json&maxwidth=400`, headers: { host: 'localhost' } });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    const vi = getArticle(MAIN_ARTICLE_ID, 'vi')!;
    assert.equal(body.version, '1.0');
    assert.equal(body.type, 'rich');
    assert.equal(body.title, vi.title);
    assert.equal(body.width, 400);
    assert.ok(Number.isInteger(body.height) && body.height > 0);
    assert.ok(body.html.startsWith('<script type="module" src="http://localhost/cdn/byline.hydrate.min.js"></script>'));
    assert.ok(visible(body.html).includes(vi.title));
    assert.match(body.html, /href="http:\/\/localhost\/demo\/\?id=/, 'the headline link is absolute');
    assert.match(body.html, /src="http:\/\/localhost\/demo\/images\/photo-1\.jpg"/, 'so is the image');
  });

  for (const [what, url, status, code] of [
    ['another site', `https://evil.example/demo/?id=${MAIN_ARTICLE_ID}`, 404, 'not_found'],
    ['an unknown article', 'http://localhost/demo/?id=nope', 404, 'not_found'],
    ['a page that is not an article', 'http://localhost/api/counts', 404, 'not_found'],
  ] as const) {
    test(`${what}: ${status}`, async () => {
      const { app } = await makeApp();
      const res = await app.inject({ url: `/oembed?url=${encodeURIComponent(url)}`, headers: { host: 'localhost' } });
      assert.equal(res.statusCode, status);
      assert.deepEqual([errorOf(res).code, errorOf(res).field], [code, 'url']);
    });
  }

  test('no url: 400 naming it; format=xml: 501 as the oEmbed spec says', async () => {
    const { app } = await makeApp();
    const missing = await app.inject({ url: '/oembed' });
    assert.deepEqual([missing.statusCode, errorOf(missing).field], [400, 'url']);
    const xml = await app.inject({ url: `/oembed?url=${encodeURIComponent(demoUrl('th'))}&format=xml`, headers: { host: 'localhost' } });
    assert.deepEqual([xml.statusCode, errorOf(xml).code], [501, 'unsupported_format']);
  });
});

describe('POST /api/render: the comment box', () => {
  const page = {
    thread: 't1',
    total: 2,
    nextCursor: 'next',
    items: [
      { id: 'c1', author: { name: 'Somchai' }, body: 'สวัสดี <b>ครับ</b>', createdAt: '2024-12-27T10:00:00Z', status: 'published' },
      { id: 'c2', author: { name: 'Held Back' }, body: 'not yet moderated', createdAt: '2024-12-27T10:05:00Z', status: 'pending' },
      { id: 'c3', parentId: 'c1', author: { name: 'Lan' }, body: 'A reply', createdAt: '2024-12-27T11:00:00Z', status: 'published' },
    ],
  };

  test('a first page: the heading with the count, comments and replies as text, no form, no pending comment', async () => {
    const { app } = await makeApp();
    const res = await render(app, { element: 'byline-comment-box', data: page, lang: 'th', timeZone: 'Asia/Bangkok', attributes: { api: '/api', thread: 't1' } });
    assert.equal(res.statusCode, 200, res.body);
    const text = visible(res.body);
    for (const piece of ['ความคิดเห็น (2)', 'Somchai', 'สวัสดี <b>ครับ</b>', 'Lan', 'A reply', 'โหลดความคิดเห็นเพิ่มเติม']) {
      assert.ok(text.includes(piece), `"${piece}" in ${text.slice(0, 300)}`);
    }
    assert.ok(!res.body.includes('<b>'), 'comment text is never markup');
    assert.ok(!res.body.includes('Held Back') && !res.body.includes('not yet moderated'), 'a pending comment is not shown to everyone');
    assert.ok(!/<form|<textarea|<input/.test(res.body), 'no post form without JavaScript');
    assert.match(res.body, /<script type="application\/json">\{"thread":"t1"/);
  });

  test('without data: the loading state, for the browser to load', async () => {
    const { app } = await makeApp();
    const res = await render(app, { element: 'byline-comment-box', lang: 'vi', attributes: { api: '/api', thread: 't1' } });
    assert.equal(res.statusCode, 200, res.body);
    assert.match(res.body, /part="skeleton" aria-busy="true"/);
    assert.ok(!res.body.includes('application/json'));
  });
});

describe('GET /demo/server-rendered/', () => {
  test('the seed article in Thai, readable without JavaScript: headline, summary, byline, date, photos, related lists', async () => {
    const { app } = await makeApp();
    const res = await app.inject({ url: '/demo/server-rendered/' });
    assert.equal(res.statusCode, 200);
    const page = res.body;
    const text = visible(page);
    for (const piece of [
      TH_TITLE,
      'ตามรายงานของกรมการจัดองค์กรและบุคลากร',
      'โดย Bộ Khoa học và Công nghệ',
      '27 ธ.ค. 2567',
      'ภาพที่ 1',
      'ภาพที่ 2',
      'นางสาววู่ ถิ ลา รองอธิบดีกรมการจัดองค์กรและบุคลากร',
      'ภาพรวมของการสัมมนา',
      'หัวข้อเดียวกัน',
      'สัตว์ป่าบนเกาะ Cat Ba',
      '0 ความคิดเห็น',
    ]) {
      assert.ok(text.includes(piece), `"${piece}" is on the page`);
    }
    assert.equal((page.match(/<img slot="image" src="\/demo\/images\/photo-\d\.jpg"/g) ?? []).length, 2, 'both photos are light DOM');
    assert.ok(page.includes('<script type="module" src="/cdn/byline.hydrate.min.js"></script>'));
    assert.ok(!page.includes('blocking="render"'), 'nothing blocks rendering');
    assert.match(page, /<html lang="th" dir="ltr"/);
  });

  test("the seed thread's first page of comments, from the server's own store, read-only", async () => {
    const { app } = await makeApp();
    const thread = getArticle(MAIN_ARTICLE_ID, 'th')!.thread!;
    const posted = await app.inject({
      method: 'POST',
      url: `/api/threads/${thread}/comments`,
      headers: { 'content-type': 'application/json', 'idempotency-key': 'render-test-0001' },
      payload: { author: { name: 'ผู้อ่าน' }, body: 'บทความดีมาก' },
    });
    assert.equal(posted.statusCode, 201, posted.body);
    const res = await app.inject({ url: '/demo/server-rendered/' });
    const box = /<byline-comment-box\b[\s\S]*?<\/byline-comment-box>/.exec(res.body)?.[0] ?? '';
    assert.match(box, new RegExp(`<byline-comment-box [^>]*api="/api" thread="${thread}"`));
    const text = visible(box);
    for (const piece of ['ความคิดเห็น (1)', 'ผู้อ่าน', 'บทความดีมาก']) assert.ok(text.includes(piece), `"${piece}" in ${text.slice(0, 300)}`);
    assert.ok(!/<form|<textarea/.test(box), 'no post form without JavaScript');
  });

  test('the language switch works as a GET form: Arabic is right-to-left around the English data', async () => {
    const { app } = await makeApp();
    const res = await app.inject({ url: '/demo/server-rendered/?lang=ar&theme=dark&digits=native' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<html lang="ar" dir="rtl" data-theme="dark">/);
    assert.match(res.body, /<option value="ar"[^>]*\sselected>/);
    assert.match(res.body, /<article class="card"[^>]* dir="rtl" lang="ar"/);
    assert.ok(visible(res.body).includes(getArticle(MAIN_ARTICLE_ID, 'en')!.title));
    assert.match(res.body, /<byline-article-card [^>]*digits="native"/);
  });

  test('every language of the switch renders, e.g. Khmer and Traditional Chinese, with that option selected', async () => {
    const { app } = await makeApp();
    for (const lang of ['km', 'zh-Hant']) {
      const res = await app.inject({ url: `/demo/server-rendered/?lang=${lang}` });
      assert.equal(res.statusCode, 200, lang);
      assert.match(res.body, new RegExp(`<html lang="${lang}" dir="ltr"`));
      assert.match(res.body, new RegExp(`<option value="${lang}"[^>]*\\sselected>`));
    }
  });

  test('an unsupported setting: 400 naming it', async () => {
    const { app } = await makeApp();
    const res = await app.inject({ url: '/demo/server-rendered/?lang=xx' });
    assert.deepEqual([res.statusCode, errorOf(res).field], [400, 'lang']);
  });
});
