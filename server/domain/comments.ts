import { createHash } from 'node:crypto';
import type { WireComment, WireCommentPage, WireCommentPost } from '../../src/core/wire-types.js';
import type { Sort, Status, Store, StoredComment } from '../store/store.js';
import type { Bans } from './bans.js';
import type { Cursors } from './cursor.js';
import { RuleError } from './errors.js';
import type { AuthMode, Reader } from './identity.js';
import { newId } from './ids.js';
import { BODY_MAX, codePoints, LONE_SURROGATE, NAME_MAX } from './limits.js';
import { containsLink, UNSAFE_IN_BODY, UNSAFE_IN_NAME } from './text.js';

/** Moderation views add the thread, the poster's subjects and can show `rejected`. */
export interface AdminComment extends Omit<WireComment, 'status'> {
  thread: string;
  status: Status;
  /** 'sso:<sub>' or 'addr:<hash>': what a ban or an erasure of this author names. */
  subject: string | null;
}

export const toWire = (c: StoredComment): WireComment => {
  const base = { id: c.id, parentId: c.parentId, createdAt: c.createdAt, status: c.status as WireComment['status'] };
  if (c.deletedAt !== null) return { ...base, author: { name: '' }, body: '', deleted: true };
  const author: WireComment['author'] = { name: c.authorName };
  if (c.authorId !== null) author.id = c.authorId;
  if (c.authorPicture !== null) author.picture = c.authorPicture;
  return { ...base, author, body: c.body, ...(c.editedAt !== null ? { editedAt: c.editedAt } : {}) };
};

export const toAdmin = (c: StoredComment): AdminComment => ({ ...toWire(c), status: c.status, thread: c.thread, subject: c.authorId ?? c.authorAddress });

export interface CommentSettings {
  auth: AuthMode;
  /** How long after posting an author may edit, in seconds. */
  editWindowS: number;
}

/** Trims and checks one text field: length in code points, characters UTF-8 and screens can show safely. */
function checkText(field: 'author.name' | 'body', raw: string, max: number): string {
  const value = raw.trim();
  if (LONE_SURROGATE.test(value)) throw new RuleError('invalid_field', `${field} contains invalid Unicode.`, field);
  if ((field === 'body' ? UNSAFE_IN_BODY : UNSAFE_IN_NAME).test(value)) {
    throw new RuleError('invalid_field', `${field} contains control or text-direction characters.`, field);
  }
  const n = codePoints(value);
  if (n < 1 || n > max) throw new RuleError('invalid_length', `${field} must be 1 to ${max} characters.`, field);
  return value;
}

/** What happens to a posted comment: validation, moderation on links, reply placement, idempotency, author controls. */
export class Comments {
  constructor(
    private readonly store: Store,
    private readonly cursors: Cursors,
    private readonly bans: Bans,
    private readonly settings: CommentSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async page(thread: string, options: { limit: number; sort: Sort; cursor?: string }): Promise<WireCommentPage> {
    const scope = `thread\n${thread}\n${options.sort}`;
    const after = options.cursor ? this.cursors.decode(scope, options.cursor) : undefined;
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
      nextCursor: rows.length > options.limit ? this.cursors.encode(scope, top[top.length - 1]) : null,
      auth: this.settings.auth,
    };
  }

  counts(threads: string[]): Promise<Record<string, number>> {
    return this.store.totals(threads);
  }

  /** The reader posting: signed in, or anonymous if this server allows it. */
  private poster(reader: Reader): Reader {
    if (this.settings.auth === 'required' && !reader.id) throw new RuleError('auth_required', 'Sign in to comment.');
    return this.settings.auth === 'anonymous' ? { roles: [], address: reader.address } : reader;
  }

