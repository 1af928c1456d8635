import type { WireAuditPage } from '../../src/core/wire-types.js';
import type { Ban, Position, Status, Store, StoredComment } from '../store/store.js';
import type { Cursors } from './cursor.js';
import { toAdmin, type AdminComment } from './comments.js';
import { RuleError } from './errors.js';
import { ADDRESS_PREFIX, SSO_PREFIX } from './identity.js';

export type Decision = 'approve' | 'reject' | 'delete';
export type Queue = 'pending' | 'reported' | 'recent' | 'published' | 'rejected';
export const QUEUES: Queue[] = ['pending', 'reported', 'recent', 'published', 'rejected'];

const STATUS_OF: Record<'approve' | 'reject', Status> = { approve: 'published', reject: 'rejected' };

export interface QueueItem extends AdminComment {
  /** Open reports (the reported queue only). */
  reports?: number;
}

/** An id the moderation API may name: a signed-in author or an anonymous poster's address hash. */
export function isSubject(value: string): boolean {
  return (value.startsWith(SSO_PREFIX) && value.length > SSO_PREFIX.length && value.length <= 204) ||
    /^addr:[A-Za-z0-9_-]{32}$/.test(value);
}

/** The moderation queues, decisions, bans, audit log and privacy calls, for the admin routes and the CLI alike. */
export class Moderation {
  constructor(
    private readonly store: Store,
    private readonly cursors: Cursors,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private at = () => this.now().toISOString();

  /** A page of a queue. Oldest first, except `recent` (newest first); `nextCursor` pages on. */
  async list(queue: Queue, options: { thread?: string; limit: number; cursor?: string }): Promise<{ items: QueueItem[]; nextCursor: string | null }> {
    const scope = `admin\n${queue}\n${options.thread ?? ''}`;
    const after = options.cursor ? this.cursors.decode(scope, options.cursor) : undefined;
    const query = { limit: options.limit + 1, after };
    let rows: (StoredComment & { reports?: number })[];
    if (queue === 'reported') rows = await this.store.reported(query);
    else if (queue === 'recent') rows = await this.store.recent(query);
    else rows = await this.store.byStatus(queue, { ...query, thread: options.thread });
    const page = rows.slice(0, options.limit);
    const last: Position | undefined = page[page.length - 1];
    return {
      items: page.map((c) => ({ ...toAdmin(c), ...(c.reports !== undefined ? { reports: c.reports } : {}) })),
      nextCursor: rows.length > options.limit && last ? this.cursors.encode(scope, last) : null,
    };
  }

  /** Approve, reject or delete a comment; closes its reports and writes the audit log. undefined when no such id. */
  async decide(id: string, decision: Decision, actor: string): Promise<AdminComment | undefined> {
    const at = this.at();
    const changed = decision === 'delete' ? await this.store.deleteComment(id, at) : await this.store.setStatus(id, STATUS_OF[decision], at);
    if (!changed) return undefined;
    await this.store.resolveReports(id, at);
    await this.store.audit({ at, actor, action: decision, commentId: id, subject: changed.authorId ?? changed.authorAddress, detail: null });
    return toAdmin(changed);
  }

  /** Bans the author of a comment (by id, else by address hash) until `until`, or for ever when null. */
  async banAuthorOf(commentId: string, options: { until: string | null; reason: string }, actor: string): Promise<Ban> {
    const comment = await this.store.comment(commentId);
    if (!comment) throw new RuleError('not_found', 'No comment with this id.', 'id');
    const subject = comment.authorId ?? comment.authorAddress;
    if (!subject) throw new RuleError('invalid_field', 'This comment no longer names its author (erased).', 'id');
    return this.ban(subject, options, actor, commentId);
  }

  async ban(subject: string, options: { until: string | null; reason: string }, actor: string, commentId: string | null = null): Promise<Ban> {
    if (options.until !== null && Date.parse(options.until) <= this.now().getTime()) {
      throw new RuleError('invalid_field', 'until must be in the future.', 'until');
    }
    const ban: Ban = { subject, until: options.until, reason: options.reason, createdAt: this.at(), createdBy: actor };
    await this.store.setBan(ban);
    await this.store.audit({ at: ban.createdAt, actor, action: 'ban', commentId, subject, detail: options.until ? `until ${options.until}` : 'for ever' });
    return ban;
  }

  async liftBan(subject: string, actor: string): Promise<boolean> {
    const lifted = await this.store.liftBan(subject);
    if (lifted) await this.store.audit({ at: this.at(), actor, action: 'unban', commentId: null, subject, detail: null });
    return lifted;
  }

  async auditLog(options: { limit: number; before?: number }): Promise<WireAuditPage> {
    const rows = await this.store.auditLog({ limit: options.limit + 1, before: options.before });
    const items = rows.slice(0, options.limit);
    return { items, nextBefore: rows.length > options.limit ? items[items.length - 1].id : null };
  }

  /** Everything stored about an author, as JSON; the export itself is logged. */
  async exportAuthor(subject: string, actor: string) {
    const data = await this.store.authorData(subject);
    await this.store.audit({ at: this.at(), actor, action: 'export', commentId: null, subject, detail: `${data.comments.length} comments` });
    return {
      subject,
      kind: subject.startsWith(ADDRESS_PREFIX) ? 'anonymous' : 'signed-in',
      exportedAt: this.at(),
      comments: data.comments.map((c) => ({
        id: c.id,
        thread: c.thread,
        parentId: c.parentId,
        authorName: c.authorName,
        authorPicture: c.authorPicture,
        body: c.body,
        status: c.status,
        createdAt: c.createdAt,
        editedAt: c.editedAt,
        deletedAt: c.deletedAt,
      })),
      reportsFiled: data.reportsFiled,
      ban: data.ban ?? null,
    };
  }

  /** Erases an author's comments' content and ids, their idempotency records and reports; logged. */
  async eraseAuthor(subject: string, actor: string): Promise<{ comments: number }> {
    const result = await this.store.eraseAuthor(subject, this.at());
    await this.store.audit({ at: this.at(), actor, action: 'erase', commentId: null, subject, detail: `${result.comments} comments` });
    return result;
  }
}
