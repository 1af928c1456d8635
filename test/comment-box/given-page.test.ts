// A comment box given its first page (the `.page` property or a child inline JSON script) on a client-only
// page: it shows the page at once, requests only what it was not given, and checks the page like a fetched one.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/comment-box.js';
import type { BylineCommentBox } from '../../src/comment-box.js';
import { API, comment, fakeApiPerTest, page, THREAD } from '../comment-box-helpers.js';
import { captureWarnings } from '../fixtures.js';

const bodies = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll('[part="text"]')].map((node) => node.textContent!.trim());
/** An eager box would have sent its first request within a task of its first update. */
const aTask = () => new Promise((resolve) => setTimeout(resolve));

describe('comment box given its first page', () => {
  const serveApi = fakeApiPerTest();

  it('the .page property: shown at once, nothing requested; "Load more" asks for the page after it', async () => {
    const given = page([comment({ body: 'Given one' }), comment({ body: 'Given two' })], { total: 3, nextCursor: 'after-two' });
    const api = serveApi({ list: page([comment({ body: 'Third' })], { total: 3 }) });
    const el = await fixture<BylineCommentBox>(
      html`<byline-comment-box api=${API} thread=${THREAD} lang="en" loading="eager" .page=${given}></byline-comment-box>`,
    );
    await aTask();
    expect(api.requests).to.deep.equal([]);
    expect(bodies(el)).to.deep.equal(['Given one', 'Given two']);
    expect(el.shadowRoot!.querySelector('[part="heading"]')!.textContent!.trim()).to.equal('Comments (3)');
    await expect(el).to.be.accessible();
    const loaded = oneEvent(el, 'byline-load');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="more"]')!.click();
    await loaded;
    await el.updateComplete;
    expect(api.gets().map((request) => request.url.searchParams.get('cursor'))).to.deep.equal(['after-two']);
    expect(bodies(el)).to.deep.equal(['Given one', 'Given two', 'Third']);
  });

  it('inline JSON: shown without a request; the reader switching the sort requests the other order', async () => {
    const api = serveApi({ list: page([comment({ body: 'Oldest first' })]) });
    const el = document.createElement('byline-comment-box') as BylineCommentBox;
    Object.assign(el, { api: API, thread: THREAD, loading: 'eager' });
    el.setAttribute('lang', 'en');
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = JSON.stringify(page([comment({ body: 'From the CMS' })]));
    el.append(script);
    const loaded = oneEvent(el, 'byline-load');
    document.body.append(el);
    expect((await loaded).detail.value.items[0].body).to.equal('From the CMS');
    await el.updateComplete;
    await aTask();
    expect(api.requests).to.deep.equal([]);
    expect(bodies(el)).to.deep.equal(['From the CMS']);
    expect(el.querySelector('form'), 'the post form').to.be.instanceOf(HTMLFormElement);
    await expect(el).to.be.accessible();
    const select = el.shadowRoot!.querySelector('select')!;
    select.value = 'oldest';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => bodies(el)[0] === 'Oldest first', 'the other order loads');
    expect(api.gets().map((request) => request.url.searchParams.get('sort'))).to.deep.equal(['oldest']);
    el.remove();
  });

  it('a given page that breaks the contract: the localized error state, one warning naming the field', async () => {
    const api = serveApi({ list: page([comment({ body: 'Fetched on retry' })]) });
    const warnings = captureWarnings();
    let el: BylineCommentBox;
    try {
      el = await fixture<BylineCommentBox>(
        html`<byline-comment-box api=${API} thread=${THREAD} lang="en" loading="eager"
          .page=${{ thread: THREAD, total: 1, items: [{ id: 'x', body: 'no author', createdAt: 'now', status: 'published' }] }}></byline-comment-box>`,
      );
      await aTask();
    } finally {
      warnings.restore();
    }
    expect(api.requests).to.deep.equal([]);
    expect(el.shadowRoot!.querySelector('[role="alert"]:not(:empty), [part="error"]')).to.not.equal(null);
    expect(warnings.messages).to.have.length(1);
    expect(warnings.messages[0]).to.contain('comments.items[0].author');
    await expect(el).to.be.accessible();
    // Retry asks the server, which the box can still reach.
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
    await waitUntil(() => bodies(el)[0] === 'Fetched on retry', 'the retry loads the first page');
    expect(api.gets()).to.have.length(1);
  });
});
