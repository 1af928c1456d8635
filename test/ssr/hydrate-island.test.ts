/**
 * The hydration entry loads the elements' code only when an element needs it (src/core/hydration.ts).
 * Each test is a fresh page, an iframe: the server's HTML from the reference server's real
 * `POST /api/render`, then the built entry (cdn/byline.hydrate.min.js) as a server-rendered page loads it.
 * A page of complete server-rendered elements loads no element code while the reader does nothing; what
 * the reader or the page does to a held element loads it, and what the page set is not lost.
 */
import { expect, waitUntil } from '@open-wc/testing';
// @ts-expect-error served by the reference-server plugin at test time
import { api } from '/__byline-e2e.js';
import { inputsOf, TAGS } from '../../src/core/hydration.js';
import '../../src/index.js';
import { article, photo } from './fixtures.js';

type Element$ = HTMLElement & { hasUpdated?: boolean; article?: object };

async function serverRender(body: object): Promise<string> {
  const response = await fetch(`${api}/render`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status, await response.clone().text()).to.equal(200);
  return response.text();
}
const card = (id: string, title = article.title) => serverRender({ element: 'byline-article-card', data: { ...article, title }, lang: 'th', attributes: { id } });
const caption = (id: string) => serverRender({ element: 'byline-photo-caption', data: photo, lang: 'th', attributes: { id } });

interface Page {
  window: Window & typeof globalThis;
  byId: (id: string) => Element$;
  /** Whether the page fetched the elements' code (the entry's lazy chunk). */
  codeFetched: () => boolean;
  codeDefined: () => boolean;
}

