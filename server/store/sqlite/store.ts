import Database from 'better-sqlite3';
import type { AuditEntry, AuthorData, Ban, PostRequest, PostResult, Position, RateLimitHit, ReportedComment, Sort, Status, Store, StoredComment } from '../store.js';
import { fromAuditRow, fromBanRow, fromRow, type AuditRow, type BanRow, type CommentRow as Row } from '../rows.js';
import { totalDelta } from '../totals.js';
import { LATEST, openDatabase, schemaVersion, type DB } from './database.js';

/** A deleted comment is listed only while it has published, undeleted replies: it holds their place. */
const SHOWN = `(c.deleted_at IS NULL OR EXISTS (SELECT 1 FROM comments r
  WHERE r.parent_id = c.id AND r.status = 'published' AND r.deleted_at IS NULL))`;

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
      db.prepare<unknown[], Row>(`SELECT * FROM comments c
        WHERE c.thread = ? AND c.parent_id IS NULL AND c.status = 'published' AND ${SHOWN}
        ${withCursor ? `AND (c.created_at, c.id) ${order === 'DESC' ? '<' : '>'} (?, ?)` : ''}
        ORDER BY c.created_at ${order}, c.id ${order} LIMIT ?`);
    this.statements = {
      byId: db.prepare<[string], Row>('SELECT * FROM comments WHERE id = ?'),
      pages: {
        newest: { first: page('DESC', false), after: page('DESC', true) },
        oldest: { first: page('ASC', false), after: page('ASC', true) },
      },
      replies: db.prepare<[string], Row>(`SELECT * FROM comments
        WHERE parent_id IN (SELECT value FROM json_each(?)) AND status = 'published' AND deleted_at IS NULL
        ORDER BY created_at, id`),
      totals: db.prepare<[string], { thread: string; total: number }>(
        'SELECT thread, total FROM thread_totals WHERE thread IN (SELECT value FROM json_each(?))'),
      recount: db.prepare<[string], { n: number }>(`SELECT COUNT(*) AS n
        FROM comments c LEFT JOIN comments p ON p.id = c.parent_id
        WHERE c.thread = ? AND c.status = 'published' AND c.deleted_at IS NULL AND (c.parent_id IS NULL OR p.status = 'published')`),
      countedReplies: db.prepare<[string], { n: number }>(
        "SELECT COUNT(*) AS n FROM comments WHERE parent_id = ? AND status = 'published' AND deleted_at IS NULL"),
      addTotal: db.prepare<[{ thread: string; delta: number }]>(`INSERT INTO thread_totals (thread, total) VALUES (@thread, MAX(@delta, 0))
        ON CONFLICT (thread) DO UPDATE SET total = total + @delta`),
      keyRow: db.prepare<[string, string], { request_hash: string; comment_id: string }>(
        'SELECT request_hash, comment_id FROM idempotency_keys WHERE thread = ? AND key = ?'),
      insertComment: db.prepare(`INSERT INTO comments
        (id, thread, parent_id, author_name, author_id, author_picture, author_address, body, created_at, status, edited_at, deleted_at)
        VALUES (@id, @thread, @parentId, @authorName, @authorId, @authorPicture, @authorAddress, @body, @createdAt, @status, @editedAt, @deletedAt)`),
      insertKey: db.prepare('INSERT INTO idempotency_keys (thread, key, request_hash, comment_id, created_at) VALUES (?, ?, ?, ?, ?)'),
      byStatus: db.prepare<[{ status: Status; thread: string | null; afterAt: string | null; afterId: string | null; limit: number }], Row>(`SELECT * FROM comments
        WHERE status = @status AND (@thread IS NULL OR thread = @thread) AND (@afterAt IS NULL OR (created_at, id) > (@afterAt, @afterId))
        ORDER BY created_at, id LIMIT @limit`),
      all: db.prepare<[{ afterAt: string | null; afterId: string | null; limit: number }], Row>(`SELECT * FROM comments
        WHERE (@afterAt IS NULL OR (created_at, id) > (@afterAt, @afterId)) ORDER BY created_at, id LIMIT @limit`),
      setStatus: db.prepare<[Status, string, string]>('UPDATE comments SET status = ?, moderated_at = ? WHERE id = ?'),
      edit: db.prepare<[{ id: string; body: string; status: Status; editedAt: string }]>(
        'UPDATE comments SET body = @body, status = @status, edited_at = @editedAt WHERE id = @id'),
      markDeleted: db.prepare<[string, string]>(
        "UPDATE comments SET body = '', author_name = '', author_picture = NULL, deleted_at = COALESCE(deleted_at, ?) WHERE id = ?"),
      addReport: db.prepare<[string, string, string]>(
        'INSERT INTO reports (comment_id, reporter, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
      resolveReports: db.prepare<[string, string]>('UPDATE reports SET resolved_at = ? WHERE comment_id = ? AND resolved_at IS NULL'),
      reported: db.prepare<[{ afterAt: string | null; afterId: string | null; limit: number }], Row & { reports: number; last_report_at: string }>(
        `SELECT c.*, COUNT(*) AS reports, MAX(r.created_at) AS last_report_at
        FROM reports r JOIN comments c ON c.id = r.comment_id
        WHERE r.resolved_at IS NULL AND (@afterAt IS NULL OR (c.created_at, c.id) > (@afterAt, @afterId))
        GROUP BY c.id ORDER BY c.created_at, c.id LIMIT @limit`),
      recent: db.prepare<[{ afterAt: string | null; afterId: string | null; limit: number }], Row>(`SELECT * FROM comments
        WHERE (@afterAt IS NULL OR (created_at, id) < (@afterAt, @afterId)) ORDER BY created_at DESC, id DESC LIMIT @limit`),
      setBan: db.prepare<[Ban]>(`INSERT INTO bans (subject, until, reason, created_at, created_by)
        VALUES (@subject, @until, @reason, @createdAt, @createdBy)
        ON CONFLICT (subject) DO UPDATE SET until = excluded.until, reason = excluded.reason,
          created_at = excluded.created_at, created_by = excluded.created_by`),
      ban: db.prepare<[string], BanRow>('SELECT * FROM bans WHERE subject = ?'),
      liftBan: db.prepare<[string]>('DELETE FROM bans WHERE subject = ?'),
      audit: db.prepare<[Omit<AuditEntry, 'id'>], AuditRow>(`INSERT INTO audit_log (at, actor, action, comment_id, subject, detail)
        VALUES (@at, @actor, @action, @commentId, @subject, @detail) RETURNING *`),
      auditLog: db.prepare<[{ before: number | null; limit: number }], AuditRow>(
        'SELECT * FROM audit_log WHERE (@before IS NULL OR id < @before) ORDER BY id DESC LIMIT @limit'),
      byAuthor: db.prepare<[string, string], Row>(
        'SELECT * FROM comments WHERE author_id = ? OR author_address = ? ORDER BY created_at, id'),
      reportsBy: db.prepare<[string], { comment_id: string; created_at: string; resolved_at: string | null }>(
        'SELECT comment_id, created_at, resolved_at FROM reports WHERE reporter = ? ORDER BY created_at'),
      eraseKeys: db.prepare<[string]>('DELETE FROM idempotency_keys WHERE comment_id = ?'),
      eraseReportsOn: db.prepare<[string]>('DELETE FROM reports WHERE comment_id = ?'),
      eraseReportsBy: db.prepare<[string]>('DELETE FROM reports WHERE reporter = ?'),
      eraseIds: db.prepare<[string]>('UPDATE comments SET author_id = NULL, author_address = NULL WHERE id = ?'),
      insertSecret: db.prepare<[string, string]>('INSERT INTO server_secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING'),
      secret: db.prepare<[string], { value: string }>('SELECT value FROM server_secrets WHERE name = ?'),
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
      const delta = totalDelta({ status: 'rejected', deleted: false }, { status: stored.status, deleted: stored.deletedAt !== null }, parent ? parent.status : null, 0);
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
    return this.change(id, () => this.statements.setStatus.run(status, at, id));
  }

  /**
   * Runs one change to a comment under the write lock and moves the thread's total by what it changed:
   * read before, change, read after, apply totalDelta. Every status, edit or deletion goes through here.
   */
  private changeNow(id: string, apply: (before: StoredComment) => void): StoredComment | undefined {
    const s = this.statements;
    const before = this.row(id);
    if (!before) return undefined;
    apply(before);
    const after = this.row(id)!;
    const parentStatus = before.parentId === null ? null : this.row(before.parentId)!.status;
    const replies = parentStatus === null ? s.countedReplies.get(id)!.n : 0;
    const state = (c: StoredComment) => ({ status: c.status, deleted: c.deletedAt !== null });
    const delta = totalDelta(state(before), state(after), parentStatus, replies);
    if (delta) s.addTotal.run({ thread: before.thread, delta });
    return after;
  }

  private change(id: string, apply: (before: StoredComment) => void): Promise<StoredComment | undefined> {
    return Promise.resolve(this.db.transaction(() => this.changeNow(id, apply)).immediate());
  }

  async editComment(id: string, change: { body: string; status: Status; editedAt: string }) {
    return this.change(id, () => this.statements.edit.run({ id, ...change }));
  }

  async deleteComment(id: string, at: string) {
    return this.change(id, () => this.statements.markDeleted.run(at, id));
  }

  async addReport(report: { commentId: string; reporter: string; at: string }): Promise<'added' | 'duplicate'> {
    return this.statements.addReport.run(report.commentId, report.reporter, report.at).changes ? 'added' : 'duplicate';
  }

  async resolveReports(commentId: string, at: string) {
    this.statements.resolveReports.run(at, commentId);
  }

  async reported(options: { limit: number; after?: Position }): Promise<ReportedComment[]> {
    return this.statements.reported
      .all({ afterAt: options.after?.createdAt ?? null, afterId: options.after?.id ?? null, limit: options.limit })
      .map((r) => ({ ...fromRow(r), reports: r.reports, lastReportAt: r.last_report_at }));
  }

  async recent(options: { limit: number; after?: Position }) {
    return this.statements.recent
      .all({ afterAt: options.after?.createdAt ?? null, afterId: options.after?.id ?? null, limit: options.limit })
      .map(fromRow);
  }

  async setBan(ban: Ban) {
    this.statements.setBan.run(ban);
  }

  async ban(subject: string) {
    const r = this.statements.ban.get(subject);
    return r && fromBanRow(r);
  }

  async liftBan(subject: string) {
    return this.statements.liftBan.run(subject).changes > 0;
  }

  async audit(entry: Omit<AuditEntry, 'id'>) {
    return fromAuditRow(this.statements.audit.get(entry)!);
  }

  async auditLog(options: { limit: number; before?: number }) {
    return this.statements.auditLog.all({ before: options.before ?? null, limit: options.limit }).map(fromAuditRow);
  }

  async authorData(subject: string): Promise<AuthorData> {
    const s = this.statements;
    return {
      comments: s.byAuthor.all(subject, subject).map(fromRow),
      reportsFiled: s.reportsBy.all(subject).map((r) => ({ commentId: r.comment_id, createdAt: r.created_at, resolvedAt: r.resolved_at })),
      ban: await this.ban(subject),
    };
  }

  async eraseAuthor(subject: string, at: string) {
    const s = this.statements;
    const run = this.db.transaction(() => {
      const own = s.byAuthor.all(subject, subject);
      for (const c of own) {
        this.changeNow(c.id, () => s.markDeleted.run(at, c.id));
        s.eraseIds.run(c.id);
        s.eraseKeys.run(c.id);
        s.eraseReportsOn.run(c.id);
      }
      s.eraseReportsBy.run(subject);
      s.liftBan.run(subject);
      return { comments: own.length };
    });
    return run.immediate();
  }

  async sharedSecret(name: string, candidate: string) {
    this.statements.insertSecret.run(name, candidate);
    return this.statements.secret.get(name)!.value;
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
