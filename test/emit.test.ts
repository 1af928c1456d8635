import { expect, html, fixture } from '@open-wc/testing';
import { ContractError } from '../src/core/contract.js';
import { emit, errorDetail, reportError } from '../src/core/emit.js';
import { RequestError } from '../src/core/fetch.js';
import { captureWarnings } from './fixtures.js';

describe('emit, errorDetail, reportError', () => {
  it('dispatches an event that crosses shadow roots to the page, and reports a veto', async () => {
    const outer = await fixture<HTMLDivElement>(html`<div></div>`);
    const inner = document.createElement('span');
    outer.attachShadow({ mode: 'open' }).append(inner);
    const seen: unknown[] = [];
    document.addEventListener('byline-load', (event) => seen.push((event as CustomEvent).detail.value), { once: true });
    expect(emit(inner, 'byline-load', { value: 1 })).to.equal(true);
    expect(seen).to.deep.equal([1]);
    outer.addEventListener('byline-load', (event) => event.preventDefault(), { once: true });
    expect(emit(inner, 'byline-load', { value: 2 }, { cancelable: true })).to.equal(false);
  });

  it('describes a contract error, a request error and anything else', () => {
    expect(errorDetail(new ContractError('article.title', 'is required'))).to.deep.equal({
      kind: 'contract', field: 'article.title', status: undefined, message: 'invalid data: "article.title" is required',
    });
    expect(errorDetail(new RequestError('http', '/x answered 503.', 503))).to.deep.equal({
      kind: 'http', field: undefined, status: 503, message: '/x answered 503.',
    });
    expect(errorDetail(new Error('odd'), 'config')).to.deep.equal({ kind: 'config', field: undefined, status: undefined, message: 'odd' });
  });

  it('logs one warning naming the element and fires byline-error; without the warning when asked', async () => {
    const el = await fixture<HTMLElement>(html`<byline-test-host></byline-test-host>`);
    const warnings = captureWarnings();
    const kinds: string[] = [];
    el.addEventListener('byline-error', (event) => kinds.push(event.detail.kind));
    try {
      reportError(el, { kind: 'network', message: 'Could not reach /x.' });
      reportError(el, { kind: 'network', message: 'again' }, false);
    } finally {
      warnings.restore();
    }
    expect(warnings.messages).to.deep.equal(['[byline] <byline-test-host>: Could not reach /x.']);
    expect(kinds).to.deep.equal(['network', 'network']);
  });
});
