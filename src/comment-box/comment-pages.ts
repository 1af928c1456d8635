/**
 * The thread's comments, a page at a time: the first page (given as the `page` property or inline JSON,
 * else fetched lazily, when the box nears the viewport, unless `loading="eager"`), "load more" by
 * cursor, and the comments the reader posts meanwhile. Requests go through the core's RequestController,
 * so a box that leaves the page stops loading and starts again when it comes back.
 */
import type { ReactiveControllerHost } from 'lit';
import { ContractError } from '../core/contract.js';
import { DataController, RequestController } from '../core/data.js';
import { emit, errorDetail, reportError } from '../core/emit.js';
import '../core/events.js';
import type { LoadingMode } from '../core/near-viewport.js';
import { checkCommentPage, fetchCommentPage, type Comment, type CommentPage, type CommentSort } from './comments-api.js';

/** `invalid`: an answer arrived but broke the contract; `failed`: no usable answer. */
export type PagesStatus = 'loading' | 'ready' | 'failed' | 'invalid';

export interface PagesHost extends ReactiveControllerHost, HTMLElement {
  api?: string;
  thread?: string;
  sort: CommentSort;
  pageSize: number;
  loading: LoadingMode;
  page?: CommentPage;
}

export class CommentPagesController {
  /** Every comment shown: top-level ones in the order of the sort, and their replies. */
  comments: Comment[] = [];
  /** Published comments in the thread, replies included; unknown until the first page. */
  total?: number;
  nextCursor?: string;
  /** The server's sign-in mode from the last page (`anonymous`, `optional`, `required`); unknown before. */
  auth?: string;
  status: PagesStatus = 'loading';
  loadingMore = false;
  /** The last "load more" failed; the comments already shown stay. */
  moreFailed = false;
  /** Comments the reader posted from this box: theirs, even without a sign-in to say so. */
  readonly postedHere = new Set<string>();

  private readonly _request: RequestController;
  /** The first page given with the box (property or inline JSON), checked like a fetched one. */
  private readonly _given: DataController<CommentPage>;
  /** The given page (or its failure) last shown: a new sort or a retry requests the first page instead. */
  private _shown?: unknown;

  constructor(
    private readonly _host: PagesHost,
    /** Called with the first new top-level comment of a later page, for focus to move there. */
    private readonly _onMore: (first: Comment) => void,
  ) {
    this._request = new RequestController(_host, () => this.load());
    this._given = new DataController(_host, 'comments', checkCommentPage);
  }

  /** Loads the first page, from scratch; a newly given one is shown as it is, without a request. */
  load(): void {
    this._load(false);
  }

  /** Loads the page after the last one shown. */
  loadMore(): void {
    this._load(true);
  }

  /**
   * Adds a comment the reader just posted: a top-level one where the sort puts new comments, a reply at
   * the end. A repeated Idempotency-Key answers a comment that may already be in the list: it is not
   * added twice.
   */
  add(comment: Comment): void {
    this.postedHere.add(comment.id);
    if (this.comments.some((known) => known.id === comment.id)) return;
    const top = !comment.parentId && this._host.sort !== 'oldest';
    this.comments = top ? [comment, ...this.comments] : [...this.comments, comment];
    if (comment.status === 'published' && this.total !== undefined) this.total++;
    this._host.requestUpdate();
  }

  private _load(more: boolean): void {
    const { api, thread, sort, pageSize } = this._host;
    this.moreFailed = false;
    this.loadingMore = more;
    if (!more) {
      this.status = 'loading';
      this.comments = [];
      this.total = this.nextCursor = undefined;
    }
    this._host.requestUpdate();
    if (!more && this._takeGiven()) return;
    if (!api || !thread) {
      this._request.cancel();
      return this._failed(new ContractError(api ? 'thread' : 'api', 'attribute is required'), more);
    }
    const cursor = more ? this.nextCursor : undefined;
    this._request.run(
      (signal) => fetchCommentPage(api, thread, { sort, pageSize, cursor }, signal),
      !more && this._host.loading !== 'eager',
      { done: (page) => this._accept(page, more), failed: (error) => this._failed(error, more) },
    );
  }

  /**
   * Shows a page given with the box that was not shown yet (its DataController has checked it and sent
   * byline-load, or reported the failing field); true when it did, so nothing is requested.
   */
  private _takeGiven(): boolean {
    const given = this._given;
    given.sync(this._host.page, undefined);
    const news = given.value ?? given.failure;
    if (news === this._shown) return false;
    this._shown = news;
    this._request.cancel();
    if (given.value) this._accept(given.value, false, true);
    else this.status = 'invalid';
    return true;
  }

  private _accept(page: CommentPage, more: boolean, announced?: boolean): void {
    // A comment the reader just posted may come again on a later page.
    const known = new Set(this.comments.map((comment) => comment.id));
    const fresh = page.items.filter((comment) => !known.has(comment.id));
    this.comments = [...this.comments, ...fresh];
    this.total = page.total;
    this.nextCursor = page.nextCursor;
    this.auth = page.auth;
    this.status = 'ready';
    this.loadingMore = false;
    this._host.requestUpdate();
    if (!announced) emit(this._host, 'byline-load', { value: page });
    const first = fresh.find((comment) => !comment.parentId);
    if (more && first) this._onMore(first);
  }

  private _failed(error: unknown, more: boolean): void {
    const detail = errorDetail(error);
    if (more) this.moreFailed = true;
    else this.status = detail.kind === 'contract' ? 'invalid' : 'failed';
    this.loadingMore = false;
    this._host.requestUpdate();
    reportError(this._host, detail);
  }
}
