/**
 * Accessibility as reliability: axe-core (default rules plus WCAG 2.2 `target-size`, which axe leaves
 * off by default) on every widget in every state a reader can meet, in light and dark, left-to-right and
 * Arabic right-to-left. Data and servers are stubbed so each state is reached deterministically.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { AxeResults, Result, RunOptions } from 'axe-core';
import 'axe-core/axe.min.js';
import '../../src/index.js';
import type { BylineCommentBox } from '../../src/comment-box.js';
import type { BylinePhotoCaption } from '../../src/photo-caption.js';
import type { BylineRelatedTopics } from '../../src/related-topics.js';
import { API, apiError, clearDrafts, comment, created, fakeApi, page, THREAD } from '../comment-box-helpers.js';
import { captureWarnings, json, PIXEL, SEED_CAPTION_TH, seedArticle, seedPhoto, seedRelated, stubFetch, type } from '../fixtures.js';

declare global {
  interface Window {
    axe: { run(context: Element, options: RunOptions): Promise<AxeResults> };
  }
}

/** Default rules, plus 2.5.8 Target Size (Minimum), which axe only runs when asked. */
const AXE_OPTIONS: RunOptions = {
  rules: { 'target-size': { enabled: true } },
  // Every "needs review" node too, with its element, so unmeasured contrast can be measured here.
  resultTypes: ['violations', 'incomplete'],
  elementRef: true,
};

