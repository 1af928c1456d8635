/**
 * End to end: widgets in a page talking over real HTTP (cross-origin, with CORS) to the real
 * reference server on a real SQLite file, started by test/reference-server-plugin.mjs.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
// @ts-expect-error served by the reference-server plugin at test time
import { api, origin } from '/__byline-e2e.js';
import '../src/index.js';
import type { BylineArticleCard } from '../src/index.js';
import { SEED_TITLE_TH, SEED_TITLE_VI } from './fixtures.js';

const ARTICLE = 'mic-197241227152010792';

describe('end to end against the reference server', () => {
  it('loads the seed article card in Thai and Vietnamese from the server', async () => {
    const el = await fixture<BylineArticleCard>(
      html`<byline-article-card lang="th" time-zone="Asia/Bangkok" src=${`${origin}/api/articles/${ARTICLE}?lang=th`}></byline-article-card>`,
    );
    await oneEvent(el, 'byline-load');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.headline')!.textContent!.trim()).to.equal(SEED_TITLE_TH);
    expect(el.shadowRoot!.querySelector('time')!.textContent).to.equal('27 ธ.ค. 2567');
    el.setAttribute('lang', 'vi');
    el.src = `${origin}/api/articles/${ARTICLE}?lang=vi`;
    await oneEvent(el, 'byline-load');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.headline')!.textContent!.trim()).to.equal(SEED_TITLE_VI);
    await expect(el).to.be.accessible();
  });

  it('shows the localized error for a 404 from the server', async () => {
    const el = await fixture<BylineArticleCard>(
      html`<byline-article-card lang="vi" src=${`${api}/articles/no-such-article`}></byline-article-card>`,
    );
    await oneEvent(el, 'byline-error');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.error span')!.textContent).to.equal('Không thể tải nội dung này.');
  });
});
