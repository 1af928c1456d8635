/**
 * Language resolution, lazily loaded strings, and all formatting through `Intl`.
 *
 * Language: the element's `lang`, else the closest ancestor's (across shadow roots), else the
 * document's, else `en`. A language without a strings file falls back to English for strings *and*
 * formats, so a widget never mixes two languages. `en` ships inline; other locales are separate chunks
 * loaded the first time an element needs them. Nothing here touches global state a host page owns.
 */
import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import en, { type PluralText, type Strings } from '../locales/en.js';

export type { PluralText, Strings };

/**
 * The locale map: one line per language, each a chunk loaded the first time a page needs it. Adding a
 * language is a file in src/locales/ and a line here (docs/languages.md); the locale tests pick it up.
 * The CDN builds replace this object with imports of cdn/locales/<language>.js (rollup.config.mjs).
 */
export const localeLoaders: Record<string, () => Promise<{ default: Strings }>> = {
  ar: () => import('../locales/ar.js'),
  de: () => import('../locales/de.js'),
  es: () => import('../locales/es.js'),
  fr: () => import('../locales/fr.js'),
  hi: () => import('../locales/hi.js'),
  id: () => import('../locales/id.js'),
  ja: () => import('../locales/ja.js'),
  km: () => import('../locales/km.js'),
  ko: () => import('../locales/ko.js'),
  lo: () => import('../locales/lo.js'),
  ms: () => import('../locales/ms.js'),
  pt: () => import('../locales/pt.js'),
  ru: () => import('../locales/ru.js'),
  th: () => import('../locales/th.js'),
  vi: () => import('../locales/vi.js'),
  'zh-Hans': () => import('../locales/zh-Hans.js'),
  'zh-Hant': () => import('../locales/zh-Hant.js'),
};

export const SUPPORTED_LANGUAGES = ['en', ...Object.keys(localeLoaders)];

/**
 * A loader for strings kept in one chunk per language (the widgets', the comment actions'): each chunk is
 * loaded the first time a page needs it, and once however often it is asked for. `loaded` holds what is
 * there already (English from the start, and what the language bundles provide), for synchronous use. A
 * chunk that cannot load gives English, with one warning that calls the strings `what`, and is tried
 * again on the next ask.
 */
export function languageChunks<T>(
  loaders: Record<string, () => Promise<{ default: T }>>,
  /** Holds English from the start. */
  loaded: Map<string, T>,
  what: string,
): (language: string) => Promise<T> {
  const loading = new Map<string, Promise<T>>();
  return (language) => {
    const known = loaded.get(language);
    if (known) return Promise.resolve(known);
    let pending = loading.get(language);
    if (!pending) {
      pending = (loaders[language]?.() ?? Promise.reject(new Error('unsupported'))).then(
        ({ default: strings }) => {
          loaded.set(language, strings);
          return strings;
        },
        (error: unknown) => {
          console.warn(`[byline] could not load ${what} for "${language}"; showing English.`, error);
          loading.delete(language);
          return loaded.get('en')!;
        },
      );
      loading.set(language, pending);
    }
    return pending;
  };
}

const loadedStrings = new Map([['en', en]]);
const warnedLanguages = new Set<string>();

/** What a page's language tag resolves to: the strings to show and the tag Intl formats with. */
export interface ResolvedLanguage {
  /** A key of the locale map (`en`, `pt`, `zh-Hant`, ...): the strings, and the widgets' `lang`. */
  language: string;
  /**
   * The page's own tag, without extensions, when it names that language (`pt-BR`, `zh-HK`), so dates and
   * numbers follow its region; `en` for the English fallback.
   */
  intlTag: string;
}

const resolvedTags = new Map<string, ResolvedLanguage>();

function resolveTag(tag: string): ResolvedLanguage {
  let locale: Intl.Locale | undefined;
  try {
    // The canonical form: `in` becomes `id`, `th_TH` `th-TH`, case is normalized.
    locale = new Intl.Locale(tag.trim().replaceAll('_', '-'));
  } catch {
    return { language: 'en', intlTag: 'en' };
  }
  // Chinese is one language in two scripts: the tag's script, or the one its region writes
  // (zh-TW, zh-HK, zh-MO: Traditional; zh, zh-CN, zh-SG: Simplified).
  const language = locale.language === 'zh' ? `zh-${locale.maximize().script === 'Hant' ? 'Hant' : 'Hans'}` : locale.language;
  return SUPPORTED_LANGUAGES.includes(language) ? { language, intlTag: locale.baseName } : { language: 'en', intlTag: 'en' };
}

