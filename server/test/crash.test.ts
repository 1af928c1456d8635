/**
 * Process-level faults: `kill -9` of the real server (main.ts as a child process) in the middle of a
 * write load, then a restart on the same database; and damaged database files at startup.
 * Audited against the database itself (SQLite file or PostgreSQL schema): every comment answered
 * `201` is stored, none twice.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { REPO_ROOT } from '../app.js';
import { MAIN, sqliteOnly, startServer, tempDir, testDatabase } from './helpers.js';

const env = (database: string | Record<string, string>) => ({
  ...(typeof database === 'string' ? { BYLINE_DATA_DIR: database } : database),
  BYLINE_ADMIN_TOKEN: 'crash-test-token-0123456789',
  // The write load comes from one address; the per-IP post limit is not what this test is about.
  BYLINE_RATE_LIMIT_POST: '1000000',
  BYLINE_RATE_LIMIT_READ: '1000000',
});

const start = (database: string | Record<string, string>) => startServer(env(database));
/** For a process expected to exit at startup. */
const processEnv = (database: string) => ({ ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: '', ...env(database) });

const WRITERS = 8;
const ROUNDS = 3;
/** Acknowledged comments per round before the kill. */
const KILL_AFTER = 60;

describe('kill -9 during a write load', () => {
  test('after a restart, every comment answered 201 is stored exactly once; re-sent keys never duplicate', async () => {
    const db = await testDatabase();
    const acked = new Map<string, string>(); // Idempotency-Key → comment id from the 201
    const unknown = new Set<string>(); // sent, but the answer was lost with the process
    const createdAt = new Map<string, string>();
    const bodyOf = (key: string) => `comment ${key}`;
    const threadOf = (key: string) => `crash-${Number(key.split('-').pop()) % 5}`;
    /** The whole answer, or undefined when the connection failed before it arrived (the process died). */
    const send = async (base: string, key: string): Promise<{ status: number; text: string } | undefined> => {
      try {
        const res = await fetch(`${base}/api/threads/${threadOf(key)}/comments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': key },
          body: JSON.stringify({ author: { name: 'Load' }, body: bodyOf(key) }),
        });
        return { status: res.status, text: await res.text() };
      } catch (error) {
        // undici: "fetch failed" (no connection, reset before the answer) or "terminated" (cut mid-body).
        // Anything else is a bug in this test or the server and must fail the run.
        if (error instanceof TypeError && (error.message === 'fetch failed' || error.message === 'terminated')) return undefined;
        throw error;
      }
    };
    /** Any answer but a 201 fails the test: a 500 or 409 is a server fault, never "lost in flight". */
    const accepted = (answer: { status: number; text: string }) => {
      assert.equal(answer.status, 201, answer.text);
      const { comment } = JSON.parse(answer.text) as { comment: { id: string; createdAt: string } };
      createdAt.set(comment.id, comment.createdAt);
      return comment.id;
    };
    const post = async (base: string, key: string) => {
      const answer = await send(base, key);
      assert.ok(answer, `no answer from the running server for ${key}`);
      return accepted(answer);
    };
    const figures: string[] = [];
    let serial = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      const { child, base } = await start(db.env);
      const before = acked.size;
      let killed = false;
      const exited = once(child, 'exit');
      const writer = async () => {
        while (!killed) {
          const key = `crash-key-${++serial}`;
          const answer = await send(base, key);
          if (!answer) {
            unknown.add(key);
            continue;
          }
          acked.set(key, accepted(answer));
          if (!killed && acked.size - before >= KILL_AFTER) {
            killed = true;
            child.kill('SIGKILL');
          }
        }
      };
      await Promise.all(Array.from({ length: WRITERS }, writer));
      const [, signal] = await exited;
      assert.equal(signal, 'SIGKILL');
      figures.push(`round ${round}: ${acked.size - before} acknowledged, ${unknown.size} answers lost in flight (total so far)`);
    }

    // Restart: the reader re-sends what got no answer, with the same key, as the comment box does.
    const restartedAt = new Date().toISOString();
    const { child, base } = await start(db.env);
    const lost = [...unknown];
    const resent = new Map<string, string>();
    for (const key of lost) resent.set(key, await post(base, key));
    // Re-sending an acknowledged key answers the stored comment, not a new one.
    const sample = [...acked].slice(0, 20);
    for (const [key, id] of sample) assert.equal(await post(base, key), id);
    child.kill('SIGTERM');
    await once(child, 'exit');

    {
      const keys = new Map((await db.query<{ key: string; comment_id: string }>('SELECT key, comment_id FROM idempotency_keys')).map((r) => [r.key, r.comment_id]));
      const comments = await db.query<{ id: string; body: string }>('SELECT id, body FROM comments');
      for (const [key, id] of acked) assert.equal(keys.get(key), id, `acknowledged ${key} is stored under its id`);
      for (const [key, id] of resent) assert.equal(keys.get(key), id, `re-sent ${key} is stored once`);
      // Nothing else, nothing twice: one comment per key, one body per comment.
      assert.equal(keys.size, acked.size + resent.size);
      assert.equal(comments.length, keys.size);
      assert.equal(new Set(comments.map((c) => c.body)).size, comments.length);
      assert.deepEqual(new Set(comments.map((c) => c.id)), new Set(keys.values()));
      figures.push(
        `audit: ${acked.size} acknowledged + ${resent.size} re-sent after restart = ${comments.length} stored, 0 lost, 0 duplicated`,
        `of the ${lost.length} answers lost in flight, ${[...resent.values()].filter((id) => createdAt.get(id)! < restartedAt).length} had been committed before the kill (the re-send answered the stored comment), the rest were stored by the re-send`,
      );
    }
    console.log(`KILL -9 AUDIT (${db.databaseUrl ? 'PostgreSQL' : 'SQLite'}, ${ROUNDS} kills, ${WRITERS} concurrent writers)\n  ${figures.join('\n  ')}`);
  });
});

describe('damaged data at startup', sqliteOnly, () => {
  const startOnce = (dataDir: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', MAIN], { cwd: REPO_ROOT, env: processEnv(dataDir), encoding: 'utf8', timeout: 30_000 });

  /** A real database with comments, closed cleanly (WAL checkpointed into the main file). */
  async function populated(): Promise<{ dataDir: string; file: string }> {
    const dataDir = tempDir();
    const { child, base } = await start(dataDir);
    for (let i = 0; i < 60; i++) {
      await fetch(`${base}/api/threads/damaged/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `damaged-key-${i}` },
        body: JSON.stringify({ author: { name: 'Somchai' }, body: `ข่าวดี ${i} `.repeat(40) }),
      });
    }
    child.kill('SIGTERM');
    await once(child, 'exit');
    return { dataDir, file: join(dataDir, 'byline.sqlite') };
  }

  test('a truncated database file stops startup with a reason and is left byte-for-byte untouched', async () => {
    const { dataDir, file } = await populated();
    const size = readFileSync(file).length;
    truncateSync(file, Math.floor(size / 2));
    const damaged = readFileSync(file);
    const res = startOnce(dataDir);
    assert.equal(res.status, 1, res.stdout + res.stderr);
    assert.match(res.stderr, /^byline: .*byline\.sqlite.*(integrity check|corrupt|not a SQLite)/m);
    assert.equal(res.stderr.trim().split('\n').length, 1, res.stderr);
    console.log(`truncated database → exit 1: ${res.stderr.trim()}`);
    assert.ok(!res.stdout.includes('Byline demo'));
    assert.ok(readFileSync(file).equals(damaged), 'no silent reset or repair');
  });

  test('a database with garbage over its pages stops startup with a reason and is left untouched', async () => {
    const { dataDir, file } = await populated();
    const bytes = readFileSync(file);
    // Keep the 100-byte header (so it still looks like SQLite), overwrite from page 2 on.
    for (let i = 4096; i < bytes.length; i += 7) bytes[i] = (i * 31) & 0xff;
    writeFileSync(file, bytes);
    const res = startOnce(dataDir);
    assert.equal(res.status, 1, res.stdout + res.stderr);
    assert.match(res.stderr, /^byline: .*byline\.sqlite.*(integrity check|corrupt|not a SQLite)/m);
    // One line, however many cells SQLite found damaged.
    assert.equal(res.stderr.trim().split('\n').length, 1, res.stderr);
    console.log(`overwritten pages → exit 1: ${res.stderr.trim()}`);
    assert.ok(readFileSync(file).equals(bytes), 'no silent reset or repair');
  });
});

describe('rate limits from the environment', () => {
  test('BYLINE_RATE_LIMIT_POST / _READ must be positive whole numbers, else exit 1 with a reason', () => {
    for (const value of ['0', 'ten', '5.5']) {
      const res = spawnSync(process.execPath, ['--import', 'tsx', MAIN], {
        cwd: REPO_ROOT,
        env: { ...processEnv(tempDir()), BYLINE_RATE_LIMIT_READ: value },
        encoding: 'utf8',
        timeout: 30_000,
      });
      assert.equal(res.status, 1, value);
      assert.match(res.stderr, /^byline: BYLINE_RATE_LIMIT_READ must be a positive whole number/m);
    }
  });
});
