/**
 * When server-rendered elements hydrate (src/core/hydration.ts): the page holds the server's HTML of the
 * reference server's real `POST /api/render`, then loads the built hydration bundle, as a server-rendered
 * page does. An element the server could not finish (a count without its number) hydrates when near the
 * viewport and loads the rest; one far below the fold waits until the reader scrolls near it. A complete
 * element stays as the server rendered it until the reader reaches for it or the page changes it, and
 * what the reader did is not lost.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
// @ts-expect-error served by the reference-server plugin at test time
import { api } from '/__byline-e2e.js';

type Element$ = HTMLElement & { updateComplete: Promise<boolean>; hasUpdated: boolean };

const article = (id: string, title: string) => ({
  id,
  url: `https://example.org/th/article/${id}`,
  title,
  summary: 'ตามรายงานของกรมการจัดองค์กรและบุคลากร',
  image: { src: '/demo/images/photo-1.jpg', width: 1600, height: 900, alt: 'ภาพ' },
  publishedAt: '2024-12-27T15:20:10+07:00',
});
const sections = [{ kind: 'topic', items: [{ id: 'r1', url: '/r/1', title: 'สัตว์ป่าบนเกาะ Cat Ba' }] }];
const photo = (n: number) => ({ src: '/demo/images/photo-2.jpg', width: 1200, height: 800, alt: `ภาพ ${n}`, caption: `คำบรรยายภาพ ${n}`, number: n });

async function serverRender(body: object): Promise<string> {
  const response = await fetch(`${api}/render`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status, await response.clone().text()).to.equal(200);
  return response.text();
}

const byId = (id: string) => document.getElementById(id) as Element$;
/** A count the server renders without its number (its placeholder): the browser fetches it. */
const unfinishedCount = (id: string) =>
  serverRender({ element: 'byline-comment-count', lang: 'th', attributes: { id, api, thread: `hydrate-${id}` } });
const countShown = (el: Element) => !!el.shadowRoot!.querySelector('.count') && !el.shadowRoot!.querySelector('.placeholder');
const held = (el: Element) => el.hasAttribute('defer-hydration');
const hydrated = (el: Element$) => !held(el) && el.hasUpdated;
function texts(el: Element): Text[] {
  const walker = document.createTreeWalker(el.shadowRoot!, NodeFilter.SHOW_TEXT);
  const list: Text[] = [];
  while (walker.nextNode()) list.push(walker.currentNode as Text);
  return list;
}
const zoomEvents = (el: Element) => {
  const events: string[] = [];
  el.addEventListener('byline-zoom-open', () => events.push('open'));
  return events;
};

