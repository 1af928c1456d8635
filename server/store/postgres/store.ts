import pg from 'pg';
import {
  StartupError,
  type AuditEntry,
  type AuthorData,
  type Ban,
  type PostRequest,
  type PostResult,
  type Position,
  type RateLimitHit,
  type ReportedComment,
  type Sort,
  type Status,
  type Store,
  type StoredComment,
} from '../store.js';
import { fromAuditRow, fromBanRow, fromRow, type AuditRow, type BanRow, type CommentRow as Row } from '../rows.js';
import { totalDelta } from '../totals.js';
import { MIGRATIONS } from './migrations.js';

const COLUMN_NAMES = [
  'id', 'thread', 'parent_id', 'author_name', 'author_id', 'author_picture', 'author_address',
  'body', 'created_at', 'status', 'edited_at', 'deleted_at',
];
const COLUMNS = COLUMN_NAMES.join(', ');
/** The same columns of the comments table aliased `c`. */
const C_COLUMNS = COLUMN_NAMES.map((name) => `c.${name}`).join(', ');
/** A deleted comment is listed only while it has published, undeleted replies: it holds their place. */
const SHOWN = `(c.deleted_at IS NULL OR EXISTS (SELECT 1 FROM comments r
  WHERE r.parent_id = c.id AND r.status = 'published' AND r.deleted_at IS NULL))`;
