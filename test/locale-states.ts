/**
 * Shared by test/locale-states-*.test.ts (one file per widget, so each runs in its own page within the
 * runner's time limit) and test/locale-coverage.test.ts.
 *
 * Every widget in every state, in every language: no English string is left in a page in another
 * language, each state shows the language's own strings, `lang` and `dir` are right, and axe passes.
 *
 * Nothing here is a hand list of words. The English `Strings` are the reference: each value (all plural
 * forms, `{placeholders}` as wildcards) is searched for in what a state renders — text and the
 * attributes a reader meets (aria-label, title, alt, ...). Three checks make that hard to fool:
 * - coverage: the English run of the states together shows every string of `Strings`. A string added to
 *   `en` (#11's sign-in, edit, delete, report ...) fails this test until a state below shows it, and from
 *   then on every language is checked in that state too;
 * - no leak: a state rendered in language X contains none of the English strings (whole words, so
 *   "Commentaires" does not count as "Comment"); the few that are the same word in X are listed in
 *   SAME_AS_ENGLISH, each with its reason;
 * - presence: a state rendered in X shows X's own string for every string the English state showed.
 * Test data is Thai and Vietnamese, as on the seed page, so no English word comes from the data.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { AxeResults, RunOptions } from 'axe-core';
import 'axe-core/axe.min.js';
import '../src/index.js';
import type { BylineCommentBox } from '../src/comment-box.js';
import type { BylinePhotoCaption } from '../src/photo-caption.js';
import { saveDraft } from '../src/comment-box/drafts.js';
import { loadStrings, Locale, SUPPORTED_LANGUAGES, type PluralText, type Strings } from '../src/core/i18n.js';
import { setRequestTimeout } from '../src/core/fetch.js';
import en from '../src/locales/en.js';
import { API, apiError, clearDrafts, comment, created, fakeApi, page, THREAD } from './comment-box-helpers.js';
import { captureWarnings, json, PIXEL, SEED_CAPTION_TH, seedArticle, seedPhoto, seedRelated, stubFetch } from './fixtures.js';
import { SAME_AS_ENGLISH } from './locale-exceptions.js';

declare global {
  interface Window {
    axe: { run(context: Element, options: RunOptions): Promise<AxeResults> };
  }
}

type Key = { [K in keyof Strings]-?: Strings[K] extends string | PluralText ? K : never }[keyof Strings];
const KEYS = (Object.keys(en) as (keyof Strings)[]).filter((key): key is Key => key !== 'rtl' && key !== 'nativeDigits');

const forms = (value: string | PluralText): string[] => (typeof value === 'string' ? [value] : Object.values(value));
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A string as a pattern: `{placeholders}` match anything; `words` adds letter boundaries at both ends. */
function pattern(value: string | PluralText, words: boolean): RegExp {
  // `{n}` is always a formatted number (any digits); the other placeholders are names, times, languages.
  const alternatives = forms(value).map((form) =>
    form.split(/(\{\w+\})/).map((part) => (part === '{n}' ? '\\p{Nd}[\\p{Nd}\\p{Zs}.,]*' : /^\{\w+\}$/.test(part) ? '.+?' : escape(part))).join(''),
  );
  const body = `(?:${alternatives.join('|')})`;
  return new RegExp(words ? `(?<![\\p{L}\\p{M}])${body}(?![\\p{L}\\p{M}])` : body, 'gu');
}

const READ_ATTRIBUTES = ['aria-label', 'aria-description', 'aria-roledescription', 'title', 'alt', 'placeholder', 'label'];
/** Everything a reader can see or hear in `el`: each element's text, and the attributes read out. */
function readerTexts(el: Element): string[] {
  const texts: string[] = [];
  const visit = (node: Element | ShadowRoot) => {
    if (node instanceof Element) {
      if (node.localName === 'style' || node.localName === 'script') return;
      // Collapses markup whitespace only: a no-break space is part of the text (French "Source\u00a0:").
      texts.push((node.textContent ?? '').replace(/[ \t\n\r]+/g, ' ').trim());
      for (const name of READ_ATTRIBUTES) {
        const value = node.getAttribute(name);
        if (value) texts.push(value);
      }
      if (node.shadowRoot) visit(node.shadowRoot);
    }
    for (const child of node.children) visit(child);
  };
  visit(el);
  return texts.filter(Boolean);
}