/** The supported language and Intl tag that serve `tag`; English, with one warning per language, otherwise. */
export function resolveSupported(tag: string): ResolvedLanguage {
  let resolved = resolvedTags.get(tag);
  if (!resolved) {
    resolved = resolveTag(tag);
    resolvedTags.set(tag, resolved);
    const base = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
    if (resolved.language === 'en' && base !== 'en' && base && !warnedLanguages.has(base)) {
      warnedLanguages.add(base);
      console.warn(`[byline] no strings for language "${tag}"; showing English. Supported: ${SUPPORTED_LANGUAGES.join(', ')}.`);
    }
  }
  return resolved;
}

/** The supported language that serves `tag` (`pt-BR` -> `pt`, `zh-TW` -> `zh-Hant`), or `en`. */
export function supportedLanguage(tag: string): string {
  return resolveSupported(tag).language;
}

/** Strings for a supported language, loading them if needed. A failed load falls back to English. */
export const loadStrings = languageChunks(localeLoaders, loadedStrings, 'strings');

/**
 * Makes a language's strings available synchronously. The language bundles (`cdn/byline.th.min.js`, ...)
 * call it while they are evaluated, so elements already in the page render in that language in the same
 * task, before the next paint, instead of after a request for the strings.
 */
export function provideStrings(language: string, strings: Strings): void {
  loadedStrings.set(language, strings);
}

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

export type DigitsOption = 'native' | 'latin' | undefined;

const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.345],
  ['month', 12],
  ['year', Infinity],
];

/** An immutable formatting context: one language, its strings, its Intl formatters. */
export class Locale {
  readonly dir: 'ltr' | 'rtl';

  // Intl constructors are slow relative to formatting. Elements share Locales (one per tag and time
  // zone, see makeLocale) and a Locale makes each formatter when first used, so a page with 1,000
  // cards makes one of each; a field, not a keyed cache, so a call builds no key string.
  private _numberFormat?: Intl.NumberFormat;
  private _pluralRules?: Intl.PluralRules;
  private readonly _dateFormats: { date?: Intl.DateTimeFormat; datetime?: Intl.DateTimeFormat } = {};
  private _relativeFormat?: Intl.RelativeTimeFormat;
  private _displayNames?: Intl.DisplayNames;
  private _wordless?: boolean;

  constructor(
    /** Supported language, a key of the locale map: `en`, `th`, `pt`, `zh-Hant`, ... */
    readonly language: string,
    /** BCP 47 tag handed to Intl, e.g. `th-u-nu-thai`, `pt-PT`. */
    readonly intlTag: string,
    readonly strings: Strings,
    readonly timeZone: string | undefined,
  ) {
    this.dir = strings.rtl ? 'rtl' : 'ltr';
  }

  /**
   * Whether this browser lacks formatting data for the language (Debian's Chromium has none for Lao or
   * Khmer): Intl would then format in the browser's default language, English, inside a Lao text. Such a
   * Locale formats without words instead, through `_formatTag`: digits day/month/year, no relative
   * phrases, language names in their own language. Plural rules are not affected.
   * Asked when first needed, not when the Locale is made: a page's first Intl call loads the browser's
   * locale data, which is slow, and the English Locale is made while the script is evaluated.
   */
  get wordless(): boolean {
    return (this._wordless ??= !Intl.DateTimeFormat.supportedLocalesOf(this.intlTag).length);
  }

  /** The tag dates and numbers are formatted with: `intlTag`, or a day/month/year one with its digits. */
  private get _formatTag(): string {
    return this.wordless ? `en-GB-u-nu-${new Intl.Locale(this.intlTag).numberingSystem ?? 'latn'}` : this.intlTag;
  }

  number(value: number): string {
    return (this._numberFormat ??= new Intl.NumberFormat(this._formatTag)).format(value);
  }

  /** Picks the plural form for `count` and fills `{n}` with the localized number. */
  plural(forms: PluralText, count: number, values: Record<string, string | number> = {}): string {
    const rules = (this._pluralRules ??= new Intl.PluralRules(this.intlTag));
    // An exact zero form ("no comments") wins where the language has one.
    const category = count === 0 && forms.zero ? 'zero' : rules.select(count);
    return fill(forms[category] ?? forms.other, { ...values, n: this.number(count) });
  }

  text(key: { [K in keyof Strings]-?: Strings[K] extends string ? K : never }[keyof Strings], values = {}): string {
    return fill(this.strings[key], values);
  }

  date(value: string | Date, style: 'date' | 'datetime' = 'date'): string {
    // Called twice per card: the formatter (and its options) is built once per locale and style.
    const time = style === 'datetime';
    const format = (this._dateFormats[style] ??= new Intl.DateTimeFormat(this._formatTag, {
      ...(this.wordless
        ? { day: 'numeric', month: 'numeric', year: 'numeric', hour: time ? 'numeric' : undefined, minute: time ? 'numeric' : undefined }
        : { dateStyle: 'medium', timeStyle: time ? 'short' : undefined }),
      timeZone: this.timeZone,
    }));
    return format.format(new Date(value));
  }

