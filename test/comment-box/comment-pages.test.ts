import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { API, comment, fakeApiPerTest, page, THREAD } from '../comment-box-helpers.js';
import { captureWarnings, json } from '../fixtures.js';
import type { PagesHost } from './hosts.js';
import './hosts.js';

const mount = (loading = 'eager') =>
  fixture<PagesHost>(html`<test-pages-host api=${API} thread=${THREAD} loading=${loading}></test-pages-host>`);
const ids = (host: PagesHost) => host.pages.comments.map((item) => item.id);
const settled = (host: PagesHost) => waitUntil(() => host.pages.status !== 'loading' && !host.pages.loadingMore, 'loading ends');

/** Resolves once IntersectionObserver has reported on `element` (whichever way). */
const observed = (element: Element) =>
  new Promise<void>((resolve) => {
    const observer = new IntersectionObserver(() => {
      observer.disconnect();
      resolve();
    });
    observer.observe(element);
  });

describe('comment box pages', () => {
  const serveApi = fakeApiPerTest();

  it('loads the first page and tells the page with byline-load', async () => {
    const items = [comment(), comment()];
    serveApi({ list: page(items, { total: 7 }) });
    const host = document.createElement('test-pages-host') as PagesHost;
    Object.assign(host, { api: API, thread: THREAD, loading: 'eager' });
    const loaded = oneEvent(host, 'byline-load');
    document.body.append(host);
    host.pages.load();
    expect((await loaded).detail.value.total).to.equal(7);
    expect(host.pages.status).to.equal('ready');
    expect(host.pages.total).to.equal(7);
    expect(ids(host)).to.deep.equal(items.map((item) => item.id));
    host.remove();
  });

  it('waits until a lazy thread is near the viewport', async () => {
    const api = serveApi();
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <div style="height: 5000px"></div>
      <test-pages-host api=${API} thread=${THREAD}></test-pages-host>
    </div>`);
    const host = wrapper.querySelector<PagesHost>('test-pages-host')!;
    host.pages.load();
    await observed(host);
    expect(api.requests).to.have.length(0);
    host.scrollIntoView();
    await settled(host);
    expect(api.gets()).to.have.length(1);
  });

  it('loads more from the cursor, skipping comments it already shows', async () => {
    const [a, b, c] = [comment(), comment(), comment()];
    serveApi({
      list: (request) => json(request.url.searchParams.get('cursor') === 'p2' ? page([b!, c!]) : page([a!, b!], { nextCursor: 'p2' })),
    });
    const host = await mount();
    host.pages.load();
    await settled(host);
    host.pages.loadMore();
    expect(host.pages.loadingMore).to.equal(true);
    await settled(host);
    expect(ids(host)).to.deep.equal([a!.id, b!.id, c!.id]);
    expect(host.pages.nextCursor).to.equal(undefined);
    expect(host.focused.map((item) => item.id)).to.deep.equal([c!.id]);
  });

  it('keeps the comments shown when "load more" fails', async () => {
    let fail = false;
    serveApi({ list: () => (fail ? new Response('', { status: 404 }) : json(page([comment()], { nextCursor: 'p2' }))) });
    const host = await mount();
    host.pages.load();
    await settled(host);
    fail = true;
    const warnings = captureWarnings();
    try {
      host.pages.loadMore();
      await waitUntil(() => host.pages.moreFailed, 'load more fails');
    } finally {
      warnings.restore();
    }
    expect(host.pages.status).to.equal('ready');
    expect(ids(host)).to.have.length(1);
    expect(host.pages.loadingMore).to.equal(false);
  });

  it('fails without a request when api or thread is missing, naming it', async () => {
    const api = serveApi();
    const warnings = captureWarnings();
    try {
      const host = await fixture<PagesHost>(html`<test-pages-host api=${API} loading="eager"></test-pages-host>`);
      host.pages.load();
      expect(host.pages.status).to.equal('invalid');
      expect(warnings.messages.join()).to.contain('thread');
    } finally {
      warnings.restore();
    }
    expect(api.requests).to.have.length(0);
  });

  it('tells a broken answer (invalid) from no answer (failed)', async () => {
    const warnings = captureWarnings();
    try {
      serveApi({ list: () => json({ thread: THREAD, total: -1, items: [] }) });
      const host = await mount();
      host.pages.load();
      await settled(host);
      expect(host.pages.status).to.equal('invalid');
      serveApi({ list: () => new Response('', { status: 404 }) });
      host.pages.load();
      await settled(host);
      expect(host.pages.status).to.equal('failed');
    } finally {
      warnings.restore();
    }
  });

  it('stops loading when removed from the page and loads again when put back', async () => {
    let answer: (response: Response) => void = () => undefined;
    const api = serveApi({ list: () => new Promise<Response>((resolve) => (answer = resolve)) });
    const host = await mount();
    host.pages.load();
    await waitUntil(() => api.gets().length === 1, 'the first request');
    const parent = host.parentNode!;
    host.remove();
    answer(json(page([comment()])));
    parent.append(host);
    await waitUntil(() => api.gets().length === 2, 'loads again');
    answer(json(page([comment(), comment()])));
    await settled(host);
    expect(ids(host)).to.have.length(2);
  });

  it('puts a posted comment where the sort shows new ones, once, counting only published ones', async () => {
    serveApi({ list: page([comment()], { total: 1 }) });
    const host = await mount();
    host.pages.load();
    await settled(host);
    const mine = comment();
    host.pages.add(mine);
    host.pages.add(mine);
    expect(ids(host)[0]).to.equal(mine.id);
    expect(host.pages.total).to.equal(2);
    host.pages.add(comment({ status: 'pending' }));
    expect(host.pages.total).to.equal(2);
    const reply = comment({ parentId: mine.id });
    host.pages.add(reply);
    expect(ids(host).at(-1)).to.equal(reply.id);
    host.sort = 'oldest';
    const last = comment();
    host.pages.add(last);
    expect(ids(host).at(-1)).to.equal(last.id);
  });
});
