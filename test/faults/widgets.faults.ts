/**
 * Network faults, for real: the widgets talk to a fault-injecting HTTP server on 127.0.0.1
 * (test/faults/fault-server-plugin.mjs) that resets sockets, stalls, cuts bodies short and answers
 * 500/503/429. Requests are counted server-side. "Offline" is a loopback port with nothing listening
 * (connection refused); "DNS failure" is a `.invalid` host, which never resolves. Those two never reach
 * a server, so they are counted with a pass-through spy on `fetch`.
 * Run with `npm run test:faults`; the last test prints the table of what the reader sees.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
// @ts-expect-error served by the fault-server plugin at test time
import { faults, offline, unresolvable } from '/__byline-faults.js';
import sinon from 'sinon';
import { setRequestTimeout } from '../../src/core/fetch.js';
import '../../src/index.js';
import type { BylineArticleCard, BylineCommentBox, BylineCommentCount } from '../../src/index.js';
import ar from '../../src/locales/ar.js';
import en from '../../src/locales/en.js';
import th from '../../src/locales/th.js';
import vi from '../../src/locales/vi.js';
import { type } from '../fixtures.js';

/** Short, so a stalled server costs the suite ~3 s instead of ~33 s; the page-wide option readers get too. */
const TIMEOUT_MS = 400;
/** Longer than the widest GET backoff (400 ms × 2 × 1.5): a retry that was coming is due within it. */
const QUIET_MS = 1500;
const THREAD = 'faults-thread';
const LOCALES = { en, th, vi, ar } as const;
type Lang = keyof typeof LOCALES;

interface Stats {
  GET: number;
  POST: number;
  OPTIONS: number;
  open: number;
  keys: (string | null)[];
}
type Fault = 'offline' | 'dns' | 'reset' | 'stall' | 'partial' | 'slow' | '500' | '503' | '429' | '429-long';

let serial = 0;
/** An API base on the fault server (or the offline / unresolvable host) with its own request counter. */
function apiFor(getFault: Fault | 'ok', postFault: Fault | 'ok' = 'ok'): { api: string; id: string } {
  const id = `t${Date.now().toString(36)}${++serial}`;
  const fault = postFault === 'ok' ? getFault : postFault;
  // The id in the path keeps the client-side counts of one test apart from the others'.
  if (fault === 'offline') return { id, api: `${offline}/${id}/api` };
  if (fault === 'dns') return { id, api: `${unresolvable}/${id}/api` };
  return { id, api: `${faults}/f/${id}/${getFault}/${postFault}/api` };
}

const stats = async (id: string): Promise<Stats> => (await fetch(`${faults}/stats/${id}`)).json();

/**
 * The page's timers run on a fake clock that also follows real time (stalls still time out), so
 * "nothing more happens" needs no real wait: {@link quiet} jumps past every pending backoff at once.
 */
let clock: sinon.SinonFakeTimers;
beforeEach(() => (clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true })));
afterEach(() => clock.restore());

/** Fires every timer due within {@link QUIET_MS}: a retry that was coming calls fetch now, where the spy counts it. */
const quiet = () => clock.tickAsync(QUIET_MS);

/** Every fetch the page makes, passed through untouched: counts what never reaches a server. */
const sent: { method: string; url: string }[] = [];
const realFetch = window.fetch;
const sentTo = (api: string, method: string) => sent.filter((r) => r.url.startsWith(api) && r.method === method).length;

/** GETs/POSTs the page sent for a case, once the server (where there is one) has seen them all. */
async function requestCount(fault: Fault, id: string, api: string, method: 'GET' | 'POST'): Promise<number> {
  const sentByPage = sentTo(api, method);
  if (fault !== 'offline' && fault !== 'dns') {
    await waitUntil(async () => (await stats(id))[method] === sentByPage, `the server sees ${sentByPage} ${method}`);
  }
  return sentByPage;
}

const shadowText = (el: Element, selector: string) => el.shadowRoot!.querySelector(selector)?.textContent?.trim() ?? '';
const draftsIn = (api: string) =>
  Object.keys(localStorage)
    .filter((key) => key.startsWith('byline-comment-draft:') && key.includes(api))
    .map((key) => JSON.parse(localStorage.getItem(key)!) as { name: string; body: string; key?: string });

