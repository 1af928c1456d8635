// Sign-in through the site's login (SSO), author controls, reports, the moderation API and the privacy calls.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, test } from 'node:test';
import { SignJWT } from 'jose';
import { join } from 'node:path';
import { buildApp, REPO_ROOT } from '../app.js';
import { ADMIN_TOKEN, errorOf, getComments, makeApp, newKey, postComment, tempDir } from './helpers.js';

const SECRET = 'test-sso-secret-0123456789abcdef0123456789';
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

async function sign(claims: Record<string, unknown>, options: { secret?: string; exp?: string | number; sub?: string | null } = {}) {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuedAt();
  if (options.sub !== null) jwt.setSubject(options.sub ?? 'u1');
  if (options.exp !== undefined) jwt.setExpirationTime(options.exp);
  else jwt.setExpirationTime('10m');
  return jwt.sign(new TextEncoder().encode(options.secret ?? SECRET));
}
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

const ssoApp = (auth: 'optional' | 'required' = 'optional', extra = {}) => makeApp({ auth, sso: { secret: SECRET }, ...extra });

describe('SSO', () => {
  test('a valid token posts under the token\'s name and a namespaced id; the form\'s name is ignored', async () => {
    const { app } = await ssoApp();
    const token = await sign({ name: 'Lan Nguyễn', picture: 'https://cdn.example/lan.png' });
    const res = await postComment(app, 's', { author: { name: 'The Editor (staff)' }, body: 'hello' }, { headers: bearer(token) });
    assert.equal(res.statusCode, 201, res.body);
    assert.deepEqual(res.json().comment.author, { name: 'Lan Nguyễn', id: 'sso:u1', picture: 'https://cdn.example/lan.png' });
    const anonymous = await postComment(app, 's', { author: { name: 'Lan Nguyễn' }, body: 'imitation' });
    assert.deepEqual(anonymous.json().comment.author, { name: 'Lan Nguyễn' }, 'an anonymous author has no id');
  });

  test('required: no token is 401 auth_required; expired, forged, wrong-alg and claim-less tokens are 401 invalid_token', async () => {
    const { app } = await ssoApp('required');
    const none = await postComment(app, 'r', { author: { name: 'A' }, body: 'x' });
    assert.deepEqual([none.statusCode, errorOf(none).code], [401, 'auth_required']);
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const bad = [
      await sign({ name: 'A' }, { exp: Math.floor(Date.now() / 1000) - 3600 }),
      await sign({ name: 'A' }, { secret: 'another-secret-0123456789abcdef0123456789' }),
      await new SignJWT({ name: 'A' }).setProtectedHeader({ alg: 'RS256' }).setSubject('u').setExpirationTime('5m').sign(privateKey),
      await sign({}),
      await sign({ name: 'A' }, { sub: null }),
      await sign({ name: 'A', picture: 'http://insecure.example/p.png' }),
      await new SignJWT({ name: 'A' }).setProtectedHeader({ alg: 'HS256' }).setSubject('u').sign(new TextEncoder().encode(SECRET)),
      'not.a.jwt',
      `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"u","name":"A","exp":9999999999}').toString('base64url')}.`,
    ];
    for (const token of bad) {
      const res = await postComment(app, 'r', { author: { name: 'A' }, body: 'x' }, { headers: bearer(token) });
      assert.deepEqual([res.statusCode, errorOf(res).code], [401, 'invalid_token'], token);
    }
    assert.equal((await getComments(app, 'r')).json.total, 0);
  });

  test('RS256 and ES256 tokens verify against BYLINE_SSO_PUBLIC_KEY', async () => {
    for (const [type, alg] of [['rsa', 'RS256'], ['ec', 'ES256']] as const) {
      const pair = type === 'rsa' ? generateKeyPairSync('rsa', { modulusLength: 2048 }) : generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const { app } = await makeApp({ auth: 'required', sso: { publicKey: pair.publicKey.export({ type: 'spki', format: 'pem' }) as string } });
      const token = await new SignJWT({ name: 'K' }).setProtectedHeader({ alg }).setSubject('k').setExpirationTime('5m').sign(pair.privateKey);
      const res = await postComment(app, 'k', { body: 'signed' }, { headers: bearer(token) });
      assert.equal(res.statusCode, 201, `${alg}: ${res.body}`);
    }
  });
});

