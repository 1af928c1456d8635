/**
 * Every widget put into each state a reader can meet, deterministically (data and servers stubbed).
 * Shared by the axe suite (test/a11y/axe-states.test.ts: light, dark, right-to-left) and the locale
 * suites (test/locale-states.ts: every language), so both check the same states the same way.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/index.js';
import type { BylineCommentBox } from '../src/comment-box.js';
import type { BylinePhotoCaption } from '../src/photo-caption.js';
import type { BylineRelatedTopics } from '../src/related-topics.js';
import { API, apiError, comment, created, fakeApi, page, THREAD } from './comment-box-helpers.js';
import { captureWarnings, json, PIXEL, SEED_CAPTION_TH, seedArticle, seedPhoto, seedRelated, stubFetch, type } from './fixtures.js';

export type Theme = 'light' | 'dark' | 'auto';
export interface Setup {
  lang: string;
  /** Unset: the widget's default. */
  theme?: Theme;
}
export type Mount = (setup: Setup) => Promise<HTMLElement>;
export type Case = [state: string, mount: Mount];

export const has = (el: Element, selector: string) => !!el.shadowRoot!.querySelector(selector);
export const never = () => new Promise<Response>(() => {});
type Answer = () => Response | Promise<Response>;

/** Every stub a state installs is undone by `cleanUp()` after the test. */
let cleanups: (() => void)[] = [];
export function cleanUp(): void {
  cleanups.reverse().forEach((undo) => undo());
  cleanups = [];
}
export const afterTest = (undo: () => void) => void cleanups.push(undo);
export const stub = (handler: Parameters<typeof stubFetch>[0]) => afterTest(stubFetch(handler));
/** Failures warn by design; the warnings are not what the state suites are about. */
export const quiet = () => afterTest(captureWarnings().restore);

let uniq = 0;
/** A URL no earlier test fetched, so no cache or in-flight request answers it. */
const fresh = (name: string) => `/state-stub/${name}-${++uniq}.json`;

/** The loading, error and invalid-data states of a widget that fetches its `src`. */
function sourceStates(name: string, mount: (s: Setup, src: string) => Promise<HTMLElement>, invalid: unknown): Case[] {
  const from = async (s: Setup, answer: Answer, selector: string, what: string) => {
    stub(answer);
    const el = await mount(s, fresh(name));
    await waitUntil(() => has(el, selector), what);
    return el;
  };
  return [
    ['loading', (s) => from(s, never, '[aria-busy="true"]', 'skeleton')],
    ['error (404, retry)', (s) => (quiet(), from(s, () => new Response('nope', { status: 404 }), '[part="retry"]', 'error with retry'))],
    ['invalid data', (s) => (quiet(), from(s, () => json(invalid), '[part="error"]', 'invalid data error'))],
  ];
}

// ---------------------------------------------------------------- article card

function card({ lang, theme }: Setup, setup: { article?: unknown; src?: string; layout?: string } = {}) {
  return fixture<HTMLElement>(html`<byline-article-card lang=${lang} theme=${ifDefined(theme)} time-zone="Asia/Bangkok"
    layout=${setup.layout ?? 'vertical'} .article=${setup.article} src=${ifDefined(setup.src)}></byline-article-card>`);
}
const loadedCard = seedArticle({
  image: { src: PIXEL, width: 30, height: 20, alt: SEED_CAPTION_TH },
  author: { name: 'Nguyễn Lan' },
  commentCount: 3,
});
export const CARD_STATES: Case[] = [
  ...sourceStates('card', (s, src) => card(s, { src }), { id: 'x', url: 'https://example.org/', title: 7 }),
  ['filled (translated, author, source, comments)', (s) => card(s, { article: loadedCard })],
  ['empty (title only, no link)', (s) => card(s, { article: { id: 'a', url: 'javascript:alert(1)', title: 'Bộ TT&TT nâng cao chất lượng' } })],
  ['horizontal layout', (s) => card(s, { article: loadedCard, layout: 'horizontal' })],
  ['compact layout', (s) => card(s, { article: loadedCard, layout: 'compact' })],
  ['hero layout', (s) => card(s, { article: loadedCard, layout: 'hero' })],
];

// ---------------------------------------------------------------- photo caption

function photo({ lang, theme }: Setup, setup: { photo?: unknown; src?: string; noZoom?: boolean } = {}) {
  return fixture<BylinePhotoCaption>(html`<byline-photo-caption lang=${lang} theme=${ifDefined(theme)} loading="eager"
    ?no-zoom=${setup.noZoom} .photo=${setup.photo} src=${ifDefined(setup.src)}></byline-photo-caption>`);
}
const pixelPhoto = seedPhoto({ src: PIXEL, width: 30, height: 20 });
export const PHOTO_STATES: Case[] = [
  ...sourceStates('photo', (s, src) => photo(s, { src }), { src: 42 }),
  ['filled (number, credit)', (s) => photo(s, { photo: pixelPhoto })],
  ['empty (image only, no caption, no alt)', (s) => photo(s, { photo: { src: PIXEL, width: 30, height: 20, alt: '' } })],
  ['no zoom', (s) => photo(s, { photo: pixelPhoto, noZoom: true })],
  ['light-DOM <img> and caption', async ({ lang, theme }) => {
    const el = await fixture<BylinePhotoCaption>(html`<byline-photo-caption lang=${lang} theme=${ifDefined(theme)} number="2">
      <img src=${PIXEL} width="30" height="20" alt="ภาพประกอบ" /> ${SEED_CAPTION_TH}
    </byline-photo-caption>`);
    await el.updateComplete;
    return el;
  }],
  ['zoom dialog open', async (s) => {
    const el = await photo(s, { photo: pixelPhoto });
    el.openZoom();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('dialog')!.open).to.equal(true);
    return el;
  }],
];