/** Rows of the summary printed at the end. */
const report: string[][] = [];

before(() => {
  setRequestTimeout(TIMEOUT_MS);
  window.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    sent.push({ method: init?.method ?? (input instanceof Request ? input.method : 'GET'), url });
    return realFetch(input, init);
  };
});
after(() => {
  window.fetch = realFetch;
  setRequestTimeout(0);
  const widths = report[0].map((_, i) => Math.max(...report.map((row) => row[i].length)));
  console.log(
    ['FAULTS: what the reader sees and what the server saw', ...report.map((row) => row.map((cell, i) => cell.padEnd(widths[i])).join(' | '))].join('\n'),
  );
});
beforeEach(() => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('byline-comment-draft:')) localStorage.removeItem(key);
});

const RETRIED: Fault[] = ['offline', 'dns', 'reset', 'stall', 'partial', 'slow', '500', '503', '429'];
const ALL: Fault[] = [...RETRIED, '429-long'];
/** What a failed GET leaves the reader: the comment box's localized error state. */
const LANG_FOR: Record<Fault, Lang> = {
  offline: 'th', dns: 'vi', reset: 'en', stall: 'ar', partial: 'th', slow: 'vi', '500': 'en', '503': 'ar', '429': 'th', '429-long': 'vi',
};

