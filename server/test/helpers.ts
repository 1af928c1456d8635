import type { FastifyInstance, InjectOptions } from 'fastify';
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import pg from 'pg';
import { buildApp, REPO_ROOT, type AppOptions } from '../app.js';
import { PostgresStore } from '../store/postgres/store.js';
import { SqliteStore } from '../store/sqlite/store.js';
import type { Store } from '../store/store.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';
export const PARTNER = 'https://partner.example';
/** High enough that only the rate-limit tests ever meet a limit. */
export const NO_LIMITS = { post: { max: 10_000, timeWindow: 60_000 }, read: { max: 10_000, timeWindow: 60_000 } };

/**
 * The store the suite runs against: SQLite by default; `npm run test:server:postgres` sets
 * BYLINE_TEST_STORE=postgres and BYLINE_TEST_DATABASE_URL (a throwaway cluster, postgres/run.ts).
 */
export const STORE_KIND: Store['kind'] = process.env.BYLINE_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';
/** For tests of the SQLite file itself (pragmas, damaged files, --db). */
export const sqliteOnly = { skip: STORE_KIND === 'sqlite' ? false : 'SQLite file behaviour' };
export const postgresOnly = { skip: STORE_KIND === 'postgres' ? false : 'PostgreSQL only (npm run test:server:postgres)' };

/** A fresh temp directory, removed when the test file ends. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'byline-test-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A fresh, empty database of the store under test. */
export interface TestDatabase {
  dir: string;
  /** The SQLite file (SQLite runs only). */
  dbPath: string;
  /** A URL whose connections use this database's own schema (PostgreSQL runs only). */
  databaseUrl?: string;
  /** Environment that points server/main.ts and the tools at this database. */
  env: Record<string, string>;
  /** CLI arguments that name this database (`--db FILE` on SQLite; the URL is in `env` otherwise). */
  cliArgs: string[];
  open(): Promise<Store>;
  /** Runs plain SQL both dialects understand, for audits behind the API's back. */
  query<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  /** Runs one writing statement with `?` parameters, behind the API's back (data another tool left). */
  exec(sql: string, params: unknown[]): Promise<void>;
}

let schemas = 0;

export async function testDatabase(): Promise<TestDatabase> {
  const dir = tempDir();
  const dbPath = join(dir, 'byline.sqlite');
  if (STORE_KIND === 'sqlite') {
    return {
      dir,
      dbPath,
      env: { BYLINE_DATA_DIR: dir },
      cliArgs: ['--db', dbPath],
      open: async () => new SqliteStore({ file: dbPath }),
      query: async <T>(sql: string) => {
        const db = new Database(dbPath, { readonly: true });
        try {
          return db.prepare(sql).all() as T[];
        } finally {
          db.close();
        }
      },
      exec: async (sql: string, params: unknown[]) => {
        const db = new Database(dbPath);
        try {
          db.prepare(sql).run(...params);
        } finally {
          db.close();
        }
      },
    };
  }
  const base = process.env.BYLINE_TEST_DATABASE_URL;
  if (!base) throw new Error('BYLINE_TEST_DATABASE_URL is not set: run npm run test:server:postgres');
  const schema = `t_${process.pid}_${++schemas}`;
  const admin = new pg.Client(base);
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const databaseUrl = `${base}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return {
    dir,
    dbPath,
    databaseUrl,
    env: { BYLINE_DATA_DIR: dir, DATABASE_URL: databaseUrl },
    cliArgs: [],
    open: () => PostgresStore.open(databaseUrl, { poolSize: 4 }),
    query: async <T>(sql: string) => {
      const client = new pg.Client(databaseUrl);
      await client.connect();
      try {
        return (await client.query(sql)).rows as T[];
      } finally {
        await client.end();
      }
    },
    exec: async (sql: string, params: unknown[]) => {
      const client = new pg.Client(databaseUrl);
      await client.connect();
      let n = 0;
      try {
        await client.query(sql.replace(/\?/g, () => `$${++n}`), params);
      } finally {
        await client.end();
      }
    },
  };
}

/** An app on a fresh database of the store under test. */
export async function makeApp(options: Partial<AppOptions> = {}) {
  const db = await testDatabase();
  const store = await db.open();
  const app = await buildApp({ store, adminToken: ADMIN_TOKEN, allowedOrigins: [PARTNER], rateLimits: NO_LIMITS, staticRoot: db.dir, ...options });
  after(async () => {
    await app.close();
    await store.close();
  });
  return { app, store, db, dbPath: db.dbPath, dir: db.dir };
}

/** Rows in a table, counted behind the API's back. */
export async function countRows(db: TestDatabase, table: string): Promise<number> {
  const [row] = await db.query<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${table}`);
  return Number(row.n);
}

let keySeq = 0;
export const newKey = () => `test-key-${process.pid}-${++keySeq}`;

export interface PostOptions {
  key?: string | null;
  headers?: Record<string, string>;
}

/** POST a comment as JSON with a fresh Idempotency-Key unless one is given (null: none). */
export function postComment(app: FastifyInstance, thread: string, body: unknown, opts: PostOptions = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...opts.headers };
  const key = opts.key === undefined ? newKey() : opts.key;
  if (key !== null) headers['idempotency-key'] = key;
  const request: InjectOptions = {
    method: 'POST',
    url: `/api/threads/${encodeURIComponent(thread)}/comments`,
    headers,
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  };
  return app.inject(request);
}

export async function createComment(app: FastifyInstance, thread: string, name: string, body: string, parentId?: string) {
  const res = await postComment(app, thread, { author: { name }, body, ...(parentId ? { parentId } : {}) });
  if (res.statusCode !== 201) throw new Error(`expected 201, got ${res.statusCode}: ${res.body}`);
  return res.json().comment as { id: string; parentId: string | null; status: string; body: string; createdAt: string };
}

export async function getComments(app: FastifyInstance, thread: string, query = '') {
  const res = await app.inject({ method: 'GET', url: `/api/threads/${encodeURIComponent(thread)}/comments${query}` });
  return { res, json: res.json() };
}

/** Asserts the standard error body and returns it. */
export function errorOf(res: { statusCode: number; json(): unknown }) {
  const body = res.json() as { error: { code: string; message: string; field?: string } };
  if (!body || typeof body !== 'object' || !body.error || typeof body.error.code !== 'string' || typeof body.error.message !== 'string') {
    throw new Error(`not an error body: ${JSON.stringify(body)}`);
  }
  return body.error;
}

export const MAIN = join(REPO_ROOT, 'server/main.ts');

export interface RunningServer {
  child: ChildProcess;
  /** `http://127.0.0.1:PORT` */
  base: string;
  /** Everything the process wrote so far (stdout and stderr). */
  output(): string;
}

/** Starts server/main.ts (with `args`) as its own process with `env` over a clean base, and waits for its URL. */
export async function startServer(env: Record<string, string>, args: string[] = []): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: '', ...env },
  });
  let out = '';
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => (out += chunk));
  const base = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: string) => {
      out += chunk;
      const url = /Byline (?:demo|API): (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (url) resolve(url[1]);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  return { child, base, output: () => out };
}