  /** "3 hours ago", "yesterday", "just now" (under a minute ago), "in 45 seconds". */
  relative(value: string | Date, now: number = Date.now()): string {
    let delta = (new Date(value).getTime() - now) / 1000;
    // "just now" is for the past only; a moment ahead (a 429's wait) reads "in 45 seconds".
    if (delta <= 0 && delta > -60) return this.strings.justNow;
    if (this.wordless) return this.date(value);
    const format = (this._relativeFormat ??= new Intl.RelativeTimeFormat(this.intlTag, { numeric: 'auto' }));
    for (const [unit, size] of RELATIVE_STEPS) {
      if (Math.abs(delta) < size) return format.format(Math.round(delta), unit);
      delta /= size;
    }
    return format.format(Math.round(delta), 'year');
  }

  /** Localized language name: `vi` in a Thai UI is "ภาษาเวียดนาม". */
  languageName(code: string): string {
    try {
      // Without data for the reader's language, the language's own name ("Tiếng Việt"), not the English one.
      const names = !this.wordless
        ? (this._displayNames ??= new Intl.DisplayNames(this.intlTag, { type: 'language' }))
        : new Intl.DisplayNames(code, { type: 'language' });
      return names.of(code) ?? code;
    } catch {
      return code;
    }
  }
}

const localeCache = new Map<string, Locale>();

function makeLocale(language: string, tag: string, strings: Strings, digits: DigitsOption, timeZone: string | undefined): Locale {
  const numberingSystem = digits === 'latin' ? 'latn' : digits === 'native' ? strings.nativeDigits : undefined;
  const key = `${tag}|${numberingSystem ?? ''}|${timeZone ?? ''}`;
  let locale = localeCache.get(key);
  if (!locale || locale.strings !== strings) {
    let zone = timeZone;
    if (zone) {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
      } catch {
        console.warn(`[byline] unknown time-zone "${zone}"; using the reader's time zone.`);
        zone = undefined;
      }
    }
    const intlTag = numberingSystem ? `${tag}-u-nu-${numberingSystem}` : tag;
    locale = new Locale(language, intlTag, strings, zone);
    localeCache.set(key, locale);
  }
  return locale;
}

const ENGLISH = makeLocale('en', 'en', en, undefined, undefined);

/** The language that applies to `element`: its own `lang`, an ancestor's across shadow roots, the document's. */
export function resolveLanguage(element: Element): string {
  // On the server an element has its own attributes only: no ancestors, no document.
  if (isServer) return element.getAttribute('lang') || 'en';
  let node: Element | null = element;
  while (node) {
    const found: Element | null = node.closest('[lang]');
    const lang = found?.getAttribute('lang');
    if (lang) return lang;
    const root = (found ?? node).getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return document.documentElement.lang || 'en';
}

// One observer for every Byline element on the page, started by the first one that connects.
const liveControllers = new Set<LocaleController>();
let langObserver: MutationObserver | undefined;

function watchLangChanges(): void {
  if (langObserver) return;
  langObserver = new MutationObserver(() => liveControllers.forEach((controller) => controller.host.requestUpdate()));
  langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

export interface LocaleHost extends ReactiveControllerHost, HTMLElement {
  digits?: DigitsOption;
  timeZone?: string;
}

/**
 * Keeps `locale` in step with the language that applies to the host. `resolve()` is called from the
 * host's scheduleUpdate: it returns a promise while a locale chunk loads, so the first render is
 * already in the right language (no flash of English).
 */
export class LocaleController implements ReactiveController {
  // English until the first resolve(); one shared Locale, not a cache lookup per element.
  locale: Locale = ENGLISH;

  constructor(readonly host: LocaleHost) {
    host.addController(this);
  }

  hostConnected(): void {
    liveControllers.add(this);
    watchLangChanges();
  }

  hostDisconnected(): void {
    liveControllers.delete(this);
  }

  resolve(): Promise<unknown> | undefined {
    const { language, intlTag } = resolveSupported(resolveLanguage(this.host));
    const strings = loadedStrings.get(language);
    if (strings) {
      this._apply(language, intlTag, strings);
      return undefined;
    }
    return loadStrings(language).then((loaded) => this._apply(language, intlTag, loaded));
  }

  private _apply(language: string, intlTag: string, strings: Strings): void {
    this.locale = makeLocale(language, intlTag, strings, this.host.digits, this.host.timeZone);
  }
}
