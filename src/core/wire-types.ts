/**
 * The JSON the comments API sends and receives, as it travels (docs/contract.md, "Comments REST contract v1").
 * Type-only and shared by the widgets and the reference server, so neither re-declares it. The comment
 * box's checked view of an answer (comment-box/comments-api.ts) turns `parentId: null` into absent.
 */
export type { Article, RelatedFeed, RelatedKind, RelatedSection } from './contract.js';

export type CommentStatus = 'published' | 'pending';

export interface WireComment {
  id: string;
  /** The top-level comment this one answers; null for a top-level comment. */
  parentId: string | null;
  author: { name: string };
  body: string;
  /** ISO 8601 UTC with milliseconds. */
  createdAt: string;
  status: CommentStatus;
}

/** `GET {api}/threads/{thread}/comments` */
export interface WireCommentPage {
  thread: string;
  /** Published comments in the thread, replies included. */
  total: number;
  /** One page of top-level comments, then all their published replies (oldest first). */
  items: WireComment[];
  nextCursor: string | null;
}

/** The body of `POST {api}/threads/{thread}/comments`. */
export interface WireCommentPost {
  author: { name: string };
  body: string;
  parentId?: string | null;
  /** Honeypot: a person leaves it empty. */
  website?: string;
}

/** `GET {api}/counts?thread=…` */
export interface WireCounts {
  counts: Record<string, number>;
}

/** Every 4xx/5xx answer. */
export interface WireError {
  error: { code: string; message: string; field?: string };
}
