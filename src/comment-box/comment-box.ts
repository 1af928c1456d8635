import { html, nothing, render, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ariaLevel, BylineElement } from '../core/byline-element.js';
import { ContractError } from '../core/contract.js';
import { emit, errorDetail, reportError } from '../core/emit.js';
import '../core/events.js';
import { isAbort, RequestError, requestJson } from '../core/fetch.js';
import { fill } from '../core/i18n.js';
import { whenNearViewport, type LoadingMode } from '../core/near-viewport.js';
import { baseStyles } from '../core/styles.js';
import { commentBoxStyles, commentFormStyles } from './comment-box.styles.js';
import {
  checkCommentPage,
  checkPosted,
  commentsUrl,
  type Comment,
  type CommentPost,
  type CommentSort,
} from './comments-api.js';
import { clearDraft, newKey, readDraft, saveDraft, type Draft } from './drafts.js';

export interface CommentSubmitDetail {
  thread: string;
  /** The JSON about to be sent. Listeners may add fields to it; `preventDefault()` cancels the post. */
  body: CommentPost;
}

export interface CommentPostedDetail {
  /** The server's answer; `status: 'pending'` when it is held for moderation. */
  comment: Comment;
}

type Field = 'name' | 'body';
type ListStatus = 'loading' | 'ready' | 'failed' | 'invalid';
interface Message {
  text: string;
  alert: boolean;
}