const longest = (value: string | PluralText) => Math.max(...forms(value).map((form) => form.length));
/**
 * The keys of `strings` that `texts` show. Longer strings are matched first and blanked out, so a string
 * inside another ("Comment" in "Comment count unavailable", "Name" in "Please check your name") counts
 * only where it stands on its own.
 */
function shownKeys(texts: string[], strings: Strings, words: boolean, keys: readonly Key[] = KEYS): Key[] {
  const remaining = [...texts];
  const byLength = [...KEYS].sort((a, b) => longest(strings[b]) - longest(strings[a]));
  const shown = new Set<Key>();
  for (const key of byLength) {
    // An empty string shows nothing (and as a pattern would match everywhere).
    if (forms(strings[key]).some((form) => !form.trim())) continue;
    const re = pattern(strings[key], words);
    remaining.forEach((text, index) => {
      const blanked = text.replace(re, '\u0000');
      if (blanked !== text) shown.add(key);
      remaining[index] = blanked;
    });
  }
  // Two keys with the same text in a language (Thai "ความคิดเห็น" is both "Comments" and "Comment"):
  // where one is shown, so is the other.
  const same = (a: Key, b: Key) => JSON.stringify(strings[a]) === JSON.stringify(strings[b]);
  return keys.filter((key) => [...shown].some((seen) => same(seen, key)));
}

// ------------------------------------------------------------------------------------ states

const never = () => new Promise<Response>(() => {});
let cleanups: (() => void)[] = [];
const stub = (handler: Parameters<typeof stubFetch>[0]) => cleanups.push(stubFetch(handler));
/** Failures warn by design; the warnings are not what this test is about. */
const quiet = () => cleanups.push(captureWarnings().restore);
const has = (el: Element, selector: string) => !!el.shadowRoot!.querySelector(selector);
let uniq = 0;
const fresh = (name: string) => `/locale-stub/${name}-${++uniq}.json`;

type Mount = (lang: string) => Promise<HTMLElement>;

const article = seedArticle({
  image: { src: PIXEL, width: 30, height: 20, alt: SEED_CAPTION_TH },
  author: { name: 'Nguyễn Lan' },
  commentCount: 3,
});
const card = (lang: string, setup: { article?: unknown; src?: string } = {}) =>
  fixture<HTMLElement>(html`<byline-article-card lang=${lang} time-zone="Asia/Bangkok" .article=${setup.article}
    src=${ifDefined(setup.src)}></byline-article-card>`);
const related = (lang: string, setup: { sections?: unknown; src?: string; layout?: string } = {}) =>
  fixture<HTMLElement>(html`<byline-related-topics lang=${lang} time-zone="Asia/Bangkok" layout=${setup.layout ?? 'list'}
    .sections=${setup.sections} src=${ifDefined(setup.src)}></byline-related-topics>`);
const photo = (lang: string, setup: { photo?: unknown; src?: string } = {}) =>
  fixture<BylinePhotoCaption>(html`<byline-photo-caption lang=${lang} loading="eager" .photo=${setup.photo}
    src=${ifDefined(setup.src)}></byline-photo-caption>`);
let countApi = 0;
async function count(lang: string, answer: () => Response | Promise<Response>, href?: string): Promise<HTMLElement> {
  stub(answer);
  const el = await fixture<HTMLElement>(html`<byline-comment-count lang=${lang} api="https://comments.test/locale-${++countApi}"
    thread="t1" href=${ifDefined(href)}></byline-comment-count>`);
  return el;
}
const settled = (el: HTMLElement) => waitUntil(() => has(el, '[part="count"], [part="unavailable"]'), 'count settles').then(() => el);

