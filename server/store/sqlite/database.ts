import Database from 'better-sqlite3';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { StartupError } from '../store.js';
import { MIGRATIONS } from './migrations.js';

export type DB = Database.Database;

export const DB_FILE = 'byline.sqlite';

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

/** Newest migration this code knows; a database at a higher version is refused. */
export const LATEST = MIGRATIONS[MIGRATIONS.length - 1].version;

export function schemaVersion(db: DB): number {
  return (db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0;
}

export function migrate(db: DB): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  const latest = LATEST;
  const current = () => schemaVersion(db);
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
