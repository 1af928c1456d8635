import { expect } from '@open-wc/testing';
import { parseRetryAfter, RequestError, requestJson } from '../src/core/fetch.js';
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

describe('requestJson', () => {
  let calls: { url: string; init?: RequestInit }[];
  let restore: () => void;
  afterEach(() => restore?.());

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
    expect(await requestJson('/x')).to.deep.equal({ ok: true });
    expect(calls).to.have.length(3);
  });

  it('gives up after two retries', async () => {
    serve(() => json({}, { status: 500 }));
    const error = await failure(requestJson('/x'));
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
    const error = await failure(requestJson('/x', { timeoutMs: 50, retries: 0 }));
    expect(error.kind).to.equal('timeout');
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