describe('when server-rendered elements hydrate', () => {
  const serverTexts = new Map<string, Text[]>();
  let serverPlaceholder = false;

  before(async () => {
    const card = await serverRender({ element: 'byline-article-card', data: article('a1', 'ข่าวบนสุด'), lang: 'th', attributes: { id: 'top-card' } });
    const changed = await serverRender({ element: 'byline-article-card', data: article('a4', 'ข่าวเดิม'), lang: 'th', attributes: { id: 'changed' } });
    const related = await serverRender({ element: 'byline-related-topics', data: sections, lang: 'th', attributes: { id: 'top-related' } });
    const topCount = await unfinishedCount('top-count');
    const far = await Promise.all([
      unfinishedCount('scrolled'),
      ...['clicked', 'focused', 'relang'].map((id, i) => serverRender({ element: 'byline-photo-caption', data: photo(i + 1), lang: 'th', attributes: { id } })),
      unfinishedCount('neighbour'),
    ]);
    const pageDeferred = (await serverRender({ element: 'byline-article-card', data: article('a2', 'ข่าวของหน้า'), lang: 'th', attributes: { id: 'page-deferred' } })).replace(
      '<byline-article-card',
      '<byline-article-card defer-hydration',
    );
    const page = document.createElement('div');
    page.style.inlineSize = '480px';
    // The far elements sit well beyond any near-the-viewport margin.
    page.setHTMLUnsafe(
      `${card}${changed}${related}${topCount}<div style="block-size: 20000px"></div>${far.slice(0, 4).join('<div style="block-size: 20000px"></div>')}` +
        `<div style="block-size: 20000px"></div>${pageDeferred}${far[4]}` +
        `<byline-article-card id="client-only" lang="th"><script type="application/json">${JSON.stringify(article('a3', 'ข่าวจากเบราว์เซอร์'))}</script></byline-article-card>`,
    );
    document.body.append(page);
    for (const id of ['top-card', 'top-related', 'clicked', 'focused']) serverTexts.set(id, texts(byId(id)));
    serverPlaceholder = !!byId('top-count').shadowRoot!.querySelector('.placeholder');
    const entry: { defineElements(): Promise<unknown> } = await import(/* @vite-ignore */ '/cdn/byline.hydrate.min.js' as string);
    // The client-only card makes the entry load the elements' code at once; the tests start once it has.
    await entry.defineElements();
  });

  it('an element in view that the server could not finish hydrates by itself and loads the rest', async () => {
    const el = byId('top-count');
    expect(serverPlaceholder, 'the server rendered the placeholder').to.equal(true);
    await waitUntil(() => hydrated(el) && countShown(el), 'it hydrates and shows the count from the server');
    await expect(el).to.be.accessible();
  });

  it('a complete element in view stays as the server rendered it until the reader reaches for it, then hydrates keeping every text node', async () => {
    await waitUntil(() => hydrated(byId('top-count')), 'the page hydrates what needed it');
    for (const id of ['top-card', 'top-related']) {
      const el = byId(id);
      expect(held(el), `#${id} is still held`).to.equal(true);
      await expect(el).to.be.accessible();
      el.shadowRoot!.querySelector('a')!.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
      await waitUntil(() => hydrated(el), `#${id} hydrates when the pointer comes over it`);
      expect(texts(el)).to.deep.equal(serverTexts.get(id));
      await expect(el).to.be.accessible();
    }
    expect(byId('top-card').shadowRoot!.querySelector('.headline a')!.textContent).to.equal('ข่าวบนสุด');
  });

  it('a complete element the page changes renders afresh and shows the change', async () => {
    const el = byId('changed') as Element$ & { article: unknown };
    expect(held(el)).to.equal(true);
    el.article = article('a4', 'ข่าวใหม่');
    await waitUntil(() => el.shadowRoot!.querySelector('.headline a')?.textContent === 'ข่าวใหม่', 'the new headline shows');
    expect(held(el)).to.equal(false);
  });

  it('a complete element whose language changes renders afresh in the new language', async () => {
    const el = byId('relang');
    expect(held(el), 'far away and not yet hydrated').to.equal(true);
    expect(el.shadowRoot!.textContent).to.contain('ภาพที่ 3');
    el.setAttribute('lang', 'en');
    await waitUntil(() => el.shadowRoot!.textContent!.includes('Photo 3'), 'the caption is in English');
    expect(held(byId('clicked')), 'an element whose language did not change stays held').to.equal(true);
  });

  it('an unfinished element far below the fold stays as the server rendered it until scrolled near, then hydrates', async () => {
    const el = byId('scrolled');
    await waitUntil(() => hydrated(byId('top-count')), 'the page hydrates what is in view');
    expect(held(el), 'still held').to.equal(true);
    expect(el.shadowRoot!.querySelector('.placeholder'), 'the placeholder').to.not.equal(null);
    await expect(el).to.be.accessible();
    el.scrollIntoView();
    await waitUntil(() => hydrated(el) && countShown(el), 'it hydrates once near the viewport and shows the count');
    window.scrollTo(0, 0);
  });

  it('a button clicked before its element hydrated still does what it says, once', async () => {
    const el = byId('clicked');
    expect(held(el), 'far away and not yet hydrated').to.equal(true);
    const events = zoomEvents(el);
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('button.frame')!;
    // A click with no press or focus before it, as assistive technology may send.
    button.click();
    await waitUntil(() => el.shadowRoot!.querySelector('dialog')?.open, 'the zoom dialog opens');
    expect(events).to.deep.equal(['open']);
    // Hydrated, not rendered again: the same button.
    expect(el.shadowRoot!.querySelector('button.frame')).to.equal(button);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.close')!.click();
  });

  it('focusing a button of an element not yet hydrated hydrates it, and Enter then works', async () => {
    const el = byId('focused');
    expect(held(el), 'far away and not yet hydrated').to.equal(true);
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('button.frame')!;
    button.focus({ preventScroll: true });
    await waitUntil(() => hydrated(el), 'focus hydrates it');
    expect(el.shadowRoot!.activeElement).to.equal(button);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.querySelector('dialog')?.open, 'Enter opens the zoom dialog');
    await sendKeys({ press: 'Escape' });
  });

  it("an element the page itself marked defer-hydration is left for the page to let go", async () => {
    const el = byId('page-deferred');
    el.scrollIntoView();
    await waitUntil(() => hydrated(byId('neighbour')), 'its neighbour hydrates near the viewport');
    expect(held(el)).to.equal(true);
    el.removeAttribute('defer-hydration');
    await waitUntil(() => hydrated(el), 'it hydrates when the page lets it go');
    window.scrollTo(0, 0);
  });

  it('an element without a server-rendered shadow root renders as usual, wherever it is', async () => {
    const el = byId('client-only');
    await waitUntil(() => el.hasUpdated && el.shadowRoot?.querySelector('.headline a')?.textContent === 'ข่าวจากเบราว์เซอร์', 'it renders');
    expect(held(el)).to.equal(false);
    await expect(el).to.be.accessible();
  });
});
