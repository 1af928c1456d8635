/**
 * DataController (src/core/data.ts) through the article card: which input wins, and loading that
 * survives the element being moved. `fetch` is stubbed where a request must stay unanswered.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/article-card.js';
import type { BylineArticleCard } from '../src/article-card.js';
import { json, seedArticle, stubFetch } from './fixtures.js';

const headline = (el: BylineArticleCard) => el.shadowRoot!.querySelector('.headline a')?.textContent;

describe('DataController', () => {
  let restore: (() => void) | undefined;
  afterEach(() => {
    restore?.();
    restore = undefined;
  });

  it('takes the property over inline JSON, and inline JSON over src', async () => {
    const urls: string[] = [];
    restore = stubFetch((url) => {
      urls.push(url);
      return json(seedArticle({ title: 'From src' }));
    });
    const el = await fixture<BylineArticleCard>(html`<byline-article-card src="https://feeds.example.test/a.json">
      <script type="application/json">${JSON.stringify(seedArticle({ title: 'Inline' }))}</script>
    </byline-article-card>`);
    expect(headline(el)).to.equal('Inline');
    el.article = seedArticle({ title: 'Property' });
    await el.updateComplete;
    expect(headline(el)).to.equal('Property');
    expect(urls, 'src never fetched').to.deep.equal([]);
  });

  it('an element removed mid-load and inserted again resumes its load and renders', async () => {
    const answers: ((response: Response) => void)[] = [];
    const signals: AbortSignal[] = [];
    restore = stubFetch((_url, init) => {
      signals.push(init!.signal!);
      return new Promise<Response>((resolve) => answers.push(resolve));
    });
    const el = await fixture<BylineArticleCard>(html`<byline-article-card src="https://feeds.example.test/a.json"></byline-article-card>`);
    await waitUntil(() => answers.length === 1, 'the first request');
    const parent = el.parentElement!;
    el.remove();
    expect(signals[0]!.aborted, 'the first request is cancelled').to.equal(true);
    parent.append(el);
    await waitUntil(() => answers.length === 2, 'the load resumes');
    const loaded = oneEvent(el, 'byline-load');
    answers[1]!(json(seedArticle({ title: 'Resumed' })));
    await loaded;
    await el.updateComplete;
    expect(headline(el)).to.equal('Resumed');
  });

  it('a finished load is not repeated when the element moves', async () => {
    let requests = 0;
    restore = stubFetch(() => (requests++, json(seedArticle())));
    const el = await fixture<BylineArticleCard>(html`<byline-article-card src="https://feeds.example.test/a.json"></byline-article-card>`);
    await oneEvent(el, 'byline-load');
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await el.updateComplete;
    expect(requests).to.equal(1);
    expect(headline(el)).to.equal(seedArticle().title);
  });
});
