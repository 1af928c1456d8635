/**
 * `<byline-comment-box>`: the element wires its parts, each a module of this folder:
 * - `comment-pages`: loading the thread a page at a time (on the core's RequestController);
 * - `comment-list`: the comments' templates;
 * - `comment-form`: the light-DOM form, the reader's draft, field errors and the character count;
 * - `posting`: sending a comment and putting the answer in the list, and `post-failure`: what a failed
 *   post tells the reader; both load the first time a reader posts;
 * - `live-region`: messages, and what screen readers hear;
 * - `comment-actions`: sign-in, the signed-in marks, and Edit, Delete and Report, loaded only once needed;
 * - `drafts` (storage) and `comments-api` (the REST contract and its calls).
 */
import { html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ariaLevel, BylineElement } from '../core/byline-element.js';
import type { LoadingMode } from '../core/near-viewport.js';
import { baseStyles } from '../core/styles.js';
import { commentBoxStyles } from './comment-box.styles.js';
import { CommentFormController } from './comment-form.js';
import { focusComment, renderComments, renderSkeleton } from './comment-list.js';
import { CommentPagesController } from './comment-pages.js';
import type { CommentActions } from './comment-actions.js';
import type { CommentPage, CommentSort } from './comments-api.js';
import { LiveRegionController } from './live-region.js';
import type { PostController } from './posting.js';

/**
 * @tagname byline-comment-box
 * @summary Comments for one thread: a "Comments (N)" header, newest- or oldest-first list with one level
 * of replies, "load more", and a post form whose draft survives reloads and failed posts.
 *
 * The post form is rendered into the element's light DOM (a `<form class="byline-comment-form">` child,
 * slotted): password managers and autofill cannot see fields inside a shadow root, and a form only owns
 * fields in its own tree. Its rules are one stylesheet adopted once per document (or shadow root), scoped
 * to `.byline-comment-form`; page CSS can restyle it. It moves under a comment when replying.
 *
 * @fires byline-load - A page of comments arrived and passed the contract checks.
 * @fires byline-error - Loading or posting failed; the box shows a localized message.
 * @fires byline-comment-submit - Cancelable, before a post is sent; `detail.body` is the outgoing JSON.
 * @fires byline-comment-posted - The server accepted a comment (`detail.comment`, maybe `pending`).
 * @fires byline-auth-required - Cancelable: the reader asked to sign in (`detail.reason` `required`), or the
 * server refused their token (`expired`). Sign the reader in, then set `authToken`; call `preventDefault()`
 * when the page handles it, else the box tells the reader to sign in on the site.
 *
 * @slot form - Reserved: the element puts its own post form here.
 *
 * @csspart box - The outer box.
 * @csspart heading - The "Comments (N)" heading.
 * @csspart sort - The sort switch (label and select).
 * @csspart list - The list of top-level comments.
 * @csspart comment - One comment.
 * @csspart author - A comment's author name.
 * @csspart time - A comment's relative time.
 * @csspart text - A comment's text.
 * @csspart badge - The "awaiting moderation" badge.
 * @csspart reply - A comment's Reply button.
 * @csspart replies - The list of replies under a comment.
 * @csspart empty - The empty state.
 * @csspart skeleton - The loading placeholder.
 * @csspart error - The load error box.
 * @csspart retry - The load error's retry button.
 * @csspart more - The "Load more" button.
 * @csspart signed-in - The mark on a comment by a reader signed in through the site's login.
 * @csspart avatar - A signed-in author's picture.
 * @csspart edited - The "edited" label.
 * @csspart actions - A comment's Edit, Delete or Report buttons and their confirmations.
 *
 * @cssproperty --byline-comment-box-background - Box background (defaults to the theme surface).
 * @cssproperty --byline-comment-box-border - Box border, e.g. `1px solid #ddd` (default none).
 * @cssproperty --byline-comment-box-padding - Space inside the box (default 0).
 * @cssproperty --byline-comment-box-gap - Space between header, form and list (default 1em).
 * @cssproperty --byline-comment-box-heading-size - Heading font size (default 1.25em).
 * @cssproperty --byline-comment-box-reply-indent - Indent of replies (default 1.25em).
 * @cssproperty --byline-comment-box-badge-background - "Awaiting moderation" badge background.
 * @cssproperty --byline-comment-box-field-background - Name and comment field background.
 */
export class BylineCommentBox extends BylineElement {
  static override styles = [baseStyles, commentBoxStyles];

  /** Base URL of the comments API, e.g. `https://example.org/api` (another origin needs CORS). */
  @property() api?: string;

  /** Thread id, usually the article's `thread`. */
  @property() thread?: string;

  /** `newest` (default) or `oldest` first; the reader's choice in the sort switch is reflected here. */
  @property({ reflect: true }) sort: CommentSort = 'newest';

  /** Top-level comments per page (1-100). */
  @property({ attribute: 'page-size', type: Number }) pageSize = 20;

  /** Longest comment in characters (Unicode code points); longer text cannot be sent. */
  @property({ attribute: 'maxlength', type: Number }) maxLength = 2000;

  /** `lazy` (default): no request until the box is near the viewport. `eager`: load at once. */
  @property() loading: LoadingMode = 'lazy';

  /**
   * The thread's first page of comments, as `GET {api}/threads/{thread}/comments` answers it in this
   * box's `sort`: shown at once and not requested. A child `<script type="application/json">` holding
   * the page does the same from HTML. Checked like a fetched page; "Load more" continues from its
   * `nextCursor`. Without it, the box loads the first page itself.
   */
  @property({ attribute: false }) page?: CommentPage;

