// The holes found in issue #11, each shown closed by behaviour a client or an operator would notice.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { connect } from 'node:net';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { REPO_ROOT } from '../app.js';
import { ADMIN_TOKEN, createComment, errorOf, getComments, makeApp, newKey, postComment } from './helpers.js';

const TERMINAL_ATTACK = '\u001b]0;pwned\u0007\u001b[2J\u001b[31mEVIL';

describe('names with control or bidi-override characters', () => {
  test('are refused with a 400 on author.name, and nothing is stored', async () => {
    const { app } = await makeApp();
    for (const name of [TERMINAL_ATTACK, 'Mai\u202Egnp.exe', 'tab\there', 'nul\u0000', 'c1\u0085', 'iso\u2066late\u2069']) {
      const res = await postComment(app, 'names', { author: { name }, body: 'hello' });
      assert.equal(res.statusCode, 400, JSON.stringify(name));
      assert.deepEqual([errorOf(res).code, errorOf(res).field], ['invalid_field', 'author.name'], JSON.stringify(name));
    }
    assert.equal((await getComments(app, 'names')).json.total, 0);
  });

  test('bodies keep new lines but refuse terminal control sequences', async () => {
    const { app } = await makeApp();
    assert.equal((await postComment(app, 'bodies', { author: { name: 'A' }, body: 'line one\nline two' })).statusCode, 201);
    const res = await postComment(app, 'bodies', { author: { name: 'A' }, body: `hi ${TERMINAL_ATTACK}` });
    assert.deepEqual([res.statusCode, errorOf(res).field], [400, 'body']);
  });

  test('the CLI prints names and bodies already in the database with those characters escaped', async () => {
    const { app, db } = await makeApp();
    await createComment(app, 'cli', 'A', 'www.example.com');
    // A database written before names were checked, or by another tool.
    await db.exec('UPDATE comments SET author_name = ?, body = ?', [TERMINAL_ATTACK, `\u202Etxt.exe ${TERMINAL_ATTACK}`]);
    const out = spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'server/tools/moderate.ts'), ...db.cliArgs, 'list'], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: '', ...db.env },
    });
    assert.equal(out.status, 0, out.stderr);
    assert.doesNotMatch(out.stdout, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u);
    assert.ok(out.stdout.includes('\\u{1b}]0;pwned\\u{7}\\u{1b}[2J'), out.stdout);
    assert.ok(out.stdout.includes('\\u{202e}txt.exe'), out.stdout);
  });
});

describe('cursors', () => {
  test('a forged cursor is a 400 on "cursor"', async () => {
    const { app } = await makeApp();
    const forged = Buffer.from('9999-99-99T99:99:99.999Z|0').toString('base64url');
    const { res } = await getComments(app, 't', `?cursor=${forged}`);
    assert.deepEqual([res.statusCode, errorOf(res).field], [400, 'cursor']);
  });

  test('a cursor works only for its own thread and sort', async () => {
    const { app } = await makeApp();
    for (const thread of ['a', 'b']) for (let i = 0; i < 3; i++) await createComment(app, thread, 'A', `c${i}`);
    const first = (await getComments(app, 'a', '?limit=1')).json;
    assert.equal((await getComments(app, 'a', `?limit=1&cursor=${first.nextCursor}`)).res.statusCode, 200);
    for (const [thread, query] of [['b', ''], ['a', '&sort=oldest']]) {
      const { res } = await getComments(app, thread, `?limit=1&cursor=${first.nextCursor}${query}`);
      assert.deepEqual([res.statusCode, errorOf(res).field], [400, 'cursor'], `${thread}${query}`);
    }
  });

  test('two servers on one database accept each other\'s cursors (the secret is shared)', async () => {
    const { app, db } = await makeApp();
    for (let i = 0; i < 3; i++) await createComment(app, 's', 'A', `c${i}`);
    const { nextCursor } = (await getComments(app, 's', '?limit=1')).json;
    // A second server process on the same database.
    const otherStore = await db.open();
    const other = await makeApp({ store: otherStore });
    after(() => otherStore.close());
    assert.equal((await getComments(other.app, 's', `?limit=1&cursor=${nextCursor}`)).res.statusCode, 200);
  });
});

