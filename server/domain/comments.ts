import { createHash } from 'node:crypto';
import type { WireComment, WireCommentPage, WireCommentPost } from '../../src/core/wire-types.js';
import type { Sort, Status, Store, StoredComment } from '../store/store.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { RuleError } from './errors.js';
import { newId } from './ids.js';
import { BODY_MAX, codePoints, LONE_SURROGATE, NAME_MAX } from './limits.js';

/** Moderation views add the thread and can show `rejected`. */
export interface AdminComment extends Omit<WireComment, 'status'> {
  thread: string;
  status: Status;
}

/** A link in a body or name holds the comment for review. */
const LINK = /https?:\/\/|www\./i;

export const toWire = (c: StoredComment): WireComment => ({
  id: c.id,
  parentId: c.parentId,
  author: { name: c.authorName },
  body: c.body,
  createdAt: c.createdAt,
  status: c.status as WireComment['status'],
});
export const toAdmin = (c: StoredComment): AdminComment => ({ ...toWire(c), status: c.status, thread: c.thread });

/** What happens to a posted comment: validation, moderation on links, reply placement, idempotency. */
export class Comments {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async page(thread: string, options: { limit: number; sort: Sort; cursor?: string }): Promise<WireCommentPage> {
    const after = options.cursor ? decodeCursor(options.cursor) : undefined;
    const [rows, totals] = await Promise.all([
      this.store.topLevel(thread, { sort: options.sort, limit: options.limit + 1, after }),
      this.store.totals([thread]),
    ]);
    const top = rows.slice(0, options.limit);
    const replies = await this.store.replies(top.map((c) => c.id));
    return {
      thread,
      total: totals[thread],
      items: [...top, ...replies].map(toWire),
      nextCursor: rows.length > options.limit ? encodeCursor(top[top.length - 1]) : null,
    };
  }

  counts(threads: string[]): Promise<Record<string, number>> {
    return this.store.totals(threads);
  }

  /** Validates, then stores the comment and its idempotency record in one transaction. */
  async post(thread: string, input: WireCommentPost, key: string): Promise<{ comment: WireComment; created: boolean }> {
    if (input.website !== undefined && input.website.trim() !== '') {
      throw new RuleError('spam', 'This looks automated; the comment was not stored.', 'website');
    }
    const name = input.author.name.trim();
    const body = input.body.trim();
    for (const [field, value, max] of [['author.name', name, NAME_MAX], ['body', body, BODY_MAX]] as const) {
      if (LONE_SURROGATE.test(value)) throw new RuleError('invalid_field', `${field} contains invalid Unicode.`, field);
      const n = codePoints(value);
      if (n < 1 || n > max) throw new RuleError('invalid_length', `${field} must be 1 to ${max} characters.`, field);
    }
    const parentId = input.parentId ?? null;
    const requestHash = createHash('sha256').update(JSON.stringify([name, body, parentId])).digest('hex');
    const at = this.now();
    const result = await this.store.post({
      comment: {
        id: newId(at.getTime()),
        thread,
        authorName: name,
        body,
        createdAt: at.toISOString(),
        status: LINK.test(body) || LINK.test(name) ? 'pending' : 'published',
      },
      parentId,
      key,
      requestHash,
      placeReply: (parent, top) => placeReply(thread, parent, top),
    });
    if (result.outcome === 'invalid_parent') {
      throw new RuleError('invalid_parent', 'parentId does not name a published comment of this thread.', 'parentId');
    }
    if (result.outcome === 'replayed' && result.requestHash !== requestHash) {
      throw new RuleError('idempotency_conflict', 'This Idempotency-Key was already used for a different comment.', 'Idempotency-Key');
    }
    return { comment: toWire(result.comment), created: result.outcome === 'created' };
  }
}

/** One level of nesting: a reply to a reply hangs under that reply's top-level comment. */
function placeReply(thread: string, parent: StoredComment | undefined, top: StoredComment | undefined): string | undefined {
  const root = parent?.parentId ? top : parent;
  if (!parent || parent.thread !== thread || parent.status !== 'published' || !root || root.status !== 'published') return undefined;
  return root.id;
}
