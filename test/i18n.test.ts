import { expect, fixture, html } from '@open-wc/testing';
import ar from '../src/locales/ar.js';
import en from '../src/locales/en.js';
import th from '../src/locales/th.js';
import vi from '../src/locales/vi.js';
import { fill, Locale, loadStrings, resolveLanguage, supportedLanguage } from '../src/core/i18n.js';
import { captureWarnings } from './fixtures.js';

const locale = (language: string, strings = en, tag = language, zone = 'Asia/Bangkok') =>
  new Locale(language, tag, strings, zone);

describe('i18n', () => {
  it('fills every locale completely, with no English left in the others', () => {
    // `rtl` and `nativeDigits` are facts about a language, not text: only the languages they apply to set them.
    const textKeys = (strings: object) => Object.keys(strings).filter((key) => key !== 'rtl' && key !== 'nativeDigits').sort();
    const keys = textKeys(en);
    for (const [name, strings] of Object.entries({ th, vi, ar })) {
      expect(textKeys(strings), name).to.deep.equal(keys);
      for (const key of keys) {
        const value = (strings as unknown as Record<string, unknown>)[key];
        const english = (en as unknown as Record<string, unknown>)[key];
        expect(JSON.stringify(value), `${name}.${key}`).to.not.equal(JSON.stringify(english));
      }
    }
  });

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

  it('loads locale strings lazily and only once', async () => {
    const [first, second] = await Promise.all([loadStrings('vi'), loadStrings('vi')]);
    expect(first).to.equal(second);
    expect(first.relatedTopic).to.equal('Cùng chủ đề');
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
    expect(resolveLanguage(loose)).to.equal(document.documentElement.lang || 'en');
    loose.remove();
  });
});
