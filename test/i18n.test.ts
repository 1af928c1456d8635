import { expect, fixture, html } from '@open-wc/testing';
import ar from '../src/locales/ar.js';
import en from '../src/locales/en.js';
import th from '../src/locales/th.js';
import vi from '../src/locales/vi.js';
import ms from '../src/locales/ms.js';
import { fill, Locale, loadStrings, localeLoaders, resolveLanguage, supportedLanguage } from '../src/core/i18n.js';
import { captureWarnings } from './fixtures.js';

const locale = (language: string, strings = en, tag = language, zone = 'Asia/Bangkok') =>
  new Locale(language, tag, strings, zone);

describe('i18n', () => {
  it('dates Thai text in the Buddhist era, and only Thai', () => {
    const published = '2024-12-27T15:20:10+07:00';
    expect(locale('th', th).date(published)).to.equal('27 ธ.ค. 2567');
    expect(locale('vi', vi).date(published)).to.equal('27 thg 12, 2024');
    expect(locale('en').date(published)).to.equal('Dec 27, 2024');
    expect(locale('th', th, 'th-u-nu-thai').date(published)).to.equal('๒๗ ธ.ค. ๒๕๖๗');
  });

  it('keeps one calendar and one digit system in a Thai text', () => {
    const thai = locale('th', th);
    const text = `${thai.date('2024-12-27T15:20:10+07:00')} ${thai.plural(th.commentCount, 10000)}`;
    expect(text).to.equal('27 ธ.ค. 2567 10,000 ความคิดเห็น');
    expect(text).to.not.match(/[๐-๙]/);
  });

  it('picks plural forms by the language rules', () => {
    expect(locale('en').plural(en.commentCount, 1)).to.equal('1 comment');
    expect(locale('en').plural(en.commentCount, 2)).to.equal('2 comments');
    const arabic = locale('ar', ar);
    expect(arabic.plural(ar.commentCount, 0)).to.equal('لا تعليقات');
    expect(arabic.plural(ar.commentCount, 2)).to.equal('تعليقان');
    expect(arabic.plural(ar.commentCount, 3)).to.equal('3 تعليقات');
    expect(arabic.plural(ar.commentCount, 11)).to.equal('11 تعليقًا');
    const arabicDigits = locale('ar', ar, 'ar-u-nu-arab');
    expect(arabicDigits.plural(ar.commentCount, 11)).to.equal('١١ تعليقًا');
    expect(arabic.dir).to.equal('rtl');
  });

  it('formats relative times', () => {
    const now = Date.parse('2024-12-27T12:00:00Z');
    expect(locale('en').relative('2024-12-27T09:00:00Z', now)).to.equal('3 hours ago');
    expect(locale('en').relative('2024-12-27T11:59:30Z', now)).to.equal('just now');
    expect(locale('en').relative('2024-12-26T12:00:00Z', now)).to.equal('yesterday');
    expect(locale('en').relative('2024-12-27T12:00:45Z', now)).to.equal('in 45 seconds');
    expect(locale('en').relative('2024-12-27T12:01:00Z', now)).to.equal('in 1 minute');
    expect(locale('th', th).relative('2024-12-27T12:00:30Z', now)).to.equal('ในอีก 30 วินาที');
    expect(locale('vi', vi).relative('2024-12-27T09:00:00Z', now)).to.equal('3 giờ trước');
    expect(locale('th', th).relative('2024-12-27T09:00:00Z', now)).to.equal('3 ชั่วโมงที่ผ่านมา');
  });

  it('names languages in the reader language', () => {
    expect(locale('th', th).languageName('vi')).to.equal('เวียดนาม');
    expect(locale('en').languageName('vi')).to.equal('Vietnamese');
  });

  it('fills placeholders and leaves unknown ones', () => {
    expect(fill('{a} and {b}', { a: 'TT&TT' })).to.equal('TT&TT and {b}');
  });

  it('falls back to English with one warning for a language it has no strings for', () => {
    const warnings = captureWarnings();
    try {
      expect(supportedLanguage('th-TH')).to.equal('th');
      expect(supportedLanguage('zz')).to.equal('en');
      expect(supportedLanguage('zz-ZZ')).to.equal('en');
      expect(warnings.messages).to.have.length(1);
    } finally {
      warnings.restore();
    }
  });

  it('loads a language\'s strings only when asked, and once however often it is asked', async () => {
    // Korean: no test module of this page imports it, so any load of it is the locale map's.
    const loaded = () => performance.getEntriesByType('resource').filter((entry) => /\/locales\/ko\.[jt]s/.test(entry.name)).length;
    const original = localeLoaders.ko!;
    let calls = 0;
    localeLoaders.ko = () => {
      calls++;
      return original();
    };
    try {
      expect(loaded(), 'nothing loaded before it is asked for').to.equal(0);
      const [first, second] = await Promise.all([loadStrings('ko'), loadStrings('ko')]);
      const third = await loadStrings('ko');
      expect(calls, 'loader runs').to.equal(1);
      expect(loaded(), 'module requests').to.equal(1);
      expect(second).to.equal(first);
      expect(third).to.equal(first);
      expect(first.relatedTopic).to.equal('같은 주제');
    } finally {
      localeLoaders.ko = original;
    }
  });

  it('falls back to English with one warning when a language\'s strings cannot load, and tries again on the next ask', async () => {
    const original = localeLoaders.ms!;
    let calls = 0;
    localeLoaders.ms = () => (++calls === 1 ? Promise.reject(new Error('offline')) : original());
    const warnings = captureWarnings();
    try {
      expect(await loadStrings('ms')).to.equal(en);
      expect(warnings.messages).to.have.length(1);
      expect(warnings.messages[0]).to.match(/^\[byline\] could not load strings for "ms"; showing English\. Error: offline$/);
      expect(await loadStrings('ms')).to.equal(ms);
      expect(calls).to.equal(2);
      expect(warnings.messages).to.have.length(1);
    } finally {
      warnings.restore();
      localeLoaders.ms = original;
    }
  });

  it('resolves the language from the element, its ancestors across shadow roots, then the document', async () => {
    const outer = await fixture<HTMLDivElement>(html`<div lang="vi"><span id="inner"></span></div>`);
    expect(resolveLanguage(outer.querySelector('#inner')!)).to.equal('vi');
    const host = document.createElement('div');
    host.lang = 'ar';
    const shadowChild = document.createElement('span');
    host.attachShadow({ mode: 'open' }).append(shadowChild);
    outer.append(host);
    expect(resolveLanguage(shadowChild)).to.equal('ar');
    const loose = document.createElement('span');
    document.body.append(loose);
    const pageLang = document.documentElement.getAttribute('lang');
    try {
      document.documentElement.lang = 'km';
      expect(resolveLanguage(loose), 'the document\'s language').to.equal('km');
      document.documentElement.removeAttribute('lang');
      expect(resolveLanguage(loose), 'no language anywhere').to.equal('en');
    } finally {
      if (pageLang === null) document.documentElement.removeAttribute('lang');
      else document.documentElement.lang = pageLang;
      loose.remove();
    }
  });
});
