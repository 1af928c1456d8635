import Database from 'better-sqlite3';
import type { PostRequest, PostResult, Position, RateLimitHit, Sort, Status, Store, StoredComment } from '../store.js';
import { fromRow, type CommentRow as Row } from '../rows.js';
import { totalDelta } from '../totals.js';
import { LATEST, openDatabase, schemaVersion, type DB } from './database.js';

/** Expired rate-limit rows are swept about once per this many hits. */
const SWEEP_EVERY = 1000;

/**
 * The default store: one SQLite file, shared safely by several processes on one machine. Every write
 * runs under BEGIN IMMEDIATE, so processes take turns and read-then-write inside it is race-free.
 */
export class SqliteStore implements Store {
  readonly kind = 'sqlite';
  readonly location: string;
  private readonly statements;
  private readonly limits: DB;
  private readonly limitHit;
  private readonly limitSweep;
  private hits = 0;

  /** Opens (creating and migrating if needed) the file; `db` instead adopts an open database (the caller closes it). */
  constructor(source: { file: string; mustExist?: boolean } | { db: DB }) {
    const db = 'db' in source ? source.db : openDatabase(source.file, { mustExist: source.mustExist });
    this.db = db;
    this.owned = !('db' in source);
    this.location = db.name;
    const page = (order: 'ASC' | 'DESC', withCursor: boolean) =>
      db.prepare<unknown[], Row>(`SELECT * FROM comments
        WHERE thread = ? AND parent_id IS NULL AND status = 'published'
        ${withCursor ? `AND (created_at, id) ${order === 'DESC' ? '<' : '>'} (?, ?)` : ''}
        ORDER BY created_at ${order}, id ${order} LIMIT ?`);
    this.statements = {
      byId: db.prepare<[string], Row>('SELECT * FROM comments WHERE id = ?'),
      pages: {
        newest: { first: page('DESC', false), after: page('DESC', true) },
        oldest: { first: page('ASC', false), after: page('ASC', true) },
      },
      replies: db.prepare<[string], Row>(`SELECT * FROM comments
        WHERE parent_id IN (SELECT value FROM json_each(?)) AND status = 'published'
        ORDER BY created_at, id`),
      totals: db.prepare<[string], { thread: string; total: number }>(
        'SELECT thread, total FROM thread_totals WHERE thread IN (SELECT value FROM json_each(?))'),
      recount: db.prepare<[string], { n: number }>(`SELECT COUNT(*) AS n
        FROM comments c LEFT JOIN comments p ON p.id = c.parent_id
        WHERE c.thread = ? AND c.status = 'published' AND (c.parent_id IS NULL OR p.status = 'published')`),
      publishedReplies: db.prepare<[string], { n: number }>(
        "SELECT COUNT(*) AS n FROM comments WHERE parent_id = ? AND status = 'published'"),
      addTotal: db.prepare<[{ thread: string; delta: number }]>(`INSERT INTO thread_totals (thread, total) VALUES (@thread, MAX(@delta, 0))
        ON CONFLICT (thread) DO UPDATE SET total = total + @delta`),
      keyRow: db.prepare<[string, string], { request_hash: string; comment_id: string }>(
        'SELECT request_hash, comment_id FROM idempotency_keys WHERE thread = ? AND key = ?'),
      insertComment: db.prepare(`INSERT INTO comments (id, thread, parent_id, author_name, body, created_at, status)
        VALUES (@id, @thread, @parentId, @authorName, @body, @createdAt, @status)`),
      insertKey: db.prepare('INSERT INTO idempotency_keys (thread, key, request_hash, comment_id, created_at) VALUES (?, ?, ?, ?, ?)'),
      byStatus: db.prepare<[{ status: Status; thread: string | null; afterAt: string | null; afterId: string | null; limit: number }], Row>(`SELECT * FROM comments
        WHERE status = @status AND (@thread IS NULL OR thread = @thread) AND (@afterAt IS NULL OR (created_at, id) > (@afterAt, @afterId))
        ORDER BY created_at, id LIMIT @limit`),
      all: db.prepare<[{ afterAt: string | null; afterId: string | null; limit: number }], Row>(`SELECT * FROM comments
        WHERE (@afterAt IS NULL OR (created_at, id) > (@afterAt, @afterId)) ORDER BY created_at, id LIMIT @limit`),
      setStatus: db.prepare<[Status, string, string]>('UPDATE comments SET status = ?, moderated_at = ? WHERE id = ?'),
    };

    // Rate-limit counters need not survive a power cut, so they get their own connection without
    // the fsync per commit that comments pay for.
    this.limits = db.memory ? db : new Database(this.location);
    this.limits.pragma('synchronous = NORMAL');
    this.limits.pragma('busy_timeout = 5000');
    this.limitHit = this.limits.prepare<[{ key: string; now: number; window: number }], RateLimitHit>(`INSERT INTO rate_limits (key, count, reset_at) VALUES (@key, 1, @now + @window)
      ON CONFLICT (key) DO UPDATE SET
        count = CASE WHEN reset_at <= @now THEN 1 ELSE count + 1 END,
        reset_at = CASE WHEN reset_at <= @now THEN @now + @window ELSE reset_at END
      RETURNING count, reset_at AS resetAt`);
    this.limitSweep = this.limits.prepare<[number]>('DELETE FROM rate_limits WHERE reset_at <= ?');
  }