describe('replaying the key of a comment a moderator rejected', () => {
  test('answers 410 comment_removed, never a status the contract does not have', async () => {
    const { app } = await makeApp();
    const key = newKey();
    const post = () => postComment(app, 'r', { author: { name: 'A' }, body: 'see https://spam.example' }, { key });
    const first = await post();
    assert.equal(first.json().comment.status, 'pending');
    await app.inject({ method: 'POST', url: `/api/admin/comments/${first.json().comment.id}/reject`, headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    const replay = await post();
    assert.equal(replay.statusCode, 410);
    assert.equal(errorOf(replay).code, 'comment_removed');
  });
});

describe('request bodies and thread ids', () => {
  test('invalid UTF-8 in a JSON body is a 400 invalid_json, nothing stored', async () => {
    const { app } = await makeApp();
    const payload = Buffer.concat([Buffer.from('{"author":{"name":"A"},"body":"bad '), Buffer.from([0xff, 0xfe]), Buffer.from(' utf8"}')]);
    const res = await app.inject({ method: 'POST', url: '/api/threads/u/comments', headers: { 'content-type': 'application/json', 'idempotency-key': newKey() }, payload });
    assert.equal(res.statusCode, 400);
    assert.equal(errorOf(res).code, 'invalid_json');
    assert.match(errorOf(res).message, /UTF-8/);
    assert.equal((await getComments(app, 'u')).json.total, 0);
  });

  test('".", ".." and "%2e%2e" thread ids are a 400 on "thread"', async () => {
    const { app } = await makeApp();
    // Browsers and fetch() resolve "." and "%2e%2e" segments before sending; a raw client does not.
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    for (const thread of ['.', '..', '%2e', '%2e%2e', '.%2e', '...']) {
      const answer = await rawExchange(port, (s) => s.write(`GET /api/threads/${thread}/comments HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`));
      assert.match(answer, /^HTTP\/1\.1 400 /, thread);
      assert.match(answer, /"field":"thread"/, thread);
    }
    for (const thread of ['.', '..', '%2e%2e']) {
      const res = await app.inject({ url: `/api/counts?thread=${thread}` });
      assert.deepEqual([res.statusCode, errorOf(res).field], [400, 'thread'], thread);
    }
  });
});

describe('disguised links', () => {
  test('are held for review like plain ones', async () => {
    const { app } = await makeApp();
    const disguised = ['go to evil.com/x now', 'ftp://files.example/x', 'ｈｔｔｐｓ：／／evil.example', 'hxxps://evil.example', 'EVIL.COM', 'ev\u200bil.com/path', 'see bit.ly/abc'];
    for (const body of disguised) {
      const res = await postComment(app, 'links', { author: { name: 'A' }, body });
      assert.equal(res.json().comment.status, 'pending', body);
    }
    const res = await postComment(app, 'links', { author: { name: 'evil.com' }, body: 'hello' });
    assert.equal(res.json().comment.status, 'pending', 'a link in the name');
    for (const body of ['I agree, e.g. this one.', 'Version 3.5 is out. Thanks!', 'ok...fine', 'a.m. or p.m.?']) {
      const ok = await postComment(app, 'links', { author: { name: 'A' }, body });
      assert.equal(ok.json().comment.status, 'published', body);
    }
  });
});

/** Opens a raw TCP connection to the app and collects everything it answers until it closes. */
async function rawExchange(port: number, send: (socket: import('node:net').Socket) => void): Promise<string> {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  let received = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (received += chunk));
  send(socket);
  await once(socket, 'close');
  return received;
}

describe('slow clients', () => {
  test('a body that stops arriving is cut off with a 408 and the connection closed', { timeout: 20_000 }, async () => {
    const { app } = await makeApp({ timeouts: { requestMs: 1000, keepAliveMs: 1000 } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        rawExchange(port, (s) =>
          s.write(`POST /api/threads/slow/comments HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nIdempotency-Key: ${newKey()}\r\nContent-Length: 200\r\n\r\n{"author":`),
        ),
      ),
    );
    for (const answer of answers) {
      assert.match(answer, /^HTTP\/1\.1 408 /);
      assert.match(answer, /"code":"request_timeout"/);
    }
    assert.equal((await getComments(app, 'slow')).json.total, 0);
  });

  test('headers that never end are cut off too, and an idle keep-alive connection is closed', { timeout: 20_000 }, async () => {
    const { app } = await makeApp({ timeouts: { requestMs: 1000, keepAliveMs: 1000 } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    const slowHeaders = await rawExchange(port, (s) => s.write('GET /api/counts?thread=a HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: '));
    assert.match(slowHeaders, /^HTTP\/1\.1 408 /);
    const idle = await rawExchange(port, (s) => s.write('GET /api/counts?thread=a HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'));
    assert.match(idle, /^HTTP\/1\.1 200 /);
  });
});

describe('BYLINE_TRUST_PROXY=<hops>', () => {
  test('the rate limit keys on the address the trusted proxy saw, not the left-most X-Forwarded-For', { timeout: 30_000 }, async () => {
    const { dir } = await makeApp();
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'server/main.ts')], {
      cwd: REPO_ROOT,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', BYLINE_DATA_DIR: dir, BYLINE_TRUST_PROXY: '1', BYLINE_RATE_LIMIT_POST: '2', BYLINE_ADMIN_TOKEN: 'x' },
    });
    try {
      let out = '';
      child.stdout.setEncoding('utf8');
      const base = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: string) => {
          out += chunk;
          const url = /Byline demo: (http:\/\/[^/]+)\//.exec(out);
          if (url) resolve(url[1]);
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
      });
      const statuses = [];
      for (let i = 1; i <= 4; i++) {
        const res = await fetch(`${base}/api/threads/proxy/comments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': newKey(), 'x-forwarded-for': `10.0.0.${i}, 203.0.113.7` },
          body: JSON.stringify({ author: { name: 'A' }, body: `post ${i}` }),
        });
        statuses.push(res.status);
      }
      assert.deepEqual(statuses, [201, 201, 429, 429]);
      // A different client behind the same proxy has its own bucket.
      const other = await fetch(`${base}/api/threads/proxy/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': newKey(), 'x-forwarded-for': '203.0.113.8' },
        body: JSON.stringify({ author: { name: 'B' }, body: 'other reader' }),
      });
      assert.equal(other.status, 201);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });
});
