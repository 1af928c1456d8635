/**
 * The comments REST contract v1 (docs/contract.md): types, URL building, response checks and
 * the calls themselves. Answers are checked like any other data: a broken one becomes a ContractError
 * naming the field. Every request the comment box makes goes through this module.
 */
import { ContractError, count, dateTime, list, object, oneOf, optional, requiredText, text, type Check } from '../core/contract.js';
import { requestJson, type RequestOptions } from '../core/fetch.js';
import type { AuthMode, WireComment, WireCommentPage, WireCommentPost } from '../core/wire-types.js';

export type CommentSort = 'newest' | 'oldest';
export type { AuthMode };

/**
 * A comment as the box holds it: the wire type (src/core/wire-types.ts, which the server uses too), with
 * a top-level comment's `parentId: null` turned into absent.
 */
export type Comment = Omit<WireComment, 'parentId'> & {
  /** The top-level comment this one answers; absent for a top-level comment. */
  parentId?: string;
};

export interface CommentPage extends Omit<WireCommentPage, 'items' | 'nextCursor' | 'auth'> {
  /** One page of top-level comments in the requested order, then all their replies (oldest first). */
  items: Comment[];
  nextCursor?: string;
  /** Kept as any text: a sign-in mode this box does not know counts as `anonymous`. */
  auth?: string;
}

/**
 * The JSON body of a POST. A `byline-comment-submit` listener may add fields (e.g. `extra`); they are
 * sent as they are. A signed-in reader's post has no `author`: the server takes the name from the token.
 */
export interface CommentPost extends Omit<WireCommentPost, 'parentId'> {
  parentId?: string;
  [field: string]: unknown;
}

const commentFields = object<Comment>({
  id: requiredText,
  parentId: optional(requiredText),
  // `id` and `picture` are checked only as text here; the comment actions show a picture only over https.
  author: object({ name: text, id: optional(text), picture: optional(text) }),
  body: text,
  createdAt: dateTime,
  status: oneOf('published', 'pending'),
  editedAt: optional(dateTime),
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
  auth: optional(text),
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
 * One call on a thread's comments (`path` after `/comments`), with the reader's sign-in token when there
 * is one. Only GETs are retried (core/fetch.ts): a post, edit, delete or report is sent once.
 */
export function commentCall(
  api: string,
  thread: string,
  token: string | undefined,
  options: RequestOptions & { path?: string },
): Promise<unknown> {
  const headers = { ...options.headers };
  if (token) headers.Authorization = `Bearer ${token}`;
  return requestJson(commentsUrl(api, thread, options.path), { ...options, headers });
}

/**
 * Posts a comment once: a POST is never retried automatically. The same `key` (Idempotency-Key) for
 * the same body stores the comment at most once, however often it is sent.
 */
export async function postComment(api: string, thread: string, body: CommentPost, key: string, token?: string): Promise<Comment> {
  const answer = await commentCall(api, thread, token, { method: 'POST', body, headers: { 'Idempotency-Key': key } });
  return checkPosted(answer, 'response').comment;
}