async function box(lang: string, api: Parameters<typeof fakeApi>[0], wait = true): Promise<BylineCommentBox> {
  cleanups.push(fakeApi(api).restore);
  const el = await fixture<BylineCommentBox>(html`<byline-comment-box api=${API} thread=${THREAD} lang=${lang}
    loading="eager"></byline-comment-box>`);
  if (wait) await waitUntil(() => !has(el, '[part="skeleton"]'), 'the list loads');
  await el.updateComplete;
  return el;
}
function typeInto(el: HTMLElement, name: string, value: string): void {
  const input = el.querySelector<HTMLInputElement>(`form [name="${name}"]`)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}
const message = (el: HTMLElement) => !!el.querySelector('.byline-comment-form__message')?.textContent?.trim();
async function post(el: BylineCommentBox, until: () => boolean): Promise<BylineCommentBox> {
  typeInto(el, 'name', 'Somchai');
  typeInto(el, 'body', 'ขอบคุณสำหรับข่าวครับ');
  await el.updateComplete;
  el.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
  await waitUntil(until, 'the post settles');
  await el.updateComplete;
  return el;
}
const postFails = (lang: string, answer: () => Response | Promise<Response>) => {
  quiet();
  return box(lang, { list: page([]), post: answer }).then((el) => post(el, () => message(el)));
};
const thread = () =>
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

