/**
 * The comments REST contract v1 (docs/contract.md): types, URL building, response checks and
 * the calls themselves. Answers are checked like any other data: a broken one becomes a ContractError
 * naming the field. Every request the comment box makes goes through this module.
 */
import { ContractError, count, dateTime, list, object, oneOf, optional, requiredText, text, type Check } from '../core/contract.js';
import { requestJson } from '../core/fetch.js';

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
  /** Deleted by its author or a moderator: name and body are empty; it stays to hold its replies' place. */
  deleted?: true;
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

const commentFields = object<Comment>({
  id: requiredText,
  parentId: optional(requiredText),
  author: object({ name: text }),
  body: text,
  createdAt: dateTime,
  status: oneOf('published', 'pending'),
  deleted: optional((value, path) => {
    if (value !== true) throw new ContractError(path, 'must be true');
    return true as const;
  }),
});

/** A comment; only a deleted one (a placeholder for its replies) may come without its author's name. */
export const checkComment: Check<Comment> = (value, path) => {
  const comment = commentFields(value, path);
  if (!comment.deleted) requiredText(comment.author.name, path ? `${path}.author.name` : 'author.name');
  return comment;
};

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

export const DEFAULT_PAGE_SIZE = 20;
/** The contract's largest page. */
export const MAX_PAGE_SIZE = 100;

/** A `page-size` as the `limit` the server accepts: a whole number from 1 to 100, else the default. */
export function pageLimit(pageSize: number): number {
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.round(pageSize) || DEFAULT_PAGE_SIZE));
}

export interface PageQuery {
  sort: CommentSort;
  /** Top-level comments per page; clamped by {@link pageLimit}. */
  pageSize: number;
  /** The previous page's `nextCursor`, for the page after it. */
  cursor?: string;
}

/** One page of a thread's comments, checked against the contract. */
export async function fetchCommentPage(
  api: string,
  thread: string,
  { sort, pageSize, cursor }: PageQuery,
  signal?: AbortSignal,
): Promise<CommentPage> {
  const query = new URLSearchParams({ limit: String(pageLimit(pageSize)), sort: sort === 'oldest' ? 'oldest' : 'newest' });
  if (cursor) query.set('cursor', cursor);
  return checkCommentPage(await requestJson(commentsUrl(api, thread, `?${query}`), { signal }), 'comments');
}

/**
 * Posts a comment once: a POST is never retried automatically. The same `key` (Idempotency-Key) for
 * the same body stores the comment at most once, however often it is sent.
 */
export async function postComment(api: string, thread: string, body: CommentPost, key: string): Promise<Comment> {
  const answer = await requestJson(commentsUrl(api, thread), { method: 'POST', body, headers: { 'Idempotency-Key': key } });
  return checkPosted(answer, 'response').comment;
}
