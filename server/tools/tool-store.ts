import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { dataFile } from '../store/sqlite/database.js';
import { openStore } from '../store/open.js';
import { SqliteStore } from '../store/sqlite/store.js';
import { StartupError, type Store } from '../store/store.js';

export const DATABASE_HELP = `The database is --db FILE, else $DATABASE_URL (PostgreSQL), else $BYLINE_DATA_DIR/byline.sqlite
(default ./data/byline.sqlite).`;

/** Prints to stdout (status 0) or stderr, and exits. */
export function exit(code: number, message: string): never {
  (code === 0 ? console.log : console.error)(message);
  process.exit(code);
}

/**
 * The store a tool works on, opened as the server would open it. A SQLite file must already exist:
 * a typo in the path must not create an empty database next to the real one.
 */
export async function toolStore(db: string | undefined): Promise<Store> {
  try {
    if (!db && process.env.DATABASE_URL) return await openStore({ databaseUrl: process.env.DATABASE_URL, dataDir: '' });
    const file = db ? resolve(db) : dataFile(resolve(process.env.BYLINE_DATA_DIR || 'data'));
    return new SqliteStore({ file, mustExist: true });
  } catch (error) {
    exit(1, error instanceof StartupError ? error.message : String(error));
  }
}

/** The --db, --out and --help options of backup and export; bad usage exits 2 with the usage. */
export function outputArgs(usage: string): { db?: string; out?: string } {
  let values;
  try {
    ({ values } = parseArgs({ options: { db: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (error) {
    exit(2, `${(error as Error).message}\n\n${usage}`);
  }
  if (values.help) exit(0, usage);
  return values;
}
