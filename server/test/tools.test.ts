import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { REPO_ROOT } from '../app.js';
import { SqliteStore } from '../store/sqlite/store.js';
import { htmlToText, threadFromUrl } from '../tools/import-formats.js';
import { createComment, getComments, makeApp, postgresOnly, sqliteOnly, STORE_KIND, type TestDatabase } from './helpers.js';

const FIXTURES = join(REPO_ROOT, 'server/test/fixtures');

function tool(name: string, db: TestDatabase, ...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, `server/tools/${name}.ts`), ...db.cliArgs, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, BYLINE_DATA_DIR: '/nonexistent-byline-dir', DATABASE_URL: '', ...db.env },
  });
}

interface Listed {
  id: string;
  parentId: string | null;
  author: { name: string };
  body: string;
  createdAt: string;
}

describe(`import (${STORE_KIND})`, () => {
  test('a Disqus export: threads by identifier or URL, replies kept, spam and deleted left out, HTML to text; a second run stores nothing', async () => {
    const { app, db } = await makeApp();
    const file = join(FIXTURES, 'disqus-export.xml');
    const first = tool('import', db, '--from', 'disqus', file);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /Imported 4 comments from disqus .*; 0 were already there\. Left out: 1 spam, 1 deleted\./);
    const again = tool('import', db, '--from', 'disqus', file);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /Imported 0 comments .*; 4 were already there\./);

    const { json } = await getComments(app, 'mic-197241227152010792', '?sort=oldest');
    assert.equal(json.total, 3);
    const items = json.items as Listed[];
    const [top, reply, replyToReply] = items;
    assert.deepEqual(items.map((c) => [c.author.name, c.body]), [
      ['Somchai', 'ข่าวดีครับ & ขอบคุณ\n\nบรรทัดที่สอง\nต่อ'],
      ['Lan', 'Đồng ý. <script>alert(1)</script> is just text here.'],
      ['Mai', 'Reply to the reply'],
    ]);
    assert.equal(top.createdAt, '2024-12-27T09:00:00.000Z');
    assert.deepEqual([reply.parentId, replyToReply.parentId], [top.id, top.id]);
    // A thread without an identifier is mapped by its URL's path.
    const byUrl = await getComments(app, 'vi-2024-12-26-dong-vat-hoang-da-tren-dao-cat-ba');
    assert.deepEqual(byUrl.json.items.map((c: Listed) => c.body), ['Đẹp quá!']);
    // Nothing of the addresses the export holds is stored.
    const everything = JSON.stringify(await db.query('SELECT * FROM comments'));
    assert.ok(!everything.includes('203.0.113.10'));
  });

  test('a WordPress WXR export: approved published, unapproved pending, spam and pingbacks left out; --thread-by url and --map', async () => {
    const { app, db } = await makeApp();
    const file = join(FIXTURES, 'wordpress-wxr.xml');
    const first = tool('import', db, '--from', 'wordpress', file);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /Imported 4 comments .* Left out: 1 spam, 1 pingback\./);
    assert.match(tool('import', db, '--from', 'wordpress', file).stdout, /Imported 0 comments .*; 4 were already there/);

    const { json } = await getComments(app, '42', '?sort=oldest');
    assert.equal(json.total, 2);
    assert.deepEqual(json.items.map((c: Listed) => [c.author.name, c.body, c.parentId === null]), [
      ['Nguyễn Lan', 'Rất hữu ích & rõ ràng.\n\nCảm ơn!', true],
      ['Editor', 'Cảm ơn bạn đã đọc.', false],
    ]);
    const pending = await app.inject({ url: '/api/admin/comments?status=pending&thread=42', headers: { authorization: 'Bearer test-admin-token-0123456789' } });
    assert.deepEqual(pending.json().items.map((c: Listed) => c.author.name), ['Khách']);
    assert.equal((await getComments(app, '43')).json.items[0].body, 'Tự hào quá.');

    const other = await makeApp();
    const map = join(other.dir, 'map.json');
    (await import('node:fs')).writeFileSync(map, JSON.stringify({ '42': 'mic-197241227152010792' }));
    assert.equal(tool('import', other.db, '--from', 'wordpress', '--thread-by', 'url', '--map', map, file).status, 0);
    assert.equal((await getComments(other.app, 'mic-197241227152010792')).json.total, 2);
    assert.equal((await getComments(other.app, '2024-12-22-noi-bac-ho-doc-ban-tuyen-ngon')).json.total, 1);
  });

  test('bad usage is status 2; an unreadable or hostile file is status 1 with a reason', async () => {
    const { db, dir } = await makeApp();
    assert.equal(tool('import', db, '--from', 'blogger', join(FIXTURES, 'disqus-export.xml')).status, 2);
    assert.equal(tool('import', db, '--from', 'disqus').status, 2);
    const bomb = join(dir, 'bomb.xml');
    (await import('node:fs')).writeFileSync(bomb, '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><disqus>&a;</disqus>');
    const res = tool('import', db, '--from', 'disqus', bomb);
    assert.equal(res.status, 1);
    assert.match(res.stderr, /DOCTYPE/);
    const notDisqus = tool('import', db, '--from', 'disqus', join(FIXTURES, 'wordpress-wxr.xml'));
    assert.equal(notDisqus.status, 1);
    assert.match(notDisqus.stderr, /Not a Disqus export/);
  });

  test('threadFromUrl and htmlToText', () => {
    assert.equal(threadFromUrl('https://example.org/th/article/197241227152010792'), 'th-article-197241227152010792');
    // Non-ASCII stays distinct through its percent-encoding (bài and bởi must not share a thread).
    assert.equal(threadFromUrl('https://news.example/2024/12/27/bài-viết/?p=1'), '2024-12-27-b-C3-A0i-vi-E1-BA-BFt');
    assert.equal(htmlToText('<p>a &lt;b&gt;</p><p>c<br/>d</p>'), 'a <b>\n\nc\nd');
  });
});

