// byline-widgets/ssr in Node (no DOM): every element it renders, in every supported language, from each
// way of giving it data, produces declarative shadow DOM with all of its text, and nothing throws.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fill, loadStrings, Locale, type Strings } from '../../src/core/i18n.js';
import { checkData, renderToStream, renderToString, SUPPORTED_LANGUAGES } from '../../src/ssr.js';
import { article, photo, PUBLISHED, sections, ZONE } from '../ssr/fixtures.js';

const feed = { sections };
const CREATED = '2024-12-27T08:20:10Z';
const commentPage = {
  thread: 't1',
  total: 3,
  nextCursor: 'cursor-2',
  items: [
    { id: 'c1', author: { name: 'Somchai' }, body: 'First <i>comment</i> & more', createdAt: CREATED, status: 'published' },
    { id: 'c2', author: { name: 'Held Back' }, body: 'Awaiting its moderator', createdAt: CREATED, status: 'pending' },
    { id: 'c3', parentId: 'c1', author: { name: 'Lan' }, body: 'A reply to it', createdAt: CREATED, status: 'published' },
  ],
};

/** What a reader sees: the text outside tags, styles and comments, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

function includesAll(text: string, expected: string[], where: string) {
  for (const piece of expected) assert.ok(text.includes(piece), `${where}: "${piece}" missing from: ${text.slice(0, 400)}`);
}

const dateIn = (lang: string) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: ZONE }).format(new Date(PUBLISHED));
const number = (lang: string, n: number) => new Intl.NumberFormat(lang).format(n);
const plural = (strings: Strings, lang: string, n: number) => {
  const forms = strings.commentCount;
  const category = n === 0 && forms.zero ? 'zero' : new Intl.PluralRules(lang).select(n);
  return fill(forms[category] ?? forms.other, { n: number(lang, n) });
};

const warnings: unknown[][] = [];
const warn = console.warn;
before(() => {
  console.warn = (...args: unknown[]) => void warnings.push(args);
});
after(() => {
  console.warn = warn;
});

assert.ok(SUPPORTED_LANGUAGES.length >= 4, 'the supported languages are listed');

for (const lang of SUPPORTED_LANGUAGES) {
  describe(`server rendering in ${lang}`, () => {
    let strings: Strings;
    const dir = () => (strings.rtl ? 'rtl' : 'ltr');
    before(async () => {
      strings = await loadStrings(lang);
      warnings.length = 0;
    });

    for (const [path, data] of [
      ['the .article property', article],
      ['inline JSON text', JSON.stringify(article)],
    ] as const) {
      it(`article card from ${path}: every text, link and image attribute, localized, in a shadow root`, async () => {
        const html = await renderToString('byline-article-card', data, { lang, timeZone: ZONE });
        assert.match(html, /^(<!--[^>]*-->)*<byline-article-card [^>]*lang="[^"]+"[^>]*><template shadowroot="open" shadowrootmode="open">/);
        assert.match(html, new RegExp(`<article class="card"[^>]* dir="${dir()}" lang="${lang}"`));
        const [byBefore] = strings.byAuthor.split('{name}');
        includesAll(
          visibleText(html),
          [article.title, article.summary, article.category.name, article.author.name, article.source.name, dateIn(lang), plural(strings, lang, article.commentCount), byBefore!.trim()],
          `${lang} card`,
        );
        includesAll(html, [`href="${article.url}"`, `href="${article.source.url}"`, `src="${article.image.src}"`, `width="${article.image.width}"`, `alt="${article.image.alt}"`], `${lang} card`);
        // The data goes along for the browser, inert inside its <script>: the markup in the title is escaped.
        assert.ok(html.includes('<script type="application/json">{"id":"mic-1"'), 'inline JSON for the browser');
        assert.ok(!html.slice(html.indexOf('<script type="application/json">')).includes('<b>'), 'no markup in the inline JSON');
        assert.ok(!/<b>/.test(html), 'the title is text, not markup');
        assert.deepEqual(warnings, []);
      });
    }

    it('related topics from the .sections property: section titles, links, dates and the empty state', async () => {
      const html = await renderToString('byline-related-topics', feed, { lang, timeZone: ZONE });
      assert.match(html, new RegExp(`dir="${dir()}"`));
      includesAll(visibleText(html), [strings.relatedTopic, strings.relatedCategory, 'Own title', sections[0]!.items[0]!.title, 'Related two', strings.relatedEmpty, dateIn(lang)], `${lang} related`);
      includesAll(html, ['href="/r/1"', 'href="/r/2"'], `${lang} related`);
    });

    it('related topics from inline JSON text (a sections array)', async () => {
      const html = await renderToString('byline-related-topics', JSON.stringify(feed.sections), { lang });
      includesAll(visibleText(html), [strings.relatedTopic, sections[0]!.items[0]!.title], `${lang} related inline`);
    });

    it('photo caption around the light-DOM <img>: the image stays light DOM, slotted, with the numbered caption', async () => {
      const html = await renderToString('byline-photo-caption', photo, { lang });
      const light = html.slice(html.indexOf('</template>'));
      includesAll(light, [`<img slot="image" src="${photo.src}"`, `alt="${photo.alt}"`, '<span slot="caption">', photo.caption], `${lang} photo light DOM`);
      const shadow = html.slice(0, html.indexOf('</template>'));
      includesAll(shadow, ['<slot class="image" name="image">', '<slot class="caption" name="caption">', fill(strings.enlargePhotoNamed, { name: photo.alt })], `${lang} photo shadow`);
      includesAll(visibleText(shadow), [fill(strings.photoNumber, { n: number(lang, 2) }), strings.closePhoto], `${lang} photo`);
      assert.match(html, / number="2"/);
    });

    for (const [path, data] of [
      ['the .page property', commentPage],
      ['inline JSON text', JSON.stringify(commentPage)],
    ] as const) {
      it(`comment box from ${path}: heading with the count, authors, localized times, texts, the reply, no form, no pending comment`, async () => {
        const html = await renderToString('byline-comment-box', data, { lang, timeZone: ZONE, attributes: { api: '/api', thread: 't1' } });
        const locale = new Locale(lang, lang, strings, ZONE);
        assert.match(html, new RegExp(`<section class="box"[^>]* dir="${dir()}" lang="${lang}"`));
        const text = visibleText(html);
        includesAll(
          text,
          [locale.plural(strings.commentsHeading, 3), 'Somchai', 'First <i>comment</i> & more', 'Lan', 'A reply to it', locale.relative(CREATED), strings.reply, strings.loadMore],
          `${lang} comment box`,
        );
        includesAll(html, [`datetime="${CREATED}"`, `title="${locale.date(CREATED, 'datetime')}"`, fill(strings.repliesTo, { name: 'Somchai' })], `${lang} comment box`);
        assert.ok(!text.includes(strings.pendingBadge) && !html.includes('Held Back'), 'a comment awaiting moderation is never rendered for everyone');
        assert.ok(!/<form|<textarea|<input/.test(html), 'no post form: the browser makes it');
        assert.ok(!/<i>/.test(html), 'comment text is text, not markup');
        // The page travels to the browser as inline JSON, so it shows it without requesting it again.
        assert.match(html, /<\/template><script type="application\/json">\{"thread":"t1","total":3,"nextCursor":"cursor-2"/);
        assert.deepEqual(warnings, []);
      });
    }

    it('comment box without data: the localized loading state that keeps the list height, no request', async () => {
      const html = await renderToString('byline-comment-box', undefined, { lang, attributes: { api: '/api', thread: 't1' } });
      includesAll(visibleText(html), [strings.comments, strings.sortLabel, strings.loading], `${lang} comment box loading`);
      assert.equal(html.match(/class="skeleton line"/g)?.length, 6, 'the placeholder lines hold the list height');
      assert.ok(!html.includes('application/json'));
    });

    it('comment count from a number, and without data the placeholder sized like a count', async () => {
      const counted = await renderToString('byline-comment-count', 3, { lang, attributes: { api: '/api', thread: 't1' } });
      includesAll(visibleText(counted), [plural(strings, lang, 3)], `${lang} count`);
      assert.match(counted, / count="3"/, 'the count travels to the browser, which then fetches nothing');
      const waiting = await renderToString('byline-comment-count', undefined, { lang, attributes: { api: '/api', thread: 't1' } });
      includesAll(visibleText(waiting), [plural(strings, lang, 10), strings.loading], `${lang} placeholder`);
      assert.match(waiting, /class="placeholder skeleton"/);
    });
  });
}

describe('server rendering: bad data and the API', () => {
  it('inline JSON that does not parse renders the localized error state, not an exception', async () => {
    const html = await renderToString('byline-article-card', '{"id": ', { lang: 'th' });
    const strings = await loadStrings('th');
    includesAll(visibleText(html), [strings.invalidData], 'broken JSON');
    assert.match(html, /role="alert"/);
  });

  it('a javascript: URL is dropped and the rest of the card renders', async () => {
    const html = await renderToString('byline-article-card', { ...article, author: { name: 'Evil', url: 'javascript:alert(1)' } }, { lang: 'en' });
    const shadow = html.slice(0, html.indexOf('</template>'));
    assert.ok(!shadow.includes('javascript:'), 'no javascript: URL in what is rendered');
    assert.match(shadow, /<a\s*>(<!--[^>]*-->)*Evil/, 'the author is a name without a link');
    includesAll(visibleText(html), ['Evil', article.title], 'card');
  });

  it('JSON holding </script> cannot end the inline script early', async () => {
    const html = await renderToString('byline-article-card', { ...article, summary: '</script><script>alert(1)</script>' }, { lang: 'en' });
    const inline = html.slice(html.indexOf('<script type="application/json">') + 1);
    assert.equal(inline.indexOf('</script>'), inline.indexOf('</script>', 0));
    assert.ok(!inline.slice(0, inline.indexOf('</script>')).includes('<'), 'no "<" inside the inline JSON');
  });

  it("a card's image box has the image's ratio before any script runs", async () => {
    const html = await renderToString('byline-article-card', { ...article, image: { ...article.image, width: 1600, height: 900 } });
    assert.match(html, /<byline-article-card [^>]*style="--byline-article-card-image-ratio: 1600 \/ 900"/);
  });

  it('the stream gives the same HTML as renderToString', async () => {
    let streamed = '';
    for await (const chunk of renderToStream('byline-article-card', article, { lang: 'vi', timeZone: ZONE })) streamed += chunk;
    assert.equal(streamed, await renderToString('byline-article-card', article, { lang: 'vi', timeZone: ZONE }));
  });

  it('refuses a tag it does not render and an attribute the element does not have', async () => {
    await assert.rejects(renderToString('byline-photo-gallery', {}), TypeError);
    await assert.rejects(renderToString('byline-article-card', article, { attributes: { onclick: 'x' } }), TypeError);
  });

  it('a comment page that breaks the contract renders the localized error state, and checkData names the field', async () => {
    const broken = { ...commentPage, items: [{ id: 'x', author: { name: 'A' }, body: 'b', createdAt: 'yesterday', status: 'published' }] };
    const html = await renderToString('byline-comment-box', broken, { lang: 'th', attributes: { api: '/api', thread: 't1' } });
    const strings = await loadStrings('th');
    includesAll(visibleText(html), [strings.invalidData], 'broken comment page');
    assert.equal(checkData('byline-comment-box', broken)?.field, 'comments.items[0].createdAt');
    assert.equal(checkData('byline-comment-box', commentPage), undefined);
  });

  it('checkData names the failing field as the browser would', () => {
    assert.equal(checkData('byline-article-card', article), undefined);
    assert.equal(checkData('byline-article-card', { id: 'x', url: '/x' })?.field, 'article.title');
    assert.equal(checkData('byline-comment-count', -1)?.field, 'count');
  });
});
