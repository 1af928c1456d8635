import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { REPO_ROOT } from '../app.js';
import { ADMIN_TOKEN, createComment, errorOf, getComments, makeApp, postComment, sqliteOnly, tempDir, type TestDatabase } from './helpers.js';

const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

describe('admin API', () => {
  test('401 unauthorized without the right Bearer token', async () => {
    const { app } = await makeApp();
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer wrong-token' },
      { authorization: `Bearer ${ADMIN_TOKEN}x` },
      { authorization: `Basic ${Buffer.from(`admin:${ADMIN_TOKEN}`).toString('base64')}` },
      { authorization: ADMIN_TOKEN },
    ];
    for (const headers of attempts) {
      for (const [method, url] of [['GET', '/api/admin/comments'], ['POST', '/api/admin/comments/x/approve'], ['POST', '/api/admin/comments/x/reject']] as const) {
        const res = await app.inject({ method, url, headers });
        assert.equal(res.statusCode, 401, `${url} ${JSON.stringify(headers)}`);
        assert.equal(errorOf(res).code, 'unauthorized');
        assert.match(String(res.headers['www-authenticate']), /^Bearer/);
      }
    }
  });

  test('an app without a token refuses every admin call', async () => {
    const { app } = await makeApp({ adminToken: undefined });
    const res = await app.inject({ url: '/api/admin/comments', headers: { authorization: 'Bearer undefined' } });
    assert.equal(res.statusCode, 401);
  });

  test('list pending, approve one (now listed and counted), reject another (never listed)', async () => {
    const { app } = await makeApp();
    const good = await createComment(app, 'm', 'A', 'useful link https://gov.example/report');
    const bad = await createComment(app, 'm', 'B', 'spam www.spam.example');
    await createComment(app, 'm', 'C', 'plain');

    const pending = await app.inject({ url: '/api/admin/comments?status=pending', headers: auth });
    assert.equal(pending.statusCode, 200);
    assert.deepEqual(pending.json().items.map((c: { id: string; thread: string }) => [c.id, c.thread]), [[good.id, 'm'], [bad.id, 'm']]);

    const approved = await app.inject({ method: 'POST', url: `/api/admin/comments/${good.id}/approve`, headers: auth });
    assert.equal(approved.statusCode, 200);
    assert.equal(approved.json().comment.status, 'published');
    const rejected = await app.inject({ method: 'POST', url: `/api/admin/comments/${bad.id}/reject`, headers: auth });
    assert.equal(rejected.json().comment.status, 'rejected');

    const { json } = await getComments(app, 'm', '?sort=oldest');
    assert.equal(json.total, 2);
    assert.deepEqual(json.items.map((c: { id: string }) => c.id).includes(good.id), true);
    assert.deepEqual(json.items.map((c: { id: string }) => c.id).includes(bad.id), false);
    assert.deepEqual((await app.inject({ url: '/api/counts?thread=m' })).json(), { counts: { m: 2 } });
    const rejectedList = await app.inject({ url: '/api/admin/comments?status=rejected', headers: auth });
    assert.deepEqual(rejectedList.json().items.map((c: { id: string }) => c.id), [bad.id]);
    assert.deepEqual((await app.inject({ url: '/api/admin/comments', headers: auth })).json().items, []);
  });

  test('rejecting a top-level comment hides its replies from lists and counts', async () => {
    const { app } = await makeApp();
    const top = await createComment(app, 'h', 'A', 'top');
    await createComment(app, 'h', 'B', 'reply', top.id);
    await app.inject({ method: 'POST', url: `/api/admin/comments/${top.id}/reject`, headers: auth });
    const { json } = await getComments(app, 'h');
    assert.deepEqual([json.total, json.items.length], [0, 0]);
  });

  test('the queue pages by cursor, oldest first, past any limit', async () => {
    const { app } = await makeApp();
    const held = [];
    for (let i = 0; i < 5; i++) held.push((await createComment(app, 'q', 'A', `link ${i} www.example.com`)).id);
    const seen: string[] = [];
    let cursor = '';
    for (let pages = 0; pages < 5; pages++) {
      const res = await app.inject({ url: `/api/admin/comments?status=pending&limit=2${cursor && `&cursor=${cursor}`}`, headers: auth });
      assert.equal(res.statusCode, 200);
      const { items, nextCursor } = res.json();
      seen.push(...items.map((c: { id: string }) => c.id));
      if (!nextCursor) break;
      cursor = encodeURIComponent(nextCursor);
    }
    assert.deepEqual(seen, held);
    const bad = await app.inject({ url: '/api/admin/comments?cursor=nope', headers: auth });
    assert.deepEqual([bad.statusCode, errorOf(bad).field], [400, 'cursor']);
  });

  test('unknown id is 404, bad status is 400 on "status"', async () => {
    const { app } = await makeApp();
    const res = await app.inject({ method: 'POST', url: '/api/admin/comments/nope/approve', headers: auth });
    assert.equal(res.statusCode, 404);
    assert.equal(errorOf(res).code, 'not_found');
    const bad = await app.inject({ url: '/api/admin/comments?status=all', headers: auth });
    assert.deepEqual([bad.statusCode, errorOf(bad).field], [400, 'status']);
  });
});

