/**
 * npm run backup -- [--db FILE] [--out FILE]: a consistent copy of the live SQLite database, taken
 * with SQLite's online backup API while the server keeps running. PostgreSQL has pg_dump for that.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { SqliteStore } from '../store/sqlite/store.js';
import { DATABASE_HELP, exit, outputArgs, toolStore } from './tool-store.js';

const USAGE = `Usage: npm run backup -- [--db FILE] [--out FILE]

Writes a consistent copy of the SQLite database while the server runs (default out:
byline-backup-<UTC timestamp>.sqlite). ${DATABASE_HELP}
For PostgreSQL (DATABASE_URL set) use pg_dump: pg_dump --format=custom --file=byline.dump "$DATABASE_URL"`;

const values = outputArgs(USAGE);
if (!values.db && process.env.DATABASE_URL) exit(2, `DATABASE_URL is set: this is a PostgreSQL database.\n${USAGE.split('\n').at(-1)}`);
const out = resolve(values.out ?? `byline-backup-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`);
if (existsSync(out)) exit(1, `${out} already exists; choose another --out.`);

const store = (await toolStore(values.db)) as SqliteStore;
try {
  await store.backup(out);
  console.log(`Backed up ${store.location} to ${out}`);
} finally {
  await store.close();
}