export const STATES: [widget: string, state: string, mount: Mount][] = [
  ['article card', 'loading', async (lang) => {
    stub(never);
    const el = await card(lang, { src: fresh('card') });
    await waitUntil(() => has(el, '[aria-busy="true"]'), 'skeleton');
    return el;
  }],
  ['article card', 'error', async (lang) => {
    quiet();
    stub(() => new Response('nope', { status: 404 }));
    const el = await card(lang, { src: fresh('card') });
    await waitUntil(() => has(el, '[part="retry"]'), 'error with retry');
    return el;
  }],
  ['article card', 'invalid data', async (lang) => {
    quiet();
    stub(() => json({ id: 'x', url: 'https://example.org/', title: 7 }));
    const el = await card(lang, { src: fresh('card') });
    await waitUntil(() => has(el, '[part="error"]'), 'invalid data error');
    return el;
  }],
  ['article card', 'populated (translated, author, source, comments)', (lang) => card(lang, { article })],

  ['photo caption', 'loading', async (lang) => {
    stub(never);
    const el = await photo(lang, { src: fresh('photo') });
    await waitUntil(() => has(el, '[aria-busy="true"]'), 'skeleton');
    return el;
  }],
  ['photo caption', 'populated (number, credit)', (lang) => photo(lang, { photo: seedPhoto({ src: PIXEL, width: 30, height: 20 }) })],
  ['photo caption', 'populated, no alt text', (lang) => photo(lang, { photo: { src: PIXEL, width: 30, height: 20, alt: '' } })],
  ['photo caption', 'enlarged', async (lang) => {
    const el = await photo(lang, { photo: seedPhoto({ src: PIXEL, width: 30, height: 20 }) });
    el.openZoom();
    await el.updateComplete;
    return el;
  }],

  ['related list', 'loading', async (lang) => {
    stub(never);
    const el = await related(lang, { src: fresh('related') });
    await waitUntil(() => has(el, '[aria-busy="true"]'), 'skeleton');
    return el;
  }],
  ['related list', 'empty', (lang) => related(lang, { sections: [] })],
  ['related list', 'populated (with empty sections)', (lang) => related(lang, { sections: seedRelated() })],
  ['related list', 'tabs', (lang) => related(lang, { sections: seedRelated(), layout: 'tabs' })],

  ['comment count', 'loading', async (lang) => {
    let answer!: (response: Response) => void;
    cleanups.push(() => answer(json({ counts: { t1: 1 } })));
    const el = await count(lang, () => new Promise<Response>((resolve) => (answer = resolve)));
    await waitUntil(() => has(el, '[part="placeholder"]'), 'placeholder');
    return el;
  }],
  ['comment count', 'populated', async (lang) => settled(await count(lang, () => json({ counts: { t1: 12 } })))],
  ['comment count', 'unavailable', async (lang) => {
    quiet();
    return settled(await count(lang, () => new Response('nope', { status: 404 })));
  }],
  ['comment count', 'unavailable, with link', async (lang) => {
    quiet();
    return settled(await count(lang, () => new Response('nope', { status: 404 }), '#comments'));
  }],

  ['comment box', 'loading', (lang) => box(lang, { list: never }, false)],
  ['comment box', 'empty', (lang) => box(lang, { list: page([]) })],
  ['comment box', 'error', async (lang) => {
    quiet();
    const el = await box(lang, { list: () => apiError(404, 'not_found') });
    expect(has(el, '[part="retry"]')).to.equal(true);
    return el;
  }],
  ['comment box', 'populated (replies, pending badge, a deleted comment, just now, load more)', (lang) => box(lang, { list: thread() })],
  ['comment box', 'load more failed', async (lang) => {
    quiet();
    const el = await box(lang, { list: (request) => (request.url.searchParams.has('cursor') ? apiError(404, 'gone') : json(thread())) });
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="more"]')!.click();
    await waitUntil(() => has(el, 'p.error[role="alert"]'), 'load more fails');
    return el;
  }],
  ['comment box', 'reply form open', async (lang) => {
    const el = await box(lang, { list: thread() });
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="reply"]')!.click();
    await waitUntil(() => !!el.querySelector('form button[type="button"]'), 'reply form with cancel');
    return el;
  }],
  ['comment box', 'draft restored', async (lang) => {
    saveDraft(`${API}|${THREAD}|`, { name: 'Lan', body: 'Bản nháp chưa gửi' });
    const el = await box(lang, { list: page([]) });
    await waitUntil(() => message(el), 'restored draft announced');
    return el;
  }],
  ['comment box', 'required fields missing', async (lang) => {
    const el = await box(lang, { list: page([]) });
    el.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
    await waitUntil(() => el.querySelectorAll('.byline-comment-form__error').length === 2, 'both fields invalid');
    return el;
  }],
  ['comment box', 'too long', async (lang) => {
    const el = await box(lang, { list: page([]) });
    el.maxLength = 10;
    typeInto(el, 'body', 'ขอบคุณสำหรับข่าวครับ');
    await el.updateComplete;
    expect(el.querySelector('.byline-comment-form__counter[data-over]')).to.not.equal(null);
    return el;
  }],
  ['comment box, posting', 'sending', (lang) =>
    box(lang, { list: page([]), post: never }).then((el) =>
      post(el, () => el.querySelector('form button[type="submit"]')?.getAttribute('aria-disabled') === 'true'))],
  ['comment box, posting', 'posted', (lang) => box(lang, { list: page([]) }).then((el) => post(el, () => message(el)))],
  ['comment box, posting', 'pending', (lang) =>
    box(lang, { list: page([]), post: (request) => created(request, { status: 'pending' }) }).then((el) => post(el, () => message(el)))],
  ['comment box, posting', 'rate-limited (Retry-After)', (lang) => postFails(lang, () => apiError(429, 'rate_limited', undefined, { 'Retry-After': '30' }))],
  ['comment box, posting', 'rate-limited (no Retry-After)', (lang) => postFails(lang, () => apiError(429, 'rate_limited'))],
  ['comment box, posting', 'network failure', (lang) => postFails(lang, () => Promise.reject(new TypeError('Failed to fetch')))],
  ['comment box, post failed', 'timed out', (lang) => {
    setRequestTimeout(50);
    cleanups.push(() => setRequestTimeout(0));
    return postFails(lang, never);
  }],
  ['comment box, post failed', 'server error', (lang) => postFails(lang, () => apiError(500, 'internal'))],
  ['comment box, post failed', 'rejected', (lang) => postFails(lang, () => apiError(400, 'invalid'))],
  ['comment box, post failed', 'name refused', (lang) => postFails(lang, () => apiError(400, 'invalid', 'author.name'))],
  ['comment box, post failed', 'comment refused', (lang) => postFails(lang, () => apiError(400, 'invalid', 'body'))],
  ['comment box, post failed', 'conflict', (lang) => postFails(lang, () => apiError(409, 'conflict'))],
  ['comment box, post failed', 'reply target gone', (lang) => postFails(lang, () => apiError(422, 'parent_gone', 'parentId'))],
];