describe('author controls', () => {
  test('the author edits within the window (editedAt shown); others and late edits are refused', async () => {
    let now = new Date('2026-01-01T00:00:00.000Z');
    const { app } = await ssoApp('optional', { now: () => now, editWindowS: 600 });
    const token = await sign({ name: 'A' }, { exp: '100y' });
    const { comment } = (await postComment(app, 'e', { body: 'first' }, { headers: bearer(token) })).json();
    const patch = (headers: Record<string, string>, body: string) =>
      app.inject({ method: 'PATCH', url: `/api/threads/e/comments/${comment.id}`, headers: { 'content-type': 'application/json', ...headers }, payload: JSON.stringify({ body }) });

    now = new Date('2026-01-01T00:05:00.000Z');
    const edited = await patch(bearer(token), 'second');
    assert.equal(edited.statusCode, 200, edited.body);
    assert.equal(edited.json().comment.body, 'second');
    assert.equal(edited.json().comment.editedAt, '2026-01-01T00:05:00.000Z');
    const other = await patch(bearer(await sign({ name: 'B' }, { sub: 'u2', exp: '100y' })), 'hijack');
    assert.deepEqual([other.statusCode, errorOf(other).code], [403, 'forbidden']);
    const anonymous = await patch({}, 'anon');
    assert.deepEqual([anonymous.statusCode, errorOf(anonymous).code], [401, 'auth_required']);
    const linked = await patch(bearer(token), 'now with evil.com/x');
    assert.equal(linked.json().comment.status, 'pending', 'an edit that adds a link goes back to review');
    assert.equal((await getComments(app, 'e')).json.total, 0);
    now = new Date('2026-01-01T00:10:01.000Z');
    const late = await patch(bearer(token), 'too late');
    assert.deepEqual([late.statusCode, errorOf(late).code], [403, 'edit_window_closed']);
  });

  test('delete: with replies it stays as a blank "deleted" placeholder, without replies it disappears; totals stay exact', async () => {
    const { app } = await ssoApp();
    const token = await sign({ name: 'A' });
    const top = (await postComment(app, 'd', { body: 'top' }, { headers: bearer(token) })).json().comment;
    const lonely = (await postComment(app, 'd', { body: 'alone' }, { headers: bearer(token) })).json().comment;
    const reply = (await postComment(app, 'd', { author: { name: 'B' }, body: 'reply', parentId: top.id })).json().comment;
    assert.equal((await getComments(app, 'd')).json.total, 3);
    for (const id of [top.id, lonely.id]) {
      const res = await app.inject({ method: 'DELETE', url: `/api/threads/d/comments/${id}`, headers: bearer(token) });
      assert.equal(res.statusCode, 204, res.body);
    }
    const { json } = await getComments(app, 'd');
    assert.equal(json.total, 1);
    assert.deepEqual(json.items.map((c: { id: string }) => c.id), [top.id, reply.id]);
    assert.deepEqual(json.items[0], { id: top.id, parentId: null, createdAt: top.createdAt, status: 'published', author: { name: '' }, body: '', deleted: true });
    assert.deepEqual((await app.inject({ url: '/api/counts?thread=d' })).json(), { counts: { d: 1 } });
    const again = await app.inject({ method: 'DELETE', url: `/api/threads/d/comments/${top.id}`, headers: bearer(token) });
    assert.equal(again.statusCode, 404);
  });
});