const SERVER_FIELDS: Record<string, Field> = { 'author.name': 'name', body: 'body' };
let instances = 0;
const styledRoots = new WeakSet<Node>();
const codePoints = (value: string) => [...value].length;

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

  static override properties: PropertyDeclarations = {
    api: {},
    thread: {},
    sort: { reflect: true },
    pageSize: { attribute: 'page-size', type: Number },
    maxLength: { attribute: 'maxlength', type: Number },
    loading: {},
    headingLevel: { attribute: 'heading-level', type: Number },
    _comments: { attribute: false },
    _total: { attribute: false },
    _nextCursor: { attribute: false },
    _status: { attribute: false },
    _loadingMore: { attribute: false },
    _moreFailed: { attribute: false },
    _replyTo: { attribute: false },
    _draft: { attribute: false },
    _errors: { attribute: false },
    _sending: { attribute: false },
    _message: { attribute: false },
  };

  /** Base URL of the comments API, e.g. `https://example.org/api` (another origin needs CORS). */
  declare api?: string;

  /** Thread id, usually the article's `thread`. */
  declare thread?: string;

  /** `newest` (default) or `oldest` first; the reader's choice in the sort switch is reflected here. */
  sort: CommentSort = 'newest';

  /** Top-level comments per page (1-100). */
  pageSize = 20;

  /** Longest comment in characters (Unicode code points); longer text cannot be sent. */
  maxLength = 2000;

  /** `lazy` (default): no request until the box comes near the viewport. `eager`: load at once. */
  loading: LoadingMode = 'lazy';

  /** Level of the "Comments (N)" heading (1-6), to fit the host page's outline. */
  headingLevel = 2;

  private _comments: Comment[] = [];
  private declare _total?: number;
  private declare _nextCursor?: string;
  private _status: ListStatus = 'loading';
  private _loadingMore = false;
  private _moreFailed = false;
  private declare _replyTo?: Comment;
  private _draft: Draft = { name: '', body: '' };
  private _errors: Partial<Record<Field, string>> = {};
  private _sending = false;
  /** Shown under the form. */
  private declare _message?: Message;

  private readonly _uid = `byline-comment-${++instances}`;
  private readonly _form = document.createElement('form');
  private _request?: AbortController;
  private _interrupted = false;
  private _retryAt = 0;
  private _counterTimer?: ReturnType<typeof setTimeout>;

  constructor() {
    super();
    this._form.className = 'byline-comment-form';
    this._form.slot = 'form';
    this._form.noValidate = true;
    this._form.addEventListener('submit', (event) => this._submit(event));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this._form.parentNode !== this) this.append(this._form);
    const root = this.getRootNode() as Document | ShadowRoot;
    const sheet = commentFormStyles.styleSheet;
    if (sheet && !styledRoots.has(root) && root.adoptedStyleSheets) {
      styledRoots.add(root);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    }
    if (this._interrupted) this._load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this._request) {
      this._interrupted = true;
      this._request.abort();
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const source = changed.has('api') || changed.has('thread');
    if (source) {
      this._replyTo = undefined;
      this._restoreDraft();
    }
    if (source || changed.has('sort') || changed.has('pageSize')) this._load();
  }

  protected override updated(): void {
    const { language, dir } = this.i18n.locale;
    // Only on change: every Byline element watches `lang` attributes, so a rewrite would loop.
    if (this._form.lang !== language) this._form.lang = language;
    if (this._form.dir !== dir) this._form.dir = dir;
    render(this._renderForm(), this._form, { host: this });
  }

  private _draftId(parent = this._replyTo): string {
    return `${this.api}|${this.thread}|${parent?.id ?? ''}`;
  }

  private _restoreDraft(parent?: Comment, announce = true): void {
    const saved = readDraft(this._draftId(parent));
    this._draft = saved ?? { name: this._draft.name, body: '' };
    // After the next render: text added together with its live region is often not read out.
    if (saved?.body && announce) this.updateComplete.then(() => this._say(this.i18n.locale.strings.draftRestored));
  }

  private _say(text: string, alert = false): void {
    this._message = { text, alert };
    this._announce(text, alert);
  }

  /**
   * Reads `text` out through a live region: every message, plus the character count near the limit.
   * The regions hold no bindings, so they are written here; a new node each time is read out again
   * even when the words are the same, and the other region is emptied.
   */
  private _announce(text: string, alert = false): void {
    for (const region of this.renderRoot.querySelectorAll('.visually-hidden[role]')) {
      region.replaceChildren(region.getAttribute('role') === (alert ? 'alert' : 'status') ? text : '');
    }
  }

  private async _load(more = false): Promise<void> {
    this._request?.abort();
    const request = (this._request = new AbortController());
    const { api, thread } = this;
    this._interrupted = false;
    this._moreFailed = false;
    this._loadingMore = more;
    if (!more) {
      this._status = 'loading';
      this._comments = [];
      this._total = this._nextCursor = undefined;
    }
    try {
      if (!api || !thread) throw new ContractError(api ? 'thread' : 'api', 'attribute is required');
      if (!more && this.loading !== 'eager') await whenNearViewport(this, request.signal);
      const limit = String(Math.min(100, Math.max(1, Math.round(this.pageSize) || 20)));
      const query = new URLSearchParams({ limit, sort: this.sort === 'oldest' ? 'oldest' : 'newest' });
      if (more && this._nextCursor) query.set('cursor', this._nextCursor);
      const url = commentsUrl(api, thread, `?${query}`);
      const page = checkCommentPage(await requestJson(url, { signal: request.signal }), 'comments');
      // A comment the reader just posted may come again on a later page.
      const known = new Set(this._comments.map((comment) => comment.id));
      const fresh = page.items.filter((comment) => !known.has(comment.id));
      this._comments = [...this._comments, ...fresh];
      this._total = page.total;
      this._nextCursor = page.nextCursor;
      this._status = 'ready';
      emit(this, 'byline-load', { value: page });
      // Keyboard and screen reader users continue reading at the first new comment.
      const first = fresh.find((comment) => !comment.parentId);
      if (more && first) this._focusComment(first.id);
    } catch (error) {
      if (isAbort(error) || request !== this._request) return;
      const detail = errorDetail(error);
      if (more) this._moreFailed = true;
      else this._status = detail.kind === 'contract' ? 'invalid' : 'failed';
      reportError(this, detail);
    } finally {
      if (request === this._request) {
        this._request = undefined;
        this._loadingMore = false;
      }
    }
  }

  private async _focusComment(id: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"]`)?.focus();
  }

  private async _focusField(field: Field): Promise<void> {
    await this.updateComplete;
    this._form.querySelector<HTMLElement>(`[name="${field}"]`)?.focus();
  }

  private _edit(field: Field, value: string): void {
    this._draft = { ...this._draft, [field]: value };
    saveDraft(this._draftId(), this._draft);
    if (this._errors[field]) this._errors = { ...this._errors, [field]: undefined };
    if (field !== 'body') return;
    // Near the limit, the count is announced once the reader pauses, not on every keystroke.
    clearTimeout(this._counterTimer);
    if (this.maxLength - codePoints(value) <= this.maxLength / 10)
      this._counterTimer = setTimeout(() => this._announce(this._counterText()), 1000);
  }

  private _counterText(): string {
    const locale = this.i18n.locale;
    const left = this.maxLength - codePoints(this._draft.body);
    return left < 0 ? locale.plural(locale.strings.tooLong, -left) : locale.plural(locale.strings.charactersLeft, left);
  }

  /** Points the form at a reply target (or the thread), with that target's own draft. */
  private _retarget(parent?: Comment): void {
    this._replyTo = parent;
    this._errors = {};
    this._message = undefined;
    // Back to the thread's own draft, which the reader just saw: nothing to announce.
    this._restoreDraft(parent, !!parent);
  }

  private _openReply(parent: Comment): void {
    this._retarget(parent);
    this._focusField('body');
  }

  private async _cancelReply(): Promise<void> {
    const parent = this._replyTo;
    this._retarget();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-reply="${CSS.escape(parent?.id ?? '')}"]`)?.focus();
  }

  private _rateLimitText(): string {
    const locale = this.i18n.locale;
    const seconds = Math.ceil((this._retryAt - Date.now()) / 1000);
    if (seconds <= 0) return locale.strings.rateLimitedNoTime;
    // locale.relative() says "just now" under a minute; a wait needs the seconds.
    const time = seconds < 60
      ? new Intl.RelativeTimeFormat(locale.intlTag).format(seconds, 'second')
      : locale.relative(new Date(this._retryAt));
    return fill(locale.strings.rateLimited, { time });
  }

  private async _submit(event: Event): Promise<void> {
    event.preventDefault();
    // One post at a time: a double click or a second Enter while sending does nothing.
    if (this._sending) return;
    const { strings } = this.i18n.locale;
    const { api, thread, _replyTo: parent } = this;
    const errors: Partial<Record<Field, string>> = {};
    if (!this._draft.name.trim()) errors.name = strings.nameRequired;
    if (!this._draft.body.trim()) errors.body = strings.bodyRequired;
    else if (codePoints(this._draft.body) > this.maxLength) errors.body = this._counterText();
    this._errors = errors;
    if (errors.name || errors.body) return this._focusField(errors.name ? 'name' : 'body');
    if (Date.now() < this._retryAt) return this._say(this._rateLimitText(), true);
    if (!api || !thread) return;

    const id = this._draftId();
    // The key is stored with the draft before anything is sent: a retry after a failure, even after a
    // reload, sends the same key and the server stores the comment at most once.
    const draft = (this._draft = { ...this._draft, key: this._draft.key ?? newKey() });
    saveDraft(id, draft);
    const body: CommentPost = { author: { name: draft.name.trim() }, body: draft.body.trim() };
    if (parent) body.parentId = parent.id;
    const trap = this._form.querySelector<HTMLInputElement>('[name="website"]')?.value;
    if (trap) body.website = trap;
    if (!emit(this, 'byline-comment-submit', { thread, body }, { cancelable: true })) return;

    this._sending = true;
    this._message = undefined;
    try {
      const answer = await requestJson(commentsUrl(api, thread), {
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': draft.key! },
      });
      const { comment } = checkPosted(answer, 'response');
      clearDraft(id);
      this._draft = { name: draft.name, body: '' };
      if (parent && this._replyTo === parent) {
        this._replyTo = undefined;
        this._draft = readDraft(this._draftId()) ?? this._draft;
      }
      // A repeated key answers the comment already stored, which may already be in the list.
      if (!this._comments.some((known) => known.id === comment.id)) {
        const top = !comment.parentId && this.sort !== 'oldest';
        this._comments = top ? [comment, ...this._comments] : [...this._comments, comment];
        if (comment.status === 'published' && this._total !== undefined) this._total++;
      }
      this._say(comment.status === 'pending' ? strings.pending : strings.posted);
      emit(this, 'byline-comment-posted', { comment });
      this._focusComment(comment.id);
    } catch (error) {
      this._postFailed(error, id, draft);
    } finally {
      this._sending = false;
    }
  }

  private _postFailed(error: unknown, id: string, draft: Draft): void {
    const { strings } = this.i18n.locale;
    const failure = error instanceof RequestError ? error : undefined;
    const status = failure?.kind === 'http' ? failure.status! : 0;
    const info = failure?.body;
    let text = strings.serverFailed;
    let keptDraft = true;
    let field: Field | undefined;
    if (failure?.kind === 'network') text = strings.networkFailed;
    else if (failure?.kind === 'timeout') text = strings.timedOut;
    else if (status === 429) {
      this._retryAt = Date.now() + (failure!.retryAfter ?? 0) * 1000;
      text = this._rateLimitText();
      keptDraft = false;
    } else if (status >= 400 && status < 500) {
      keptDraft = false;
      text = strings.rejected;
      if (status === 409) {
        // The key already stored a different text (a "failed" post that did arrive, then an edit):
        // the next press sends this version as a new comment.
        this._draft = { ...draft, key: undefined };
        saveDraft(id, this._draft);
        text = strings.conflict;
      } else if (status === 422 || info?.field === 'parentId') {
        text = strings.parentGone;
      } else {
        field = SERVER_FIELDS[info?.field ?? ''];
        if (field) this._errors = { [field]: field === 'name' ? strings.nameInvalid : strings.bodyInvalid };
      }
    }
    this._say(keptDraft ? `${text} ${strings.keptDraft}` : text, true);
    if (field) this._focusField(field);
    // A broken answer is a bug worth a warning; a refused post is the reader's to fix.
    const detail = errorDetail(error, 'contract');
    reportError(this, { ...detail, field: info?.field ?? detail.field }, detail.kind === 'contract');
  }

  protected override render(): TemplateResult {
    const locale = this.i18n.locale;
    const { strings } = locale;
    const parentShown = this._comments.some((comment) => comment.id === this._replyTo?.id);
    return html`<section class="box" part="box" dir=${locale.dir} lang=${locale.language} aria-labelledby="heading">
      <div class="head">
        <div id="heading" class="heading" part="heading" role="heading" aria-level=${ariaLevel(this.headingLevel, 2)}>
          ${this._total === undefined ? strings.comments : locale.plural(strings.commentsHeading, this._total)}
        </div>
        <label class="sort" part="sort">${strings.sortLabel}
          <select @change=${(event: Event) => (this.sort = (event.target as HTMLSelectElement).value as CommentSort)}>
            <option value="newest" ?selected=${this.sort !== 'oldest'}>${strings.sortNewest}</option>
            <option value="oldest" ?selected=${this.sort === 'oldest'}>${strings.sortOldest}</option>
          </select>
        </label>
      </div>
      ${parentShown ? nothing : html`<slot name="form"></slot>`}
      ${this._renderList()}
      <div class="visually-hidden" role="status"></div>
      <div class="visually-hidden" role="alert"></div>
    </section>`;
  }

  private _renderList(): TemplateResult {
    const { strings } = this.i18n.locale;
    if (this._status === 'loading') {
      return html`<div part="skeleton" aria-busy="true">
        <span class="visually-hidden">${strings.loading}</span>
        ${[1, 2, 3, 4, 5, 6].map(() => html`<div class="skeleton line"></div>`)}
      </div>`;
    }
    if (this._status !== 'ready') {
      const kind = this._status === 'invalid' ? 'contract' : 'network';
      return this.renderFailure({ failure: { kind, retryable: true }, retry: () => this._load() });
    }
    const replies = new Map<string, Comment[]>();
    const top: Comment[] = [];
    for (const comment of this._comments) {
      if (!comment.parentId) top.push(comment);
      else replies.set(comment.parentId, [...(replies.get(comment.parentId) ?? []), comment]);
    }
    if (!top.length) return html`<p class="empty" part="empty">${strings.commentsEmpty}</p>`;
    return html`<ul part="list">
        ${top.map((comment) => this._renderThread(comment, replies.get(comment.id) ?? []))}
      </ul>
      ${this._moreFailed ? html`<p class="error" role="alert">${strings.loadFailed}</p>` : nothing}
      ${this._nextCursor
        ? html`<button class="button more" part="more" ?disabled=${this._loadingMore} @click=${() => this._load(true)}>
            ${strings.loadMore}
          </button>`
        : nothing}`;
  }

  private _renderThread(comment: Comment, replies: Comment[]): TemplateResult {
    const { strings } = this.i18n.locale;
    const open = this._replyTo?.id === comment.id;
    return html`<li>
      ${this._renderComment(comment)}
      ${comment.status === 'published'
        ? html`<button class="reply" part="reply" data-reply=${comment.id} aria-expanded=${open}
            aria-label=${fill(strings.replyTo, { name: comment.author.name })} @click=${() => this._openReply(comment)}>
            ${strings.reply}
          </button>`
        : nothing}
      ${replies.length
        ? html`<ul class="replies" part="replies" aria-label=${fill(strings.repliesTo, { name: comment.author.name })}>
            ${replies.map((reply) => html`<li>${this._renderComment(reply)}</li>`)}
          </ul>`
        : nothing}
      ${open ? html`<slot name="form"></slot>` : nothing}
    </li>`;
  }

  private _renderComment(comment: Comment): TemplateResult {
    const locale = this.i18n.locale;
    return html`<article class="comment" part="comment" data-id=${comment.id} tabindex="-1">
      <p class="meta">
        <span class="author" part="author" dir="auto">${comment.author.name}</span>
        <time part="time" datetime=${comment.createdAt} title=${locale.date(comment.createdAt, 'datetime')}>
          ${locale.relative(comment.createdAt)}
        </time>
        ${comment.status === 'pending' ? html`<span class="badge" part="badge">${locale.strings.pendingBadge}</span>` : nothing}
      </p>
      <p class="text" part="text" dir="auto">${comment.body}</p>
    </article>`;
  }

  /** The light-DOM post form (see the class docs for why it is not in the shadow root). */
  private _renderForm(): TemplateResult {
    const { strings } = this.i18n.locale;
    const { _uid: uid, _errors: errors, _sending: sending, _replyTo: parent } = this;
    const over = codePoints(this._draft.body) > this.maxLength;
    const describe = (field: Field, extra = '') =>
      `${errors[field] ? `${uid}-${field}-error` : ''} ${extra}`.trim() || nothing;
    const error = (field: Field) =>
      errors[field] ? html`<p id="${uid}-${field}-error" class="byline-comment-form__error">${errors[field]}</p>` : nothing;
    const message = this._message;
    return html`${parent ? html`<p>${fill(strings.replyTo, { name: parent.author.name })}</p>` : nothing}
      <div>
        <label for="${uid}-name">${strings.nameLabel}</label>
        <input id="${uid}-name" name="name" autocomplete="name" required ?readonly=${sending}
          aria-invalid=${!!errors.name} aria-describedby=${describe('name')}
          .value=${this._draft.name} @input=${(event: Event) => this._edit('name', (event.target as HTMLInputElement).value)} />
        ${error('name')}
      </div>
      <div>
        <label for="${uid}-body">${strings.bodyLabel}</label>
        <textarea id="${uid}-body" name="body" rows="4" required ?readonly=${sending}
          aria-invalid=${!!errors.body || over} aria-describedby=${describe('body', `${uid}-count`)}
          .value=${this._draft.body} @input=${(event: Event) => this._edit('body', (event.target as HTMLTextAreaElement).value)}></textarea>
        ${error('body')}
        <p id="${uid}-count" class="byline-comment-form__counter" ?data-over=${over}>${this._counterText()}</p>
      </div>
      <div class="byline-comment-form__trap" aria-hidden="true" inert>
        <label for="${uid}-website">${strings.honeypotLabel}</label>
        <input id="${uid}-website" name="website" tabindex="-1" autocomplete="off" />
      </div>
      <div class="byline-comment-form__actions">
        <button type="submit" aria-disabled=${sending}>${sending ? strings.sending : strings.submit}</button>
        ${parent ? html`<button type="button" @click=${this._cancelReply}>${strings.cancelReply}</button>` : nothing}
      </div>
      ${message
        ? html`<p class="byline-comment-form__message" ?data-alert=${message.alert}>${message.text}</p>`
        : nothing}`;
  }
}

declare global {
  interface HTMLElementEventMap {
    /** Cancelable: a comment is about to be posted. */
    'byline-comment-submit': CustomEvent<CommentSubmitDetail>;
    /** The server accepted a comment. */
    'byline-comment-posted': CustomEvent<CommentPostedDetail>;
  }
}

export type { Comment, CommentPage, CommentPost, CommentSort } from './comments-api.js';
