import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { countRows, createComment, errorOf, getComments, makeApp, newKey, postComment } from './helpers.js';

const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('GET /api/threads/:thread/comments', () => {
  test('an unknown thread is empty, not an error', async () => {
    const { app } = await makeApp();
    const { res, json } = await getComments(app, 'never-used');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(json, { thread: 'never-used', total: 0, items: [], nextCursor: null, auth: 'anonymous' });
  });

  test('thread ids: the allowed alphabet up to 128 chars; anything else is a 400 on "thread"', async () => {
    const { app } = await makeApp();
    assert.equal((await getComments(app, 'mic-197241227152010792:v1.A_b')).res.statusCode, 200);
    assert.equal((await getComments(app, 'a'.repeat(128))).res.statusCode, 200);
    for (const bad of ['a'.repeat(129), 'has space', 'ไทย', 'a/b', "x'--"]) {
      const { res } = await getComments(app, bad);
      assert.equal(res.statusCode, 400, bad);
      assert.deepEqual([errorOf(res).code, errorOf(res).field], ['invalid_field', 'thread'], bad);
    }
  });

  test('query validation names the field', async () => {
    const { app } = await makeApp();
    for (const [query, field] of [['?limit=0', 'limit'], ['?limit=101', 'limit'], ['?limit=ten', 'limit'], ['?sort=best', 'sort'], ['?cursor=', 'cursor']]) {
      const { res } = await getComments(app, 't', query);
      assert.equal(res.statusCode, 400, query);
      assert.equal(errorOf(res).field, field, query);
    }
  });

  test('a cursor this server did not issue is a 400 on "cursor"', async () => {
    const { app } = await makeApp();
    for (const cursor of ['not-base64!', Buffer.from('2024-01-01|x').toString('base64url'), 'AAAA']) {
      const { res } = await getComments(app, 't', `?cursor=${encodeURIComponent(cursor)}`);
      assert.equal(res.statusCode, 400);
      assert.deepEqual([errorOf(res).code, errorOf(res).field], ['invalid_field', 'cursor']);
    }
  });
});

