/**
 * The storage interface every store implements (SQLite in sqlite/, PostgreSQL in postgres/). It knows
 * rows and transactions, never HTTP: the domain layer decides what a result means for a reader.
 * Every method is async because a networked database needs it; SQLite answers at once.
 */

import type { WireAuditEntry } from '../../src/core/wire-types.js';

export type Status = 'published' | 'pending' | 'rejected';
export type Sort = 'newest' | 'oldest';

/** A comment row as stored. */
export interface StoredComment {
  id: string;
  thread: string;
  parentId: string | null;
  authorName: string;
  /** 'sso:<sub>' for a signed-in author, null for an anonymous one. */
  authorId: string | null;
  authorPicture: string | null;
  /** Salted hash of the poster's address ('addr:…'), for bans and reports; null once erased. */
  authorAddress: string | null;
  body: string;
  createdAt: string;
  status: Status;
  editedAt: string | null;
  /** Deleted by its author, a moderator or an erasure: body and name are blank from then on. */
  deletedAt: string | null;
}

/** A comment in the reported queue, with how many readers reported it since it was last decided. */
export interface ReportedComment extends StoredComment {
  reports: number;
  lastReportAt: string;
}

export interface Ban {
  /** 'sso:<sub>' or 'addr:<salted hash>'. */
  subject: string;
  /** ISO 8601; null: for ever. */
  until: string | null;
  reason: string;
  createdAt: string;
  createdBy: string;
}

/** The audit log's entry is stored as it travels: one type for the store, the API and the desk. */
export type AuditEntry = WireAuditEntry;

/** Everything stored about one author, for a data export. */
export interface AuthorData {
  comments: StoredComment[];
  reportsFiled: { commentId: string; createdAt: string; resolvedAt: string | null }[];
  ban: Ban | undefined;
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

  /**
   * Replaces a comment's body (and status: an edit that adds a link goes back to review) and keeps
   * the thread total exact, in one transaction. undefined when no such id.
   */
  editComment(id: string, change: { body: string; status: Status; editedAt: string }): Promise<StoredComment | undefined>;
  /** Marks a comment deleted and blanks its body, name and picture; totals kept. undefined when no such id. */
  deleteComment(id: string, at: string): Promise<StoredComment | undefined>;

  /** Records a report; `duplicate` when this reporter already reported this comment. */
  addReport(report: { commentId: string; reporter: string; at: string }): Promise<'added' | 'duplicate'>;
  /** Closes the open reports of a comment (a moderator decided on it). */
  resolveReports(commentId: string, at: string): Promise<void>;
  /** Comments with open reports, oldest first by (createdAt, id), after `after` if given. */
  reported(options: { limit: number; after?: Position }): Promise<ReportedComment[]>;
  /** Every comment, newest first, before `after` if given. */
  recent(options: { limit: number; after?: Position }): Promise<StoredComment[]>;

  /** Sets (or replaces) the ban on a subject. */
  setBan(ban: Ban): Promise<void>;
  /** The ban on a subject, if any (expired ones included: the caller compares `until`). */
  ban(subject: string): Promise<Ban | undefined>;
  /** true when there was a ban to lift. */
  liftBan(subject: string): Promise<boolean>;

  /** Appends to the audit log and returns the entry. */
  audit(entry: Omit<AuditEntry, 'id'>): Promise<AuditEntry>;
  /** The audit log, newest first, entries with id below `before` if given. */
  auditLog(options: { limit: number; before?: number }): Promise<AuditEntry[]>;

  /** Everything stored about an author ('sso:<sub>' or 'addr:<hash>'). */
  authorData(subject: string): Promise<AuthorData>;
  /**
   * Erases an author: blanks the body, name, picture and ids of their comments (marked deleted, so
   * ones with replies keep the thread's shape), removes their idempotency records, the reports they
   * filed and the reports on their comments, and their ban. One transaction; answers how many comments.
   */
  eraseAuthor(subject: string, at: string): Promise<{ comments: number }>;

  /**
   * A secret shared by every process on this database: stores `candidate` under `name` unless one is
   * already stored, and answers the stored one.
   */
  sharedSecret(name: string, candidate: string): Promise<string>;

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