describe(`export (${STORE_KIND})`, () => {
  test('every comment in every status, oldest first, one JSON object per line', async () => {
    const { app, db, dir } = await makeApp();
    const a = await createComment(app, 'x1', 'A', 'first');
    const b = await createComment(app, 'x2', 'B', 'held www.example.com');
    const c = await createComment(app, 'x1', 'C', 'reply', a.id);
    const out = join(dir, 'export.jsonl');
    const res = tool('export', db, '--out', out);
    assert.equal(res.status, 0, res.stderr);
    assert.match(res.stderr, /Exported 3 comments/);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((l) => [l.id, l.thread, l.parentId, l.author.name, l.status]), [
      [a.id, 'x1', null, 'A', 'published'],
      [b.id, 'x2', null, 'B', 'pending'],
      [c.id, 'x1', a.id, 'C', 'published'],
    ]);
    const stdout = tool('export', db);
    assert.equal(stdout.stdout.trimEnd().split('\n').length, 3);
    assert.equal(tool('export', db, '--out', out).status, 1, 'an existing file is never overwritten');
  });
});

describe('backup', () => {
  test('copies the live SQLite database while the server holds it open', sqliteOnly, async () => {
    const { app, db, dir } = await makeApp();
    for (let i = 0; i < 30; i++) await createComment(app, 'b', 'A', `comment ${i}`);
    const out = join(dir, 'copy.sqlite');
    const res = tool('backup', db, '--out', out);
    assert.equal(res.status, 0, res.stderr);
    const copy = new SqliteStore({ file: out, mustExist: true });
    try {
      assert.equal(await copy.recount('b'), 30);
      assert.deepEqual(await copy.totals(['b']), { b: 30 });
    } finally {
      await copy.close();
    }
    assert.equal(tool('backup', db, '--out', out).status, 1, 'an existing file is never overwritten');
  });

  test('on PostgreSQL it points to pg_dump', postgresOnly, async () => {
    const { db } = await makeApp();
    const res = tool('backup', db);
    assert.equal(res.status, 2);
    assert.match(res.stderr, /pg_dump --format=custom/);
  });
});