function describeViolations(violations: Result[]): string {
  return violations
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help}\n` +
        violation.nodes.map((node) => `  ${node.target.join(' ')}\n    ${node.failureSummary ?? ''}`).join('\n'),
    )
    .join('\n');
}

/** Runs axe on the element (shadow trees and slotted light DOM included) and checks target-size ran. */
async function axeCheck(el: Element): Promise<AxeResults> {
  const results = await window.axe.run(el, AXE_OPTIONS);
  const ran = [...results.passes, ...results.violations, ...results.incomplete, ...results.inapplicable];
  expect(ran.map((rule) => rule.id), 'axe ran the target-size rule').to.include('target-size');
  return results;
}

async function expectNoViolations(el: Element): Promise<void> {
  const results = await axeCheck(el);
  const { violations } = results;
  expect(violations.length, `axe violations:\n${describeViolations(violations)}`).to.equal(0);
  expect(unmeasuredContrastFailures(results), 'contrast axe left for review').to.deep.equal([]);
}

/** [r, g, b, alpha?] of a computed `rgb()` / `rgba()` color. */
const rgba = (color: string): number[] => (color.match(/[\d.]+/g) ?? []).map(Number);
function luminance(color: string): number {
  const [r = 0, g = 0, b = 0] = rgba(color).slice(0, 3).map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The first solid background behind an element, across shadow boundaries; the page's white by default. */
function backgroundOf(element: Element): string | undefined {
  for (let node: Element | null = element; node; node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host ?? null)) {
    const style = getComputedStyle(node);
    if (style.backgroundImage !== 'none') return undefined;
    if ((rgba(style.backgroundColor)[3] ?? 1) > 0) return style.backgroundColor;
  }
  return 'rgb(255, 255, 255)';
}

/**
 * axe leaves contrast "for review" when it cannot find the background: Thai and Vietnamese marks
 * overflow the line box, so the text looks "partially obscured". Over a solid background it can be
 * measured directly; text over an image cannot and is reported.
 */
function unmeasuredContrastFailures(results: AxeResults): string[] {
  const nodes = results.incomplete.find((rule) => rule.id === 'color-contrast')?.nodes ?? [];
  return nodes.flatMap((node) => {
    const element = node.element as Element;
    const where = node.target.join(' ');
    const background = backgroundOf(element);
    if (!background) return [`${where}: text over an image, check by hand`];
    const expected = parseFloat(String((node.any[0]?.data as { expectedContrastRatio?: string })?.expectedContrastRatio ?? '4.5'));
    const [light, dark] = [luminance(getComputedStyle(element).color), luminance(background)].sort((a, b) => b - a) as [number, number];
    const ratio = (light + 0.05) / (dark + 0.05);
    return ratio >= expected ? [] : [`${where}: contrast ${ratio.toFixed(2)} < ${expected}`];
  });
}

type Theme = 'light' | 'dark' | 'auto';
interface Variant {
  name: string;
  theme: Theme;
  /** The reader's system preference, for `theme="auto"`. */
  prefers?: 'dark';
  /** undefined: the case's own language (Thai, Vietnamese or English). */
  lang?: string;
}
const VARIANTS: Variant[] = [
  { name: 'light', theme: 'light' },
  { name: 'dark', theme: 'dark' },
  { name: 'RTL Arabic', theme: 'light', lang: 'ar' },
  { name: 'RTL Arabic dark', theme: 'dark', lang: 'ar' },
  { name: 'auto theme, reader prefers dark', theme: 'auto', prefers: 'dark' },
];

interface Setup {
  lang: string;
  theme: Theme;
}
type Case = [state: string, mount: (setup: Setup) => Promise<HTMLElement>];

const shadow = (el: HTMLElement) => el.shadowRoot!;
const has = (el: HTMLElement, selector: string) => !!shadow(el).querySelector(selector);
const never = () => new Promise<Response>(() => {});
/** Every stub installed by a case is undone after the test. */
let cleanups: (() => void)[] = [];
function stub(handler: Parameters<typeof stubFetch>[0]): void {
  cleanups.push(stubFetch(handler));
}
/** Failures warn by design; the warnings are not what these tests are about. */
function quiet(): void {
  const warnings = captureWarnings();
  cleanups.push(warnings.restore);
}
let uniq = 0;
const fresh = (name: string) => `/a11y-stub/${name}-${++uniq}.json`;

// ---------------------------------------------------------------- article card

function card({ lang, theme }: Setup, setup: { article?: unknown; src?: string; layout?: string } = {}) {
  return fixture<HTMLElement>(html`<byline-article-card lang=${lang} theme=${theme} time-zone="Asia/Bangkok"
    layout=${setup.layout ?? 'vertical'} .article=${setup.article} src=${ifDefined(setup.src)}></byline-article-card>`);
}
const loadedCard = seedArticle({ image: { src: PIXEL, width: 30, height: 20, alt: SEED_CAPTION_TH }, commentCount: 3 });
const articleCases: Case[] = [
  ['loading', async (s) => {
    stub(never);
    const el = await card(s, { src: fresh('card') });
    await waitUntil(() => has(el, '[aria-busy="true"]'), 'skeleton');
    return el;
  }],
  ['error (404, retry)', async (s) => {
    quiet();
    stub(() => new Response('nope', { status: 404 }));
    const el = await card(s, { src: fresh('card') });
    await waitUntil(() => has(el, '[part="retry"]'), 'error with retry');
    return el;
  }],
  ['invalid data', async (s) => {
    quiet();
    stub(() => json({ id: 'x', url: 'https://example.org/', title: 7 }));
    const el = await card(s, { src: fresh('card') });
    await waitUntil(() => has(el, '[part="error"]'), 'invalid data error');
    return el;
  }],
  ['filled', (s) => card(s, { article: loadedCard })],
  ['empty (title only, no link)', (s) =>
    card(s, { article: { id: 'a', url: 'javascript:alert(1)', title: 'Bộ TT&TT nâng cao chất lượng' } })],
  ['horizontal layout', (s) => card(s, { article: loadedCard, layout: 'horizontal' })],
  ['compact layout', (s) => card(s, { article: loadedCard, layout: 'compact' })],
  ['hero layout', (s) => card(s, { article: loadedCard, layout: 'hero' })],
];

// ---------------------------------------------------------------- photo caption

function photo({ lang, theme }: Setup, setup: { photo?: unknown; src?: string; noZoom?: boolean } = {}) {
  return fixture<BylinePhotoCaption>(html`<byline-photo-caption lang=${lang} theme=${theme} loading="eager"
    ?no-zoom=${setup.noZoom} .photo=${setup.photo} src=${ifDefined(setup.src)}></byline-photo-caption>`);
}
const pixelPhoto = seedPhoto({ src: PIXEL, width: 30, height: 20 });
const photoCases: Case[] = [
  ['loading', async (s) => {
    stub(never);
    const el = await photo(s, { src: fresh('photo') });
    await waitUntil(() => has(el, '[aria-busy="true"]'), 'skeleton');
    return el;
  }],
  ['error (404, retry)', async (s) => {
    quiet();
    stub(() => new Response('nope', { status: 404 }));
    const el = await photo(s, { src: fresh('photo') });
    await waitUntil(() => has(el, '[part="retry"]'), 'error with retry');
    return el;
  }],
  ['invalid data', async (s) => {
    quiet();
    stub(() => json({ src: 42 }));
    const el = await photo(s, { src: fresh('photo') });
    await waitUntil(() => has(el, '[part="error"]'), 'invalid data error');
    return el;
  }],
  ['filled', (s) => photo(s, { photo: pixelPhoto })],
  ['empty (image only, no caption, no alt)', (s) => photo(s, { photo: { src: PIXEL, width: 30, height: 20, alt: '' } })],
  ['no zoom', (s) => photo(s, { photo: pixelPhoto, noZoom: true })],
  ['light-DOM <img> and caption', async ({ lang, theme }) => {
    const el = await fixture<BylinePhotoCaption>(html`<byline-photo-caption lang=${lang} theme=${theme} number="2">
      <img src=${PIXEL} width="30" height="20" alt="ภาพประกอบ" /> ${SEED_CAPTION_TH}
    </byline-photo-caption>`);
    await el.updateComplete;
    return el;
  }],
  ['zoom dialog open', async (s) => {
    const el = await photo(s, { photo: pixelPhoto });
    el.openZoom();
    await el.updateComplete;
    expect(shadow(el).querySelector('dialog')!.open).to.equal(true);
    return el;
  }],
];

// ---------------------------------------------------------------- related topics

function related({ lang, theme }: Setup, setup: { sections?: unknown; src?: string; layout?: string; images?: boolean } = {}) {
  return fixture<BylineRelatedTopics>(html`<byline-related-topics lang=${lang} theme=${theme} time-zone="Asia/Bangkok"
    layout=${setup.layout ?? 'list'} ?show-images=${setup.images} .sections=${setup.sections}
    src=${ifDefined(setup.src)}></byline-related-topics>`);
}
const withImages = () => {
  const feed = seedRelated();
  feed.sections[1]!.items.forEach((item) => (item.image = { src: PIXEL, width: 30, height: 20 }));
  return feed;
};
const relatedCases: Case[] = [
  ['loading', async (s) => {
    stub(never);
    const el = await related(s, { src: fresh('related') });
    await waitUntil(() => has(el, '[aria-busy="true"]'), 'skeleton');
    return el;
  }],
  ['error (404, retry)', async (s) => {
    quiet();
    stub(() => new Response('nope', { status: 404 }));
    const el = await related(s, { src: fresh('related') });
    await waitUntil(() => has(el, '[part="retry"]'), 'error with retry');
    return el;
  }],
  ['invalid data', async (s) => {
    quiet();
    stub(() => json({ sections: [{ kind: 'nonsense', items: 3 }] }));
    const el = await related(s, { src: fresh('related') });
    await waitUntil(() => has(el, '[part="error"]'), 'invalid data error');
    return el;
  }],
  ['empty (no sections)', (s) => related(s, { sections: [] })],
  ['filled list (with empty sections)', (s) => related(s, { sections: seedRelated() })],
  ['filled list with thumbnails', (s) => related(s, { sections: withImages(), images: true })],
  ['tabs layout', (s) => related(s, { sections: seedRelated(), layout: 'tabs' })],
  ['tabs layout, empty tab selected', async (s) => {
    const el = await related(s, { sections: seedRelated(), layout: 'tabs' });
    shadow(el).querySelector<HTMLButtonElement>('#tab-0')!.click();
    await el.updateComplete;
    expect(shadow(el).querySelector('#panel-0')!.hasAttribute('hidden')).to.equal(false);
    return el;
  }],
];

// ---------------------------------------------------------------- comment count

let countApi = 0;
async function countIn({ lang, theme }: Setup, answer: () => Response | Promise<Response>, href?: string, format = 'text') {
  stub(answer);
  const wrapper = await fixture<HTMLElement>(html`<p lang=${lang}>
    <a href="#story">Story</a> ·
    <byline-comment-count theme=${theme} api="https://comments.test/a11y-${++countApi}" thread="t1"
      href=${ifDefined(href)} format=${format}></byline-comment-count>
  </p>`);
  return wrapper.querySelector<HTMLElement>('byline-comment-count')!;
}
const settledCount = (el: HTMLElement) =>
  waitUntil(() => has(el, '[part="count"], [part="unavailable"]'), 'count settles').then(() => el);
const countCases: Case[] = [
  ['loading', async (s) => {
    // The batcher's request outlives the element (it is shared): answer it after the test, so its
    // timeout retry cannot reach a later test's stub.
    let answer!: (response: Response) => void;
    cleanups.push(() => answer(json({ counts: { t1: 1 } })));
    const el = await countIn(s, () => new Promise<Response>((resolve) => (answer = resolve)));
    await waitUntil(() => has(el, '[part="placeholder"]'), 'placeholder');
    return el;
  }],
  ['filled', async (s) => settledCount(await countIn(s, () => json({ counts: { t1: 12 } })))],
  ['filled, zero', async (s) => settledCount(await countIn(s, () => json({ counts: { t1: 0 } })))],
  ['filled, link', async (s) => settledCount(await countIn(s, () => json({ counts: { t1: 12 } }), '#comments'))],
  ['filled, number format', async (s) =>
    settledCount(await countIn(s, () => json({ counts: { t1: 10000 } }), undefined, 'number'))],
  ['failure (unavailable)', async (s) => {
    quiet();
    return settledCount(await countIn(s, () => new Response('nope', { status: 404 })));
  }],
  ['failure with link', async (s) => {
    quiet();
    return settledCount(await countIn(s, () => new Response('nope', { status: 404 }), '#comments'));
  }],
];

// ---------------------------------------------------------------- comment box

async function box({ lang, theme }: Setup, api: Parameters<typeof fakeApi>[0], wait = true): Promise<BylineCommentBox> {
  cleanups.push(fakeApi(api).restore);
  const el = await fixture<BylineCommentBox>(html`<byline-comment-box api=${API} thread=${THREAD} lang=${lang}
    theme=${theme} loading="eager"></byline-comment-box>`);
  if (wait) await waitUntil(() => !has(el, '[part="skeleton"]'), 'the list loads');
  await el.updateComplete;
  return el;
}
const submitOf = (el: HTMLElement) => el.querySelector<HTMLButtonElement>('form button[type="submit"]')!;
async function post(el: BylineCommentBox, until: () => boolean): Promise<BylineCommentBox> {
  type(el, 'name', 'Somchai');
  type(el, 'body', 'ขอบคุณสำหรับข่าวครับ');
  await el.updateComplete;
  submitOf(el).click();
  await waitUntil(until, 'the post settles');
  await el.updateComplete;
  return el;
}
const message = (el: HTMLElement) => !!el.querySelector('.byline-comment-form__message');
const thread = () => {
  const first = comment({ id: 'a', author: { name: 'Lan' }, body: 'Bộ TT&TT làm tốt lắm' });
  const second = comment({ id: 'b', author: { name: 'Somchai' }, body: 'ของโบราณ 10,000 ชิ้น', status: 'pending' });
  const reply = comment({ id: 'r1', parentId: 'a', author: { name: 'Minh' }, body: 'Đồng ý' });
  return page([first, second, reply], { total: 3, nextCursor: 'next' });
};
const boxCases: Case[] = [
  ['loading', async (s) => {
    const el = await box(s, { list: never }, false);
    expect(has(el, '[part="skeleton"]')).to.equal(true);
    return el;
  }],
  ['empty', (s) => box(s, { list: page([]) })],
  ['filled (replies, pending badge, load more)', async (s) => {
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
    shadow(el).querySelector<HTMLButtonElement>('[part="more"]')!.click();
    await waitUntil(() => has(el, 'p.error[role="alert"]'), 'load more fails');
    return el;
  }],
  ['invalid form (empty submit)', async (s) => {
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
  ['submitting', (s) =>
    box(s, { list: page([]), post: never }).then((el) =>
      post(el, () => submitOf(el).getAttribute('aria-disabled') === 'true'))],
  ['posted (published, focused)', (s) =>
    box(s, { list: page([]) }).then((el) => post(el, () => has(el, '[part="comment"]') && message(el)))],
  ['pending (awaiting moderation)', (s) =>
    box(s, { list: page([]), post: (request) => created(request, { status: 'pending' }) })
      .then((el) => post(el, () => has(el, '[part="badge"]') && message(el)))],
  ['429 rate limited message', (s) =>
    box(s, { list: page([]), post: () => apiError(429, 'rate_limited', undefined, { 'Retry-After': '30' }) })
      .then((el) => post(el, () => message(el)))],
  ['rejected by the server (field error)', (s) =>
    box(s, { list: page([]), post: () => apiError(400, 'invalid', 'body') })
      .then((el) => post(el, () => message(el) && !!el.querySelector('.byline-comment-form__error')))],
  ['reply form open', async (s) => {
    const el = await box(s, { list: thread() });
    shadow(el).querySelector<HTMLButtonElement>('[part="reply"]')!.click();
    await waitUntil(() => !!el.querySelector('form button[type="button"]'), 'reply form with cancel');
    return el;
  }],
];

const WIDGETS: [string, string, Case[]][] = [
  ['byline-article-card', 'th', articleCases],
  ['byline-photo-caption', 'th', photoCases],
  ['byline-related-topics', 'th', relatedCases],
  ['byline-comment-count', 'vi', countCases],
  ['byline-comment-box', 'en', boxCases],
];

describe('axe: every widget in every state (default rules + target-size)', () => {
  beforeEach(() => clearDrafts());
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light' });
    cleanups.reverse().forEach((cleanup) => cleanup());
    cleanups = [];
    clearDrafts();
  });

  it('the checker fails on crowded targets smaller than 24px inside a shadow root (negative control)', async () => {
    const el = await fixture<HTMLElement>(html`<div></div>`);
    const tiny = 'all: unset; display: inline-block; width: 12px; height: 12px';
    el.attachShadow({ mode: 'open' }).innerHTML = `<button style="${tiny}">a</button><button style="${tiny}">b</button>`;
    const { violations } = await axeCheck(el);
    expect(violations.map((violation) => violation.id)).to.deep.equal(['target-size']);
  });

  for (const [tag, defaultLang, cases] of WIDGETS) {
    describe(`<${tag}>`, () => {
      for (const [state, mount] of cases) {
        for (const variant of VARIANTS) {
          it(`${state}, ${variant.name}`, async () => {
            const lang = variant.lang ?? defaultLang;
            if (variant.prefers) await emulateMedia({ colorScheme: variant.prefers });
            const el = await mount({ lang, theme: variant.theme });
            // What the reader gets, not just an attribute: the rendered state's direction follows the language.
            const root = shadow(el).firstElementChild!;
            expect(getComputedStyle(root).direction, 'direction').to.equal(lang === 'ar' ? 'rtl' : 'ltr');
            // The language the widget itself rendered in (not the attribute the fixture set on the host).
            expect(root.getAttribute('lang'), 'language').to.equal(lang);
            // The theme really applies (the count inherits the page's text color by design).
            if (tag !== 'byline-comment-count') {
              const dark = variant.theme === 'dark' || variant.prefers === 'dark';
              expect(getComputedStyle(root).color, 'theme text color').to.equal(dark ? 'rgb(237, 237, 237)' : 'rgb(26, 26, 26)');
            }
            await expectNoViolations(el);
          });
        }
      }
    });
  }
});