/** A fresh page: `body`, then the hydration entry, in an iframe; resolves once the entry has run. */
async function open(body: string): Promise<Page> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'inline-size: 480px; block-size: 600px';
  frame.srcdoc = `<!doctype html><html lang="th"><body>${body}<script type="module" src="/cdn/byline.hydrate.min.js"></script></body></html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const window = frame.contentWindow as Page['window'];
  return {
    window,
    byId: (id) => window.document.getElementById(id) as Element$,
    codeFetched: () => window.performance.getEntriesByType('resource').some((entry) => entry.name.includes('/chunks/hydrate-elements-')),
    codeDefined: () => !!window.customElements.get('byline-article-card'),
  };
}

/** Waits for what the page shows; each wait includes a fresh page fetching and evaluating the elements' code. */
const until = (predicate: () => unknown, message: string) => waitUntil(predicate, message, { timeout: 5000 });
const headline = (el: Element) => el.shadowRoot?.querySelector('.headline a')?.textContent;
const held = (el: Element) => el.hasAttribute('defer-hydration');
/** Time for anything the entry would start by itself to be under way: two frames and a moment more. */
const settle = (window: Window) =>
  new Promise<void>((resolve) => window.requestAnimationFrame(() => window.requestAnimationFrame(() => window.setTimeout(resolve, 300))));

describe('the hydration entry loads the elements only when one needs them', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('a page of complete server-rendered elements fetches none of their code until the pointer comes over one, which then hydrates', async () => {
    const page = await open(`${await card('c')}${await caption('p')}`);
    await settle(page.window);
    expect(page.codeFetched(), 'no element code fetched at load').to.equal(false);
    expect(page.codeDefined()).to.equal(false);
    const el = page.byId('c');
    expect(held(el)).to.equal(true);
    expect(headline(el)).to.equal(article.title);
    const texts = el.shadowRoot!.textContent;
    el.shadowRoot!.querySelector('a')!.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    await until(() => !held(el) && el.hasUpdated, 'it hydrates');
    expect(page.codeFetched()).to.equal(true);
    expect(el.shadowRoot!.textContent).to.equal(texts);
    expect(held(page.byId('p')), 'the caption nobody reached for stays held').to.equal(true);
  });

  it('a property the page sets on a held element before the code is loaded renders it afresh with that value', async () => {
    const page = await open(await card('c'));
    await settle(page.window);
    expect(page.codeFetched()).to.equal(false);
    page.byId('c').article = { ...article, title: 'ข่าวใหม่จากหน้า' };
    await until(() => headline(page.byId('c')) === 'ข่าวใหม่จากหน้า', 'the new headline shows');
    expect(held(page.byId('c'))).to.equal(false);
  });

  it('a property the page set before the entry ran is not lost', async () => {
    const script = `<script>document.getElementById('c').article = ${JSON.stringify({ ...article, title: 'ตั้งไว้ก่อน' })};</script>`;
    const page = await open(`${await card('c')}${script}`);
    await until(() => headline(page.byId('c')) === 'ตั้งไว้ก่อน', 'the headline the page set shows');
  });

  it('an attribute the page changes on a held element renders it afresh', async () => {
    const page = await open(await caption('p'));
    await settle(page.window);
    expect(page.byId('p').shadowRoot!.textContent).to.contain('ภาพที่ 2');
    page.byId('p').setAttribute('number', '7');
    await until(() => page.byId('p').shadowRoot!.textContent!.includes('ภาพที่ 7'), 'the new number shows');
  });

  it("new inline JSON in a held element's light DOM renders it afresh", async () => {
    const page = await open(await card('c'));
    await settle(page.window);
    page.byId('c').querySelector('script')!.textContent = JSON.stringify({ ...article, title: 'ข้อมูลใหม่' });
    await until(() => headline(page.byId('c')) === 'ข้อมูลใหม่', 'the new headline shows');
  });

  it('removing defer-hydration from a held element hydrates it', async () => {
    const page = await open(await card('c'));
    await settle(page.window);
    const el = page.byId('c');
    const link = el.shadowRoot!.querySelector('.headline a');
    el.removeAttribute('defer-hydration');
    await until(() => el.hasUpdated, 'it hydrates');
    await settle(page.window);
    expect(el.shadowRoot!.querySelector('.headline a') === link, 'the same link: hydrated, not rendered again').to.equal(true);
    expect(link?.isConnected && headline(el)).to.equal(article.title);
  });

  it('a held element the page changes and then lets go, before the code is loaded, shows the change', async () => {
    const page = await open(await card('c'));
    await settle(page.window);
    const el = page.byId('c');
    el.article = { ...article, title: 'เปลี่ยนแล้วปล่อย' };
    el.removeAttribute('defer-hydration');
    await until(() => el.hasUpdated, 'it updates');
    await settle(page.window);
    expect(headline(el)).to.equal('เปลี่ยนแล้วปล่อย');
  });

  it('removing defer-hydration from held elements once the code is loaded hydrates each, keeping its nodes', async () => {
    // In English, whose strings are in the code: the element asks for an update as it connects.
    const english = (id: string) => serverRender({ element: 'byline-article-card', data: article, lang: 'en', attributes: { id } });
    const page = await open(`${await card('c')}${await english('d')}`);
    const entry = (await page.window.eval(`import('/cdn/byline.hydrate.min.js')`)) as { defineElements(): Promise<unknown> };
    await entry.defineElements();
    const cards = [page.byId('c'), page.byId('d')];
    const links = cards.map((el) => el.shadowRoot!.querySelector('.headline a'));
    for (const el of cards) el.removeAttribute('defer-hydration');
    await until(() => cards.every((el) => el.hasUpdated), 'they hydrate');
    await settle(page.window);
    expect(cards.map((el, i) => el.shadowRoot!.querySelector('.headline a') === links[i] && links[i]!.isConnected)).to.deep.equal([true, true]);
    expect(cards.map(headline)).to.deep.equal([article.title, article.title]);
  });

  it('an element added to the page later loads the code and renders', async () => {
    const page = await open(await card('c'));
    await settle(page.window);
    expect(page.codeFetched()).to.equal(false);
    const later = page.window.document.createElement('byline-article-card');
    later.innerHTML = `<script type="application/json">${JSON.stringify({ ...article, title: 'มาทีหลัง' })}</script>`;
    page.window.document.body.append(later);
    await until(() => headline(later) === 'มาทีหลัง', 'it renders');
    expect(held(page.byId('c')), 'the server-rendered card stays held').to.equal(true);
  });

  it('a client-only element in the page loads the code at once', async () => {
    const client = `<byline-article-card id="b"><script type="application/json">${JSON.stringify({ ...article, title: 'จากเบราว์เซอร์' })}</script></byline-article-card>`;
    const page = await open(`${await card('c')}${client}`);
    await until(() => headline(page.byId('b')) === 'จากเบราว์เซอร์', 'it renders');
    expect(held(page.byId('c')), 'the server-rendered card stays held').to.equal(true);
  });

  it("what the entry watches on a held element is every element's public properties and observed attributes", () => {
    for (const tag of TAGS) {
      const element = customElements.get(tag) as unknown as { elementProperties: Map<string, { state?: boolean }>; observedAttributes: string[] };
      const properties = [...element.elementProperties].filter(([, options]) => !options.state).map(([name]) => name);
      expect(inputsOf(tag).properties.sort(), `${tag} properties`).to.deep.equal(properties.sort());
      expect(inputsOf(tag).attributes.sort(), `${tag} attributes`).to.deep.equal(element.observedAttributes.sort());
    }
  });
});
