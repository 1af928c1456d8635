import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { DEFAULT_TIMEOUT_MS, parseRetryAfter, RequestError, requestJson, setRequestTimeout } from '../src/core/fetch.js';
import { LIMITS } from '../src/core/limits.js';
import { json, stubFetch } from './fixtures.js';

async function failure(run: Promise<unknown>): Promise<RequestError> {
  try {
    await run;
  } catch (error) {
    if (error instanceof RequestError) return error;
    throw error;
  }
  throw new Error('expected a RequestError');
}

/** Settles `run` while advancing a fake clock in small steps, so retries never wait real time. */
async function settleWith<T>(clock: sinon.SinonFakeTimers, run: Promise<T>): Promise<T> {
  let done = false;
  const settled = run.finally(() => (done = true));
  settled.catch(() => {}); // handled by the caller, once the loop ends
  for (let step = 0; !done && step < 1000; step++) await clock.tickAsync(50);
  return settled;
}

describe('requestJson', () => {
  let calls: { url: string; init?: RequestInit }[];
  let restore: () => void;
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => (clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })));
  afterEach(() => {
    restore?.();
    clock.restore();
  });

  function serve(...answers: (() => Response | Promise<Response>)[]) {
    calls = [];
    restore = stubFetch((url, init) => {
      calls.push({ url, init });
      const answer = answers[Math.min(calls.length - 1, answers.length - 1)]!;
      return answer();
    });
  }

  it('retries a GET after a 503 and a network error, then succeeds', async () => {
    serve(
      () => json({ error: { code: 'down' } }, { status: 503 }),
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => json({ ok: true }),
    );
    expect(await settleWith(clock, requestJson('/x'))).to.deep.equal({ ok: true });
    expect(calls).to.have.length(3);
  });

  it('gives up after two retries', async () => {
    serve(() => json({}, { status: 500 }));
    const error = await failure(settleWith(clock, requestJson('/x')));
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(500);
    expect(calls).to.have.length(3);
  });

  it('never retries a POST', async () => {
    serve(() => json({}, { status: 503 }));
    await failure(requestJson('/x', { method: 'POST', body: { a: 1 } }));
    expect(calls).to.have.length(1);
    expect(calls[0]!.init!.method).to.equal('POST');
    expect((calls[0]!.init!.headers as Record<string, string>)['Content-Type']).to.equal('application/json');
  });

  it('does not retry a 4xx and hands over the error body', async () => {
    serve(() => json({ error: { code: 'invalid', message: 'bad', field: 'body' } }, { status: 400 }));
    const error = await failure(requestJson('/x'));
    expect(calls).to.have.length(1);
    expect(error.body).to.deep.equal({ code: 'invalid', message: 'bad', field: 'body' });
  });

  it('reports a long Retry-After instead of waiting it out', async () => {
    serve(() => json({ error: { code: 'rate_limited' } }, { status: 429, headers: { 'Retry-After': '120' } }));
    const error = await failure(requestJson('/x'));
    expect(calls).to.have.length(1);
    expect(error.status).to.equal(429);
    expect(error.retryAfter).to.equal(120);
  });

  it('calls an HTML error page what it is', async () => {
    serve(() => new Response('<html><body>Bad gateway</body></html>', { status: 200, headers: { 'Content-Type': 'text/html' } }));
    expect((await failure(requestJson('/x'))).kind).to.equal('not-json');
  });

  it('times out a request that never answers', async () => {
    serve(() => new Promise<Response>(() => {}));
    const error = await failure(settleWith(clock, requestJson('/x', { timeoutMs: 50, retries: 0 })));
    expect(error.kind).to.equal('timeout');
  });

  it('backs off between retries: no second attempt before 400 ms, a third only after the second backoff', async () => {
    serve(() => json({}, { status: 503 }));
    const random = sinon.stub(Math, 'random').returns(0); // no jitter: 400 ms, then 800 ms
    try {
      const pending = failure(requestJson('/x'));
      await clock.tickAsync(399);
      expect(calls).to.have.length(1);
      await clock.tickAsync(1);
      expect(calls).to.have.length(2);
      await clock.tickAsync(799);
      expect(calls).to.have.length(2);
      await clock.tickAsync(1);
      expect(calls).to.have.length(3);
      expect((await pending).status).to.equal(503);
    } finally {
      random.restore();
    }
  });

  it('setRequestTimeout(0) restores the 10 s default after a shorter page-wide timeout', async () => {
    serve(() => new Promise<Response>(() => {}));
    setRequestTimeout(150);
    setRequestTimeout(0);
    let settled = false;
    const pending = failure(requestJson('/x', { retries: 0 })).finally(() => (settled = true));
    await clock.tickAsync(DEFAULT_TIMEOUT_MS - 1);
    expect(settled, 'still waiting just before 10 s').to.equal(false);
    await clock.tickAsync(1);
    expect((await pending).kind).to.equal('timeout');
  });

  describe(`a response over ${LIMITS.responseBytes} bytes`, () => {
    const big = () => `{"title":"${'ก'.repeat(LIMITS.responseBytes)}"}`;
    const stream = (text: string) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          const bytes = new TextEncoder().encode(text);
          for (let at = 0; at < bytes.length; at += 65_536) controller.enqueue(bytes.subarray(at, at + 65_536));
          controller.close();
        },
      });

    it('is refused from its Content-Length before the body is read, and not retried', async () => {
      // A body that never ends: reading it would never finish.
      let cancelled = false;
      const body = new ReadableStream({ pull: () => new Promise(() => {}), cancel: () => void (cancelled = true) });
      serve(() => new Response(body, { headers: { 'Content-Length': String(LIMITS.responseBytes + 1) } }));
      const error = await failure(requestJson('/x'));
      expect(error.kind).to.equal('too-large');
      expect(error.message).to.contain(String(LIMITS.responseBytes));
      expect(calls).to.have.length(1);
      expect(cancelled, 'the body released').to.equal(true);
    });

    it('is refused by counting bytes when there is no Content-Length, or it lies', async () => {
      for (const headers of [{}, { 'Content-Length': '20' }] as Record<string, string>[]) {
        serve(() => new Response(stream(big()), { headers }));
        expect((await failure(requestJson('/x'))).kind).to.equal('too-large');
      }
    });

    // Thai letters are 3 bytes each in UTF-8, so some fall across the 64 KiB chunks.
    it('reads a body of exactly the limit (characters split across chunks), refuses one byte more', async () => {
      const thai = 'ก'.repeat((LIMITS.responseBytes - 8 - 2) / 3);
      const text = `{"t":"${thai}"}  `;
      expect(new TextEncoder().encode(text).length).to.equal(LIMITS.responseBytes);
      serve(() => new Response(stream(text)));
      expect(await requestJson('/x')).to.deep.equal({ t: thai });
      serve(() => new Response(stream(`${text} `)));
      expect((await failure(requestJson('/x'))).kind).to.equal('too-large');
    });
  });

  it('stops at once when cancelled', async () => {
    serve(() => new Promise<Response>(() => {}));
    const controller = new AbortController();
    const pending = requestJson('/x', { signal: controller.signal });
    controller.abort();
    try {
      await pending;
      expect.fail('should have been cancelled');
    } catch (error) {
      expect((error as DOMException).name).to.equal('AbortError');
    }
  });

  it('reads both forms of Retry-After', () => {
    expect(parseRetryAfter('30')).to.equal(30);
    expect(parseRetryAfter(new Date(Date.now() + 60_000).toUTCString())).to.be.within(58, 61);
    expect(parseRetryAfter('soon')).to.equal(undefined);
    expect(parseRetryAfter(null)).to.equal(undefined);
  });
});
