import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { buildApp } from '../app.js';
import { ensureDataDir, openDatabase } from '../store/sqlite/database.js';
import { MIGRATIONS } from '../store/sqlite/migrations.js';
import { StartupError } from '../store/store.js';
import { createComment, getComments, NO_LIMITS, sqliteOnly, tempDir } from './helpers.js';

describe('SQLite database file', sqliteOnly, () => {
  test('a new database gets WAL, FULL sync and every migration, once', () => {
    const file = join(tempDir(), 'byline.sqlite');
    const db = openDatabase(file);
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(db.pragma('synchronous', { simple: true }), 2); // FULL
    assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
    const versions = () => db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
    assert.deepEqual(versions(), MIGRATIONS.map((m) => m.version));
    db.prepare("INSERT INTO comments (id, thread, author_name, body, created_at, status) VALUES ('x', 't', 'A', 'b', '2024-01-01T00:00:00.000Z', 'published')").run();
    db.close();

    // Reopening (as a restart does) applies nothing twice and keeps the data.
    const again = openDatabase(file);
    assert.deepEqual(again.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all(), MIGRATIONS.map((m) => m.version));
    assert.equal(again.prepare('SELECT COUNT(*) FROM comments').pluck().get(), 1);
    again.close();
  });

  test('an older database is migrated forward on open', () => {
    const file = join(tempDir(), 'byline.sqlite');
    const old = new Database(file);
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT');
    old.exec(MIGRATIONS[0].sql);
    old.prepare("INSERT INTO schema_migrations VALUES (1, 'comments', '2024-01-01T00:00:00.000Z')").run();
    old.close();
    const db = openDatabase(file);
    assert.equal(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'idempotency_keys'").pluck().get(), 1);
    db.close();
  });

  test('a database from a newer server is refused, not downgraded', () => {
    const file = join(tempDir(), 'byline.sqlite');
    openDatabase(file).close();
    const raw = new Database(file);
    raw.prepare("INSERT INTO schema_migrations VALUES (999, 'future', '2030-01-01T00:00:00.000Z')").run();
    raw.close();
    assert.throws(() => openDatabase(file), (e) => e instanceof StartupError && /newer than this server/.test(e.message));
  });

  test('a corrupt file is a clear StartupError and is left untouched', () => {
    const file = join(tempDir(), 'byline.sqlite');
    const garbage = Buffer.from('definitely not SQLite '.repeat(300));
    writeFileSync(file, garbage);
    assert.throws(
      () => openDatabase(file),
      (e) => e instanceof StartupError && e.message.includes(file) && /not a SQLite database/.test(e.message) && /will not reset/.test(e.message),
    );
    // Not reset: the bytes are still the operator's, and no WAL was started beside them.
    assert.ok(garbage.equals(readFileSync(file)));
    assert.equal(existsSync(`${file}-wal`), false);
  });

  test('a directory where the database file should be is a clear StartupError', () => {
    const file = join(tempDir(), 'byline.sqlite');
    mkdirSync(file);
    assert.throws(() => openDatabase(file), (e) => e instanceof StartupError && /cannot be opened/.test(e.message));
  });

  test('ensureDataDir creates a missing directory, accepts an existing one, refuses a file', () => {
    const root = tempDir();
    const dir = join(root, 'a', 'b');
    ensureDataDir(dir);
    assert.ok(existsSync(dir));
    ensureDataDir(dir);
    const file = join(root, 'file');
    writeFileSync(file, 'x');
    assert.throws(() => ensureDataDir(file), (e) => e instanceof StartupError && /not a directory/.test(e.message));
  });

  test('a restart keeps comments and idempotency records', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'byline.sqlite');
    const first = await buildApp({ dbPath, rateLimits: NO_LIMITS, staticRoot: dir });
    const made = await createComment(first, 'keep', 'A', 'survives');
    const key = 'restart-key-1';
    const original = await first.inject({ method: 'POST', url: '/api/threads/keep/comments', headers: { 'content-type': 'application/json', 'idempotency-key': key }, payload: { author: { name: 'B' }, body: 'once' } });
    await first.close();

    const second = await buildApp({ dbPath, rateLimits: NO_LIMITS, staticRoot: dir });
    try {
      const { json } = await getComments(second, 'keep', '?sort=oldest');
      assert.deepEqual(json.items.map((c: { id: string }) => c.id), [made.id, original.json().comment.id]);
      const replay = await second.inject({ method: 'POST', url: '/api/threads/keep/comments', headers: { 'content-type': 'application/json', 'idempotency-key': key }, payload: { author: { name: 'B' }, body: 'once' } });
      assert.equal(replay.statusCode, 201);
      assert.equal(replay.json().comment.id, original.json().comment.id);
      assert.equal((await getComments(second, 'keep')).json.total, 2);
    } finally {
      await second.close();
    }
  });
});