  /** Validates, then stores the comment and its idempotency record in one transaction. */
  async post(thread: string, input: WireCommentPost, key: string, reader: Reader): Promise<{ comment: WireComment; created: boolean }> {
    const poster = this.poster(reader);
    if (input.website !== undefined && input.website.trim() !== '') {
      throw new RuleError('spam', 'This looks automated; the comment was not stored.', 'website');
    }
    let name: string;
    if (poster.id) name = poster.name!;
    else if (!input.author) throw new RuleError('missing_field', 'author is required.', 'author');
    else name = checkText('author.name', input.author.name, NAME_MAX);
    const body = checkText('body', input.body, BODY_MAX);
    await this.bans.check([poster.id, poster.address]);

    const parentId = input.parentId ?? null;
    const requestHash = createHash('sha256').update(JSON.stringify([name, body, parentId, poster.id ?? null])).digest('hex');
    const at = this.now();
    const result = await this.store.post({
      comment: {
        id: newId(at.getTime()),
        thread,
        authorName: name,
        authorId: poster.id ?? null,
        authorPicture: poster.picture ?? null,
        authorAddress: poster.address,
        body,
        createdAt: at.toISOString(),
        // A signed-in reader's name comes from the partner's login, so only the body is checked for links.
        status: containsLink(body) || (!poster.id && containsLink(name)) ? 'pending' : 'published',
        editedAt: null,
        deletedAt: null,
      },
      parentId,
      key,
      requestHash,
      placeReply: (parent, top) => placeReply(thread, parent, top),
    });
    if (result.outcome === 'invalid_parent') {
      throw new RuleError('invalid_parent', 'parentId does not name a published comment of this thread.', 'parentId');
    }
    if (result.outcome === 'replayed') {
      if (result.requestHash !== requestHash) {
        throw new RuleError('idempotency_conflict', 'This Idempotency-Key was already used for a different comment.', 'Idempotency-Key');
      }
      // The contract's statuses are published and pending; a comment since rejected or deleted is gone.
      if (result.comment.status === 'rejected' || result.comment.deletedAt !== null) {
        throw new RuleError('comment_removed', 'The comment sent with this Idempotency-Key was removed.');
      }
    }
    return { comment: toWire(result.comment), created: result.outcome === 'created' };
  }

  /** The reader's own comment in this thread, or the error that says why not. */
  private async own(thread: string, id: string, reader: Reader): Promise<StoredComment> {
    if (!reader.id) throw new RuleError('auth_required', 'Sign in to change your comments.');
    const comment = await this.store.comment(id);
    if (!comment || comment.thread !== thread || comment.status === 'rejected' || comment.deletedAt !== null) {
      throw new RuleError('not_found', 'No comment with this id in this thread.', 'id');
    }
    if (comment.authorId !== reader.id) throw new RuleError('forbidden', 'Only the author can change this comment.');
    return comment;
  }

  /** The author changes the body within the edit window; a body that now holds a link goes back to review. */
  async edit(thread: string, id: string, rawBody: string, reader: Reader): Promise<WireComment> {
    const comment = await this.own(thread, id, reader);
    const at = this.now();
    if (at.getTime() - Date.parse(comment.createdAt) > this.settings.editWindowS * 1000) {
      throw new RuleError('edit_window_closed', `Comments can be edited for ${this.settings.editWindowS} seconds after posting.`);
    }
    await this.bans.check([reader.id, reader.address]);
    const body = checkText('body', rawBody, BODY_MAX);
    const status = containsLink(body) ? 'pending' : comment.status;
    const changed = await this.store.editComment(id, { body, status, editedAt: at.toISOString() });
    return toWire(changed!);
  }

  /** The author deletes their comment: it disappears, or stays as a blank placeholder while it has replies. */
  async remove(thread: string, id: string, reader: Reader): Promise<void> {
    await this.own(thread, id, reader);
    await this.store.deleteComment(id, this.now().toISOString());
    await this.store.audit({ at: this.now().toISOString(), actor: reader.id!, action: 'author_delete', commentId: id, subject: reader.id!, detail: null });
  }

  /** One report per reader per comment; reports put the comment in the desk's reported queue. */
  async report(thread: string, id: string, reader: Reader): Promise<void> {
    const comment = await this.store.comment(id);
    if (!comment || comment.thread !== thread || comment.status !== 'published' || comment.deletedAt !== null) {
      throw new RuleError('not_found', 'No published comment with this id in this thread.', 'id');
    }
    const reporter = this.settings.auth !== 'anonymous' && reader.id ? reader.id : reader.address;
    const outcome = await this.store.addReport({ commentId: id, reporter, at: this.now().toISOString() });
    if (outcome === 'duplicate') throw new RuleError('already_reported', 'You have already reported this comment.');
  }
}

/** One level of nesting: a reply to a reply hangs under that reply's top-level comment. */
function placeReply(thread: string, parent: StoredComment | undefined, top: StoredComment | undefined): string | undefined {
  const root = parent?.parentId ? top : parent;
  if (!parent || parent.thread !== thread || parent.status !== 'published' || parent.deletedAt !== null || !root || root.status !== 'published') {
    return undefined;
  }
  return root.id;
}
