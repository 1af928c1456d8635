import { expect } from '@open-wc/testing';
import { postFailure, rateLimitText } from '../../src/comment-box/post-failure.js';
import { ContractError } from '../../src/core/contract.js';
import { RequestError } from '../../src/core/fetch.js';
import { Locale } from '../../src/core/i18n.js';
import en from '../../src/locales/en.js';
import lo from '../../src/locales/lo.js';
import th from '../../src/locales/th.js';

const EN = new Locale('en', 'en', en, undefined);
const NOW = Date.UTC(2026, 0, 1, 12);
const http = (status: number, field?: string, retryAfter?: number) =>
  new RequestError('http', `HTTP ${status}`, status, retryAfter, field ? { code: 'invalid', field } : undefined);

describe('what a failed post tells the reader', () => {
  it('keeps the draft when the text was not the problem, and says so', () => {
    const cases: [unknown, string][] = [
      [new RequestError('network', 'offline'), en.networkFailed],
      [new RequestError('timeout', 'slow'), en.timedOut],
      [http(500), en.serverFailed],
      [new ContractError('response.comment', 'is required'), en.serverFailed],
    ];
    for (const [error, text] of cases) {
      const failure = postFailure(error, EN, NOW);
      expect(failure.message).to.equal(`${text} ${en.keptDraft}`);
      expect(failure.keptDraft).to.equal(true);
      expect(failure.field).to.equal(undefined);
      expect(failure.newKey).to.equal(undefined);
    }
  });

  it('says when the reader can post again after a 429, in seconds under a minute', () => {
    const failure = postFailure(http(429, undefined, 30), EN, NOW);
    expect(failure.retryAt).to.equal(NOW + 30_000);
    expect(failure.keptDraft).to.equal(false);
    expect(failure.message).to.equal('Too many comments in a short time. You can post again in 30 seconds.');
    expect(postFailure(http(429), EN, NOW).message).to.equal(en.rateLimitedNoTime);
  });

  it('words the wait in the reader\'s language, and as a time from a minute on', () => {
    expect(rateLimitText(EN, NOW + 5 * 60_000, NOW)).to.equal('Too many comments in a short time. You can post again in 5 minutes.');
    expect(rateLimitText(new Locale('th', 'th', th, undefined), NOW + 10_000, NOW)).to.contain('10 วินาที');
    expect(rateLimitText(EN, NOW - 1, NOW)).to.equal(en.rateLimitedNoTime);
  });

  it('puts no English time phrase into a language the browser has no time words for (Lao in Debian Chromium)', () => {
    const lao = new Locale('lo', 'lo', lo, undefined);
    for (const wait of [10_000, 5 * 60_000]) {
      const text = rateLimitText(lao, NOW + wait, NOW);
      expect(text).not.to.match(/second|minute/i);
      if (lao.wordless) expect(text).to.equal(lo.rateLimitedNoTime);
    }
  });

  it('asks for a new key after a 409, so the edited text posts as a new comment', () => {
    const failure = postFailure(http(409), EN, NOW);
    expect(failure).to.include({ message: en.conflict, newKey: true, keptDraft: false });
  });

  it('says the reply target is gone on 422 or a refused parentId', () => {
    expect(postFailure(http(422), EN, NOW).message).to.equal(en.parentGone);
    expect(postFailure(http(400, 'parentId'), EN, NOW).message).to.equal(en.parentGone);
  });

  it('marks the form field the server refused', () => {
    expect(postFailure(http(400, 'body'), EN, NOW)).to.include({ field: 'body', fieldError: en.bodyInvalid, serverField: 'body' });
    expect(postFailure(http(400, 'author.name'), EN, NOW)).to.include({ field: 'name', fieldError: en.nameInvalid });
    const other = postFailure(http(400, 'extra'), EN, NOW);
    expect(other).to.include({ message: en.rejected, serverField: 'extra', keptDraft: false });
    expect(other.field).to.equal(undefined);
  });
});
