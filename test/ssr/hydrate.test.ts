/**
 * Server-rendered elements hydrating in the browser. The HTML comes from the reference server's real
 * `POST /api/render` (byline-widgets/ssr in Node); the elements come from the built hydration bundle
 * (cdn/byline.hydrate.min.js, built by `npm run build`), as a server-rendered page loads them.
 * Each element is put in the page still waiting (`defer-hydration`), looked at, then let go: hydration
 * must keep every node (same text nodes, no DOM change a MutationObserver sees), its size, the focus,
 * and then respond to the reader.
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { type } from '../fixtures.js';
// @ts-expect-error served by the reference-server plugin at test time
import { api } from '/__byline-e2e.js';
import { article, photo, sections, ZONE } from './fixtures.js';

async function serverRender(body: object): Promise<string> {
  const response = await fetch(`${api}/render`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status, await response.clone().text()).to.equal(200);
  return response.text();
}

interface Held {
  el: HTMLElement & { updateComplete: Promise<boolean> };
  texts: Text[];
  records: MutationRecord[];
  size: () => string;
  release: () => Promise<void>;
}

/** Puts the server's HTML in the page with hydration held back, and watches everything it holds. */
async function place(html: string): Promise<Held> {
  // setHTMLUnsafe parses declarative shadow roots and keeps Lit's comment markers (parseHTMLUnsafe drops
  // comments). The holder is not in the page: nothing updates before defer-hydration is set.
  const holder = document.createElement('div');
  holder.setHTMLUnsafe(html);
  const el = holder.querySelector('[lang]') as Held['el'];
  el.setAttribute('defer-hydration', '');
  const container = document.createElement('div');
  container.style.inlineSize = '480px';
  document.body.append(container);
  container.append(el);
  const root = el.shadowRoot!;
  expect(root, 'a declarative shadow root').to.be.instanceOf(ShadowRoot);
  const texts = allTexts(root);
  const records: MutationRecord[] = [];
  const observer = new MutationObserver((list) => records.push(...list));
  const all = { subtree: true, childList: true, characterData: true, attributes: true, attributeOldValue: true };
  observer.observe(root, all);
  observer.observe(el, { ...all, attributeFilter: undefined });
  const size = () => {
    const { width, height } = el.getBoundingClientRect();
    return `${width}x${height}`;
  };
  return {
    el,
    texts,
    records,
    size,
    release: async () => {
      el.removeAttribute('defer-hydration');
      await el.updateComplete;
      records.push(...observer.takeRecords());
      observer.disconnect();
    },
  };
}

/**
 * What hydration may do: remove the `defer-hydration` it was waiting for, write an attribute again with
 * the value it has (a reflected `theme`), and write a box's aspect ratio through CSSOM (the server cannot
 * write element styles; the stylesheet's or the image's ratio gave the box the same shape, which the size
 * check confirms). Anything else is a change.
 */
function unexpected(records: MutationRecord[]): string[] {
  const same = (r: MutationRecord) => r.oldValue === (r.target as Element).getAttribute(r.attributeName!);
  return records
    .filter((r) => !(r.type === 'attributes' && (r.attributeName === 'defer-hydration' || r.attributeName === 'style' || same(r))))
    .map((r) => `${r.type} ${r.attributeName ?? ''} on <${(r.target as Element).localName ?? '#text'}>`);
}