  /** Level (1-6) of the "Comments (N)" heading, to fit the host page's outline; 2 by default and when out of range. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /**
   * The reader's sign-in token from the site's login (a JWT its backend signs), sent as
   * `Authorization: Bearer …` with posts, edits, deletes and reports. Never reflected to the attribute,
   * logged or shown; the box only reads its name and picture to show who is posting (the server verifies it).
   */
  @property({ attribute: 'auth-token' }) authToken?: string;

  private readonly _live = new LiveRegionController(this);
  private readonly _pages = new CommentPagesController(this, (first) =>
    this.updateComplete.then(() => focusComment(this.renderRoot, first.id)),
  );
  private readonly _form: CommentFormController = new CommentFormController(
    this,
    () => this.i18n.locale,
    this._live,
    () => this._post(),
  );
  /** Rendered on the server: the form, made in the browser, goes under the list, so nothing shown moves. */
  private _formBelow?: boolean;
  private _posting?: Promise<PostController>;
  private _poster?: PostController;
  private _actions?: Promise<CommentActions | void>;
  private _extras?: CommentActions;

  /**
   * Sending a comment: its code (posting, post-failure) is loaded once the thread is shown, off the first
   * render, and at the latest when the reader sends.
   */
  private _loadPosting(): Promise<PostController> {
    const locale = () => this.i18n.locale;
    return (this._posting ??= import('./posting.js').then(
      ({ PostController }) => (this._poster = new PostController(this, locale, this._form, this._pages, this._live, (code) =>
        this._loadActions().then((actions) => (actions ? actions.authFailed(code) : this._live.say(locale().strings.rejected, true))))),
      (error) => {
        // Nothing was sent: the next press tries again.
        this._posting = undefined;
        throw error;
      },
    ));
  }

  private _post(): void {
    // Loaded already (the usual case): at once, so the press and its checks happen in the same task.
    if (this._poster) return void this._poster.submit();
    this._loadPosting().then(
      (posting) => posting.submit(),
      () => this._live.say(`${this.i18n.locale.strings.networkFailed} ${this.i18n.locale.strings.keptDraft}`, true),
    );
  }

  /**
   * The comment actions (sign-in, marks, Edit, Delete, Report), loaded once a token is set or the thread
   * is shown: Report is on every comment, and a server that requires sign-in says so in the first page.
   */
  private _loadActions(): Promise<CommentActions | void> {
    return (this._actions ??= import('./comment-actions.js').then(
      ({ CommentActions }) => (this._extras = new CommentActions(this, () => this.i18n.locale, this._form, this._pages, this._live)),
      (error) => console.warn('[byline] <byline-comment-box>: the comment actions could not be loaded.', error),
    ));
  }

  protected override updated(): void {
    if (this.authToken || this._pages.status === 'ready') {
      this._loadActions();
      this._loadPosting().catch(() => undefined);
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const source = changed.has('api') || changed.has('thread');
    if (source) {
      this._form.replyTo = undefined;
      this._form.restore();
    }
    if (source || changed.has('sort') || changed.has('pageSize') || changed.has('page')) this._pages.load();
    this._formBelow ??= isServer || !!this.renderRoot.querySelector('.box');
  }

  protected override render(): TemplateResult {
    const locale = this.i18n.locale;
    const { strings } = locale;
    const { total } = this._pages;
    const replyTo = this._form.replyTo;
    const parentShown = this._pages.comments.some((comment) => comment.id === replyTo?.id);
    const form = parentShown ? nothing : html`<slot name="form"></slot>`;
    return html`<section class="box" part="box" dir=${locale.dir} lang=${locale.language} aria-labelledby="heading">
      <div class="head">
        <div id="heading" class="heading" part="heading" role="heading" aria-level=${ariaLevel(this.headingLevel)}>
          ${total === undefined ? strings.comments : locale.plural(strings.commentsHeading, total)}
        </div>
        <label class="sort" part="sort">${strings.sortLabel}
          <select @change=${(event: Event) => (this.sort = (event.target as HTMLSelectElement).value as CommentSort)}>
            <option value="newest" ?selected=${this.sort !== 'oldest'}>${strings.sortNewest}</option>
            <option value="oldest" ?selected=${this.sort === 'oldest'}>${strings.sortOldest}</option>
          </select>
        </label>
      </div>
      ${this._formBelow ? nothing : form} ${this._renderList()} ${this._formBelow ? form : nothing}
      ${this._live.render()}
    </section>`;
  }

  private _renderList(): TemplateResult {
    const pages = this._pages;
    const locale = this.i18n.locale;
    if (pages.status === 'loading') return renderSkeleton(locale);
    if (pages.status !== 'ready') {
      const kind = pages.status === 'invalid' ? 'contract' : 'network';
      return this.renderFailure({ failure: { kind, retryable: true }, retry: () => pages.load() });
    }
    return renderComments({ locale, pages, extras: this._extras?.extras(), replyTo: this._form.replyTo, onReply: (comment) => this._form.openReply(comment) });
  }
}

export type { CommentPostedDetail, CommentSubmitDetail } from './posting.js';
// Also brings the global `byline-auth-required` event type to anyone who imports the element's types.
export type { AuthRequiredDetail } from './comment-actions.js';
export type { Comment, CommentPage, CommentPost, CommentSort } from './comments-api.js';
