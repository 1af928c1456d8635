import Database from 'better-sqlite3';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type DB = Database.Database;

/** A problem with the data directory or database that must stop the process with a readable message. */
export class StartupError extends Error {}

export const DB_FILE = 'byline.sqlite';

/**
 * Numbered, append-only migrations. Never edit one that has shipped; add the next number.
 * Timestamps are ISO 8601 UTC strings with milliseconds, so text order is time order.
 */
export const MIGRATIONS: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'comments',
    sql: `
      CREATE TABLE comments (
        id          TEXT PRIMARY KEY,
        thread      TEXT NOT NULL,
        parent_id   TEXT REFERENCES comments(id),
        author_name TEXT NOT NULL,
        body        TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        status      TEXT NOT NULL CHECK (status IN ('published', 'pending', 'rejected')),
        moderated_at TEXT
      ) STRICT;
      -- Top-level page of a thread, in either order.
      CREATE INDEX comments_top ON comments (thread, status, created_at, id) WHERE parent_id IS NULL;
      CREATE INDEX comments_replies ON comments (parent_id, created_at, id) WHERE parent_id IS NOT NULL;
      CREATE INDEX comments_thread_status ON comments (thread, status);
      CREATE INDEX comments_status ON comments (status, created_at);`,
  },
  {
    version: 2,
    name: 'idempotency_keys',
    sql: `
      -- Written in the same transaction as the comment it answers for.
      CREATE TABLE idempotency_keys (
        thread       TEXT NOT NULL,
        key          TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        comment_id   TEXT NOT NULL REFERENCES comments(id),
        created_at   TEXT NOT NULL,
        PRIMARY KEY (thread, key)
      ) STRICT;`,
  },
];

/** Creates the data directory only when nothing exists at that path; anything else there is the operator's. */
export function ensureDataDir(dir: string): void {
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true });
    return;
  }
  if (!statSync(dir).isDirectory()) throw new StartupError(`Data directory ${dir} exists but is not a directory.`);
}

export function dataFile(dir: string): string {
  return join(dir, DB_FILE);
}

/**
 * Opens (or creates) the database, checks it is a healthy SQLite file and applies pending migrations.
 * A corrupt or unreadable file raises StartupError: the data is never reset silently.
 */
export function openDatabase(file: string, options: { mustExist?: boolean } = {}): DB {
  if (options.mustExist && !existsSync(file)) throw new StartupError(`No database at ${file}. Start the server once to create it, or pass the right path.`);
  let db: DB | undefined;
  try {
    db = new Database(file, { fileMustExist: options.mustExist ?? false });
    db.pragma('journal_mode = WAL');
    // FULL: a comment answered with 201 must survive a power cut. Writes are rare (rate-limited
    // posts and moderation), so the extra fsync per commit costs nothing noticeable.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // The CLI and the server may write at the same moment; wait rather than fail with SQLITE_BUSY.
    db.pragma('busy_timeout = 5000');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') {
      // SQLite can report hundreds of damaged cells, one per line; the startup error stays one line.
      const [first, ...more] = String(check).split('\n').filter((line) => !line.startsWith('*** '));
      const rest = more.length ? ` and ${more.length} more problem${more.length > 1 ? 's' : ''}` : '';
      throw new StartupError(`Database ${file} failed its integrity check (${first}${rest}). Restore a backup; Byline will not reset it.`);
    }
    migrate(db);
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof StartupError) throw error;
    const reason = describeSqliteError(error);
    throw new StartupError(`Cannot open database ${file}: ${reason}. Byline will not reset it; move the file aside or restore a backup.`, { cause: error });
  }
}

function describeSqliteError(error: unknown): string {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB') return 'the file is not a SQLite database (or is encrypted or corrupt)';
  if (code === 'SQLITE_CORRUPT') return 'the database file is corrupt';
  if (code === 'SQLITE_CANTOPEN') return 'the file cannot be opened (check that it is a readable file and its directory is writable)';
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_IOERR')) return `the file cannot be written (${code})`;
  return (error as Error).message ?? String(error);
}

export function migrate(db: DB): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  const latest = MIGRATIONS[MIGRATIONS.length - 1].version;
  const current = () => (db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0;
  if (current() > latest) throw new StartupError(`Database schema version ${current()} is newer than this server understands (${latest}). Upgrade Byline.`);
  const apply = db.transaction(() => {
    // Re-read inside the write lock: another process may have migrated in the meantime.
    const from = current();
    for (const m of MIGRATIONS) {
      if (m.version <= from) continue;
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
    }
  });
  if (current() < latest) apply.immediate();
}
