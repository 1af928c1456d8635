/**
 * DataController (src/core/data.ts) through the article card: which input wins, and loading that
 * survives the element being moved, against the reference server over real HTTP. `fetch` is stubbed
 * only where a request must stay unanswered, which a real server does not do on cue.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/article-card.js';
import type { BylineArticleCard } from '../src/article-card.js';
import sinon from 'sinon';
import { intersectionReported, json, SEED_TITLE_TH, seedArticle, stubFetch } from './fixtures.js';
// @ts-expect-error served by the reference-server plugin at test time
import { api } from '/__byline-e2e.js';

const headline = (el: BylineArticleCard) => el.shadowRoot!.querySelector('.headline a')?.textContent;
/** The seed article on the reference server. */
const SRC = `${api}/articles/mic-197241227152010792?lang=th`;
/** Every request the page sends to the reference server, passed through untouched. */
const requestsTo = (spy: sinon.SinonSpy) => spy.getCalls().filter((call) => String(call.args[0]).startsWith(api)).length;

describe('DataController', () => {
  let restore: (() => void) | undefined;
  afterEach(() => {
    restore?.();
    restore = undefined;
  });

  it('takes the property over inline JSON, and inline JSON over src', async () => {
    const fetches = sinon.spy(window, 'fetch');
    restore = () => fetches.restore();
    const el = await fixture<BylineArticleCard>(html`<byline-article-card src=${SRC}>
      <script type="application/json">${JSON.stringify(seedArticle({ title: 'Inline' }))}</script>
    </byline-article-card>`);
    expect(headline(el)).to.equal('Inline');
    el.article = seedArticle({ title: 'Property' });
    await el.updateComplete;
    expect(headline(el)).to.equal('Property');
    expect(requestsTo(fetches), 'src never fetched').to.equal(0);
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
    const fetches = sinon.spy(window, 'fetch');
    restore = () => fetches.restore();
    const el = await fixture<BylineArticleCard>(html`<byline-article-card src=${SRC}></byline-article-card>`);
    await oneEvent(el, 'byline-load');
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    // A load that restarted would send its request once the browser reports the card near the viewport.
    await intersectionReported(el);
    expect(requestsTo(fetches)).to.equal(1);
    expect(headline(el)).to.equal(SEED_TITLE_TH);
  });
});
