/**
 * The JSON the comments API sends and receives, as it travels (docs/contract.md, "Comments REST contract v1").
 * Type-only and shared by the widgets and the reference server, so neither re-declares it. The comment
 * box's checked view of an answer (comment-box/comments-api.ts) turns `parentId: null` into absent.
 */
export type { Article, RelatedFeed, RelatedKind, RelatedSection } from './contract.js';

export type CommentStatus = 'published' | 'pending';

/**
 * Whether posting needs the site's sign-in: `anonymous` (free-text names), `optional` (a token signs the
 * post, none posts anonymously) or `required` (a post without a token is `401 auth_required`).
 */
export type AuthMode = 'anonymous' | 'optional' | 'required';

export interface WireComment {
  id: string;
  /** The top-level comment this one answers; null for a top-level comment. */
  parentId: string | null;
  author: WireAuthor;
  /** Empty when `deleted`. */
  body: string;
  /** ISO 8601 UTC with milliseconds. */
  createdAt: string;
  status: CommentStatus;
  /** Set when the author changed the body after posting (ISO 8601 UTC). */
  editedAt?: string;
  /** The author or a moderator deleted it; kept only as the parent of its replies, without body or name. */
  deleted?: true;
}

/**
 * Who wrote a comment. `id` is present only for a reader signed in through the site's login (SSO),
 * namespaced `sso:<sub>`; a comment without it was posted under a free-text name. `name` is empty when
 * the comment is deleted.
 */
export interface WireAuthor {
  name: string;
  id?: string;
  /** https URL from the sign-in token. */
  picture?: string;
}

/** `GET {api}/threads/{thread}/comments` */
export interface WireCommentPage {
  thread: string;
  /** Published comments in the thread, replies included. */
  total: number;
  /** One page of top-level comments, then all their published replies (oldest first). */
  items: WireComment[];
  nextCursor: string | null;
  /** The server's sign-in mode, so a widget can offer sign-in before the reader writes; absent means `anonymous`. */
  auth?: AuthMode;
}

/** The body of `POST {api}/threads/{thread}/comments`. */
export interface WireCommentPost {
  /** Required for anonymous posts; ignored for a signed-in reader (the name comes from the token). */
  author?: { name: string };
  body: string;
  parentId?: string | null;
  /** Honeypot: a person leaves it empty. */
  website?: string;
}

/** The body of `PATCH {api}/threads/{thread}/comments/{id}` (the author, with their token). */
export interface WireCommentEdit {
  body: string;
}

/** `GET {api}/counts?thread=…` */
export interface WireCounts {
  counts: Record<string, number>;
}

/**
 * One line of the moderation audit log (`GET {api}/admin/audit`): who did what, when, to which comment
 * or author. Shared by the reference server's store and the moderation desk.
 */
export interface WireAuditEntry {
  id: number;
  /** ISO 8601 UTC. */
  at: string;
  /** 'admin-token', 'sso:<sub>' of the moderator or the author, or 'cli:<os user>'. */
  actor: string;
  action: string;
  commentId: string | null;
  /** 'sso:<sub>' or 'addr:<salted hash>': the author an action names. */
  subject: string | null;
  detail: string | null;
}

/** `GET {api}/admin/audit?limit=&before=`: newest first; pass `nextBefore` as `before` for the next page. */
export interface WireAuditPage {
  items: WireAuditEntry[];
  nextBefore: number | null;
}

/** Every 4xx/5xx answer. */
export interface WireError {
  error: { code: string; message: string; field?: string };
}