describe('network faults against a real fault-injecting server', function () {
  this.timeout(20_000);
  report.push(['fault', 'widget', 'method', 'reader sees', 'requests', 'draft kept']);

  describe('comment box list (GET): retried at most twice, then a localized error', () => {
    for (const fault of ALL) {
      it(`${fault}: shows "could not load" in ${LANG_FOR[fault]} after ${fault === '429-long' ? '1 request' : '3 requests'}`, async () => {
        const { api, id } = apiFor(fault);
        const lang = LANG_FOR[fault];
        const el = await fixture<BylineCommentBox>(html`<byline-comment-box api=${api} thread=${THREAD} lang=${lang} loading="eager"></byline-comment-box>`);
        await waitUntil(() => el.shadowRoot!.querySelector('[part="error"]'), 'the error state', { timeout: 15_000 });
        const seen = shadowText(el, '[part="error"] span');
        expect(seen).to.equal(LOCALES[lang].loadFailed);
        await quiet();
        const gets = await requestCount(fault, id, api, 'GET');
        // 429 with a Retry-After beyond 5 s is not waited out silently: the reader is told at once.
        expect(gets).to.equal(fault === '429-long' ? 1 : 3);
        if (fault !== 'offline' && fault !== 'dns') expect((await stats(id)).open).to.equal(0);
        report.push([fault, 'comment-box', 'GET', `${lang}: ${seen}`, String(gets), '–']);
      });
    }
  });

  describe('article card src (GET)', () => {
    for (const fault of ['offline', 'dns', 'reset', 'partial', '503'] as Fault[]) {
      it(`${fault}: shows the localized error with a retry button after 3 requests`, async () => {
        const { api, id } = apiFor(fault);
        const el = await fixture<BylineArticleCard>(html`<byline-article-card lang="vi" src=${`${api}/articles/a1`}></byline-article-card>`);
        await waitUntil(() => el.shadowRoot!.querySelector('[part="error"]'), 'the error state', { timeout: 15_000 });
        const seen = shadowText(el, '[part="error"] span');
        expect(seen).to.equal(vi.loadFailed);
        expect(el.shadowRoot!.querySelector('[part="retry"]')).not.to.equal(null);
        await quiet();
        const gets = await requestCount(fault, id, api, 'GET');
        expect(gets).to.equal(3);
        report.push([fault, 'article-card', 'GET', `vi: ${seen}`, String(gets), '–']);
      });
    }
  });

  describe('comment count (GET)', () => {
    for (const fault of ['reset', 'stall', '500'] as Fault[]) {
      it(`${fault}: shows "count unavailable" after 3 requests`, async () => {
        const { api, id } = apiFor(fault);
        const el = await fixture<BylineCommentCount>(html`<byline-comment-count lang="th" api=${api} thread=${THREAD}></byline-comment-count>`);
        await waitUntil(() => el.shadowRoot!.querySelector('[part="unavailable"]'), 'the unavailable state', { timeout: 15_000 });
        const seen = shadowText(el, '[part="unavailable"] .visually-hidden');
        expect(seen).to.equal(th.commentCountUnavailable);
        await quiet();
        const gets = await requestCount(fault, id, api, 'GET');
        expect(gets).to.equal(3);
        report.push([fault, 'comment-count', 'GET', `th: ${seen}`, String(gets), '–']);
      });
    }
  });

  describe('posting (POST): sent exactly once, the draft and its key survive', () => {
    const expected = (fault: Fault, lang: Lang): string => {
      const s = LOCALES[lang];
      if (fault === 'offline' || fault === 'dns' || fault === 'reset') return `${s.networkFailed} ${s.keptDraft}`;
      if (fault === 'stall' || fault === 'partial' || fault === 'slow') return `${s.timedOut} ${s.keptDraft}`;
      if (fault === '500' || fault === '503') return `${s.serverFailed} ${s.keptDraft}`;
      return s.rateLimited.split('{time}')[0];
    };
    for (const fault of ALL) {
      it(`${fault}: one POST, a localized message, the draft still in localStorage`, async () => {
        const { api, id } = apiFor('ok', fault);
        const lang = LANG_FOR[fault];
        // Chromium's own resolver may take longer than the short test timeout to give up on a name;
        // the default timeout lets the DNS failure itself reach the reader.
        if (fault === 'dns') setRequestTimeout(0);
        // Offline/DNS: the list cannot load either, yet the form is usable and keeps the draft.
        const el = await fixture<BylineCommentBox>(html`<byline-comment-box api=${api} thread=${THREAD} lang=${lang} loading="eager"></byline-comment-box>`);
        await waitUntil(() => !el.shadowRoot!.querySelector('[part="skeleton"]'), 'the list settles', { timeout: 15_000 });
        const form = el.querySelector('form')!;
        type(el, 'name', 'Somchai');
        type(el, 'body', `ข่าวดี ${fault} — Bộ TT&TT`);
        await el.updateComplete;
        const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
        button.click();
        const message = () => form.querySelector('.byline-comment-form__message')?.textContent?.trim() ?? '';
        await waitUntil(() => message() !== '', 'a message', { timeout: 15_000 });
        setRequestTimeout(TIMEOUT_MS);
        const seen = message();
        expect(seen.startsWith(expected(fault, lang)), seen).to.equal(true);
        await quiet();
        const posts = await requestCount(fault, id, api, 'POST');
        expect(posts).to.equal(1);
        const [draft, ...others] = draftsIn(api);
        expect(others).to.have.length(0);
        expect(draft.body).to.equal(`ข่าวดี ${fault} — Bộ TT&TT`);
        expect(draft.key).to.be.a('string');
        // The widget itself called fetch once; the server (where there is one) got that one POST.
        expect(sentTo(api, 'POST')).to.equal(1);
        if (fault !== 'offline' && fault !== 'dns') expect((await stats(id)).keys).to.deep.equal([draft.key]);
        report.push([fault, 'comment-box', 'POST', `${lang}: ${seen}`, String(posts), 'yes (body + key)']);
      });
    }

    it('a reader retrying after a failure sends the same Idempotency-Key again', async () => {
      const { api, id } = apiFor('ok', '503');
      const el = await fixture<BylineCommentBox>(html`<byline-comment-box api=${api} thread=${THREAD} lang="en" loading="eager"></byline-comment-box>`);
      await waitUntil(() => !el.shadowRoot!.querySelector('[part="skeleton"]'), 'the list settles');
      const form = el.querySelector('form')!;
      type(el, 'name', 'Lan');
      type(el, 'body', 'Cảm ơn');
      const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
      for (const expectedPosts of [1, 2]) {
        button.click();
        await waitUntil(async () => (await stats(id)).POST === expectedPosts && button.getAttribute('aria-disabled') === 'false', 'the post fails');
      }
      const { keys } = await stats(id);
      expect(keys).to.have.length(2);
      expect(keys[0]).to.equal(keys[1]);
      expect(draftsIn(api)[0].body).to.equal('Cảm ơn');
    });
  });

  describe('element removed mid-request: nothing left pending', () => {
    for (const fault of ['stall', 'partial', 'slow'] as Fault[]) {
      it(`comment box, ${fault} GET: the request is cancelled and never retried`, async () => {
        const { api, id } = apiFor(fault);
        const el = await fixture<BylineCommentBox>(html`<byline-comment-box api=${api} thread=${THREAD} loading="eager"></byline-comment-box>`);
        await waitUntil(async () => (await stats(id)).open === 1, 'the request reaches the server');
        el.remove();
        await waitUntil(async () => (await stats(id)).open === 0, 'the server sees the request end');
        await quiet();
        expect(await requestCount(fault, id, api, 'GET')).to.equal(1);
        const after = await stats(id);
        expect(after.open).to.equal(0);
        report.push([fault, 'comment-box', 'GET', 'removed mid-request', `${after.GET}, 0 pending`, '–']);
      });
    }

    it('article card, stalled GET: cancelled on removal', async () => {
      const { api, id } = apiFor('stall');
      const el = await fixture<BylineArticleCard>(html`<byline-article-card src=${`${api}/articles/a1`}></byline-article-card>`);
      await waitUntil(async () => (await stats(id)).open === 1, 'the request reaches the server');
      el.remove();
      await waitUntil(async () => (await stats(id)).open === 0, 'the server sees the request end');
      await quiet();
      expect(await requestCount('stall', id, api, 'GET')).to.equal(1);
      report.push(['stall', 'article-card', 'GET', 'removed mid-request', '1, 0 pending', '–']);
    });

    it('comment count, stalled GET: the shared batch request is not cancelled, but ends at its timeout', async () => {
      // Counts are batched across elements (one request may serve many), so one element leaving does
      // not cancel it; the page-wide timeout and the retry limit still bound it.
      const { api, id } = apiFor('stall');
      const el = await fixture<BylineCommentCount>(html`<byline-comment-count api=${api} thread=${THREAD}></byline-comment-count>`);
      await waitUntil(async () => (await stats(id)).open === 1, 'the request reaches the server');
      el.remove();
      await waitUntil(async () => (await stats(id)).open === 0 && (await stats(id)).GET === 3, 'the retries end', { timeout: 10_000 });
      await quiet();
      expect(await requestCount('stall', id, api, 'GET')).to.equal(3);
      const after = await stats(id);
      expect(after.open).to.equal(0);
      report.push(['stall', 'comment-count', 'GET', 'removed mid-request (not cancelled)', `${after.GET}, 0 pending after timeouts`, '–']);
    });

    it('setRequestTimeout bounds a stalled request page-wide', async () => {
      const { requestJson, RequestError } = await import('../../src/core/fetch.js');
      const { api, id } = apiFor('stall');
      setRequestTimeout(150);
      const error = await requestJson(`${api}/counts?thread=x`, { retries: 0 }).catch((e: unknown) => e);
      setRequestTimeout(TIMEOUT_MS);
      expect(error).to.be.instanceOf(RequestError);
      expect((error as InstanceType<typeof RequestError>).kind).to.equal('timeout');
      await waitUntil(async () => (await stats(id)).open === 0, 'the client hung up');
      expect((await stats(id)).GET).to.equal(1);
    });

    it('comment box removed while waiting to retry a 500: no further request', async () => {
      const { api, id } = apiFor('500');
      const el = await fixture<BylineCommentBox>(html`<byline-comment-box api=${api} thread=${THREAD} loading="eager"></byline-comment-box>`);
      await waitUntil(async () => (await stats(id)).GET === 1, 'the first attempt');
      el.remove();
      await quiet();
      expect(await requestCount('500', id, api, 'GET')).to.equal(1);
      await waitUntil(async () => (await stats(id)).open === 0, 'nothing pending');
      report.push(['500', 'comment-box', 'GET', 'removed during backoff', '1, 0 pending', '–']);
    });
  });
});