// ---------------------------------------------------------------- related topics

function related({ lang, theme }: Setup, setup: { sections?: unknown; src?: string; layout?: string; images?: boolean } = {}) {
  return fixture<BylineRelatedTopics>(html`<byline-related-topics lang=${lang} theme=${ifDefined(theme)} time-zone="Asia/Bangkok"
    layout=${setup.layout ?? 'list'} ?show-images=${setup.images} .sections=${setup.sections}
    src=${ifDefined(setup.src)}></byline-related-topics>`);
}
const withImages = () => {
  const feed = seedRelated();
  feed.sections[1]!.items.forEach((item) => (item.image = { src: PIXEL, width: 30, height: 20 }));
  return feed;
};
export const RELATED_STATES: Case[] = [
  ...sourceStates('related', (s, src) => related(s, { src }), { sections: [{ kind: 'nonsense', items: 3 }] }),
  ['empty (no sections)', (s) => related(s, { sections: [] })],
  ['filled list (with empty sections)', (s) => related(s, { sections: seedRelated() })],
  ['filled list with thumbnails', (s) => related(s, { sections: withImages(), images: true })],
  ['tabs layout', (s) => related(s, { sections: seedRelated(), layout: 'tabs' })],
  ['tabs layout, empty tab selected', async (s) => {
    const el = await related(s, { sections: seedRelated(), layout: 'tabs' });
    el.shadowRoot!.querySelector<HTMLButtonElement>('#tab-0')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#panel-0')!.hasAttribute('hidden')).to.equal(false);
    return el;
  }],
];

// ---------------------------------------------------------------- comment count

let countApi = 0;
/** A count inside a line of text with a link, as on a news page (target size is measured among its neighbours). */
async function count({ lang, theme }: Setup, answer: Answer, href?: string, format = 'text') {
  stub(answer);
  const line = await fixture<HTMLElement>(html`<p lang=${lang}>
    <a href="#story">Story</a> ·
    <byline-comment-count theme=${ifDefined(theme)} api="https://comments.test/states-${++countApi}" thread="t1"
      href=${ifDefined(href)} format=${format}></byline-comment-count>
  </p>`);
  return line.querySelector<HTMLElement>('byline-comment-count')!;
}
const settled = (el: HTMLElement) => waitUntil(() => has(el, '[part="count"], [part="unavailable"]'), 'count settles').then(() => el);
const counted = (n: number, href?: string, format?: string): Mount => async (s) =>
  settled(await count(s, () => json({ counts: { t1: n } }), href, format));
const unavailable = (href?: string): Mount => async (s) => {
  quiet();
  return settled(await count(s, () => new Response('nope', { status: 404 }), href));
};
export const COUNT_STATES: Case[] = [
  ['loading', async (s) => {
    // The batcher's request outlives the element (it is shared): answer it after the test, so its
    // timeout retry cannot reach a later test's stub.
    let answer!: (response: Response) => void;
    afterTest(() => answer(json({ counts: { t1: 1 } })));
    const el = await count(s, () => new Promise<Response>((resolve) => (answer = resolve)));
    await waitUntil(() => has(el, '[part="placeholder"]'), 'placeholder');
    // The batcher sends a moment after the placeholder shows; the answer above needs its request.
    await waitUntil(() => answer, 'the count request is sent');
    return el;
  }],
  ['filled', counted(12)],
  ['filled, zero', counted(0)],
  ['filled, link', counted(12, '#comments')],
  ['filled, number format', counted(10000, undefined, 'number')],
  ['failure (unavailable)', unavailable()],
  ['failure with link', unavailable('#comments')],
];

// ---------------------------------------------------------------- comment box