describe('moderation CLI', () => {
  const cli = (db: TestDatabase | undefined, ...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'server/tools/moderate.ts'), ...(db?.cliArgs ?? []), ...args], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, BYLINE_DATA_DIR: '/nonexistent-byline-dir', DATABASE_URL: '', ...db?.env },
    });

  test('list, approve and reject work on the database the server uses', async () => {
    const { app, db } = await makeApp();
    const a = await createComment(app, 'cli', 'ผู้อ่าน', 'ดูที่ www.example.com');
    const b = await createComment(app, 'cli', 'B', 'http://spam.example');

    const listed = cli(db, 'list', '--json');
    assert.equal(listed.status, 0, listed.stderr);
    assert.deepEqual(JSON.parse(listed.stdout).map((c: { id: string; author: { name: string } }) => [c.id, c.author.name]), [[a.id, 'ผู้อ่าน'], [b.id, 'B']]);
    const human = cli(db, 'list');
    assert.ok(human.stdout.includes(a.id) && human.stdout.includes('ผู้อ่าน'), human.stdout);

    assert.equal(cli(db, 'approve', a.id).status, 0);
    assert.equal(cli(db, 'reject', b.id).status, 0);
    // The running server sees the CLI's changes.
    const { json } = await getComments(app, 'cli');
    assert.deepEqual(json.items.map((c: { id: string }) => c.id), [a.id]);
    assert.equal(json.total, 1);
    assert.deepEqual(JSON.parse(cli(db, 'list', '--json').stdout), []);
    assert.deepEqual(JSON.parse(cli(db, 'list', '--json', '--status', 'rejected').stdout).map((c: { id: string }) => c.id), [b.id]);
  });

  test('delete, ban, unban, export, erase and audit work on the database the server uses', async () => {
    const { app, db } = await makeApp();
    const kept = await createComment(app, 'cli-id', 'A', 'first');
    const gone = await createComment(app, 'cli-id', 'A', 'second');
    assert.match(cli(db, 'delete', gone.id).stdout, new RegExp(`Deleted ${gone.id}`));
    assert.deepEqual((await getComments(app, 'cli-id')).json.items.map((c: { id: string }) => c.id), [kept.id]);

    const banned = cli(db, 'ban', kept.id, '--reason', 'spam');
    assert.equal(banned.status, 0, banned.stderr);
    const subject = /^Banned (addr:\S+) for ever\.$/m.exec(banned.stdout)?.[1];
    assert.ok(subject, banned.stdout);
    const refused = await postComment(app, 'cli-id', { author: { name: 'A' }, body: 'again' });
    assert.deepEqual([refused.statusCode, errorOf(refused).code], [403, 'banned']);
    assert.equal(cli(db, 'unban', subject).status, 0);
    assert.equal((await postComment(app, 'cli-id', { author: { name: 'A' }, body: 'again' })).statusCode, 201);

    const exported = JSON.parse(cli(db, 'export', subject).stdout);
    assert.deepEqual([exported.subject, exported.comments.length], [subject, 3]);
    assert.match(cli(db, 'erase', subject).stdout, /: 3 comment\(s\)/);
    assert.equal((await getComments(app, 'cli-id')).json.total, 0);
    const audit = cli(db, 'audit').stdout;
    for (const action of ['delete', 'ban', 'unban', 'export', 'erase']) assert.match(audit, new RegExp(`  ${action}  `), audit);
  });

  test('reads BYLINE_DATA_DIR when --db is not given', sqliteOnly, async () => {
    const { app, db } = await makeApp();
    const c = await createComment(app, 'env', 'A', 'www.example.com');
    const res = cli({ ...db, cliArgs: [] }, 'list', '--json');
    assert.equal(res.status, 0, res.stderr);
    assert.deepEqual(JSON.parse(res.stdout).map((x: { id: string }) => x.id), [c.id]);
  });

  test('errors: unknown id (1), bad usage (2)', async () => {
    const { db } = await makeApp();
    const unknown = cli(db, 'approve', 'nope');
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /No comment with id nope/);
    for (const args of [[], ['approve'], ['list', 'extra'], ['remove', 'x'], ['ban'], ['list', '--status', 'everything'], ['--bogus']]) {
      assert.equal(cli(db, ...args).status, 2, args.join(' '));
    }
  });

  test('errors: a missing database file (1, nothing created), a corrupt one (1)', sqliteOnly, () => {
    const dir = tempDir();
    const missing = cli(undefined, '--db', join(dir, 'typo.sqlite'), 'list');
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /No database at/);
    assert.equal(existsSync(join(dir, 'typo.sqlite')), false, 'a mistyped path must not create a database');
    const corrupt = join(dir, 'corrupt.sqlite');
    writeFileSync(corrupt, 'this is not a database, just text '.repeat(200));
    const broken = cli(undefined, '--db', corrupt, 'list');
    assert.equal(broken.status, 1);
    assert.match(broken.stderr, /not a SQLite database/);
  });
});