describe('reports', () => {
  test('one per reader per comment; reported comments fill the desk queue until a decision', async () => {
    const { app } = await ssoApp();
    const c = (await postComment(app, 'rep', { author: { name: 'A' }, body: 'rude' })).json().comment;
    const report = (headers: Record<string, string>) => app.inject({ method: 'POST', url: `/api/threads/rep/comments/${c.id}/reports`, headers });
    assert.equal((await report({})).statusCode, 201);
    const twice = await report({});
    assert.deepEqual([twice.statusCode, errorOf(twice).code], [409, 'already_reported']);
    assert.equal((await report(bearer(await sign({ name: 'R' }, { sub: 'reader' })))).statusCode, 201);
    const queue = (await app.inject({ url: '/api/admin/comments?queue=reported', headers: admin })).json();
    assert.deepEqual(queue.items.map((x: { id: string; reports: number }) => [x.id, x.reports]), [[c.id, 2]]);
    await app.inject({ method: 'POST', url: `/api/admin/comments/${c.id}/approve`, headers: admin });
    assert.deepEqual((await app.inject({ url: '/api/admin/comments?queue=reported', headers: admin })).json().items, []);
    assert.equal((await app.inject({ method: 'POST', url: '/api/threads/rep/comments/nope/reports' })).statusCode, 404);
  });
});