describe('POST /api/threads/:thread/comments', () => {
  test('creates a published comment, trims strings, and lists it', async () => {
    const { app } = await makeApp();
    const res = await postComment(app, 'a1', { author: { name: '  Mai  ' }, body: '\n Xin chào \t' });
    assert.equal(res.statusCode, 201);
    const { comment } = res.json();
    assert.equal(typeof comment.id, 'string');
    assert.match(comment.createdAt, ISO_UTC);
    assert.deepEqual({ ...comment, id: 0, createdAt: 0 }, {
      id: 0, createdAt: 0, parentId: null, author: { name: 'Mai' }, body: 'Xin chào', status: 'published',
    });
    const { json } = await getComments(app, 'a1');
    assert.equal(json.total, 1);
    assert.deepEqual(json.items, [comment]);
  });

  test('missing or malformed fields are 400 with the exact field', async () => {
    const { app } = await makeApp();
    const cases: [unknown, string, string][] = [
      [{ body: 'x' }, 'missing_field', 'author'],
      [{ author: {}, body: 'x' }, 'missing_field', 'author.name'],
      [{ author: { name: 'A' } }, 'missing_field', 'body'],
      // No type coercion for JSON bodies: a number is not a string.
      [{ author: { name: 'A' }, body: 123 }, 'invalid_field', 'body'],
      [{ author: { name: true }, body: 'x' }, 'invalid_field', 'author.name'],
      [{ author: 'A', body: 'x' }, 'invalid_field', 'author'],
      [{ author: { name: 'A' }, body: 'x', parentId: 7 }, 'invalid_field', 'parentId'],
      [{ author: { name: '   ' }, body: 'x' }, 'invalid_length', 'author.name'],
      [{ author: { name: 'A' }, body: ' \n\t ' }, 'invalid_length', 'body'],
      [{ author: { name: 'A' }, body: 'lone \ud800 surrogate' }, 'invalid_field', 'body'],
    ];
    for (const [payload, code, field] of cases) {
      const res = await postComment(app, 't', payload);
      assert.equal(res.statusCode, 400, JSON.stringify(payload));
      assert.deepEqual([errorOf(res).code, errorOf(res).field], [code, field], JSON.stringify(payload));
    }
    for (const payload of [[], 'null', '"text"']) {
      const res = await postComment(app, 't', typeof payload === 'string' ? payload : JSON.stringify(payload));
      assert.equal(res.statusCode, 400);
      assert.equal(errorOf(res).code, 'invalid_body');
    }
    assert.equal((await getComments(app, 't')).json.total, 0);
  });

  test('length limits count Unicode code points after trimming', async () => {
    const { app } = await makeApp();
    const emoji = '😀'; // 2 UTF-16 units, 1 code point
    const thaiName = 'ก่'.repeat(40); // 80 code points (consonant + tone mark)
    assert.equal((await postComment(app, 't', { author: { name: `  ${thaiName}  ` }, body: emoji.repeat(2000) })).statusCode, 201);
    const longName = await postComment(app, 't', { author: { name: `${thaiName}ก` }, body: 'x' });
    assert.deepEqual([longName.statusCode, errorOf(longName).code, errorOf(longName).field], [400, 'invalid_length', 'author.name']);
    const longBody = await postComment(app, 't', { author: { name: 'A' }, body: emoji.repeat(2001) });
    assert.deepEqual([longBody.statusCode, errorOf(longBody).code, errorOf(longBody).field], [400, 'invalid_length', 'body']);
  });

  test('Idempotency-Key is required, 8..128 visible ASCII chars', async () => {
    const { app } = await makeApp();
    const body = { author: { name: 'A' }, body: 'x' };
    const missing = await postComment(app, 't', body, { key: null });
    assert.deepEqual([missing.statusCode, errorOf(missing).code, errorOf(missing).field], [400, 'missing_field', 'Idempotency-Key']);
    for (const key of ['short', 'k'.repeat(129)]) {
      const res = await postComment(app, 't', body, { key });
      assert.deepEqual([res.statusCode, errorOf(res).code, errorOf(res).field], [400, 'invalid_length', 'Idempotency-Key']);
    }
    const spaced = await postComment(app, 't', body, { key: 'has a space in it' });
    assert.deepEqual([spaced.statusCode, errorOf(spaced).field], [400, 'Idempotency-Key']);
    assert.equal((await postComment(app, 't', body, { key: 'k'.repeat(128) })).statusCode, 201);
  });

  test('the same key twice answers the same comment and stores one row', async () => {
    const { app, db } = await makeApp();
    const key = newKey();
    const payload = { author: { name: 'Lan' }, body: 'Một lần thôi' };
    const first = await postComment(app, 't', payload, { key });
    const second = await postComment(app, 't', { ...payload, body: '  Một lần thôi ' }, { key });
    assert.equal(first.statusCode, 201);
    assert.equal(second.statusCode, 201);
    assert.deepEqual(second.json(), first.json());
    assert.equal(await countRows(db, 'comments'), 1);
    assert.equal(await countRows(db, 'idempotency_keys'), 1);
  });

  test('the same key with a different comment is 409 idempotency_conflict, and nothing changes', async () => {
    const { app } = await makeApp();
    const key = newKey();
    await postComment(app, 't', { author: { name: 'A' }, body: 'first' }, { key });
    const res = await postComment(app, 't', { author: { name: 'A' }, body: 'second' }, { key });
    assert.equal(res.statusCode, 409);
    assert.equal(errorOf(res).code, 'idempotency_conflict');
    const { json } = await getComments(app, 't');
    assert.deepEqual(json.items.map((c: { body: string }) => c.body), ['first']);
  });

  test('keys are scoped to a thread', async () => {
    const { app } = await makeApp();
    const key = newKey();
    const a = await postComment(app, 'thread-a', { author: { name: 'A' }, body: 'same' }, { key });
    const b = await postComment(app, 'thread-b', { author: { name: 'A' }, body: 'same' }, { key });
    assert.equal(b.statusCode, 201);
    assert.notEqual(a.json().comment.id, b.json().comment.id);
  });

  test('concurrent duplicates over real HTTP store exactly one comment', async () => {
    const { app } = await makeApp();
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const key = newKey();
    const responses = await Promise.all(
      Array.from({ length: 12 }, () =>
        fetch(`${base}/api/threads/race/comments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': key },
          body: JSON.stringify({ author: { name: 'Racer' }, body: 'once' }),
        }).then(async (r) => ({ status: r.status, body: (await r.json()) as { comment: { id: string } } })),
      ),
    );
    assert.deepEqual(new Set(responses.map((r) => r.status)), new Set([201]));
    assert.equal(new Set(responses.map((r) => r.body.comment.id)).size, 1);
    const list = (await (await fetch(`${base}/api/threads/race/comments`)).json()) as { total: number };
    assert.equal(list.total, 1);
  });

  test('a link makes the comment pending: answered, but neither listed nor counted', async () => {
    const { app } = await makeApp();
    for (const body of ['see http://x.example', 'see HTTPS://x.example', 'go to www.example.com']) {
      const res = await postComment(app, 'links', { author: { name: 'A' }, body });
      assert.equal(res.statusCode, 201);
      assert.equal(res.json().comment.status, 'pending');
    }
    await createComment(app, 'links', 'B', 'no link here, just wwwords and http talk');
    const { json } = await getComments(app, 'links');
    assert.equal(json.total, 1);
    assert.deepEqual(json.items.map((c: { author: { name: string } }) => c.author.name), ['B']);
    const counts = await app.inject({ url: '/api/counts?thread=links' });
    assert.deepEqual(counts.json(), { counts: { links: 1 } });
  });

  test('the honeypot: a filled "website" is 400 spam and nothing is stored', async () => {
    const { app, db } = await makeApp();
    const res = await postComment(app, 't', { author: { name: 'Bot' }, body: 'Buy', website: 'http://spam.example' });
    assert.equal(res.statusCode, 400);
    assert.deepEqual([errorOf(res).code, errorOf(res).field], ['spam', 'website']);
    assert.equal((await postComment(app, 't', { author: { name: 'Human' }, body: 'Hi', website: '' })).statusCode, 201);
    assert.deepEqual((await db.query<{ author_name: string }>('SELECT author_name FROM comments')).map((r) => r.author_name), ['Human']);
  });

  test('replies: one level of nesting; a reply to a reply hangs under the top-level comment', async () => {
    const { app } = await makeApp();
    const top = await createComment(app, 'r', 'A', 'top');
    const reply = await createComment(app, 'r', 'B', 'reply', top.id);
    const nested = await createComment(app, 'r', 'C', 'reply to reply', reply.id);
    assert.equal(reply.parentId, top.id);
    assert.equal(nested.parentId, top.id);
    const { json } = await getComments(app, 'r');
    assert.equal(json.total, 3);
    assert.deepEqual(json.items.map((c: { body: string }) => c.body), ['top', 'reply', 'reply to reply']);
  });

  test('parentId must name a published comment of the same thread (422 invalid_parent)', async () => {
    const { app } = await makeApp();
    const other = await createComment(app, 'other', 'A', 'elsewhere');
    const pending = await createComment(app, 'p', 'A', 'link www.example.com');
    for (const parentId of ['doesnotexist', other.id, pending.id]) {
      const res = await postComment(app, 'p', { author: { name: 'B' }, body: 'reply', parentId });
      assert.equal(res.statusCode, 422, parentId);
      assert.deepEqual([errorOf(res).code, errorOf(res).field], ['invalid_parent', 'parentId']);
    }
    assert.equal((await postComment(app, 'p', { author: { name: 'B' }, body: 'top', parentId: null })).statusCode, 201);
  });

  test('Thai, Vietnamese, Arabic, "TT&TT" and markup survive a byte-exact round trip', async () => {
    const { app } = await makeApp();
    const samples = [
      ['นางสาววู่ ถิ ลา', 'ของโบราณ 10,000 ชิ้น พาคุณย้อนเวลากลับไปสู่ไซง่อนเก่า ปี ๒๕๖๗'],
      ['Nguyễn Thị Ánh', 'Bộ TT&TT nâng cao chất lượng, hiệu quả công tác cải cách hành chính'],
      ['مريم', 'تعليق باللغة العربية مع أرقام ١٢٣'],
      ['<script>alert(1)</script>', '<img src=x onerror=alert(1)> &amp; "quotes" \'single\' \\ back'],
      ['Zoë 😀', 'line one\nline two\r\n\u200bzero-width and e\u0301 (combining, not NFC-normalised)'],
    ];
    const created: { body: string }[] = [];
    for (const [name, body] of samples) created.push(await createComment(app, 'unicode', name, body));
    const res = await app.inject({ url: '/api/threads/unicode/comments?sort=oldest' });
    assert.match(res.headers['content-type'] as string, /charset=utf-8/);
    // The raw response carries the markup as text: nothing was HTML-escaped.
    assert.ok(res.body.includes('<img src=x onerror=alert(1)>'));
    assert.ok(res.body.includes('TT&TT'));
    const items = res.json().items as { author: { name: string }; body: string }[];
    assert.equal(items.length, samples.length);
    samples.forEach(([name, body], i) => {
      assert.ok(Buffer.from(items[i].author.name).equals(Buffer.from(name)), `name ${i}`);
      assert.ok(Buffer.from(items[i].body).equals(Buffer.from(body)), `body ${i}`);
      assert.equal(created[i].body, body);
    });
  });
});

describe('pagination', () => {
  /** Five top-level comments t1..t5, with replies under t2 (two) and t5 (one), created in that order. */
  async function seed() {
    const made = await makeApp();
    const { app } = made;
    const top: Record<string, string> = {};
    for (const n of [1, 2, 3, 4, 5]) {
      top[`t${n}`] = (await createComment(app, 'pg', 'A', `t${n}`)).id;
      if (n === 2) await createComment(app, 'pg', 'B', 'r2a', top.t2);
    }
    await createComment(app, 'pg', 'B', 'r5a', top.t5);
    await createComment(app, 'pg', 'B', 'r2b', top.t2);
    await createComment(app, 'pg', 'B', 'pending www.example.com', top.t3); // never listed
    return made;
  }

  async function walk(app: Awaited<ReturnType<typeof seed>>['app'], sort: string) {
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const query: string = `?limit=2&sort=${sort}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const { res, json } = await getComments(app, 'pg', query);
      assert.equal(res.statusCode, 200);
      assert.equal(json.total, 8);
      pages.push(json.items.map((c: { body: string }) => c.body));
      cursor = json.nextCursor;
      assert.ok(pages.length < 10, 'pagination does not end');
    } while (cursor);
    return pages;
  }

  test('newest first: top-level comments in pages, each followed by all its replies oldest first', async () => {
    const { app } = await seed();
    assert.deepEqual(await walk(app, 'newest'), [['t5', 't4', 'r5a'], ['t3', 't2', 'r2a', 'r2b'], ['t1']]);
  });

  test('oldest first, and the default sort is newest', async () => {
    const { app } = await seed();
    assert.deepEqual(await walk(app, 'oldest'), [['t1', 't2', 'r2a', 'r2b'], ['t3', 't4'], ['t5', 'r5a']]);
    const { json } = await getComments(app, 'pg');
    assert.deepEqual(json.items.map((c: { body: string }) => c.body).slice(0, 2), ['t5', 't4']);
    assert.equal(json.nextCursor, null, 'default limit 20 holds all five');
  });

  test('the last page has nextCursor null and a cursor stays valid after new comments arrive', async () => {
    const { app } = await seed();
    const first = (await getComments(app, 'pg', '?limit=3&sort=oldest')).json;
    await createComment(app, 'pg', 'C', 't6');
    const second = (await getComments(app, 'pg', `?limit=3&sort=oldest&cursor=${first.nextCursor}`)).json;
    assert.deepEqual(second.items.filter((c: { parentId: string | null }) => !c.parentId).map((c: { body: string }) => c.body), ['t4', 't5', 't6']);
    assert.equal(second.nextCursor, null);
  });
});

describe('GET /api/counts', () => {
  test('counts published comments including replies; unknown threads are 0', async () => {
    const { app } = await makeApp();
    const top = await createComment(app, 'a', 'A', 'one');
    await createComment(app, 'a', 'B', 'two', top.id);
    await createComment(app, 'a', 'C', 'pending http://x.example');
    await createComment(app, 'b.2', 'A', 'three');
    const res = await app.inject({ url: '/api/counts?thread=a&thread=b.2&thread=zero' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { counts: { a: 2, 'b.2': 1, zero: 0 } });
    const single = await app.inject({ url: '/api/counts?thread=a' });
    assert.deepEqual(single.json(), { counts: { a: 2 } });
  });

  test('1..100 valid thread ids, else 400 on "thread"', async () => {
    const { app } = await makeApp();
    const missing = await app.inject({ url: '/api/counts' });
    assert.deepEqual([missing.statusCode, errorOf(missing).code, errorOf(missing).field], [400, 'missing_field', 'thread']);
    const hundred = Array.from({ length: 100 }, (_, i) => `thread=t${i}`).join('&');
    assert.equal((await app.inject({ url: `/api/counts?${hundred}` })).statusCode, 200);
    for (const query of [`${hundred}&thread=t100`, 'thread=ok&thread=not%20ok']) {
      const res = await app.inject({ url: `/api/counts?${query}` });
      assert.deepEqual([res.statusCode, errorOf(res).field], [400, 'thread'], query);
    }
  });
});
