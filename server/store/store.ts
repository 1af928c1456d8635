/**
 * The storage interface every store implements (SQLite in sqlite/, PostgreSQL in postgres/). It knows
 * rows and transactions, never HTTP: the domain layer decides what a result means for a reader.
 * Every method is async because a networked database needs it; SQLite answers at once.
 */

export type Status = 'published' | 'pending' | 'rejected';
export type Sort = 'newest' | 'oldest';

/** A comment row as stored. */
export interface StoredComment {
  id: string;
  thread: string;
  parentId: string | null;
  authorName: string;
  body: string;
  createdAt: string;
  status: Status;
}

/** Where a page ends, in its sort order: pages are ordered by (createdAt, id). */
export interface Position {
  createdAt: string;
  id: string;
}

export interface PostRequest {
  /** The comment to store; its `parentId` is decided by `placeReply` inside the transaction. */
  comment: Omit<StoredComment, 'parentId'>;
  parentId: string | null;
  key: string;
  requestHash: string;
  /**
   * Called inside the transaction, with the named parent and (if that is itself a reply) its
   * top-level comment, both locked against a concurrent status change. Answers the parent id to
   * store (one of those two), or undefined to refuse the post.
   */
  placeReply(parent: StoredComment | undefined, top: StoredComment | undefined): string | undefined;
}

export type PostResult =
  | { outcome: 'created'; comment: StoredComment }
  /** The key was used before: the comment it stored (current state) and the hash it was stored with. */
  | { outcome: 'replayed'; comment: StoredComment; requestHash: string }
  | { outcome: 'invalid_parent' };

export interface RateLimitHit {
  /** Hits in the current window, this one included. */
  count: number;
  /** When the current window ends, epoch milliseconds. */
  resetAt: number;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Where the data lives, for the startup line (file path, or host/database without credentials). */
  readonly location: string;

  /**
   * Stores the comment and its idempotency record atomically, and keeps the thread's total. A key
   * already stored (even by a concurrent request in another process) answers `replayed`.
   */
  post(request: PostRequest): Promise<PostResult>;
  comment(id: string): Promise<StoredComment | undefined>;
  /** Published top-level comments of a thread, in `sort` order, after `after` if given. */
  topLevel(thread: string, options: { sort: Sort; limit: number; after?: Position }): Promise<StoredComment[]>;
  /** Published replies to the given comments, oldest first. */
  replies(parentIds: string[]): Promise<StoredComment[]>;
  /** Kept totals of published, visible comments per thread (0 for a thread never seen). */
  totals(threads: string[]): Promise<Record<string, number>>;
  /** The same figure counted from the rows; for audits and tests, never on a reader's request. */
  recount(thread: string): Promise<number>;
  /** Every comment in any status, oldest first, after `after` if given (export). */
  allComments(options: { limit: number; after?: Position }): Promise<StoredComment[]>;
  /** Comments in one status, oldest first, after `after` if given (admin paging). */
  byStatus(status: Status, options: { thread?: string; limit: number; after?: Position }): Promise<StoredComment[]>;
  /** Changes a comment's status and the thread's total in one transaction; undefined when no such id. */
  setStatus(id: string, status: Status, at: string): Promise<StoredComment | undefined>;

  /** Counts one hit on a fixed-window rate-limit counter shared by every process on this store. */
  hitRateLimit(key: string, windowMs: number, nowMs: number): Promise<RateLimitHit>;

  /** Resolves when the database answers and its schema is this code's; rejects otherwise. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** A problem with the database that must stop the process with a readable one-line message. */
export class StartupError extends Error {}

/** The migration list shape both dialects share: numbered, append-only, never edited once shipped. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
