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
 * Test data is Thai and Vietnamese, as on the seed page, so no English word comes from the data. The
 * states are test/widget-states.ts's (the axe suite's too), plus the form's messages for each failure.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { AxeResults, RunOptions } from 'axe-core';
import 'axe-core/axe.min.js';
import { saveDraft } from '../src/comment-box/drafts.js';
import { loadStrings, Locale, SUPPORTED_LANGUAGES, type PluralText, type Strings } from '../src/core/i18n.js';
import { setRequestTimeout } from '../src/core/fetch.js';
import en from '../src/locales/en.js';
import { API, apiError, clearDrafts, page, THREAD } from './comment-box-helpers.js';
import { SAME_AS_ENGLISH } from './locale-exceptions.js';
import {
  afterTest,
  BOX_STATES,
  box,
  CARD_STATES,
  type Case,
  cleanUp,
  COUNT_STATES,
  message,
  never,
  PHOTO_STATES,
  POSTING_STATES,
  postFails,
  RELATED_STATES,
} from './widget-states.js';

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

type Mount = (lang: string) => Promise<HTMLElement>;
const inLanguage = (widget: string, cases: Case[]): [string, string, Mount][] =>
  cases.map(([state, mount]) => [widget, state, (lang) => mount({ lang })]);
/** The messages a refused or lost post leaves in the form, one for each reason. */
const POST_FAILED: Case[] = [
  ['timed out', (s) => {
    setRequestTimeout(50);
    afterTest(() => setRequestTimeout(0));
    return postFails(s, never);
  }],
  ['server error', (s) => postFails(s, () => apiError(500, 'internal'))],
  ['rejected', (s) => postFails(s, () => apiError(400, 'invalid'))],
  ['name refused', (s) => postFails(s, () => apiError(400, 'invalid', 'author.name'))],
  ['conflict', (s) => postFails(s, () => apiError(409, 'conflict'))],
  ['reply target gone', (s) => postFails(s, () => apiError(422, 'parent_gone', 'parentId'))],
];
const DRAFT_RESTORED: Case = ['draft restored', async (s) => {
  saveDraft(`${API}|${THREAD}|`, { name: 'Lan', body: 'Bản nháp chưa gửi' });
  const el = await box(s, { list: page([]) });
  await waitUntil(() => message(el), 'restored draft announced');
  return el;
}];

export const STATES: [widget: string, state: string, mount: Mount][] = [
  ...inLanguage('article card', CARD_STATES),
  ...inLanguage('photo caption', PHOTO_STATES),
  ...inLanguage('related list', RELATED_STATES),
  ...inLanguage('comment count', COUNT_STATES),
  ...inLanguage('comment box', [...BOX_STATES, DRAFT_RESTORED]),
  ...inLanguage('comment box, posting', POSTING_STATES),
  ...inLanguage('comment box, post failed', POST_FAILED),
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
    cleanUp();
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
    it('the English states together show every string of Strings (a new string needs a state in test/widget-states.ts or test/locale-states.ts)', () => {
      expect(KEYS.filter((key) => !shown.has(key))).to.deep.equal([]);
    });
  });
}
