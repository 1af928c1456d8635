/**
 * Every supported language, checked against Intl itself: complete strings, every plural category the
 * language has, its own digits, dates and relative times as Intl formats them, and region and script
 * tags resolved to the right strings. The languages come from the locale map (SUPPORTED_LANGUAGES):
 * a language added there is checked here with no change to this file.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../src/article-card.js';
import '../src/comment-count.js';
import { loadStrings, Locale, resolveSupported, SUPPORTED_LANGUAGES, supportedLanguage, type PluralText, type Strings } from '../src/core/i18n.js';
import en from '../src/locales/en.js';
import { captureWarnings, json, seedArticle, stubFetch } from './fixtures.js';
import { SAME_AS_ENGLISH } from './locale-exceptions.js';

const OTHERS = SUPPORTED_LANGUAGES.filter((language) => language !== 'en');
const strings = new Map<string, Strings>();
const isPlural = (value: unknown): value is PluralText => typeof value === 'object' && value !== null;
const TEXT_KEYS = (Object.keys(en) as (keyof Strings)[]).filter((key) => key !== 'rtl' && key !== 'nativeDigits');
const PLURAL_KEYS = TEXT_KEYS.filter((key) => isPlural(en[key]));

/** A number that `rules` puts in `category` (integers first, then decimals and the millions of `many`). */
function sampleOf(rules: Intl.PluralRules, category: Intl.LDMLPluralRule): number {
  const candidates = [...Array(200).keys(), 1000000, 1.5, 0.5, 2.5, 10.5];
  const found = candidates.find((n) => rules.select(n) === category);
  if (found === undefined) throw new Error(`no sample for ${category}`);
  return found;
}

/** The language's own decimal digits, if its script has them: `thai`, `laoo`, `khmr`, `deva`, `arab`. */
function nativeDigitsOf(language: string): string | undefined {
  const script = new Intl.Locale(language).maximize().script?.toLowerCase();
  return script && script !== 'latn' && Intl.supportedValuesOf('numberingSystem').includes(script) ? script : undefined;
}

/** Whether this browser has formatting data for the language (Debian's Chromium has none for lo, km). */
const intlKnows = (language: string) => Intl.DateTimeFormat.supportedLocalesOf(language).length > 0;
/** What a Locale shows without that data: digits only, day/month/year, never English words. */
const WORDLESS_DATE = /^\p{Nd}{1,2}\/\p{Nd}{1,2}\/\p{Nd}{4}$/u;

