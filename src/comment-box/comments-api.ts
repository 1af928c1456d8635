/**
 * The comments REST contract v1 (docs/contract.md): types, URL building and response checks.
 * Answers are checked like any other data: a broken one becomes a ContractError naming the field.
 */
import { count, dateTime, list, object, oneOf, optional, requiredText, text, type Check } from '../core/contract.js';

export type CommentSort = 'newest' | 'oldest';

export interface Comment {
  id: string;
  /** The top-level comment this one answers; absent for a top-level comment. */
  parentId?: string;
  author: { name: string };
  body: string;
  createdAt: string;
  /** `pending`: held for moderation, shown only to the reader who wrote it. */
  status: 'published' | 'pending';
}

export interface CommentPage {
  thread: string;
  /** Published comments in the thread, replies included. */
  total: number;
  /** One page of top-level comments in the requested order, then all their replies (oldest first). */
  items: Comment[];
  nextCursor?: string;
}

/**
 * The JSON body of a POST. A `byline-comment-submit` listener may add fields (e.g. `extra`); they are
 * sent as they are.
 */
export interface CommentPost {
  author: { name: string };
  body: string;
  parentId?: string;
  /** The honeypot field's value; sent only when a (robot) filled it in. */
  website?: string;
  [field: string]: unknown;
}

export const checkComment: Check<Comment> = object<Comment>({
  id: requiredText,
  parentId: optional(requiredText),
  author: object({ name: requiredText }),
  body: text,
  createdAt: dateTime,
  status: oneOf('published', 'pending'),
});

export const checkCommentPage: Check<CommentPage> = object<CommentPage>({
  thread: text,
  total: count,
  items: list(checkComment),
  nextCursor: optional(requiredText),
});

export const checkPosted: Check<{ comment: Comment }> = object({ comment: checkComment });

/** `{api}/threads/{thread}/comments{query}`; `api` may be absolute (another origin) or relative. */
export function commentsUrl(api: string, thread: string, query = ''): string {
  return `${api.replace(/\/+$/, '')}/threads/${encodeURIComponent(thread)}/comments${query}`;
}
