import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildApp } from '../app.js';
import { countRows, errorOf, makeApp, NO_LIMITS, postComment, testDatabase } from './helpers.js';

const VALID = { author: { name: 'A' }, body: 'hello' };

describe('request errors', () => {
  test('415 unsupported_media_type unless the body is declared as UTF-8 JSON', async () => {
    const { app } = await makeApp();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', null]) {
      const headers: Record<string, string> = { 'idempotency-key': 'key-12345678' };
      if (type) headers['content-type'] = type;
      const res = await app.inject({ method: 'POST', url: '/api/threads/t/comments', headers, payload: JSON.stringify(VALID) });
      assert.equal(res.statusCode, 415, String(type));
      assert.equal(errorOf(res).code, 'unsupported_media_type');
    }
    const ok = await postComment(app, 't', VALID, { headers: { 'content-type': 'Application/JSON; charset=UTF-8' } });
    assert.equal(ok.statusCode, 201);
  });

  test('400 invalid_json for a body that is not JSON, or empty', async () => {
    const { app } = await makeApp();
    for (const payload of ['{"author":', '', "{'single':'quotes'}", '{"__proto__":{"x":1},"author":{"name":"A"},"body":"b"}']) {
      const res = await postComment(app, 't', payload);
      assert.equal(res.statusCode, 400, payload);
      assert.equal(errorOf(res).code, 'invalid_json', payload);
    }
  });

  test('413 payload_too_large above 16 KB', async () => {
    const { app } = await makeApp();
    const res = await postComment(app, 't', { ...VALID, body: 'x'.repeat(17 * 1024) });
    assert.equal(res.statusCode, 413);
    assert.equal(errorOf(res).code, 'payload_too_large');
    // Just under the limit is parsed (and then fails the 2000-character rule, not the size rule).
    const under = await postComment(app, 't', { ...VALID, body: 'x'.repeat(16 * 1024 - 100) });
    assert.equal(under.statusCode, 400);
    assert.equal(errorOf(under).code, 'invalid_length');
  });

  test('404 not_found as JSON for unknown routes and methods', async () => {
    const { app } = await makeApp();
    for (const [method, url] of [['GET', '/api/nope'], ['GET', '/api/threads/t'], ['DELETE', '/api/threads/t/comments'], ['GET', '/nowhere']] as const) {
      const res = await app.inject({ method, url });
      assert.equal(res.statusCode, 404, url);
      assert.match(res.headers['content-type'] as string, /^application\/json/);
      assert.equal(errorOf(res).code, 'not_found');
    }
  });

  test('a malformed URL is a 400, not a 500', async () => {
    const { app } = await makeApp();
    const res = await app.inject({ url: '/api/threads/%E0%A4%A/comments' });
    assert.equal(res.statusCode, 400);
    assert.equal(errorOf(res).code, 'bad_request');
  });

  test('an unexpected failure is a bare 500 internal, without details', async () => {
    const db = await testDatabase();
    const store = await db.open();
    const app = await buildApp({ store, rateLimits: NO_LIMITS, staticRoot: db.dir });
    await store.close(); // every query now fails
    const res = await app.inject({ url: '/api/threads/t/comments' });
    await app.close();
    assert.equal(res.statusCode, 500);
    assert.deepEqual(res.json(), { error: { code: 'internal', message: 'Internal error' } });
  });
});

describe('rate limits', () => {
  test('POST: the limit+1st request is 429 rate_limited with Retry-After, and stores nothing', async () => {
    const { app, db } = await makeApp({ rateLimits: { post: { max: 2, timeWindow: 60_000 }, read: NO_LIMITS.read } });
    assert.equal((await postComment(app, 't', VALID)).statusCode, 201);
    assert.equal((await postComment(app, 't', VALID)).statusCode, 201);
    const res = await postComment(app, 't', VALID);
    assert.equal(res.statusCode, 429);
    assert.equal(errorOf(res).code, 'rate_limited');
    const retryAfter = Number(res.headers['retry-after']);
    assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, `Retry-After: ${res.headers['retry-after']}`);
    assert.equal(await countRows(db, 'comments'), 2);
    // Reads have their own budget.
    assert.equal((await app.inject({ url: '/api/threads/t/comments' })).statusCode, 200);
  });

  test('reads: limited per client IP', async () => {
    const { app } = await makeApp({ rateLimits: { post: NO_LIMITS.post, read: { max: 3, timeWindow: 60_000 } } });
    const get = (ip: string) => app.inject({ url: '/api/counts?thread=t', remoteAddress: ip });
    for (let i = 0; i < 3; i++) assert.equal((await get('10.0.0.1')).statusCode, 200);
    const limited = await get('10.0.0.1');
    assert.equal(limited.statusCode, 429);
    assert.ok(Number(limited.headers['retry-after']) >= 1);
    assert.equal(errorOf(limited).code, 'rate_limited');
    assert.equal((await get('10.0.0.2')).statusCode, 200, 'another client is not affected');
  });
});
