import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { describe, test } from 'node:test';
import { REPO_ROOT } from '../app.js';
import { startServer, STORE_KIND, tempDir, testDatabase } from './helpers.js';

const MAIN = join(REPO_ROOT, 'server/main.ts');
const env = (extra: Record<string, string>) => ({ ...process.env, PORT: '0', HOST: '127.0.0.1', BYLINE_ADMIN_TOKEN: '', DATABASE_URL: '', ...extra });

describe('server/main.ts', () => {
  test('starts on a fresh database, prints the demo URL and a generated admin token, and serves the API', async () => {
    const db = await testDatabase();
    const dataDir = join(db.dir, 'data', 'nested');
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN], { cwd: REPO_ROOT, env: env({ ...db.env, BYLINE_DATA_DIR: dataDir }) });
    try {
      let out = '';
      child.stdout.setEncoding('utf8');
      const started = new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: string) => {
          out += chunk;
          const token = /Admin token .*: (\S+)\n/.exec(out);
          const url = /Byline demo: (http:\/\/127\.0\.0\.1:\d+\/)\n/.exec(out);
          if (url && token) resolve(`${url[1]} ${token[1]}`);
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
      });
      const [base, token] = (await started).split(' ');
      if (STORE_KIND === 'sqlite') assert.ok(existsSync(join(dataDir, 'byline.sqlite')));
      const counts = await fetch(`${base}api/counts?thread=x`);
      assert.deepEqual(await counts.json(), { counts: { x: 0 } });
      const admin = await fetch(`${base}api/admin/comments`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(admin.status, 200);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });

  test('a corrupt database stops startup with a clear message and a non-zero exit', () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'byline.sqlite'), 'not a database '.repeat(500));
    const res = spawnSync(process.execPath, ['--import', 'tsx', MAIN], { cwd: REPO_ROOT, env: env({ BYLINE_DATA_DIR: dataDir }), encoding: 'utf8', timeout: 30_000 });
    assert.equal(res.status, 1);
    assert.match(res.stderr, /byline: Cannot open database .*byline\.sqlite: the file is not a SQLite database/);
    assert.ok(!/\n\s+at /.test(res.stderr), 'no stack trace');
    assert.ok(!res.stdout.includes('Byline demo'));
  });

  test('a data dir that is a file, a bad PORT or a bad origin list also exit 1 with a reason', () => {
    const root = tempDir();
    const notDir = join(root, 'file');
    writeFileSync(notDir, 'x');
    const okDir = join(root, 'ok');
    mkdirSync(okDir);
    const cases: [Record<string, string>, RegExp][] = [
      [{ BYLINE_DATA_DIR: notDir }, /not a directory/],
      [{ BYLINE_DATA_DIR: okDir, PORT: 'eighty' }, /PORT must be a number/],
      [{ BYLINE_DATA_DIR: okDir, BYLINE_ALLOWED_ORIGINS: 'https://ok.example, partner.example' }, /Not an origin: "partner\.example"/],
    ];
    for (const [extra, message] of cases) {
      const res = spawnSync(process.execPath, ['--import', 'tsx', MAIN], { cwd: REPO_ROOT, env: env(extra), encoding: 'utf8', timeout: 30_000 });
      assert.equal(res.status, 1, JSON.stringify(extra));
      assert.match(res.stderr, message);
    }
  });

  test('a DATABASE_URL that is not postgres:// or cannot be reached exits 1 with a one-line reason, no password shown', () => {
    const cases: [string, RegExp][] = [
      ['mysql://u:secret@127.0.0.1/db', /^byline: DATABASE_URL must start with postgres:\/\//],
      // Port 1 on loopback: nothing listens there.
      ['postgres://u:secret@127.0.0.1:1/byline', /^byline: Cannot use PostgreSQL at postgres:\/\/127\.0\.0\.1:1\/byline: .*ECONNREFUSED/],
    ];
    for (const [url, message] of cases) {
      const res = spawnSync(process.execPath, ['--import', 'tsx', MAIN], { cwd: REPO_ROOT, env: env({ BYLINE_DATA_DIR: tempDir(), DATABASE_URL: url }), encoding: 'utf8', timeout: 30_000 });
      assert.equal(res.status, 1, res.stdout + res.stderr);
      assert.match(res.stderr, message);
      assert.equal(res.stderr.trim().split('\n').length, 1, res.stderr);
      assert.ok(!res.stderr.includes('secret'), 'the password is never printed');
    }
  });

  describe('the demo sign-in (npm start passes --demo-sign-in)', () => {
    const signIn = (base: string) =>
      fetch(`${base}/demo/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"Demo Reader"}' });
    const post = (base: string, headers: Record<string, string>, body: object) =>
      fetch(`${base}/api/threads/demo-sign-in/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `main-test-${Math.random().toString(36).slice(2)}`, ...headers },
        body: JSON.stringify(body),
      });

    async function withServer(env: Record<string, string>, args: string[], check: (base: string, output: () => string) => Promise<void>) {
      const db = await testDatabase();
      const server = await startServer({ ...db.env, BYLINE_DATA_DIR: join(db.dir, 'data'), BYLINE_ADMIN_TOKEN: '', BYLINE_SSO_SECRET: '', BYLINE_SSO_PUBLIC_KEY: '', BYLINE_DEMO_SIGN_IN: '', NODE_ENV: '', ...env }, args);
      try {
        await check(server.base, server.output);
      } finally {
        server.child.kill('SIGTERM');
        await once(server.child, 'exit');
      }
    }

    test('on for npm start on a loopback address: a real token signs a post, and anonymous posts still work', async () => {
      await withServer({}, ['--demo-sign-in'], async (base, output) => {
        const res = await signIn(base);
        assert.equal(res.status, 200);
        const { token } = (await res.json()) as { token: string };
        const signed = await post(base, { authorization: `Bearer ${token}` }, { body: 'signed in' });
        assert.equal(signed.status, 201);
        const { comment } = (await signed.json()) as { comment: { author: { id: string; name: string } } };
        assert.equal(comment.author.name, 'Demo Reader');
        assert.match(comment.author.id, /^sso:demo-[0-9a-f]+$/);
        assert.equal((await post(base, {}, { author: { name: 'Anon' }, body: 'anonymous' })).status, 201);
        assert.match(output(), /Demo sign-in: on \(anyone can sign in/);
      });
    });

    test('off without the flag, with BYLINE_DEMO_SIGN_IN=0, under NODE_ENV=production, with an SSO key, or on a public address', async () => {
      const cases: [Record<string, string>, string[], RegExp | null][] = [
        [{}, [], null],
        [{ BYLINE_DEMO_SIGN_IN: '0' }, ['--demo-sign-in'], null],
        [{ NODE_ENV: 'production' }, ['--demo-sign-in'], /Demo sign-in: off \(NODE_ENV=production\)/],
        [{ BYLINE_SSO_SECRET: 'a-real-sites-secret-0123456789abcdef' }, ['--demo-sign-in'], /Demo sign-in: off \(an SSO key/],
        [{ HOST: '0.0.0.0' }, ['--demo-sign-in'], /Demo sign-in: off \(HOST 0\.0\.0\.0 is not a loopback address/],
      ];
      for (const [env, args, note] of cases) {
        await withServer(env, args, async (base, output) => {
          assert.equal((await signIn(base)).status, 404, JSON.stringify(env));
          if (note) assert.match(output(), note);
          else assert.ok(!output().includes('Demo sign-in'), output());
        });
      }
    });

    test('BYLINE_DEMO_SIGN_IN=1 on a real site (production, an SSO key, no demo pages) refuses to start with a reason', () => {
      const cases: [Record<string, string>, RegExp][] = [
        [{ BYLINE_DEMO_SIGN_IN: '1', NODE_ENV: 'production' }, /^byline: BYLINE_DEMO_SIGN_IN=1 is refused with NODE_ENV=production/],
        [{ BYLINE_DEMO_SIGN_IN: '1', BYLINE_SSO_PUBLIC_KEY: 'x' }, /^byline: BYLINE_DEMO_SIGN_IN=1 is refused with an SSO key/],
        [{ BYLINE_DEMO_SIGN_IN: '1', BYLINE_DEMO: '0' }, /^byline: BYLINE_DEMO_SIGN_IN=1 is refused with BYLINE_DEMO=0/],
        [{ BYLINE_DEMO_SIGN_IN: 'yes' }, /^byline: BYLINE_DEMO_SIGN_IN must be 0 or 1, got "yes"/],
      ];
      for (const [extra, message] of cases) {
        const res = spawnSync(process.execPath, ['--import', 'tsx', MAIN], { cwd: REPO_ROOT, env: env({ BYLINE_DATA_DIR: tempDir(), NODE_ENV: '', ...extra }), encoding: 'utf8', timeout: 30_000 });
        assert.equal(res.status, 1, res.stdout + res.stderr);
        assert.match(res.stderr, message);
        assert.ok(!res.stdout.includes('Byline'), 'nothing started');
      }
    });
  });
});
