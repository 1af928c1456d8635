/**
 * The comment actions' own strings (src/locales/comment-actions/, a chunk loaded with the actions): every
 * language of the locale map has the file, every key is filled and translated (exceptions only from
 * test/locale-exceptions.ts), placeholders are kept, and the loader falls back to English with a warning.
 */
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { actionStringLoaders, loadActionStrings, type ActionStrings } from '../src/comment-box/comment-actions.js';
import { SUPPORTED_LANGUAGES } from '../src/core/i18n.js';
import en from '../src/locales/comment-actions/en.js';
import { SAME_AS_ENGLISH } from './locale-exceptions.js';

const KEYS = Object.keys(en) as (keyof ActionStrings)[];
const placeholders = (text: string) => [...text.matchAll(/\{\w+\}/g)].map((match) => match[0]).sort();

describe('comment actions strings', () => {
  it('has a chunk for every language of the locale map', () => {
    expect(['en', ...Object.keys(actionStringLoaders)].sort()).to.deep.equal([...SUPPORTED_LANGUAGES].sort());
  });

  for (const language of SUPPORTED_LANGUAGES.filter((code) => code !== 'en')) {
    it(`${language}: every string filled, translated, with the English placeholders`, async () => {
      const strings = await loadActionStrings(language);
      expect(strings, 'its own file').to.not.equal(en);
      expect(Object.keys(strings).sort()).to.deep.equal([...KEYS].sort());
      const allowed = (SAME_AS_ENGLISH[language] ?? {}) as Record<string, string>;
      for (const key of KEYS) {
        expect(strings[key].trim(), `${language}.${key}`).to.not.equal('');
        if (!(`actions.${key}` in allowed)) expect(strings[key], `${language}.${key} is still English`).to.not.equal(en[key]);
        expect(placeholders(strings[key]), `${language}.${key} placeholders`).to.deep.equal(placeholders(en[key]));
      }
    });
  }

  it('an unknown language gets English, with a warning', async () => {
    const warn = sinon.stub(console, 'warn');
    try {
      expect(await loadActionStrings('xx')).to.equal(en);
      expect(warn.calledWithMatch(/comment actions' strings for "xx"/)).to.equal(true);
    } finally {
      warn.restore();
    }
  });
});
