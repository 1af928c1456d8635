/**
 * Loads the built script-tag bundle itself (cdn/byline.min.js, built by `npm run build`), as a
 * partner page does, then the bundle again and the npm build on the same page.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { captureWarnings } from './fixtures.js';

const TAGS = [
  'byline-article-card',
  'byline-photo-caption',
  'byline-related-topics',
  'byline-comment-box',
  'byline-comment-count',
];

describe('script-tag bundle', () => {
  before(async () => {
    await import(/* @vite-ignore */ '/cdn/byline.min.js' as string);
  });

  it('registers every element', () => {
    for (const tag of TAGS) expect(customElements.get(tag), tag).to.not.equal(undefined);
  });

  it('renders an article card in Thai, loading the Thai strings chunk beside it', async () => {
    const el = await fixture(html`<byline-article-card lang="th" time-zone="Asia/Bangkok"></byline-article-card>`);
    (el as HTMLElement & { article: unknown }).article = {
      id: 'a',
      url: '/a',
      title: 'Bộ TT&TT',
      publishedAt: '2024-12-27T15:20:10+07:00',
      commentCount: 0,
    };
    await waitUntil(() => el.shadowRoot?.querySelector('time')?.textContent?.includes('2567'));
    expect(el.shadowRoot!.querySelector('.headline')!.textContent!.trim()).to.equal('Bộ TT&TT');
    expect(el.shadowRoot!.querySelector('.comments')!.textContent).to.equal('0 ความคิดเห็น');
    await expect(el).to.be.accessible();
  });

  it('loaded twice, or next to the npm build, defines each tag once and warns once per tag', async () => {
    const before = TAGS.map((tag) => customElements.get(tag));
    const warnings = captureWarnings();
    try {
      await import(/* @vite-ignore */ '/cdn/byline.min.js?copy=2' as string);
      await import(/* @vite-ignore */ '/dist/index.js' as string);
    } finally {
      warnings.restore();
    }
    expect(TAGS.map((tag) => customElements.get(tag))).to.deep.equal(before);
    const perTag = TAGS.map((tag) => warnings.messages.filter((m) => m.includes(`<${tag}>`)).length);
    expect(perTag).to.deep.equal([1, 1, 1, 1, 1]);
  });
});