/** Posts straight to the real server, as another reader's client would. */
async function postApi(thread: string, name: string, body: string, parentId?: string): Promise<{ id: string }> {
  const response = await fetch(`${api}/threads/${thread}/comments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({ author: { name }, body, parentId }),
  });
  expect(response.status, body).to.equal(201);
  return (await response.json()).comment;
}

/** Every request the page makes through fetch while `during` runs, passed through to the real server. */
async function requestsDuring(during: () => Promise<void>): Promise<string[]> {
  const requested: string[] = [];
  const realFetch = window.fetch;
  window.fetch = (input, init) => (requested.push(`${init?.method ?? 'GET'} ${String(input)}`), realFetch(input, init));
  try {
    await during();
  } finally {
    window.fetch = realFetch;
  }
  return requested;
}

function allTexts(root: ShadowRoot): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  while (walker.nextNode()) texts.push(walker.currentNode as Text);
  return texts;
}

describe('hydration of server-rendered elements', () => {
  before(async () => {
    // The page has no element yet: load and define them now, as a page that scripts them does.
    const entry: { defineElements(): Promise<unknown> } = await import(/* @vite-ignore */ '/cdn/byline.hydrate.min.js' as string);
    await entry.defineElements();
  });

  afterEach(() => {
    document.body.replaceChildren();
  });

  it('an article card keeps its text nodes, size and the focused link, and renders new data after', async () => {
    const held = await place(await serverRender({ element: 'byline-article-card', data: article, lang: 'th', timeZone: ZONE }));
    const root = held.el.shadowRoot!;
    const link = root.querySelector<HTMLAnchorElement>('.headline a')!;
    expect(link.textContent).to.equal(article.title);
    link.focus();
    const before = held.size();
    await held.release();
    expect(unexpected(held.records)).to.deep.equal([]);
    expect(allTexts(root)).to.deep.equal(held.texts);
    expect(held.size()).to.equal(before);
    expect(root.activeElement).to.equal(link);
    await expect(held.el).to.be.accessible();
    // Hydrated, not frozen: new data updates the same nodes.
    (held.el as unknown as { article: object }).article = { ...article, title: 'Tin mới' };
    await held.el.updateComplete;
    expect(link.textContent).to.equal('Tin mới');
  });

  it('related topics keep their nodes, and the tabs layout answers the keyboard after hydration', async () => {
    const held = await place(await serverRender({ element: 'byline-related-topics', data: sections, lang: 'th', attributes: { layout: 'tabs' } }));
    const root = held.el.shadowRoot!;
    const before = held.size();
    await held.release();
    expect(unexpected(held.records)).to.deep.equal([]);
    expect(allTexts(root)).to.deep.equal(held.texts);
    expect(held.size()).to.equal(before);
    await expect(held.el).to.be.accessible();
    const tab = root.querySelector<HTMLButtonElement>('#tab-0')!;
    tab.focus();
    tab.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }));
    await held.el.updateComplete;
    await waitUntil(() => root.activeElement?.id === 'tab-1', 'the next tab takes focus');
    expect(root.querySelector('#tab-1')!.getAttribute('aria-selected')).to.equal('true');
  });

  it('a photo caption around its light-DOM <img> keeps its nodes, and its zoom dialog opens and closes', async () => {
    const held = await place(await serverRender({ element: 'byline-photo-caption', data: photo, lang: 'ar' }));
    const root = held.el.shadowRoot!;
    const image = held.el.querySelector('img')!;
    expect(root.querySelector<HTMLSlotElement>('slot.image')!.assignedElements()).to.deep.equal([image]);
    expect(root.querySelector('figure')!.getAttribute('dir')).to.equal('rtl');
    const before = held.size();
    await held.release();
    expect(unexpected(held.records)).to.deep.equal([]);
    expect(allTexts(root)).to.deep.equal(held.texts);
    expect(held.size()).to.equal(before);
    // The same <img> element, never copied.
    expect(held.el.querySelector('img')).to.equal(image);
    await expect(held.el).to.be.accessible();
    const events: string[] = [];
    held.el.addEventListener('byline-zoom-open', () => events.push('open'));
    held.el.addEventListener('byline-zoom-close', () => events.push('close'));
    root.querySelector<HTMLButtonElement>('button.frame')!.click();
    await held.el.updateComplete;
    const dialog = root.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.querySelector('img')!.getAttribute('src')).to.equal(photo.src);
    root.querySelector<HTMLButtonElement>('button.close')!.click();
    await waitUntil(() => events.includes('close'), 'the dialog closes');
    expect(events).to.deep.equal(['open', 'close']);
    expect(dialog.open).to.equal(false);
  });

  it('a comment box with its first page keeps every node and position, requests nothing, then loads more and posts', async () => {
    const thread = `ssr-${Date.now().toString(36)}`;
    const first = await postApi(thread, 'สมชาย', 'ความเห็นแรก');
    await postApi(thread, 'Lan', 'คำตอบ', first.id);
    await postApi(thread, 'Minh', 'ความเห็นที่สอง');
    await postApi(thread, 'Anong', 'ความเห็นที่สาม');
    // The page the box would ask for itself (page-size 2, newest first), as a CMS reads it from its store.
    const page = await (await fetch(`${api}/threads/${thread}/comments?limit=2&sort=newest`)).json();
    expect(page.nextCursor, 'a later page exists').to.be.a('string');
    const held = await place(
      await serverRender({ element: 'byline-comment-box', data: page, lang: 'th', timeZone: 'Asia/Bangkok', attributes: { api, thread, 'page-size': 2, loading: 'eager' } }),
    );
    const { el } = held;
    const root = el.shadowRoot!;
    const bodies = () => [...root.querySelectorAll('[part="text"]')].map((node) => node.textContent!.trim());
    expect(bodies()).to.deep.equal(['ความเห็นที่สาม', 'ความเห็นที่สอง']);
    expect(el.querySelector('form'), 'no form before hydration').to.equal(null);
    const nodes = [...root.querySelectorAll('[part="heading"], article.comment, [part="more"]')];
    const boxes = () => nodes.map((node) => JSON.stringify(node.getBoundingClientRect()));
    const before = boxes();
    const shifts: PerformanceEntry[] = [];
    const shiftObserver = new PerformanceObserver((list) => shifts.push(...list.getEntries()));
    shiftObserver.observe({ type: 'layout-shift' });

    const requested = await requestsDuring(async () => {
      await held.release();
      await el.updateComplete;
      // An eager box would have sent its first request by now: give queued work a task to run.
      await new Promise((resolve) => setTimeout(resolve));
    });
    shifts.push(...shiftObserver.takeRecords());
    shiftObserver.disconnect();

    expect(requested, 'the first page is not requested again').to.deep.equal([]);
    // Hydration changed nothing the server rendered; the only new thing is the post form, in the light DOM.
    const form = el.querySelector('form')!;
    expect(form, 'the post form appears').to.be.instanceOf(HTMLFormElement);
    const outsideForm = held.records.filter((r) => !(r.target === el && [...r.addedNodes].every((n) => n === form)) && !form.contains(r.target));
    expect(unexpected(outsideForm)).to.deep.equal([]);
    expect(allTexts(root)).to.deep.equal(held.texts);
    expect([...root.querySelectorAll('[part="heading"], article.comment, [part="more"]')]).to.deep.equal(nodes);
    expect(boxes(), 'nothing the server rendered moved').to.deep.equal(before);
    expect(shifts.map((entry) => (entry as PerformanceEntry & { value: number }).value)).to.deep.equal([]);
    await expect(el).to.be.accessible();

    // "Load more" continues from the server's page: exactly one request, with its cursor.
    const more = await requestsDuring(async () => {
      const loaded = oneEvent(el, 'byline-load');
      root.querySelector<HTMLButtonElement>('[part="more"]')!.click();
      await loaded;
      await el.updateComplete;
    });
    expect(more).to.deep.equal([`GET ${api}/threads/${thread}/comments?limit=2&sort=newest&cursor=${encodeURIComponent(page.nextCursor)}`]);
    expect(bodies()).to.deep.equal(['ความเห็นที่สาม', 'ความเห็นที่สอง', 'ความเห็นแรก', 'คำตอบ']);

    // Posting works after hydration: one POST, and the comment is listed.
    const posts = await requestsDuring(async () => {
      type(el, 'name', 'ผู้อ่าน');
      type(el, 'body', 'หลังจากไฮเดรชัน');
      await el.updateComplete;
      const posted = oneEvent(el, 'byline-comment-posted');
      form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await posted;
      await el.updateComplete;
    });
    expect(posts).to.deep.equal([`POST ${api}/threads/${thread}/comments`]);
    expect(bodies()[0]).to.equal('หลังจากไฮเดรชัน');
    await expect(el).to.be.accessible();
  });

  it('a comment box rendered without data shows its loading state, then loads the first page once', async () => {
    const thread = `ssr-empty-${Date.now().toString(36)}`;
    await postApi(thread, 'Lan', 'Only comment');
    const held = await place(await serverRender({ element: 'byline-comment-box', lang: 'en', attributes: { api, thread, loading: 'eager' } }));
    const root = held.el.shadowRoot!;
    expect(root.querySelector('[part="skeleton"]')).to.not.equal(null);
    const requested = await requestsDuring(async () => {
      const loaded = oneEvent(held.el, 'byline-load');
      await held.release();
      await loaded;
      await held.el.updateComplete;
    });
    expect(requested).to.deep.equal([`GET ${api}/threads/${thread}/comments?limit=20&sort=newest`]);
    expect(root.querySelector('[part="text"]')!.textContent!.trim()).to.equal('Only comment');
    await expect(held.el).to.be.accessible();
  });

  it('a comment count given by the server keeps its text and fetches nothing', async () => {
    const held = await place(await serverRender({ element: 'byline-comment-count', data: 7, lang: 'vi', attributes: { api: 'https://unreachable.invalid/api', thread: 't1' } }));
    const root = held.el.shadowRoot!;
    const before = root.textContent;
    const requested: string[] = [];
    const realFetch = window.fetch;
    window.fetch = (input, init) => (requested.push(String(input)), realFetch(input, init));
    try {
      await held.release();
      // The batcher sends in a later task: give it one.
      await new Promise((resolve) => setTimeout(resolve));
    } finally {
      window.fetch = realFetch;
    }
    expect(requested).to.deep.equal([]);
    expect(unexpected(held.records)).to.deep.equal([]);
    expect(allTexts(root)).to.deep.equal(held.texts);
    expect(root.textContent).to.equal(before);
    expect(root.textContent).to.contain('7 bình luận');
    await expect(held.el).to.be.accessible();
  });
});