  private readonly db: DB;
  private readonly owned: boolean;

  async post(request: PostRequest): Promise<PostResult> {
    const s = this.statements;
    const run = this.db.transaction((): PostResult => {
      const { comment } = request;
      const seen = s.keyRow.get(comment.thread, request.key);
      if (seen) return { outcome: 'replayed', comment: fromRow(s.byId.get(seen.comment_id)!), requestHash: seen.request_hash };
      let parent: StoredComment | undefined;
      if (request.parentId !== null) {
        const named = this.row(request.parentId);
        const top = named?.parentId ? this.row(named.parentId) : undefined;
        const placed = request.placeReply(named, top);
        if (placed === undefined) return { outcome: 'invalid_parent' };
        parent = placed === named?.id ? named : top;
      }
      const stored: StoredComment = { ...comment, parentId: parent?.id ?? null };
      s.insertComment.run(stored);
      s.insertKey.run(comment.thread, request.key, request.requestHash, comment.id, comment.createdAt);
      const delta = totalDelta('rejected', stored.status, parent ? parent.status : null, 0);
      if (delta) s.addTotal.run({ thread: stored.thread, delta });
      return { outcome: 'created', comment: stored };
    });
    // IMMEDIATE takes the write lock up front, so two processes cannot both miss the key.
    return run.immediate();
  }

  private row(id: string): StoredComment | undefined {
    const r = this.statements.byId.get(id);
    return r && fromRow(r);
  }

  async comment(id: string) {
    return this.row(id);
  }

  async topLevel(thread: string, options: { sort: Sort; limit: number; after?: Position }) {
    const statements = this.statements.pages[options.sort];
    const rows = options.after
      ? statements.after.all(thread, options.after.createdAt, options.after.id, options.limit)
      : statements.first.all(thread, options.limit);
    return rows.map(fromRow);
  }

  async replies(parentIds: string[]) {
    return parentIds.length ? this.statements.replies.all(JSON.stringify(parentIds)).map(fromRow) : [];
  }

  async totals(threads: string[]) {
    const result: Record<string, number> = {};
    for (const t of threads) result[t] = 0;
    for (const { thread, total } of this.statements.totals.all(JSON.stringify(threads))) result[thread] = total;
    return result;
  }

  async recount(thread: string) {
    return this.statements.recount.get(thread)!.n;
  }

  async allComments(options: { limit: number; after?: Position }) {
    const { after } = options;
    return this.statements.all.all({ afterAt: after?.createdAt ?? null, afterId: after?.id ?? null, limit: options.limit }).map(fromRow);
  }

  /** A consistent copy of the live database in `file` (SQLite's online backup API). */
  async backup(file: string): Promise<void> {
    await this.db.backup(file);
  }

  async byStatus(status: Status, options: { thread?: string; limit: number; after?: Position }) {
    const { thread, after } = options;
    return this.statements.byStatus
      .all({ status, thread: thread ?? null, afterAt: after?.createdAt ?? null, afterId: after?.id ?? null, limit: options.limit })
      .map(fromRow);
  }

  async setStatus(id: string, status: Status, at: string) {
    const s = this.statements;
    const run = this.db.transaction(() => {
      const before = this.row(id);
      if (!before) return undefined;
      s.setStatus.run(status, at, id);
      const parentStatus = before.parentId === null ? null : this.row(before.parentId)!.status;
      const replies = parentStatus === null ? s.publishedReplies.get(id)!.n : 0;
      const delta = totalDelta(before.status, status, parentStatus, replies);
      if (delta) s.addTotal.run({ thread: before.thread, delta });
      return { ...before, status };
    });
    return run.immediate();
  }

  async hitRateLimit(key: string, windowMs: number, nowMs: number): Promise<RateLimitHit> {
    if (++this.hits % SWEEP_EVERY === 0) this.limitSweep.run(nowMs);
    return this.limitHit.get({ key, now: nowMs, window: windowMs })!;
  }

  async ready() {
    const version = schemaVersion(this.db);
    if (version !== LATEST) throw new Error(`schema version ${version}, this server needs ${LATEST}`);
  }

  async close() {
    if (this.limits !== this.db) this.limits.close();
    if (this.owned) this.db.close();
  }
}