describe('moderation API', () => {
  test('a moderator token opens it, a reader token is 403, a bad one 401', async () => {
    const { app } = await ssoApp();
    const mod = await sign({ name: 'M', roles: ['moderator'] }, { sub: 'mod1' });
    assert.deepEqual((await app.inject({ url: '/api/admin/me', headers: bearer(mod) })).json(), { actor: 'sso:mod1' });
    const reader = await app.inject({ url: '/api/admin/me', headers: bearer(await sign({ name: 'R' })) });
    assert.deepEqual([reader.statusCode, errorOf(reader).code], [403, 'forbidden']);
    const forged = await app.inject({ url: '/api/admin/me', headers: bearer(await sign({ name: 'M', roles: ['moderator'] }, { secret: 'x'.repeat(40) })) });
    assert.deepEqual([forged.statusCode, errorOf(forged).code], [401, 'unauthorized']);
  });

  test('queues page by signed cursor past any size', async () => {
    const { app } = await makeApp();
    for (let i = 0; i < 7; i++) await postComment(app, 'q', { author: { name: 'A' }, body: `link ${i} www.example.com` });
    const seen: string[] = [];
    let cursor = '';
    for (;;) {
      const page = (await app.inject({ url: `/api/admin/comments?queue=pending&limit=3${cursor && `&cursor=${cursor}`}`, headers: admin })).json();
      seen.push(...page.items.map((c: { id: string }) => c.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    assert.equal(new Set(seen).size, 7);
    const recent = (await app.inject({ url: '/api/admin/comments?queue=recent&limit=2', headers: admin })).json();
    const foreign = await app.inject({ url: `/api/admin/comments?queue=pending&cursor=${recent.nextCursor}`, headers: admin });
    assert.deepEqual([foreign.statusCode, errorOf(foreign).field], [400, 'cursor']);
  });

  test('ban the author (signed-in by id, anonymous by address) for a time or for ever: the next post is 403 banned', async () => {
    let now = new Date('2026-01-01T00:00:00.000Z');
    const { app } = await ssoApp('optional', { now: () => now });
    const token = await sign({ name: 'Troll' }, { sub: 'troll', exp: '100y' });
    const signed = (await postComment(app, 'b', { body: 'bad' }, { headers: bearer(token) })).json().comment;
    const anon = (await postComment(app, 'b', { author: { name: 'Anon' }, body: 'bad too' }, { headers: { 'x-forwarded-for': '1.2.3.4' } })).json().comment;
    const timed = await app.inject({ method: 'POST', url: `/api/admin/comments/${signed.id}/ban`, headers: { ...admin, 'content-type': 'application/json' }, payload: JSON.stringify({ until: '2026-01-02T00:00:00Z', reason: 'abuse' }) });
    assert.equal(timed.statusCode, 201, timed.body);
    assert.equal(timed.json().ban.subject, 'sso:troll');
    const forever = await app.inject({ method: 'POST', url: `/api/admin/comments/${anon.id}/ban`, headers: { ...admin, 'content-type': 'application/json' }, payload: '{}' });
    assert.match(forever.json().ban.subject, /^addr:/);
    assert.equal(forever.json().ban.until, null);

    const blocked = await postComment(app, 'b', { body: 'again' }, { headers: bearer(token) });
    assert.deepEqual([blocked.statusCode, errorOf(blocked).code], [403, 'banned']);
    const blockedAnon = await postComment(app, 'b', { author: { name: 'New name' }, body: 'again' });
    assert.deepEqual([blockedAnon.statusCode, errorOf(blockedAnon).code], [403, 'banned'], 'same address, any name');
    now = new Date('2026-01-02T00:00:01.000Z');
    const signedAgain = await postComment(app, 'b', { body: 'after the ban' }, { headers: bearer(token) });
    assert.equal(signedAgain.statusCode, 403, 'the signed-in troll posts from the banned address too');
    const lifted = await app.inject({ method: 'DELETE', url: `/api/admin/bans/${encodeURIComponent(forever.json().ban.subject)}`, headers: admin });
    assert.equal(lifted.statusCode, 204);
    assert.equal((await postComment(app, 'b', { body: 'after the ban' }, { headers: bearer(token) })).statusCode, 201);
  });

  test('every action is in the audit log: who, what, when, which comment', async () => {
    const { app } = await ssoApp();
    const mod = await sign({ name: 'M', roles: ['moderator'] }, { sub: 'mod1' });
    const c = (await postComment(app, 'a', { author: { name: 'A' }, body: 'www.x.com' })).json().comment;
    await app.inject({ method: 'POST', url: `/api/admin/comments/${c.id}/approve`, headers: bearer(mod) });
    await app.inject({ method: 'POST', url: `/api/admin/comments/${c.id}/delete`, headers: admin });
    const log = (await app.inject({ url: '/api/admin/audit', headers: admin })).json();
    assert.deepEqual(log.items.map((e: { actor: string; action: string; commentId: string }) => [e.actor, e.action, e.commentId]), [
      ['admin-token', 'delete', c.id],
      ['sso:mod1', 'approve', c.id],
    ]);
    assert.match(log.items[0].at, /^\d{4}-\d\d-\d\dT/);
  });

  test('export shows everything about an author; erase blanks their comments, keeps thread shape, removes keys and reports', async () => {
    const { app } = await ssoApp();
    const token = await sign({ name: 'Gone', picture: 'https://cdn.example/g.png' }, { sub: 'gdpr' });
    const key = newKey();
    const top = (await postComment(app, 'g', { body: 'with a reply' }, { headers: bearer(token), key })).json().comment;
    await postComment(app, 'g', { body: 'alone' }, { headers: bearer(token) });
    await postComment(app, 'g', { author: { name: 'B' }, body: 'reply', parentId: top.id });
    await app.inject({ method: 'POST', url: `/api/threads/g/comments/${top.id}/reports`, headers: { 'x-forwarded-for': '9.9.9.9' } });

    const exported = await app.inject({ url: '/api/admin/users/sso%3Agdpr/export', headers: admin });
    assert.equal(exported.statusCode, 200);
    assert.deepEqual(exported.json().comments.map((c: { body: string; authorName: string }) => [c.authorName, c.body]), [['Gone', 'with a reply'], ['Gone', 'alone']]);

    const erased = await app.inject({ method: 'DELETE', url: '/api/admin/users/sso%3Agdpr', headers: admin });
    assert.deepEqual(erased.json(), { erased: { comments: 2 } });
    const { json } = await getComments(app, 'g');
    assert.deepEqual(json.items.map((c: { body: string; author: { name: string }; deleted?: boolean }) => [c.author.name, c.body, c.deleted ?? false]), [['', '', true], ['B', 'reply', false]]);
    assert.equal(json.total, 1);
    assert.deepEqual((await app.inject({ url: '/api/admin/users/sso%3Agdpr/export', headers: admin })).json().comments, []);
    assert.deepEqual((await app.inject({ url: '/api/admin/comments?queue=reported', headers: admin })).json().items, []);
    // The idempotency record is gone: the same key is free again.
    assert.equal((await postComment(app, 'g', { author: { name: 'C' }, body: 'new' }, { key })).statusCode, 201);
    const actions = (await app.inject({ url: '/api/admin/audit', headers: admin })).json().items.map((e: { action: string }) => e.action);
    assert.deepEqual(actions, ['export', 'erase', 'export']);
    const badId = await app.inject({ url: '/api/admin/users/someone/export', headers: admin });
    assert.deepEqual([badId.statusCode, errorOf(badId).field], [400, 'id']);
  });
});

describe('demo sign-in', () => {
  test('issues a real token the server verifies, only when turned on with the demo', async () => {
    const { app } = await makeApp({ demoSignIn: true });
    const res = await app.inject({ method: 'POST', url: '/demo/sign-in', headers: { 'content-type': 'application/json' }, payload: '{"name":"Demo Reader"}' });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().demo, true);
    const post = await postComment(app, 'demo', { body: 'signed in' }, { headers: bearer(res.json().token) });
    assert.equal(post.json().comment.author.name, 'Demo Reader');
    assert.match(post.json().comment.author.id, /^sso:demo-/);
    const { app: off } = await makeApp();
    assert.equal((await off.inject({ method: 'POST', url: '/demo/sign-in', headers: { 'content-type': 'application/json' }, payload: '{"name":"x"}' })).statusCode, 404);
  });

  test('cannot run beside a real login\'s key, where its secret would be a second way to sign readers in', async () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    for (const sso of [{ secret: SECRET }, { publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() }]) {
      await assert.rejects(buildApp({ dbPath: join(tempDir(), 'byline.sqlite'), demoSignIn: true, sso }), /The demo sign-in cannot run beside an SSO key/);
    }
  });
});

describe('CORS and the desk page', () => {
  test('a partner origin may send the sign-in token and PATCH/DELETE; another origin may not', async () => {
    const { app } = await ssoApp();
    for (const method of ['PATCH', 'DELETE']) {
      const preflight = await app.inject({
        method: 'OPTIONS',
        url: '/api/threads/t/comments/x',
        headers: { origin: 'https://partner.example', 'access-control-request-method': method, 'access-control-request-headers': 'authorization,content-type' },
      });
      assert.equal(preflight.headers['access-control-allow-origin'], 'https://partner.example', method);
      assert.match(String(preflight.headers['access-control-allow-methods']), new RegExp(method));
      assert.match(String(preflight.headers['access-control-allow-headers']), /Authorization/);
    }
    const evil = await app.inject({ method: 'OPTIONS', url: '/api/threads/t/comments/x', headers: { origin: 'https://evil.example', 'access-control-request-method': 'DELETE' } });
    assert.equal(evil.headers['access-control-allow-origin'], undefined);
  });

  test('/admin/ serves the desk page, never framed, and none of the desk\'s sources', async () => {
    const { app } = await makeApp({ staticRoot: REPO_ROOT });
    const page = await app.inject({ url: '/admin/' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<byline-desk/);
    assert.equal(page.headers['x-frame-options'], 'DENY');
    assert.match(String(page.headers['content-security-policy']), /frame-ancestors 'none'/);
    assert.equal((await app.inject({ url: '/admin' })).headers.location, '/admin/');
    for (const url of ['/admin/desk.ts', '/admin/tsconfig.json', '/admin/build/desk.js']) assert.equal((await app.inject({ url })).statusCode, 404, url);
  });
});