/** Blanks what a deleted comment said and who said it; keeps the first deletion time. */
const MARK_DELETED = "UPDATE comments SET body = '', author_name = '', author_picture = NULL, deleted_at = COALESCE(deleted_at, $2) WHERE id = $1";
const LATEST = MIGRATIONS[MIGRATIONS.length - 1].version;
/** Any constant: every Byline process migrating the same database takes turns on it. */
const MIGRATION_LOCK = 0x6279_6c6e;
const SWEEP_EVERY = 1000;
/** SQLSTATE deadlock_detected. */
const DEADLOCK = '40P01';

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

  /**
   * Runs `work` in one transaction. Row locks are taken parent before child; should a deadlock still
   * happen (imported comments whose ids do not follow that order), PostgreSQL aborts one transaction
   * and it is run again.
   */
  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.transactionOnce(work);
      } catch (error) {
        if ((error as { code?: string }).code !== DEADLOCK || attempt === 3) throw error;
      }
    }
  }

  private async transactionOnce<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
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
      await client.query(`INSERT INTO comments (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`, [
        stored.id, stored.thread, stored.parentId, stored.authorName, stored.authorId, stored.authorPicture, stored.authorAddress,
        stored.body, stored.createdAt, stored.status, stored.editedAt, stored.deletedAt,
      ]);
      const delta = totalDelta({ status: 'rejected', deleted: false }, { status: stored.status, deleted: stored.deletedAt !== null }, parent ? parent.status : null, 0);
      if (delta) await addTotal(client, stored.thread, delta);
      return { outcome: 'created', comment: stored };
    }).catch((error: unknown) => {
      if (error instanceof RefusedParent) return { outcome: 'invalid_parent' } as const;
      throw error;
    });
    if (created !== 'replay') return created;
    const { rows } = await this.pool.query<Row & { request_hash: string }>(
      `SELECT k.request_hash, ${C_COLUMNS}
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
      after = `AND (c.created_at, c.id) ${order === 'DESC' ? '<' : '>'} ($3, $4)`;
    }
    const { rows } = await this.pool.query<Row>(
      `SELECT ${C_COLUMNS} FROM comments c
       WHERE c.thread = $1 AND c.parent_id IS NULL AND c.status = 'published' AND ${SHOWN} ${after}
       ORDER BY c.created_at ${order}, c.id ${order} LIMIT $2`,
      params,
    );
    return rows.map(fromRow);
  }

  async replies(parentIds: string[]) {
    if (!parentIds.length) return [];
    const { rows } = await this.pool.query<Row>(
      `SELECT ${COLUMNS} FROM comments WHERE parent_id = ANY($1) AND status = 'published' AND deleted_at IS NULL ORDER BY created_at, id`,
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
       WHERE c.thread = $1 AND c.status = 'published' AND c.deleted_at IS NULL AND (c.parent_id IS NULL OR p.status = 'published')`,
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
    return this.transaction((client) =>
      changeComment(client, id, async () => {
        await client.query('UPDATE comments SET status = $1, moderated_at = $2 WHERE id = $3', [status, at, id]);
      }),
    );
  }

  async editComment(id: string, change: { body: string; status: Status; editedAt: string }) {
    return this.transaction((client) =>
      changeComment(client, id, async () => {
        await client.query('UPDATE comments SET body = $1, status = $2, edited_at = $3 WHERE id = $4', [change.body, change.status, change.editedAt, id]);
      }),
    );
  }

  async deleteComment(id: string, at: string) {
    return this.transaction((client) =>
      changeComment(client, id, async () => {
        await client.query(MARK_DELETED, [id, at]);
      }),
    );
  }

  async addReport(report: { commentId: string; reporter: string; at: string }): Promise<'added' | 'duplicate'> {
    const { rowCount } = await this.pool.query(
      'INSERT INTO reports (comment_id, reporter, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [report.commentId, report.reporter, report.at],
    );
    return rowCount ? 'added' : 'duplicate';
  }

  async resolveReports(commentId: string, at: string) {
    await this.pool.query('UPDATE reports SET resolved_at = $1 WHERE comment_id = $2 AND resolved_at IS NULL', [at, commentId]);
  }

  async reported(options: { limit: number; after?: Position }): Promise<ReportedComment[]> {
    const { after } = options;
    const { rows } = await this.pool.query<Row & { reports: number; last_report_at: string }>(
      `SELECT ${C_COLUMNS}, COUNT(*)::int AS reports, MAX(r.created_at) AS last_report_at
       FROM reports r JOIN comments c ON c.id = r.comment_id
       WHERE r.resolved_at IS NULL AND ($1::text IS NULL OR (c.created_at, c.id) > ($1, $2))
       GROUP BY c.id ORDER BY c.created_at, c.id LIMIT $3`,
      [after?.createdAt ?? null, after?.id ?? null, options.limit],
    );
    return rows.map((r) => ({ ...fromRow(r), reports: r.reports, lastReportAt: r.last_report_at }));
  }

  async recent(options: { limit: number; after?: Position }) {
    const { after } = options;
    const { rows } = await this.pool.query<Row>(
      `SELECT ${COLUMNS} FROM comments WHERE ($1::text IS NULL OR (created_at, id) < ($1, $2))
       ORDER BY created_at DESC, id DESC LIMIT $3`,
      [after?.createdAt ?? null, after?.id ?? null, options.limit],
    );
    return rows.map(fromRow);
  }

  async setBan(ban: Ban) {
    await this.pool.query(
      `INSERT INTO bans (subject, until, reason, created_at, created_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (subject) DO UPDATE SET until = excluded.until, reason = excluded.reason,
         created_at = excluded.created_at, created_by = excluded.created_by`,
      [ban.subject, ban.until, ban.reason, ban.createdAt, ban.createdBy],
    );
  }

  async ban(subject: string) {
    const { rows } = await this.pool.query<BanRow>('SELECT * FROM bans WHERE subject = $1', [subject]);
    return rows[0] && fromBanRow(rows[0]);
  }

  async liftBan(subject: string) {
    const { rowCount } = await this.pool.query('DELETE FROM bans WHERE subject = $1', [subject]);
    return (rowCount ?? 0) > 0;
  }

  async audit(entry: Omit<AuditEntry, 'id'>) {
    const { rows } = await this.pool.query<AuditRow>(
      `INSERT INTO audit_log (at, actor, action, comment_id, subject, detail) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [entry.at, entry.actor, entry.action, entry.commentId, entry.subject, entry.detail],
    );
    return fromAuditRow(rows[0]);
  }

  async auditLog(options: { limit: number; before?: number }) {
    const { rows } = await this.pool.query<AuditRow>(
      'SELECT * FROM audit_log WHERE ($1::int IS NULL OR id < $1) ORDER BY id DESC LIMIT $2',
      [options.before ?? null, options.limit],
    );
    return rows.map(fromAuditRow);
  }

  async authorData(subject: string): Promise<AuthorData> {
    const comments = await this.pool.query<Row>(
      `SELECT ${COLUMNS} FROM comments WHERE author_id = $1 OR author_address = $1 ORDER BY created_at, id`,
      [subject],
    );
    const reports = await this.pool.query<{ comment_id: string; created_at: string; resolved_at: string | null }>(
      'SELECT comment_id, created_at, resolved_at FROM reports WHERE reporter = $1 ORDER BY created_at',
      [subject],
    );
    return {
      comments: comments.rows.map(fromRow),
      reportsFiled: reports.rows.map((r) => ({ commentId: r.comment_id, createdAt: r.created_at, resolvedAt: r.resolved_at })),
      ban: await this.ban(subject),
    };
  }

  async eraseAuthor(subject: string, at: string) {
    return this.transaction(async (client) => {
      // Every row this erasure changes or reads a parent status from, locked up front in id order
      // (ids begin with their creation time, so parents before replies, as every other change locks):
      // two erasures of authors who replied to each other then cannot lock in opposite orders.
      await client.query(
        `SELECT 1 FROM comments WHERE id IN (SELECT id FROM comments WHERE author_id = $1 OR author_address = $1
           UNION SELECT parent_id FROM comments WHERE (author_id = $1 OR author_address = $1) AND parent_id IS NOT NULL)
         ORDER BY id FOR UPDATE`,
        [subject],
      );
      const own = await client.query<{ id: string }>(
        'SELECT id FROM comments WHERE author_id = $1 OR author_address = $1 ORDER BY created_at, id',
        [subject],
      );
      for (const { id } of own.rows) {
        await changeComment(client, id, async () => {
          await client.query(MARK_DELETED, [id, at]);
        });
        await client.query('UPDATE comments SET author_id = NULL, author_address = NULL WHERE id = $1', [id]);
        await client.query('DELETE FROM idempotency_keys WHERE comment_id = $1', [id]);
        await client.query('DELETE FROM reports WHERE comment_id = $1', [id]);
      }
      await client.query('DELETE FROM reports WHERE reporter = $1', [subject]);
      await client.query('DELETE FROM bans WHERE subject = $1', [subject]);
      return { comments: own.rows.length };
    });
  }

  async sharedSecret(name: string, candidate: string) {
    // DO NOTHING waits for a concurrent first insert to commit, so every process reads the same value.
    await this.pool.query('INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [name, candidate]);
    const { rows } = await this.pool.query<{ value: string }>('SELECT value FROM server_secrets WHERE name = $1', [name]);
    return rows[0].value;
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

/**
 * Runs one change to a comment inside the caller's transaction and moves the thread's total by what
 * it changed. Locks the parent (shared) before the comment (exclusive), the order a reply's post
 * takes too, so concurrent posts, moderation, edits and deletions serialise on the rows whose state
 * decides the count: no deadlock between them and no skewed total.
 */
async function changeComment(client: pg.PoolClient, id: string, apply: () => Promise<void>): Promise<StoredComment | undefined> {
  const { rows } = await client.query<{ parent_id: string | null }>('SELECT parent_id FROM comments WHERE id = $1', [id]);
  if (!rows.length) return undefined;
  const parent = rows[0].parent_id === null ? undefined : await lockComment(client, rows[0].parent_id);
  const read = async (lock: string) => fromRow((await client.query<Row>(`SELECT ${COLUMNS} FROM comments WHERE id = $1 ${lock}`, [id])).rows[0]);
  const before = await read('FOR UPDATE');
  await apply();
  const after = await read('');
  let replies = 0;
  if (!parent) {
    const counted = await client.query<{ n: number }>(
      "SELECT COUNT(*)::int AS n FROM comments WHERE parent_id = $1 AND status = 'published' AND deleted_at IS NULL",
      [id],
    );
    replies = counted.rows[0].n;
  }
  const state = (c: StoredComment) => ({ status: c.status, deleted: c.deletedAt !== null });
  const delta = totalDelta(state(before), state(after), parent ? parent.status : null, replies);
  if (delta) await addTotal(client, before.thread, delta);
  return after;
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
