import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { Article, RelatedFeed } from '../../src/core/wire-types.js';
import { getArticle, MAIN_ARTICLE_ID } from '../domain/feeds.js';
import { createComment, errorOf, makeApp } from './helpers.js';

const TH_TITLE = 'กระทรวงสารสนเทศและการสื่อสาร ยกระดับคุณภาพและประสิทธิภาพการดำเนินการปฏิรูประบบราชการ';
const VI_TITLE = 'Bộ TT&TT nâng cao chất lượng, hiệu quả công tác cải cách hành chính';
const TH_CAPTION = 'นางสาววู่ ถิ ลา รองอธิบดีกรมการจัดองค์กรและบุคลากร กระทรวงสารสนเทศและการสื่อสาร';
const TH_CATEGORY_TITLES = [
  'สัตว์ป่าบนเกาะ Cat Ba',
  'พระอาทิตย์ขึ้นสีแดงสดที่ Ngu Chi Son',
  'ของโบราณ 10,000 ชิ้น พาคุณย้อนเวลากลับไปสู่ไซง่อนเก่า',
  'สถานที่ที่ลุงโฮอ่านคำประกาศอิสรภาพ',
];
const SOURCE_URL = 'https://mic.gov.vn/bo-tttt-nang-cao-chat-luong-hieu-qua-cong-tac-cai-cach-hanh-chinh-197241227152010792.htm';

describe('GET /api/articles/:id', () => {
  test('the seed article in Thai (the default language)', async () => {
    const { app } = await makeApp();
    const res = await app.inject({ url: `/api/articles/${MAIN_ARTICLE_ID}` });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-language'], 'th');
    const a = res.json() as Article;
    assert.equal(a.id, MAIN_ARTICLE_ID);
    assert.equal(a.thread, MAIN_ARTICLE_ID);
    assert.equal(a.title, TH_TITLE);
    assert.ok(a.summary?.startsWith('ตามรายงานของกรมการจัดองค์กรและบุคลากร'));
    assert.deepEqual(a.category?.name, 'ข่าว');
    assert.deepEqual(a.source, { name: 'Bộ Khoa học và Công nghệ', url: SOURCE_URL });
    assert.equal(a.publishedAt, '2024-12-27T15:20:10+07:00');
    assert.deepEqual([a.lang, a.translatedFrom], ['th', 'vi']);
    assert.deepEqual({ ...a.image, alt: undefined, credit: undefined, srcset: undefined }, {
      src: '/demo/images/photo-1.jpg', width: 1200, height: 800, caption: TH_CAPTION, alt: undefined, credit: undefined, srcset: undefined,
    });
    assert.match(a.image!.alt!, /[\u0E00-\u0E7F]/, 'Thai alt text in the Thai edition');
    assert.equal(a.commentCount, 0);
  });

  test('Vietnamese is the original (no translatedFrom); English is a translation; strings differ by language', async () => {
    const { app } = await makeApp();
    const vi = (await app.inject({ url: `/api/articles/${MAIN_ARTICLE_ID}?lang=vi` })).json() as Article;
    const en = (await app.inject({ url: `/api/articles/${MAIN_ARTICLE_ID}?lang=en` })).json() as Article;
    assert.equal(vi.title, VI_TITLE);
    assert.equal(vi.translatedFrom, undefined);
    assert.deepEqual([vi.category?.name, en.category?.name], ['Tin tức', 'News']);
    assert.deepEqual([en.lang, en.translatedFrom], ['en', 'vi']);
    assert.match(en.title, /administrative reform/i);
    for (const key of ['alt', 'caption', 'credit'] as const) {
      assert.notEqual(vi.image![key], en.image![key], key);
    }
  });

  test('commentCount follows the published comments of the thread', async () => {
    const { app } = await makeApp();
    await createComment(app, MAIN_ARTICLE_ID, 'A', 'one');
    await createComment(app, MAIN_ARTICLE_ID, 'B', 'pending www.example.com');
    const a = (await app.inject({ url: `/api/articles/${MAIN_ARTICLE_ID}?lang=en` })).json() as Article;
    assert.equal(a.commentCount, 1);
  });

  test('unknown id is 404 not_found; unknown lang is 400 on "lang"', async () => {
    const { app } = await makeApp();
    const missing = await app.inject({ url: '/api/articles/nope?lang=th' });
    assert.deepEqual([missing.statusCode, errorOf(missing).code], [404, 'not_found']);
    for (const lang of ['fr', 'TH', '']) {
      const res = await app.inject({ url: `/api/articles/${MAIN_ARTICLE_ID}?lang=${lang}` });
      assert.deepEqual([res.statusCode, errorOf(res).code, errorOf(res).field], [400, 'invalid_field', 'lang'], lang);
    }
    const related = await app.inject({ url: '/api/related/nope' });
    assert.equal(related.statusCode, 404);
  });
});

describe('GET /api/related/:id', () => {
  test('Thai: topic section empty (as on the seed page), the four seed titles under category, two by the same author', async () => {
    const { app } = await makeApp();
    const res = await app.inject({ url: `/api/related/${MAIN_ARTICLE_ID}?lang=th` });
    assert.equal(res.statusCode, 200);
    const { sections } = res.json() as RelatedFeed;
    assert.deepEqual(sections.map((s) => s.kind), ['topic', 'category', 'author']);
    assert.deepEqual(sections[0].items, []);
    assert.deepEqual(sections[1].items.map((a) => a.title), TH_CATEGORY_TITLES);
    assert.equal(sections[2].items.length, 2);
    for (const item of [...sections[1].items, ...sections[2].items]) {
      assert.equal(item.lang, 'th');
      assert.ok(item.id && item.url?.startsWith('/') && item.title, JSON.stringify(item));
      assert.equal(item.commentCount, 0);
    }
  });

  test('every related item is itself an article the server can serve, in every language', async () => {
    const { app } = await makeApp();
    for (const lang of ['th', 'vi', 'en']) {
      const { sections } = (await app.inject({ url: `/api/related/${MAIN_ARTICLE_ID}?lang=${lang}` })).json() as RelatedFeed;
      for (const item of sections.flatMap((s) => s.items)) {
        const res = await app.inject({ url: `/api/articles/${item.id}?lang=${lang}` });
        assert.equal(res.statusCode, 200, item.id);
        assert.equal(res.json().title, item.title);
      }
    }
    const vi = (await app.inject({ url: `/api/related/${MAIN_ARTICLE_ID}?lang=vi` })).json() as RelatedFeed;
    const en = (await app.inject({ url: `/api/related/${MAIN_ARTICLE_ID}?lang=en` })).json() as RelatedFeed;
    assert.ok(vi.sections[1].items.some((a) => a.title.includes('10.000')));
    assert.ok(en.sections[1].items.some((a) => a.title.includes('10,000')));
    assert.notDeepEqual(vi.sections[1].items.map((a) => a.title), en.sections[1].items.map((a) => a.title));
  });
});

describe('demo/index.html', () => {
  test("the hero card's inline JSON is the seed article as the API serves it in Thai (without the live comment count)", () => {
    const page = readFileSync(new URL('../../demo/index.html', import.meta.url), 'utf8');
    const inline = /<byline-article-card id="card"[^>]*>[\s\S]*?<script type="application\/json">([\s\S]*?)<\/script>/.exec(page);
    assert.ok(inline, 'the hero card has inline JSON');
    const { commentCount, ...served } = getArticle(MAIN_ARTICLE_ID, 'th')!;
    assert.equal(commentCount, undefined); // the count is added per request, from the database
    assert.deepEqual(JSON.parse(inline[1]!), served);
  });
});