export async function box({ lang, theme }: Setup, api: Parameters<typeof fakeApi>[0], wait = true): Promise<BylineCommentBox> {
  afterTest(fakeApi(api).restore);
  const el = await fixture<BylineCommentBox>(html`<byline-comment-box api=${API} thread=${THREAD} lang=${lang}
    theme=${ifDefined(theme)} loading="eager"></byline-comment-box>`);
  if (wait) await waitUntil(() => !has(el, '[part="skeleton"]'), 'the list loads');
  await el.updateComplete;
  return el;
}
const submitOf = (el: HTMLElement) => el.querySelector<HTMLButtonElement>('form button[type="submit"]')!;
/** The form's status line says something (posted, pending, or why not). */
export const message = (el: HTMLElement) => !!el.querySelector('.byline-comment-form__message')?.textContent?.trim();
/** Fills in the form as a reader would, sends it, and waits for `until`. */
export async function post(el: BylineCommentBox, until: () => boolean): Promise<BylineCommentBox> {
  type(el, 'name', 'Somchai');
  type(el, 'body', 'ขอบคุณสำหรับข่าวครับ');
  await el.updateComplete;
  submitOf(el).click();
  await waitUntil(until, 'the post settles');
  await el.updateComplete;
  return el;
}
/** A post the server answers with `answer`, and the message the box shows for it. */
export const postFails = (s: Setup, answer: Answer) => {
  quiet();
  return box(s, { list: page([]), post: answer }).then((el) => post(el, () => message(el)));
};
export const thread = () =>
  page(
    [
      comment({ id: 'a', author: { name: 'Lan' }, body: 'Bộ TT&TT làm tốt lắm', createdAt: new Date().toISOString() }),
      comment({ id: 'b', author: { name: 'Somchai' }, body: 'ของโบราณ 10,000 ชิ้น', status: 'pending' }),
      comment({ id: 'r1', parentId: 'a', author: { name: 'Minh' }, body: 'Đồng ý' }),
      // Deleted, held in place by its reply: the box says so in the reader's language.
      comment({ id: 'd', author: { name: '' }, body: '', deleted: true }),
      comment({ id: 'r2', parentId: 'd', author: { name: 'Hoa' }, body: 'Cảm ơn' }),
    ],
    { total: 4, nextCursor: 'next' },
  );

/** Reading and writing: loading, empty, the thread, failures to load, the form's own states. */
export const BOX_STATES: Case[] = [
  ['loading', async (s) => {
    const el = await box(s, { list: never }, false);
    expect(has(el, '[part="skeleton"]')).to.equal(true);
    return el;
  }],
  ['empty', (s) => box(s, { list: page([]) })],
  ['filled (replies, pending badge, a deleted comment, just now, load more)', async (s) => {
    const el = await box(s, { list: thread() });
    expect(has(el, '[part="badge"]') && has(el, '[part="more"]') && has(el, '[part="replies"]')).to.equal(true);
    return el;
  }],
  ['load error (404, retry)', async (s) => {
    quiet();
    const el = await box(s, { list: () => apiError(404, 'not_found') });
    expect(has(el, '[part="retry"]')).to.equal(true);
    return el;
  }],
  ['invalid data', async (s) => {
    quiet();
    const el = await box(s, { list: () => json({ items: 'nope' }) });
    expect(has(el, '[part="error"]')).to.equal(true);
    return el;
  }],
  ['load more failed', async (s) => {
    quiet();
    const el = await box(s, { list: (request) => (request.url.searchParams.has('cursor') ? apiError(404, 'gone') : json(thread())) });
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="more"]')!.click();
    await waitUntil(() => has(el, 'p.error[role="alert"]'), 'load more fails');
    return el;
  }],
  ['reply form open', async (s) => {
    const el = await box(s, { list: thread() });
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="reply"]')!.click();
    await waitUntil(() => !!el.querySelector('form button[type="button"]'), 'reply form with cancel');
    return el;
  }],
  ['required fields missing (empty submit)', async (s) => {
    const el = await box(s, { list: page([]) });
    submitOf(el).click();
    await waitUntil(() => el.querySelectorAll('.byline-comment-form__error').length === 2, 'both fields invalid');
    return el;
  }],
  ['over the length limit', async (s) => {
    const el = await box(s, { list: page([]) });
    el.maxLength = 10;
    type(el, 'body', 'ขอบคุณสำหรับข่าวครับ');
    await el.updateComplete;
    expect(el.querySelector('.byline-comment-form__counter[data-over]')).to.not.equal(null);
    return el;
  }],
];

/** Sending: the states a post passes through, and the ones its answer leaves. */
export const POSTING_STATES: Case[] = [
  ['sending', (s) => box(s, { list: page([]), post: never }).then((el) => post(el, () => submitOf(el).getAttribute('aria-disabled') === 'true'))],
  ['posted (published)', (s) => box(s, { list: page([]) }).then((el) => post(el, () => has(el, '[part="comment"]') && message(el)))],
  ['pending (awaiting moderation)', (s) =>
    box(s, { list: page([]), post: (request) => created(request, { status: 'pending' }) }).then((el) => post(el, () => has(el, '[part="badge"]') && message(el)))],
  ['rate-limited (Retry-After)', (s) => postFails(s, () => apiError(429, 'rate_limited', undefined, { 'Retry-After': '30' }))],
  ['rate-limited (no Retry-After)', (s) => postFails(s, () => apiError(429, 'rate_limited'))],
  ['network failure', (s) => postFails(s, () => Promise.reject(new TypeError('Failed to fetch')))],
  ['comment refused (field error)', (s) =>
    postFails(s, () => apiError(400, 'invalid', 'body')).then((el) => (expect(el.querySelector('.byline-comment-form__error')).to.not.equal(null), el))],
];
