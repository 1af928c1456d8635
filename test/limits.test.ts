/**
 * The contract's limits (src/core/limits.ts): over-long text is cut, over-long URLs dropped, long lists
 * keep their first items, each with one warning naming the field and the limit; a response over 1 MiB
 * is refused. The widget tests serve the data a real server cannot be made to send (a megabyte title).
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/index.js';
import type { BylineArticleCard, BylinePhotoCaption, BylineRelatedTopics } from '../src/index.js';
import { checkArticle, checkPhoto, checkRelatedFeed, type Article } from '../src/core/contract.js';
import { cut, LIMITS } from '../src/core/limits.js';
import en from '../src/locales/en.js';
import th from '../src/locales/th.js';
import { captureWarnings, json, PIXEL, seedArticle, seedPhoto, stubFetch } from './fixtures.js';

const THAI = 'ข่าวดี';
const thai = (length: number) => THAI.repeat(Math.ceil(length / THAI.length)).slice(0, length);
const shortened = (field: string, limit: string) => `"${field}" to ${limit}`;

describe('cut()', () => {
  it('keeps a string at or under the limit as it is', () => {
    expect(cut('abc', 3)).to.equal('abc');
    expect(cut('', 3)).to.equal('');
  });

  it('cuts to exactly the limit, ending with an ellipsis', () => {
    expect(cut('abcdef', 4)).to.equal('abc…');
    expect(cut(thai(600), 500)).to.have.length(500);
  });

  it('never cuts between the two halves of a surrogate pair', () => {
    // '😀' is two code units: a cut at 4 would keep its first half.
    const value = 'ab😀cd';
    expect(cut(value, 4)).to.equal('ab…');
    expect(cut(value, 5)).to.equal('ab😀…');
    expect(cut('😀'.repeat(600), 500)).to.match(/^(?:😀)+…$/u);
  });
});

describe('limits in the contract checks', () => {
  let warnings: ReturnType<typeof captureWarnings>;
  beforeEach(() => (warnings = captureWarnings()));
  afterEach(() => warnings.restore());

  const textFields: [string, (value: string) => Article, (article: Article) => string | undefined, number][] = [
    ['article.title', (v) => seedArticle({ title: v }), (a) => a.title, LIMITS.title],
    ['article.summary', (v) => seedArticle({ summary: v }), (a) => a.summary, LIMITS.summary],
    ['article.image.alt', (v) => seedArticle({ image: { src: PIXEL, alt: v } }), (a) => a.image?.alt, LIMITS.alt],
    ['article.image.caption', (v) => seedArticle({ image: { src: PIXEL, caption: v } }), (a) => a.image?.caption, LIMITS.caption],
    ['article.image.credit', (v) => seedArticle({ image: { src: PIXEL, credit: v } }), (a) => a.image?.credit, LIMITS.credit],
    ['article.category.name', (v) => seedArticle({ category: { name: v } }), (a) => a.category?.name, LIMITS.name],
    ['article.author.name', (v) => seedArticle({ author: { name: v } }), (a) => a.author?.name, LIMITS.name],
    ['article.source.name', (v) => seedArticle({ source: { name: v } }), (a) => a.source?.name, LIMITS.name],
    ['article.id', (v) => seedArticle({ id: v }), (a) => a.id, LIMITS.id],
    ['article.thread', (v) => seedArticle({ thread: v }), (a) => a.thread, LIMITS.id],
  ];
  for (const [field, make, read, limit] of textFields) {
    it(`cuts ${field} at ${limit} characters, with one warning naming both`, () => {
      expect(read(checkArticle(make(thai(limit)), 'article'))).to.equal(thai(limit));
      expect(warnings.messages, 'at the limit: no warning').to.deep.equal([]);
      expect(read(checkArticle(make(thai(limit + 1)), 'article'))).to.equal(cut(thai(limit + 1), limit));
      expect(warnings.messages).to.deep.equal([
        `[byline] article: shortened to the contract's limits: ${shortened(field, `${limit} characters`)}`,
      ]);
    });
  }

  it('drops a URL over 2,048 and a srcset over 8,192 characters (a cut URL would point elsewhere)', () => {
    const long = (n: number) => `https://example.org/${'a'.repeat(n - 20)}`;
    const ok = checkArticle(seedArticle({ url: long(LIMITS.url), image: { src: PIXEL, srcset: `${long(LIMITS.srcset - 3)} 1x` } }), 'article');
    expect(ok.url).to.have.length(LIMITS.url);
    expect(ok.image!.srcset).to.have.length(LIMITS.srcset);
    expect(warnings.messages).to.deep.equal([]);
    const article = checkArticle(
      seedArticle({ url: long(LIMITS.url + 1), image: { src: long(LIMITS.url + 1), srcset: `${long(LIMITS.srcset)} 1x` } }),
      'article',
    );
    expect(article.url).to.equal(undefined);
    expect(article.image).to.deep.equal({});
    expect(warnings.messages).to.deep.equal([
      "[byline] article: shortened to the contract's limits: " +
        [
          shortened('article.url', '2048 characters (dropped)'),
          shortened('article.image.src', '2048 characters (dropped)'),
          shortened('article.image.srcset', '8192 characters (dropped)'),
        ].join(', '),
    ]);
  });

  it('keeps the first 100 items of a section and the first 10 sections, with one warning for all', () => {
    const items = Array.from({ length: 150 }, (_, i) => ({ id: `i${i}`, url: `/i${i}`, title: `Item ${i}` }));
    const sections = Array.from({ length: 12 }, (_, i) => ({ kind: 'topic', title: i === 1 ? thai(201) : `S${i}`, items: i === 1 ? items : [] }));
    const feed = checkRelatedFeed({ sections }, 'related');
    expect(feed.sections).to.have.length(LIMITS.sections);
    expect(feed.sections[1]!.items.map((item) => item.id)).to.deep.equal(items.slice(0, LIMITS.items).map((item) => item.id));
    expect(feed.sections[1]!.title).to.equal(cut(thai(201), LIMITS.sectionTitle));
    expect(warnings.messages).to.deep.equal([
      "[byline] related: shortened to the contract's limits: " +
        [shortened('related.sections', '10 items'), shortened('related.sections[1].title', '200 characters'), shortened('related.sections[1].items', '100 items')].join(', '),
    ]);
  });

  it('never checks items past the limit: a broken 101st item is dropped, not an error', () => {
    const items = Array.from({ length: 101 }, (_, i) => (i === 100 ? { id: 'broken' } : { id: `i${i}`, url: `/i${i}`, title: `Item ${i}` }));
    expect(checkRelatedFeed({ sections: [{ kind: 'author', items }] }, 'related').sections[0]!.items).to.have.length(100);
  });

  it('cuts a photo caption, credit and alt', () => {
    const photo = checkPhoto(seedPhoto({ caption: thai(2001), credit: thai(301), alt: thai(1001) }), 'photo');
    expect([photo.caption, photo.credit, photo.alt].map((value) => value!.length)).to.deep.equal([2000, 300, 1000]);
    expect(warnings.messages).to.have.length(1);
    expect(warnings.messages[0]).to.contain(shortened('photo.caption', '2000 characters'));
  });
});

describe('enormous data keeps the page responsive', () => {
  let warnings: ReturnType<typeof captureWarnings>;
  let restore: (() => void) | undefined;
  beforeEach(() => (warnings = captureWarnings()));
  afterEach(() => {
    warnings.restore();
    restore?.();
    restore = undefined;
  });

  /** Resolves once the page has painted another frame: it is not frozen. */
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const headline = (el: Element) => el.shadowRoot!.querySelector('.headline a')!.textContent!;

  it('a 1,048,576-character Thai title set from JavaScript renders cut to 500 characters', async () => {
    const title = thai(1_048_576);
    const el = await fixture<BylineArticleCard>(html`<byline-article-card lang="th" .article=${seedArticle({ title })}></byline-article-card>`);
    await nextFrame();
    expect(headline(el)).to.equal(cut(title, LIMITS.title));
    expect(headline(el)).to.have.length(500);
    expect(warnings.messages).to.deep.equal([`[byline] article: shortened to the contract's limits: ${shortened('article.title', '500 characters')}`]);
    await expect(el).to.be.accessible();
  });

  it('a 1,048,576-character Thai title served with status 200 (3 MiB) is refused: the localized error, one warning', async () => {
    const body = JSON.stringify(seedArticle({ title: thai(1_048_576) }));
    restore = stubFetch(() => new Response(body, { headers: { 'Content-Type': 'application/json' } }));
    const el = await fixture<BylineArticleCard>(html`<byline-article-card lang="th" src="https://feeds.example.test/huge.json"></byline-article-card>`);
    await oneEvent(el, 'byline-error');
    await el.updateComplete;
    await nextFrame();
    expect(el.shadowRoot!.querySelector('[part="error"] span')!.textContent).to.equal(th.loadFailed);
    expect(warnings.messages).to.deep.equal([
      '[byline] <byline-article-card>: https://feeds.example.test/huge.json answered with more than 1048576 bytes.',
    ]);
    await expect(el).to.be.accessible();
  });

  it('a 300,000-character Thai title served within 1 MiB renders cut', async () => {
    const title = thai(300_000);
    restore = stubFetch(() => json(seedArticle({ title })));
    const el = await fixture<BylineArticleCard>(html`<byline-article-card lang="th" src="https://feeds.example.test/long.json"></byline-article-card>`);
    await oneEvent(el, 'byline-load');
    await el.updateComplete;
    await nextFrame();
    expect(headline(el)).to.equal(cut(title, LIMITS.title));
    expect(warnings.messages).to.have.length(1);
  });

  it('5,000 related items and a 100,000-character caption render their first 100 items and the cut caption', async () => {
    const items = Array.from({ length: 5_000 }, (_, i) => ({ id: `i${i}`, url: `/i${i}`, title: thai(1_000) }));
    const list = await fixture<BylineRelatedTopics>(html`<byline-related-topics lang="en" .sections=${[{ kind: 'topic', items }]}></byline-related-topics>`);
    const photo = await fixture<BylinePhotoCaption>(html`<byline-photo-caption lang="en" .photo=${seedPhoto({ src: PIXEL, caption: thai(100_000) })}></byline-photo-caption>`);
    await nextFrame();
    const links = [...list.shadowRoot!.querySelectorAll('[part="link"]')];
    expect(links).to.have.length(100);
    expect(links[0]!.textContent).to.equal(cut(thai(1_000), LIMITS.title));
    expect(photo.shadowRoot!.querySelector('figcaption .text')!.textContent).to.equal(cut(thai(100_000), LIMITS.caption));
    expect(list.shadowRoot!.textContent).to.not.contain(en.loadFailed);
  });
});
