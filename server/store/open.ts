import { resolve } from 'node:path';
import { dataFile, ensureDataDir } from './sqlite/database.js';
import { SqliteStore } from './sqlite/store.js';
import { StartupError, type Store } from './store.js';

export interface StoreSettings {
  /** `postgres://…` selects PostgreSQL; unset, the SQLite file in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  /** PostgreSQL connections per process. */
  poolSize?: number;
  /** Refuse to create a database that is not there (tools pointed at the wrong place). */
  mustExist?: boolean;
}

/** The store the settings name: PostgreSQL for a postgres:// URL, else the SQLite file. */
export async function openStore(settings: StoreSettings): Promise<Store> {
  const url = settings.databaseUrl;
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new StartupError('DATABASE_URL must start with postgres:// (or be unset for SQLite).');
    const { PostgresStore } = await import('./postgres/store.js');
    return PostgresStore.open(url, { poolSize: settings.poolSize });
  }
  const dir = resolve(settings.dataDir);
  if (!settings.mustExist) ensureDataDir(dir);
  return new SqliteStore({ file: dataFile(dir), mustExist: settings.mustExist });
}
