import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildApp } from '../app.js';
import { makeApp, PARTNER } from './helpers.js';

describe('CORS', () => {
  test('an allowed partner origin gets Access-Control-Allow-Origin and sees Retry-After', async () => {
    const { app } = await makeApp();
    const res = await app.inject({ url: '/api/counts?thread=t', headers: { origin: PARTNER } });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['access-control-allow-origin'], PARTNER);
    assert.match(String(res.headers['access-control-expose-headers']), /Retry-After/);
    assert.match(String(res.headers.vary), /Origin/);
  });

  test('a partner can read a 429 and its Retry-After (CORS headers survive the error)', async () => {
    const { app } = await makeApp({ rateLimits: { read: { max: 1, timeWindow: 60_000 } } });
    const get = () => app.inject({ url: '/api/counts?thread=t', headers: { origin: PARTNER } });
    await get();
    const res = await get();
    assert.equal(res.statusCode, 429);
    assert.equal(res.headers['access-control-allow-origin'], PARTNER);
    assert.match(String(res.headers['access-control-expose-headers']), /Retry-After/);
    assert.ok(Number(res.headers['retry-after']) >= 1);
  });

  test('another origin gets no CORS headers', async () => {
    const { app } = await makeApp();
    for (const origin of ['https://evil.example', 'http://partner.example', 'https://partner.example.evil.example', 'null']) {
      const res = await app.inject({ url: '/api/counts?thread=t', headers: { origin } });
      assert.equal(res.headers['access-control-allow-origin'], undefined, origin);
    }
  });

  test("the server's own origin is always allowed", async () => {
    const { app } = await makeApp({ allowedOrigins: [] });
    const res = await app.inject({ url: '/api/counts?thread=t', headers: { host: 'byline.local:8787', origin: 'http://byline.local:8787' } });
    assert.equal(res.headers['access-control-allow-origin'], 'http://byline.local:8787');
  });

  test('preflight for a POST with Idempotency-Key succeeds for a partner, not for a stranger', async () => {
    const { app } = await makeApp();
    const preflight = (origin: string) =>
      app.inject({
        method: 'OPTIONS',
        url: '/api/threads/t/comments',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key' },
      });
    const ok = await preflight(PARTNER);
    assert.equal(ok.statusCode, 204);
    assert.equal(ok.headers['access-control-allow-origin'], PARTNER);
    assert.match(String(ok.headers['access-control-allow-methods']), /POST/);
    const allowedHeaders = String(ok.headers['access-control-allow-headers']).toLowerCase();
    assert.ok(allowedHeaders.includes('content-type') && allowedHeaders.includes('idempotency-key'), allowedHeaders);
    const denied = await preflight('https://evil.example');
    assert.equal(denied.headers['access-control-allow-origin'], undefined);
    assert.notEqual(denied.statusCode, 204);
  });

  test('an invalid allow-list entry is refused at build time', async () => {
    await assert.rejects(buildApp({ dbPath: ':memory:', allowedOrigins: ['partner.example'] }), /Not an origin/);
  });
});
