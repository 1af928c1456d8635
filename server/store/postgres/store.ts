import pg from 'pg';
import { StartupError, type PostRequest, type PostResult, type Position, type RateLimitHit, type Sort, type Status, type Store, type StoredComment } from '../store.js';
import { fromRow, type CommentRow as Row } from '../rows.js';
import { totalDelta } from '../totals.js';
import { MIGRATIONS } from './migrations.js';

const COLUMNS = 'id, thread, parent_id, author_name, body, created_at, status';
const LATEST = MIGRATIONS[MIGRATIONS.length - 1].version;
/** Any constant: every Byline process migrating the same database takes turns on it. */
const MIGRATION_LOCK = 0x6279_6c6e;
const SWEEP_EVERY = 1000;

/** postgres://host:port/db without credentials, for logs and the startup line. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `postgres://${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

/**
 * The shared store for several server processes. Correct under concurrency by constraints and row
 * locks, not by reading first: the idempotency key's primary key decides which request stores a
 * comment, and a reply locks its parent so a concurrent moderation cannot skew the kept totals.
 */
export class PostgresStore implements Store {
  readonly kind = 'postgres';
  private hits = 0;

  private constructor(
    private readonly pool: pg.Pool,
    readonly location: string,
  ) {}

  /** Connects, migrates (refusing a database newer than this code) and answers the store. */
  static async open(url: string, options: { poolSize?: number } = {}): Promise<PostgresStore> {
    const location = describeUrl(url);
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, connectionTimeoutMillis: 5000 });
    // An idle client losing its connection (database restart) must not crash the process.
    pool.on('error', () => {});
    try {
      await migrate(pool);
    } catch (error) {
      await pool.end();
      if (error instanceof StartupError) throw error;
      throw new StartupError(`Cannot use PostgreSQL at ${location}: ${(error as Error).message}`, { cause: error });
    }
    return new PostgresStore(pool, location);
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async post(request: PostRequest): Promise<PostResult> {
    const { comment } = request;
    const created = await this.transaction(async (client): Promise<PostResult | 'replay'> => {
      // The key first: a concurrent request with the same key waits here until this one commits.
      const claimed = await client.query(
        `INSERT INTO idempotency_keys (thread, key, request_hash, comment_id, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (thread, key) DO NOTHING`,
        [comment.thread, request.key, request.requestHash, comment.id, comment.createdAt],
      );
      if (claimed.rowCount === 0) return 'replay';
      let parent: StoredComment | undefined;
      if (request.parentId !== null) {
        const named = await lockComment(client, request.parentId);
        const top = named?.parentId ? await lockComment(client, named.parentId) : undefined;
        const placed = request.placeReply(named, top);
        if (placed === undefined) throw new RefusedParent();
        parent = placed === named?.id ? named : top;
      }
      const stored: StoredComment = { ...comment, parentId: parent?.id ?? null };
      await client.query(`INSERT INTO comments (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
        stored.id, stored.thread, stored.parentId, stored.authorName, stored.body, stored.createdAt, stored.status,
      ]);
      const delta = totalDelta('rejected', stored.status, parent ? parent.status : null, 0);
      if (delta) await addTotal(client, stored.thread, delta);
      return { outcome: 'created', comment: stored };
    }).catch((error: unknown) => {
      if (error instanceof RefusedParent) return { outcome: 'invalid_parent' } as const;
      throw error;
    });
    if (created !== 'replay') return created;
    const { rows } = await this.pool.query<Row & { request_hash: string }>(
      `SELECT k.request_hash, ${COLUMNS.split(', ').map((c) => `c.${c}`).join(', ')}
       FROM idempotency_keys k JOIN comments c ON c.id = k.comment_id WHERE k.thread = $1 AND k.key = $2`,
      [comment.thread, request.key],
    );
    return { outcome: 'replayed', comment: fromRow(rows[0]), requestHash: rows[0].request_hash };
  }

  async comment(id: string) {
    const { rows } = await this.pool.query<Row>(`SELECT ${COLUMNS} FROM comments WHERE id = $1`, [id]);
    return rows[0] && fromRow(rows[0]);
  }

  async topLevel(thread: string, options: { sort: Sort; limit: number; after?: Position }) {
    const order = options.sort === 'newest' ? 'DESC' : 'ASC';
    const params: unknown[] = [thread, options.limit];
    let after = '';
    if (options.after) {
      params.push(options.after.createdAt, options.after.id);
      after = `AND (created_at, id) ${order === 'DESC' ? '<' : '>'} ($3, $4)`;
    }
    const { rows } = await this.pool.query<Row>(
      `SELECT ${COLUMNS} FROM comments WHERE thread = $1 AND parent_id IS NULL AND status = 'published' ${after}
       ORDER BY created_at ${order}, id ${order} LIMIT $2`,
      params,
    );
    return rows.map(fromRow);
  }

  async replies(parentIds: string[]) {
    if (!parentIds.length) return [];
    const { rows } = await this.pool.query<Row>(
      `SELECT ${COLUMNS} FROM comments WHERE parent_id = ANY($1) AND status = 'published' ORDER BY created_at, id`,
      [parentIds],
    );
    return rows.map(fromRow);
  }

  async totals(threads: string[]) {
    const result: Record<string, number> = {};
    for (const t of threads) result[t] = 0;
    const { rows } = await this.pool.query<{ thread: string; total: number }>(
      'SELECT thread, total FROM thread_totals WHERE thread = ANY($1)',
      [threads],
    );
    for (const { thread, total } of rows) result[thread] = total;
    return result;
  }

  async recount(thread: string) {
    const { rows } = await this.pool.query<{ n: string }>(
      `SELECT COUNT(*) AS n FROM comments c LEFT JOIN comments p ON p.id = c.parent_id
       WHERE c.thread = $1 AND c.status = 'published' AND (c.parent_id IS NULL OR p.status = 'published')`,
      [thread],
    );
    return Number(rows[0].n);
  }

  async allComments(options: { limit: number; after?: Position }) {
    const { after } = options;
    const { rows } = await this.pool.query<Row>(
      `SELECT ${COLUMNS} FROM comments WHERE ($1::text IS NULL OR (created_at, id) > ($1, $2)) ORDER BY created_at, id LIMIT $3`,
      [after?.createdAt ?? null, after?.id ?? null, options.limit],
    );
    return rows.map(fromRow);
  }

  async byStatus(status: Status, options: { thread?: string; limit: number; after?: Position }) {
    const { thread, after } = options;
    const { rows } = await this.pool.query<Row>(
      `SELECT ${COLUMNS} FROM comments
       WHERE status = $1 AND ($2::text IS NULL OR thread = $2) AND ($3::text IS NULL OR (created_at, id) > ($3, $4))
       ORDER BY created_at, id LIMIT $5`,
      [status, thread ?? null, after?.createdAt ?? null, after?.id ?? null, options.limit],
    );
    return rows.map(fromRow);
  }

  async setStatus(id: string, status: Status, at: string) {
    return this.transaction(async (client) => {
      const { rows } = await client.query<{ parent_id: string | null }>('SELECT parent_id FROM comments WHERE id = $1', [id]);
      if (!rows.length) return undefined;
      // Parent before child, the order a reply's post takes too: no deadlock, no skewed total.
      const parent = rows[0].parent_id === null ? undefined : await lockComment(client, rows[0].parent_id);
      const before = (await client.query<Row>(`SELECT ${COLUMNS} FROM comments WHERE id = $1 FOR UPDATE`, [id])).rows[0];
      await client.query('UPDATE comments SET status = $1, moderated_at = $2 WHERE id = $3', [status, at, id]);
      let replies = 0;
      if (!parent) {
        const counted = await client.query<{ n: string }>("SELECT COUNT(*) AS n FROM comments WHERE parent_id = $1 AND status = 'published'", [id]);
        replies = Number(counted.rows[0].n);
      }
      const delta = totalDelta(before.status, status, parent ? parent.status : null, replies);
      if (delta) await addTotal(client, before.thread, delta);
      return { ...fromRow(before), status };
    });
  }

  async hitRateLimit(key: string, windowMs: number, nowMs: number): Promise<RateLimitHit> {
    if (++this.hits % SWEEP_EVERY === 0) await this.pool.query('DELETE FROM rate_limits WHERE reset_at <= $1', [nowMs]);
    const { rows } = await this.pool.query<{ count: number; reset_at: string }>(
      `INSERT INTO rate_limits (key, count, reset_at) VALUES ($1, 1, $2::bigint + $3::bigint)
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN rate_limits.reset_at <= $2 THEN 1 ELSE rate_limits.count + 1 END,
         reset_at = CASE WHEN rate_limits.reset_at <= $2 THEN $2::bigint + $3::bigint ELSE rate_limits.reset_at END
       RETURNING count, reset_at`,
      [key, nowMs, windowMs],
    );
    return { count: rows[0].count, resetAt: Number(rows[0].reset_at) };
  }

  async ready() {
    const { rows } = await this.pool.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations');
    if (rows[0].v !== LATEST) throw new Error(`schema version ${rows[0].v}, this server needs ${LATEST}`);
  }

  async close() {
    await this.pool.end();
  }
}

/** Rolls the post back (key included) when the rules refuse its parent. */
class RefusedParent extends Error {}

async function lockComment(client: pg.PoolClient, id: string): Promise<StoredComment | undefined> {
  const { rows } = await client.query<Row>(`SELECT ${COLUMNS} FROM comments WHERE id = $1 FOR SHARE`, [id]);
  return rows[0] && fromRow(rows[0]);
}

async function addTotal(client: pg.PoolClient, thread: string, delta: number) {
  await client.query(
    `INSERT INTO thread_totals (thread, total) VALUES ($1, GREATEST($2::int, 0))
     ON CONFLICT (thread) DO UPDATE SET total = thread_totals.total + $2::int`,
    [thread, delta],
  );
}

/** Applies pending migrations in one transaction, one process at a time. */
async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    const { rows } = await client.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations');
    const from = rows[0].v ?? 0;
    if (from > LATEST) throw new StartupError(`Database schema version ${from} is newer than this server understands (${LATEST}). Upgrade Byline.`);
    for (const m of MIGRATIONS) {
      if (m.version <= from) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
