import assert from 'node:assert/strict';
import { once } from 'node:events';
import { Writable } from 'node:stream';
import { describe, test } from 'node:test';
import { buildApp, REPO_ROOT } from '../app.js';
import { ADMIN_TOKEN, makeApp, NO_LIMITS, postComment, startServer, testDatabase } from './helpers.js';

const METRICS_TOKEN = 'metrics-token-0123456789';

describe('health', () => {
  test('/healthz answers while the process runs; /readyz answers 503 not_ready once the database is gone', async () => {
    const db = await testDatabase();
    const store = await db.open();
    const app = await buildApp({ store, rateLimits: NO_LIMITS, staticRoot: db.dir });
    try {
      assert.deepEqual((await app.inject({ url: '/healthz' })).json(), { status: 'ok' });
      const ready = await app.inject({ url: '/readyz' });
      assert.deepEqual([ready.statusCode, ready.json()], [200, { status: 'ready' }]);
      await store.close();
      const gone = await app.inject({ url: '/readyz' });
      assert.equal(gone.statusCode, 503);
      assert.equal(gone.json().error.code, 'not_ready');
      assert.equal((await app.inject({ url: '/healthz' })).statusCode, 200);
    } finally {
      await app.close();
    }
  });
});

describe('metrics', () => {
  test('no /metrics without a configured token; with one, 401 without it', async () => {
    const { app } = await makeApp();
    assert.equal((await app.inject({ url: '/metrics' })).statusCode, 404);
    const { app: guarded } = await makeApp({ metricsToken: METRICS_TOKEN });
    assert.equal((await guarded.inject({ url: '/metrics' })).statusCode, 401);
    assert.equal((await guarded.inject({ url: '/metrics', headers: { authorization: 'Bearer wrong' } })).statusCode, 401);
  });

  test('counts requests by route and status, latency, posted/pending/rejected comments, 429s and database errors', async () => {
    const db = await testDatabase();
    const store = await db.open();
    const app = await buildApp({ store, staticRoot: db.dir, metricsToken: METRICS_TOKEN, rateLimits: { post: { max: 3, timeWindow: 60_000 }, read: NO_LIMITS.read } });
    try {
      const post = (body: unknown) => postComment(app, 'm-1', body);
      assert.equal((await post({ author: { name: 'A' }, body: 'fine' })).statusCode, 201);
      assert.equal((await post({ author: { name: 'A' }, body: 'see www.example.com' })).statusCode, 201);
      assert.equal((await post({ author: { name: 'A' }, body: '' })).statusCode, 400);
      assert.equal((await post({ author: { name: 'A' }, body: 'over the limit' })).statusCode, 429);
      await store.close();
      assert.equal((await app.inject({ url: '/api/threads/m-2/comments' })).statusCode, 500);
      const res = await app.inject({ url: '/metrics', headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^text\/plain; version=0\.0\.4/);
      const text = res.body;
      const route = '/api/threads/:thread/comments';
      for (const line of [
        `byline_comments_posted_total{status="published"} 1`,
        `byline_comments_posted_total{status="pending"} 1`,
        `byline_comments_rejected_total{status="400"} 1`,
        `byline_rate_limited_total{route="${route}"} 1`,
        `byline_http_requests_total{method="POST",route="${route}",status="201"} 2`,
        `byline_http_requests_total{method="GET",route="${route}",status="500"} 1`,
        `byline_http_request_duration_seconds_count{method="POST",route="${route}"} 4`,
      ]) {
        assert.ok(text.includes(line), `${line}\n--- in ---\n${text.split('\n').filter((l) => l.startsWith('byline_') && !l.startsWith('byline_process') && !l.startsWith('byline_nodejs')).join('\n')}`);
      }
      // The closed store failed the GET (at its rate-limit counter or its query); the 500 is counted too.
      assert.match(text, /^byline_db_errors_total\{operation="\w+"\} 1$/m);
      assert.match(text, /^byline_process_cpu_user_seconds_total /m, "Node's process metrics");
      // Thread ids never become labels.
      assert.ok(!text.includes('m-1'));
    } finally {
      await app.close();
    }
  });
});

describe('access log', () => {
  test('one JSON line per request with route, status and time; never a body, a name or a token', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    const { app } = await makeApp({ logger: { level: 'info', stream } });
    const secretBody = 'secret-body-7c1f';
    const secretName = 'secret-name-9b2e';
    assert.equal((await postComment(app, 'logged', { author: { name: secretName }, body: secretBody })).statusCode, 201);
    await app.inject({ url: '/api/admin/comments', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    await app.inject({ url: '/api/counts?thread=logged' });
    const entries = lines.map((l) => JSON.parse(l) as { msg: string; method: string; path: string; route: string; status: number; ms: number });
    const access = entries.filter((e) => e.msg === 'request');
    assert.deepEqual(
      access.map((e) => [e.method, e.path, e.route, e.status]),
      [
        ['POST', '/api/threads/logged/comments', '/api/threads/:thread/comments', 201],
        ['GET', '/api/admin/comments', '/api/admin/comments', 200],
        ['GET', '/api/counts', '/api/counts', 200],
      ],
    );
    assert.ok(access.every((e) => typeof e.ms === 'number'));
    const all = lines.join('\n');
    for (const secret of [secretBody, secretName, ADMIN_TOKEN, 'thread=logged']) assert.ok(!all.includes(secret), `${secret} must not be logged`);
  });

  test('NODE_ENV=production logs requests at info by default', async () => {
    const db = await testDatabase();
    const server = await startServer({ ...db.env, NODE_ENV: 'production', LOG_LEVEL: '' });
    try {
      await fetch(`${server.base}/healthz`);
      while (!server.output().includes('"path":"/healthz"')) await once(server.child.stdout!, 'data');
      const line = server.output().split('\n').find((l) => l.includes('"path":"/healthz"'))!;
      assert.equal(JSON.parse(line).level, 30);
    } finally {
      server.child.kill('SIGTERM');
      await once(server.child, 'exit');
    }
  });
});

describe('BYLINE_DEMO=0', () => {
  test('serves the API without demo pages, bundles or Lit files', async () => {
    const { app: withDemo } = await makeApp({ staticRoot: REPO_ROOT });
    assert.equal((await withDemo.inject({ url: '/node_modules/lit/index.js' })).statusCode, 200);
    const { app } = await makeApp({ staticRoot: REPO_ROOT, demo: false });
    for (const url of ['/', '/demo/', '/demo/index.html', '/node_modules/lit/index.js', '/cdn/byline.min.js']) {
      assert.equal((await app.inject({ url })).statusCode, 404, url);
    }
    assert.equal((await app.inject({ url: '/api/counts?thread=a' })).statusCode, 200);
  });
});
