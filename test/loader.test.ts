/**
 * The loader as a partner page uses it: the built `cdn/loader.js` (run `npm run build` first). Each
 * element's code arrives only when one appears in the page, now or later; below-the-fold widgets make
 * no request until they come near the viewport. The tests run in order, on one page, like a reader's
 * visit: first a listing with only article cards, then an SPA navigation, then an article page.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { json, SEED_TITLE_TH, seedArticle, seedRelated, stubFetch } from './fixtures.js';

type Loader = { observe(root: Document | ShadowRoot | Element): void };

/** Chunks of the loader build this page has fetched, by name: `article-card`, `core`, `th`, ... */
function fetchedChunks(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => /\/cdn\/chunks\/([\w-]+?)-[\w-]{8}\.js$/.exec(entry.name)?.[1])
    .filter((name): name is string => name !== undefined);
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
const added: Element[] = [];
function add(...elements: Element[]): void {
  document.body.append(...elements);
  added.push(...elements);
}

describe('loader (cdn/loader.js)', () => {
  let loader: Loader;

  before(async () => {
    // The test framework's own modules must not push the chunks out of the resource timing buffer.
    performance.setResourceTimingBufferSize(10_000);
    loader = (await import(/* @vite-ignore */ '/cdn/loader.js' as string)) as Loader;
  });

  afterEach(() => added.splice(0).forEach((element) => element.remove()));

  it('defines nothing and fetches no chunk while the page has no Byline element', async () => {
    await nextFrame();
    expect(fetchedChunks()).to.deep.equal([]);
    expect(customElements.get('byline-article-card')).to.equal(undefined);
  });

  it('a page with only article cards fetches the card and the shared chunk, and no comment-box code', async () => {
    const card = document.createElement('byline-article-card') as HTMLElement & { article?: unknown };
    card.setAttribute('lang', 'en');
    card.article = seedArticle();
    add(card);
    await waitUntil(() => card.shadowRoot?.querySelector('.headline a'), 'the card upgrades and renders');
    expect(card.shadowRoot!.querySelector('.headline a')!.textContent).to.equal(SEED_TITLE_TH);
    expect(fetchedChunks()).to.include.members(['article-card', 'core']);
    for (const other of ['comment-box', 'comment-count', 'related-topics', 'photo-caption']) {
      expect(fetchedChunks(), other).to.not.include(other);
      expect(customElements.get(`byline-${other}`), other).to.equal(undefined);
    }
  });

  it('an element added later (an SPA navigation) is defined then, with only its own chunk', async () => {
    const restore = stubFetch((url) => json({ counts: { [new URL(url).searchParams.get('thread')!]: 12 } }));
    try {
      // A new view arrives as one subtree, the count deep inside it.
      const view = document.createElement('section');
      view.innerHTML = '<article lang="en"><h2>Listing</h2><p><byline-comment-count api="/api" thread="mic-1"></byline-comment-count></p></article>';
      add(view);
      const count = view.querySelector('byline-comment-count')!;
      await waitUntil(() => count.shadowRoot?.textContent?.includes('12 comments'), 'the count upgrades and renders');
      expect(fetchedChunks()).to.include('comment-count');
      expect(fetchedChunks()).to.not.include('comment-box');
      // The shared chunk came once, with the first element.
      expect(fetchedChunks().filter((name) => name === 'core')).to.have.length(1);
    } finally {
      restore();
    }
  });

  it('finds elements in a shadow root passed to observe()', async () => {
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    add(host);
    loader.observe(root);
    root.innerHTML = '<byline-photo-caption lang="en"><img src="/test/assets/photo.png" alt="A photo" width="4" height="3"></byline-photo-caption>';
    await customElements.whenDefined('byline-photo-caption');
    expect(root.querySelector('byline-photo-caption')).to.be.instanceOf(customElements.get('byline-photo-caption')!);
    expect(fetchedChunks()).to.include('photo-caption');
  });

  it('below the fold, lazy related topics and the comment box make no request until near the viewport', async () => {
    const requests: string[] = [];
    const restore = stubFetch((url) => {
      requests.push(url);
      return url.includes('/threads/')
        ? json({ thread: 'mic-1', total: 0, items: [], nextCursor: null })
        : json(seedRelated());
    });
    try {
      const spacer = document.createElement('div');
      spacer.style.blockSize = '10000px';
      const related = Object.assign(document.createElement('byline-related-topics'), { lang: 'en' });
      related.setAttribute('loading', 'lazy');
      related.setAttribute('src', '/feeds/related.json');
      // The comment box is lazy by default.
      const box = Object.assign(document.createElement('byline-comment-box'), { lang: 'en' });
      box.setAttribute('api', '/api');
      box.setAttribute('thread', 'mic-1');
      add(spacer, related, box);
      await Promise.all([customElements.whenDefined('byline-related-topics'), customElements.whenDefined('byline-comment-box')]);
      await (related as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      await (box as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      // Several frames: an eager element would have asked at once; the viewport observer has answered.
      for (let i = 0; i < 3; i++) await nextFrame();
      expect(requests).to.deep.equal([]);

      box.scrollIntoView();
      await waitUntil(() => requests.some((url) => url.includes('/threads/mic-1/comments')), 'the box loads near the viewport');
      await waitUntil(() => requests.some((url) => url.endsWith('/feeds/related.json')), 'the list loads near the viewport');
      expect(fetchedChunks()).to.include.members(['related-topics', 'comment-box']);
    } finally {
      restore();
    }
  });
});