// ------------------------------------------------------------------------------------ tests

const AXE: RunOptions = { rules: { 'target-size': { enabled: true } } };
const LANGUAGES = ['en', ...SUPPORTED_LANGUAGES.filter((language) => language !== 'en')];

/** The language's writing direction as Intl knows it, independent of the strings file's `rtl`. */
function directionOf(language: string): 'ltr' | 'rtl' {
  const locale = new Intl.Locale(language) as Intl.Locale & { getTextInfo?: () => { direction: 'ltr' | 'rtl' }; textInfo?: { direction: 'ltr' | 'rtl' } };
  return (locale.getTextInfo?.() ?? locale.textInfo)!.direction;
}

function hooks(): void {
  beforeEach(() => clearDrafts());
  afterEach(() => {
    cleanups.reverse().forEach((cleanup) => cleanup());
    cleanups = [];
    clearDrafts();
  });
}

/** Every state of `widget` in every language: no English, own strings, lang and dir, axe. */
export function describeStates(widget: string): void {
  const states = STATES.filter(([name]) => name === widget);
  const allStrings = new Map<string, Strings>();
  /** What the English run of each state showed: the keys every language must show there too. */
  const englishShown = new Map<string, Key[]>();

  describe(`${widget}: every language, every state`, function () {
    this.timeout(20000);
    before(async () => {
      for (const language of LANGUAGES) allStrings.set(language, await loadStrings(language));
    });
    hooks();

    for (const [, state, mount] of states) {
      describe(state, () => {
        for (const language of LANGUAGES) {
          it(language, async () => {
            const strings = allStrings.get(language)!;
            expect(language === 'en' || strings !== en, 'its own strings file').to.equal(true);
            const el = await mount(language);
            const texts = readerTexts(el);
            if (language === 'en') {
              englishShown.set(state, shownKeys(texts, en, true));
            } else {
              const allowed = SAME_AS_ENGLISH[language] ?? {};
              const leaked = shownKeys(texts, en, true).filter((key) => !(key in allowed));
              expect(leaked, `English strings in ${language}`).to.deep.equal([]);
              const ownShown = shownKeys(texts, strings, false);
              // Without the browser's time words for a language (Lao, Khmer in Debian Chromium), the wait
              // message goes without a time rather than with an English one.
              const wordless = new Locale(language, language, strings, undefined).wordless;
              const shownInstead = (key: Key) => key === 'rateLimited' && wordless && ownShown.includes('rateLimitedNoTime');
              const missing = (englishShown.get(state) ?? []).filter((key) => !ownShown.includes(key) && !shownInstead(key));
              expect(missing, `${language} strings that the English state shows`).to.deep.equal([]);
            }
            // The rendered state carries the language and its direction (the comment box's form too).
            const roots = [el.shadowRoot!.firstElementChild!, ...el.querySelectorAll('form')];
            for (const root of roots) {
              expect(root.closest('[lang]')?.getAttribute('lang'), 'lang').to.equal(language);
              expect(getComputedStyle(root).direction, 'direction').to.equal(directionOf(language));
            }
            const { violations } = await window.axe.run(el, AXE);
            const found = violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
            expect(found, 'axe violations').to.deep.equal([]);
          });
        }
      });
    }
  });
}

/** The English run of every state shows every string of `Strings`: a new string needs a state above. */
export function describeCoverage(): void {
  describe('locale states cover every string', () => {
    hooks();
    const shown = new Set<Key>();
    for (const [widget, state, mount] of STATES) {
      it(`${widget}: ${state} (English)`, async () => {
        const el = await mount('en');
        shownKeys(readerTexts(el), en, true).forEach((key) => shown.add(key));
      });
    }
    it('the English states together show every string of Strings (a new string needs a state in test/locale-states.ts)', () => {
      expect(KEYS.filter((key) => !shown.has(key))).to.deep.equal([]);
    });
  });
}