describe('locales', () => {
  before(async () => {
    for (const language of SUPPORTED_LANGUAGES) strings.set(language, await loadStrings(language));
  });

  it('supports the 18 languages of the design', () => {
    expect([...SUPPORTED_LANGUAGES].sort()).to.deep.equal(
      ['ar', 'de', 'en', 'es', 'fr', 'hi', 'id', 'ja', 'km', 'ko', 'lo', 'ms', 'pt', 'ru', 'th', 'vi', 'zh-Hans', 'zh-Hant'].sort(),
    );
  });

  for (const language of OTHERS) {
    describe(language, () => {
      it('fills every string, none left in English', () => {
        const own = strings.get(language)!;
        expect(own, 'loaded its own file').to.not.equal(en);
        const keys = (Object.keys(own) as (keyof Strings)[]).filter((key) => key !== 'rtl' && key !== 'nativeDigits');
        expect([...keys].sort()).to.deep.equal([...TEXT_KEYS].sort());
        const allowed = SAME_AS_ENGLISH[language] ?? {};
        for (const key of TEXT_KEYS) {
          const value = own[key] as string | PluralText;
          for (const form of isPlural(value) ? Object.values(value) : [value]) expect(form.trim(), `${language}.${key}`).to.not.equal('');
          if (!(key in allowed)) expect(JSON.stringify(value), `${language}.${key}`).to.not.equal(JSON.stringify(en[key]));
        }
      });

      it('has every plural category Intl.PluralRules gives the language, in every plural string', () => {
        const own = strings.get(language)!;
        const rules = new Intl.PluralRules(language);
        const categories = rules.resolvedOptions().pluralCategories;
        for (const key of PLURAL_KEYS) {
          const value = own[key] as PluralText;
          const given = Object.keys(value);
          // A label with a count in it ("Comments (3)") that English keeps invariant may stay invariant.
          const invariant = Object.keys(en[key] as PluralText).length === 1 && given.length === 1;
          if (!invariant) {
            expect([...categories].filter((category) => !given.includes(category)), `${language}.${key} lacks`).to.deep.equal([]);
          }
          // `zero` may be an exact-zero form ("no comments") in any language; other extra forms are mistakes.
          expect(given.filter((category) => category !== 'zero' && !categories.includes(category as Intl.LDMLPluralRule)), `${language}.${key} extra`).to.deep.equal([]);
        }
      });

      it('picks each plural form through Intl.PluralRules', () => {
        const own = strings.get(language)!;
        const locale = new Locale(language, language, own, undefined);
        const rules = new Intl.PluralRules(language);
        for (const key of PLURAL_KEYS) {
          const value = own[key] as PluralText;
          for (const category of rules.resolvedOptions().pluralCategories) {
            const n = sampleOf(rules, category);
            // An exact-zero form ("no comments") wins over the category of 0.
            const form = n === 0 && value.zero ? value.zero : (value[category] ?? value.other);
            expect(locale.plural(value, n), `${language}.${key} ${category} (${n})`).to.equal(form.replace('{n}', locale.number(n)));
          }
        }
      });

      it('has a digits table entry that matches its script', async () => {
        const own = strings.get(language)!;
        expect(own.nativeDigits, 'nativeDigits').to.equal(nativeDigitsOf(language));
        const el = await fixture<HTMLElement>(html`<byline-article-card lang=${language} digits="native" time-zone="Asia/Bangkok"
          date-style="absolute" .article=${seedArticle({ commentCount: 1234, publishedAt: '2024-12-27T15:20:10+07:00' })}></byline-article-card>`);
        const text = `${el.shadowRoot!.querySelector('time')!.textContent} ${el.shadowRoot!.querySelector('.comments')!.textContent}`;
        const digits = [...text].filter((char) => /\p{Nd}/u.test(char));
        expect(digits.length, 'digits shown').to.be.greaterThan(4);
        if (own.nativeDigits) {
          const script = new Intl.Locale(language).maximize().script!;
          expect(digits.filter((char) => !new RegExp(`\\p{Script=${script}}`, 'u').test(char)), `non-${script} digits`).to.deep.equal([]);
        } else {
          expect(digits.filter((char) => !/[0-9]/.test(char)), 'Latin digits').to.deep.equal([]);
        }
      });
    });
  }

  describe('dates and relative times, as Intl formats them in each language', () => {
    const published = '2024-12-27T15:20:10+07:00';
    for (const language of SUPPORTED_LANGUAGES) {
      it(`${language}: absolute date`, async () => {
        const el = await fixture<HTMLElement>(html`<byline-article-card lang=${language} time-zone="Asia/Bangkok" date-style="absolute"
          .article=${seedArticle({ publishedAt: published })}></byline-article-card>`);
        const shown = el.shadowRoot!.querySelector('time')!.textContent!;
        if (intlKnows(language)) {
          expect(shown).to.equal(new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'Asia/Bangkok' }).format(new Date(published)));
        } else {
          expect(shown, 'no formatting data in this browser: no words').to.equal('27/12/2024');
        }
      });

      it(`${language}: relative time`, async () => {
        const threeHoursAgo = new Date(Date.now() - 3 * 3600_000).toISOString();
        const el = await fixture<HTMLElement>(html`<byline-article-card lang=${language} date-style="relative"
          .article=${seedArticle({ publishedAt: threeHoursAgo })}></byline-article-card>`);
        const shown = el.shadowRoot!.querySelector('time')!.textContent!;
        if (intlKnows(language)) {
          expect(shown).to.equal(new Intl.RelativeTimeFormat(language, { numeric: 'auto' }).format(-3, 'hour'));
          if (language !== 'en') expect(shown).to.not.equal('3 hours ago');
        } else {
          expect(shown, 'no formatting data in this browser: the date, no words').to.match(WORDLESS_DATE);
        }
      });
    }

    it('Thai dates are in the Buddhist era, from the calendar Intl gives Thai', async () => {
      expect(new Intl.DateTimeFormat('th').resolvedOptions().calendar).to.equal('buddhist');
      const el = await fixture<HTMLElement>(html`<byline-article-card lang="th" time-zone="Asia/Bangkok" date-style="absolute"
        .article=${seedArticle({ publishedAt: published })}></byline-article-card>`);
      expect(el.shadowRoot!.querySelector('time')!.textContent).to.equal('27 ธ.ค. 2567');
    });
  });

  it('a language this browser has no formatting data for shows no English: Lao and Khmer here', async function () {
    const missing = SUPPORTED_LANGUAGES.filter((language) => !intlKnows(language));
    if (!missing.length) this.skip();
    for (const language of missing) {
      const el = await fixture<HTMLElement>(html`<byline-article-card lang=${language} time-zone="Asia/Bangkok" date-style="absolute"
        .article=${seedArticle({ publishedAt: '2024-12-27T15:20:10+07:00', translatedFrom: 'vi', lang: language, commentCount: 1234 })}></byline-article-card>`);
      const text = el.shadowRoot!.querySelector('.card')!.textContent!;
      expect(text, language).to.not.match(/Dec|Vietnamese|ago/);
      expect(text, language).to.include('Tiếng Việt');
    }
  });

  describe('region and script tags', () => {
    const cases: [tag: string, language: string, intlTag: string][] = [
      ['zh-TW', 'zh-Hant', 'zh-TW'],
      ['zh-HK', 'zh-Hant', 'zh-HK'],
      ['zh-MO', 'zh-Hant', 'zh-MO'],
      ['zh-Hant', 'zh-Hant', 'zh-Hant'],
      ['zh', 'zh-Hans', 'zh'],
      ['zh-CN', 'zh-Hans', 'zh-CN'],
      ['zh-SG', 'zh-Hans', 'zh-SG'],
      ['zh-Hans-HK', 'zh-Hans', 'zh-Hans-HK'],
      ['pt-BR', 'pt', 'pt-BR'],
      ['pt-PT', 'pt', 'pt-PT'],
      ['in', 'id', 'id'],
      ['in-ID', 'id', 'id-ID'],
      ['th_TH', 'th', 'th-TH'],
      ['EN-gb', 'en', 'en-GB'],
      ['hi-IN-u-nu-latn', 'hi', 'hi-IN'],
    ];
    for (const [tag, language, intlTag] of cases) {
      it(`${tag} -> ${language} (Intl: ${intlTag})`, () => {
        expect(resolveSupported(tag)).to.deep.equal({ language, intlTag });
      });
    }

    it('a zh-TW page gets Traditional Chinese strings and lang="zh-Hant"', async () => {
      const el = await fixture<HTMLElement>(html`<byline-article-card lang="zh-TW" .article=${seedArticle({ commentCount: 5 })}></byline-article-card>`);
      expect(el.shadowRoot!.querySelector('.comments')!.textContent).to.equal('5 則留言');
      expect(el.shadowRoot!.querySelector('.card')!.getAttribute('lang')).to.equal('zh-Hant');
    });

    it('pt-BR and pt-PT pages share the strings and keep their own date formats', async () => {
      const published = '2024-12-27T15:20:10+07:00';
      const dates: string[] = [];
      for (const tag of ['pt-BR', 'pt-PT']) {
        const el = await fixture<HTMLElement>(html`<byline-article-card lang=${tag} time-zone="Asia/Bangkok" date-style="absolute"
          .article=${seedArticle({ publishedAt: published, commentCount: 2 })}></byline-article-card>`);
        expect(el.shadowRoot!.querySelector('.comments')!.textContent).to.equal('2 comentários');
        const date = el.shadowRoot!.querySelector('time')!.textContent!;
        expect(date).to.equal(new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'Asia/Bangkok' }).format(new Date(published)));
        dates.push(date);
      }
      expect(dates[0]).to.not.equal(dates[1]);
    });

    it('a language without strings falls back to English with one warning that names every supported language', async () => {
      const warnings = captureWarnings();
      const restore = stubFetch(() => json({ counts: { t1: 2 } }));
      try {
        expect(supportedLanguage('tl-PH')).to.equal('en');
        const el = await fixture<HTMLElement>(html`<byline-comment-count lang="tl" api="https://comments.test/fallback" thread="t1"></byline-comment-count>`);
        expect(el.shadowRoot!.querySelector('.root')!.getAttribute('lang')).to.equal('en');
        expect(warnings.messages).to.have.length(1);
        expect(warnings.messages[0]).to.include(`Supported: ${SUPPORTED_LANGUAGES.join(', ')}.`);
      } finally {
        restore();
        warnings.restore();
      }
    });
  });
});
