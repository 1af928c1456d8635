import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../src/article-card.js';
import type { BylineArticleCard } from '../src/article-card.js';
import {
  captureWarnings,
  failingFeed,
  HOSTILE,
  PIXEL,
  pressRetry,
  SEED_SOURCE,
  SEED_SOURCE_URL,
  SEED_TITLE_TH,
  SEED_TITLE_VI,
  seedArticle,
  stubFetch,
} from './fixtures.js';
// @ts-expect-error served by the reference-server plugin at test time
import { api } from '/__byline-e2e.js';

const shadow = (el: HTMLElement) => el.shadowRoot!;
/** The seed article, which the reference server serves in every language. */
const SEED_ID = 'mic-197241227152010792';
const text = (el: HTMLElement, selector: string) => shadow(el).querySelector(selector)?.textContent?.trim() ?? '';

async function card(article = seedArticle({ image: { src: PIXEL, width: 1200, height: 800, alt: '' } }), lang = 'th') {
  const el = await fixture<BylineArticleCard>(
    html`<byline-article-card lang=${lang} time-zone="Asia/Bangkok" .article=${article}></byline-article-card>`,
  );
  await el.updateComplete;
  return el;
}

describe('<byline-article-card>', () => {
  it('renders the seed article in Thai with the Buddhist-era date and exact strings', async () => {
    const el = await card();
    expect(text(el, '.headline')).to.equal(SEED_TITLE_TH);
    const link = shadow(el).querySelector<HTMLAnchorElement>('.headline a')!;
    expect(link.getAttribute('href')).to.equal('https://example.org/th/article/197241227152010792');
    expect(shadow(el).querySelector('.kicker')!.textContent).to.equal('ข่าว');
    const time = shadow(el).querySelector('time')!;
    expect(time.getAttribute('datetime')).to.equal('2024-12-27T15:20:10+07:00');
    expect(time.textContent!.trim()).to.equal('27 ธ.ค. 2567');
    const source = shadow(el).querySelector<HTMLAnchorElement>('.source a')!;
    expect(source.textContent).to.equal(SEED_SOURCE);
    expect(source.href).to.equal(SEED_SOURCE_URL);
    expect(text(el, '.source')).to.equal(`ที่มา: ${SEED_SOURCE}`);
    expect(text(el, '.comments')).to.equal('0 ความคิดเห็น');
    expect(text(el, '.translated')).to.equal('แปลจากภาษาเวียดนาม');
    await expect(el).to.be.accessible();
  });

  it('names the card link by its headline only', async () => {
    const el = await card();
    const links = [...shadow(el).querySelectorAll('a')];
    const headline = shadow(el).querySelector('.headline a')!;
    expect(headline.textContent).to.equal(SEED_TITLE_TH);
    expect(shadow(el).querySelector('[role="heading"]')!.getAttribute('aria-level')).to.equal('2');
    expect(links.filter((a) => a.closest('.headline'))).to.have.length(1);
  });

  it('keeps "TT&TT" and Vietnamese diacritics exactly, with a Vietnamese UI', async () => {
    const el = await card(
      seedArticle({ title: SEED_TITLE_VI, lang: 'vi', translatedFrom: undefined, commentCount: 12, image: undefined }),
      'vi',
    );
    expect(text(el, '.headline')).to.equal(SEED_TITLE_VI);
    expect(text(el, '.comments')).to.equal('12 bình luận');
    expect(text(el, 'time')).to.equal('27 thg 12, 2024');
    expect(shadow(el).querySelector('.translated')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('formats in English with plurals', async () => {
    const el = await card(seedArticle({ lang: 'en', commentCount: 1, translatedFrom: 'vi', image: undefined }), 'en');
    expect(text(el, '.comments')).to.equal('1 comment');
    expect(text(el, 'time')).to.equal('Dec 27, 2024');
    expect(text(el, '.translated')).to.equal('Translated from Vietnamese');
  });

  it('shows native Thai digits only when asked, and follows a new time zone', async () => {
    const el = await card();
    el.digits = 'native';
    await el.updateComplete;
    expect(text(el, 'time')).to.equal('๒๗ ธ.ค. ๒๕๖๗');
    // 08:20 UTC on 27 December is still the 26th in Honolulu.
    el.timeZone = 'Pacific/Honolulu';
    await el.updateComplete;
    expect(text(el, 'time')).to.equal('๒๖ ธ.ค. ๒๕๖๗');
    el.digits = undefined;
    await el.updateComplete;
    expect(text(el, 'time')).to.equal('26 ธ.ค. 2567');
  });

  describe('relative time, on a fixed clock', () => {
    const NOW = Date.parse('2024-12-27T15:20:10+07:00');
    const HOUR = 3600_000;
    const before = (ms: number) => seedArticle({ publishedAt: new Date(NOW - ms).toISOString(), image: undefined });
    let clock: sinon.SinonFakeTimers;
    beforeEach(() => (clock = sinon.useFakeTimers({ now: NOW, toFake: ['Date'] })));
    afterEach(() => clock.restore());

    it('says how long ago an article under a day old was published; date-style="absolute" gives the date', async () => {
      const el = await card(before(3 * HOUR), 'en');
      expect(text(el, 'time')).to.equal('3 hours ago');
      el.dateStyle = 'absolute';
      await el.updateComplete;
      expect(text(el, 'time')).to.equal('Dec 27, 2024');
    });

    it('says "just now" under a minute, and gives the date from a day old on', async () => {
      expect(text(await card(before(59_000), 'en'), 'time')).to.equal('just now');
      expect(text(await card(before(60_000), 'en'), 'time')).to.equal('1 minute ago');
      expect(text(await card(before(24 * HOUR - 60_000), 'en'), 'time')).to.equal('24 hours ago');
      expect(text(await card(before(24 * HOUR), 'en'), 'time')).to.equal('Dec 26, 2024');
    });
  });

  it('follows the closest ancestor language and becomes right-to-left in Arabic', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="ar">
      <byline-article-card .article=${seedArticle({ lang: 'ar', translatedFrom: undefined, commentCount: 2, image: undefined })}></byline-article-card>
    </div>`);
    const el = wrapper.querySelector('byline-article-card')!;
    await el.updateComplete;
    await waitUntil(() => text(el, '.comments') !== '', 'Arabic strings load');
    const cardBox = shadow(el).querySelector('.card')!;
    expect(cardBox.getAttribute('dir')).to.equal('rtl');
    // The Thai headline keeps its own left-to-right direction inside the Arabic UI.
    expect(getComputedStyle(shadow(el).querySelector('.headline a')!).direction).to.equal('ltr');
    expect(text(el, '.comments')).to.equal('تعليقان');
    await expect(el).to.be.accessible();
    wrapper.lang = 'en';
    await waitUntil(() => text(el, '.comments') === '2 comments', 'switches language with the ancestor');
    expect(shadow(el).querySelector('.card')!.getAttribute('dir')).to.equal('ltr');
  });

  it('shows nothing for the pieces the data lacks, even under a page\'s ::part styles', async () => {
    const style = document.createElement('style');
    style.textContent = 'byline-article-card::part(media), byline-article-card::part(kicker), byline-article-card::part(summary), byline-article-card::part(meta) { display: block; }';
    document.head.append(style);
    try {
      const bare = { id: 'bare', url: 'https://example.org/bare', title: SEED_TITLE_TH };
      const el = await card(bare as never);
      for (const selector of ['.media', '.kicker', '.summary', '.meta', '.author', '.source', 'time', '.comments']) {
        expect(getComputedStyle(shadow(el).querySelector(selector)!).display, selector).to.equal('none');
      }
      expect(shadow(el).querySelector('img[src]')).to.equal(null);
      expect(text(el, '.headline')).to.equal(SEED_TITLE_TH);
      await expect(el).to.be.accessible();
      // The same element shows them once the data has them.
      el.article = seedArticle({ image: { src: PIXEL, width: 1200, height: 800, alt: '' } });
      await el.updateComplete;
      for (const selector of ['.media', '.kicker', '.summary', '.meta', '.source', 'time', '.comments']) {
        expect(getComputedStyle(shadow(el).querySelector(selector)!).display, selector).to.not.equal('none');
      }
    } finally {
      style.remove();
    }
  });

  it('reserves the image space from width and height, lazy-loads it, and keeps alt from data', async () => {
    const el = await card(seedArticle({ image: { src: PIXEL, width: 1200, height: 800, alt: 'ภาพประกอบ' } }));
    const img = shadow(el).querySelector('img')!;
    expect(img.getAttribute('loading')).to.equal('lazy');
    expect(img.getAttribute('alt')).to.equal('ภาพประกอบ');
    expect(img.getAttribute('width')).to.equal('1200');
    const media = shadow(el).querySelector<HTMLElement>('.media')!;
    const box = media.getBoundingClientRect();
    expect(box.width / box.height).to.be.closeTo(1.5, 0.02);
  });

  for (const layout of ['vertical', 'horizontal', 'compact', 'hero'] as const) {
    it(`renders the ${layout} layout accessibly`, async () => {
      const el = await card();
      el.layout = layout;
      await el.updateComplete;
      expect(shadow(el).querySelector('.card')!.getAttribute('data-layout')).to.equal(layout);
      const mediaShown = getComputedStyle(shadow(el).querySelector('.media')!).display !== 'none';
      expect(mediaShown).to.equal(layout !== 'compact');
      await expect(el).to.be.accessible();
    });
  }

  it('picks a layout from its width when none is set', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 720px">
      <byline-article-card .article=${seedArticle({ image: { src: PIXEL, width: 1200, height: 800 } })}></byline-article-card>
    </div>`);
    const el = wrapper.querySelector('byline-article-card')!;
    await el.updateComplete;
    const columns = () => getComputedStyle(shadow(el).querySelector('.card')!).gridTemplateColumns.split(' ').length;
    expect(columns()).to.equal(2);
    wrapper.style.width = '240px';
    await new Promise(requestAnimationFrame);
    expect(getComputedStyle(shadow(el).querySelector('.media')!).display).to.equal('none');
    wrapper.style.width = '400px';
    await new Promise(requestAnimationFrame);
    expect(columns()).to.equal(1);
  });

  it('gives the image box the shape of each new article\'s image', async () => {
    const el = await card(seedArticle({ image: { src: PIXEL, width: 400, height: 300, alt: '' } }));
    const media = () => shadow(el).querySelector<HTMLElement>('.media')!;
    const ratio = () => getComputedStyle(media()).aspectRatio;
    expect(ratio()).to.equal('400 / 300');
    el.article = seedArticle({ image: { src: PIXEL, width: 1600, height: 900, alt: '' } });
    await el.updateComplete;
    expect(ratio()).to.equal('1600 / 900');
    // No size in the data: the box falls back to the stylesheet's ratio (3 / 2), not the last photo's.
    el.article = seedArticle({ image: { src: PIXEL, alt: '' } });
    await el.updateComplete;
    expect(media().style.aspectRatio).to.equal('');
    expect(ratio()).to.equal('3 / 2');
  });

  it('writes a new headline into the text it shows, and empties and refills a piece', async () => {
    const el = await card();
    const headline = () => shadow(el).querySelector('.headline a')!;
    const textNode = () => [...headline().childNodes].find((node) => node instanceof Text);
    const shown = textNode();
    el.article = seedArticle({ title: 'Tin mới', category: undefined });
    await el.updateComplete;
    // The same text node: replacing it would make the browser lay that text out anew.
    expect(textNode()).to.equal(shown);
    expect(headline().textContent).to.equal('Tin mới');
    const kicker = shadow(el).querySelector<HTMLElement>('.kicker')!;
    expect(kicker.hidden).to.equal(true);
    expect(kicker.textContent).to.equal('');
    el.article = seedArticle({ title: `<img src=x onerror="window.__pwned=1">` });
    await el.updateComplete;
    expect(headline().textContent).to.equal(`<img src=x onerror="window.__pwned=1">`);
    expect(headline().children.length).to.equal(0);
    expect(kicker.hidden).to.equal(false);
    expect(kicker.textContent).to.equal(seedArticle().category!.name);
    await expect(el).to.be.accessible();
  });

  it('is accessible in the dark theme', async () => {
    const el = await card();
    el.theme = 'dark';
    await el.updateComplete;
    expect(getComputedStyle(shadow(el).querySelector('.card')!).backgroundColor).to.equal('rgb(27, 27, 31)');
    await expect(el).to.be.accessible();
  });

  it('follows the reader\'s color scheme in auto, and keeps a forced theme', async () => {
    const el = await card();
    const background = () => getComputedStyle(shadow(el).querySelector('.card')!).backgroundColor;
    try {
      await emulateMedia({ colorScheme: 'dark' });
      expect(background()).to.equal('rgb(27, 27, 31)');
      await expect(el).to.be.accessible();
      el.theme = 'light';
      await el.updateComplete;
      expect(background()).to.equal('rgb(255, 255, 255)');
      await emulateMedia({ colorScheme: 'light' });
      el.theme = 'auto';
      await el.updateComplete;
      expect(background()).to.equal('rgb(255, 255, 255)');
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  describe('data inputs', () => {
    it('reads inline JSON from a child script', async () => {
      const el = await fixture<BylineArticleCard>(html`<byline-article-card lang="vi">
        <script type="application/json">${JSON.stringify(seedArticle({ title: SEED_TITLE_VI, image: undefined }))}</script>
      </byline-article-card>`);
      await el.updateComplete;
      expect(text(el, '.headline')).to.equal(SEED_TITLE_VI);
    });

    it('loads from src on the reference server (real HTTP), showing the skeleton meanwhile', async () => {
      const el = await fixture<BylineArticleCard>(html`<byline-article-card lang="th" src=${`${api}/articles/${SEED_ID}?lang=th`}></byline-article-card>`);
      // No answer can have arrived yet: the request leaves once the card is near the viewport, a task later.
      const loaded = oneEvent(el, 'byline-load');
      expect(shadow(el).querySelector('.card')!.getAttribute('aria-busy')).to.equal('true');
      expect(text(el, '.visually-hidden')).to.equal('กำลังโหลด…');
      await loaded;
      await el.updateComplete;
      expect(shadow(el).querySelector('.card')!.hasAttribute('aria-busy')).to.equal(false);
      expect(text(el, '.headline')).to.equal(SEED_TITLE_TH);
      await expect(el).to.be.accessible();
    });

    it("shows the localized error state for the reference server's 404", async () => {
      const warnings = captureWarnings();
      try {
        const el = await fixture<BylineArticleCard>(html`<byline-article-card lang="th" src=${`${api}/articles/no-such-article`}></byline-article-card>`);
        await oneEvent(el, 'byline-error');
        await el.updateComplete;
        expect(text(el, '.error span')).to.equal('ไม่สามารถโหลดเนื้อหานี้ได้');
        expect(warnings.messages).to.have.length(1);
        await expect(el).to.be.accessible();
      } finally {
        warnings.restore();
      }
    });

    // Stubbed: the retry's success needs the same URL to fail once and then answer, which a real server
    // does not do on cue.
    it('shows a localized error with a retry that works, after a failed src', async () => {
      const feed = failingFeed(seedArticle());
      const warnings = captureWarnings();
      try {
        const el = await fixture<BylineArticleCard>(html`<byline-article-card lang="th" src="/missing.json"></byline-article-card>`);
        await oneEvent(el, 'byline-error');
        await el.updateComplete;
        expect(text(el, '.error span')).to.equal('ไม่สามารถโหลดเนื้อหานี้ได้');
        expect(warnings.messages).to.have.length(1);
        await expect(el).to.be.accessible();
        feed.recover();
        await pressRetry(el);
        expect(text(el, '.headline')).to.equal(SEED_TITLE_TH);
      } finally {
        warnings.restore();
        feed.restore();
      }
    });

    // Stubbed: the request must still be open when the card is removed; a real server answers at once.
    it('cancels the request when the element is removed', async () => {
      let signal: AbortSignal | undefined;
      const restore = stubFetch((_url, init) => {
        signal = init?.signal ?? undefined;
        return new Promise<Response>(() => {});
      });
      try {
        const el = await fixture<BylineArticleCard>(html`<byline-article-card src="/slow.json"></byline-article-card>`);
        await waitUntil(() => signal !== undefined);
        el.remove();
        expect(signal!.aborted).to.equal(true);
      } finally {
        restore();
      }
    });
  });

  describe('hostile and broken data', () => {
    it('renders markup in every string field as text and runs nothing', async () => {
      const el = await card(
        seedArticle({
          title: HOSTILE,
          summary: HOSTILE,
          category: { name: HOSTILE },
          author: { name: HOSTILE },
          source: { name: HOSTILE },
          image: { src: PIXEL, alt: HOSTILE },
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((window as { __bylinePwned?: number }).__bylinePwned).to.equal(undefined);
      expect(text(el, '.headline')).to.equal(HOSTILE);
      expect(text(el, '.summary')).to.equal(HOSTILE);
      expect(shadow(el).querySelector('img')!.getAttribute('alt')).to.equal(HOSTILE);
      expect(shadow(el).querySelectorAll('script')).to.have.length(0);
      expect(shadow(el).querySelectorAll('img')).to.have.length(1);
    });

    it('drops javascript: and data: URLs but renders the rest', async () => {
      const el = await card(
        seedArticle({
          url: 'javascript:alert(1)',
          category: { name: 'ข่าว', url: ' JaVa\tScRiPt:alert(1)' },
          source: { name: SEED_SOURCE, url: 'data:text/html,<script>alert(1)</script>' },
          image: { src: 'javascript:alert(1)', alt: '' },
        }),
      );
      // No links (an <a> without href is text) and no image: nothing to load, no box shown.
      expect(shadow(el).querySelectorAll('a[href]')).to.have.length(0);
      expect(shadow(el).querySelector('img[src]')).to.equal(null);
      expect(getComputedStyle(shadow(el).querySelector('.media')!).display).to.equal('none');
      expect(text(el, '.headline')).to.equal(SEED_TITLE_TH);
      expect(text(el, '.source')).to.equal(`ที่มา: ${SEED_SOURCE}`);
      await expect(el).to.be.accessible();
    });

    it('shows a localized error and one warning naming the field when the contract breaks', async () => {
      const warnings = captureWarnings();
      try {
        const el = await card({ ...seedArticle(), title: 42 } as never);
        expect(text(el, '.error span')).to.equal('เนื้อหานี้ไม่พร้อมใช้งานในขณะนี้');
        expect(shadow(el).querySelector('[part="retry"]')).to.equal(null);
        expect(warnings.messages).to.have.length(1);
        expect(warnings.messages[0]).to.contain('article.title');
        await expect(el).to.be.accessible();
      } finally {
        warnings.restore();
      }
    });

    it('names nested fields and ignores unknown ones', async () => {
      const warnings = captureWarnings();
      try {
        const bad = await card({ ...seedArticle(), image: { src: PIXEL, width: 'wide' } } as never);
        expect(warnings.messages[0]).to.contain('article.image.width');
        expect(shadow(bad).querySelector('.error')).to.not.equal(null);
        const fine = await card({ ...seedArticle(), extra: { anything: true } } as never);
        expect(text(fine, '.headline')).to.equal(SEED_TITLE_TH);
      } finally {
        warnings.restore();
      }
    });
  });
});
