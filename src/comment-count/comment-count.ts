import { html, isServer, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { BylineElement } from '../core/byline-element.js';
import { emit, errorDetail, reportError } from '../core/emit.js';
import '../core/events.js';
import { RequestController } from '../core/data.js';
import type { LoadingMode } from '../core/near-viewport.js';
import { safeUrl } from '../core/url.js';
import { baseStyles } from '../core/styles.js';
import { commentCountStyles } from './comment-count.styles.js';
import { countsEndpoint, lookupCount } from './count-batcher.js';

export type CommentCountFormat = 'text' | 'number';

/** The number the loading placeholder is sized for, so a typical answer takes the same width. */
const PLACEHOLDER_COUNT = 10;

/**
 * @tagname byline-comment-count
 * @summary "12 comments" for listing pages. Every count on the page with the same `api` is fetched in
 * one batched `GET {api}/counts?thread=…` request (at most 100 threads per request); answers are cached
 * for the page's life. It sits inline in the host page's text and inherits its font and color.
 *
 * While loading it shows a placeholder as wide as a typical count. When the count cannot be loaded it
 * stays quiet: a "—" whose accessible text says the count is unavailable (or, with `href`, a plain
 * "Comments" link), one console warning per failed request, and a `byline-error` event.
 *
 * Like the other data widgets it waits for the viewport (`loading="lazy"`, the default): a count is asked
 * for only when it comes near the viewport, and every count that comes near together (all those on
 * the first screen, or a row scrolled into view) still shares one request.
 *
 * @fires byline-load - The count arrived; `detail.value` is the number.
 * @fires byline-error - The count could not be loaded or was not a valid number.
 *
 * @csspart count - The count (a link with `href`).
 * @csspart placeholder - The loading placeholder.
 * @csspart unavailable - The "—" shown when the count is unavailable and there is no `href`.
 *
 * @cssproperty --byline-comment-count-color - Text color (default: inherited from the page).
 * @cssproperty --byline-comment-count-font-size - Font size (default 1em: the surrounding text's size).
 * @cssproperty --byline-comment-count-placeholder-color - Loading placeholder color (defaults to the theme skeleton).
 */
export class BylineCommentCount extends BylineElement {
  static override styles = [baseStyles, commentCountStyles];

  /** Base URL of the comments API (REST contract v1). */
  @property() api?: string;

  /** Thread id whose comments are counted. */
  @property() thread?: string;

  /** Makes the count a link, e.g. to the article's comments (`http(s)` or relative only). */
  @property() href?: string;

  /** `text` ("12 comments", the default) or `number` ("12" on screen, the full phrase for screen readers). */
  @property() format: CommentCountFormat = 'text';

  /**
   * The count, when the page already knows it (a server render, a listing that has the numbers): shown
   * as is, and nothing is fetched.
   */
  @property({ type: Number }) count?: number;

  /**
   * `lazy` (default): no request until the count nears the viewport. `eager`: at once (a count above
   * the fold).
   */
  @property() loading: LoadingMode = 'lazy';

  @state() private _count?: number;
  @state() private _unavailable = false;

  /** Endpoint and thread of the current lookup. */
  private _key?: string;
  private _pending: Promise<void> = Promise.resolve();
  /** Settles `_pending`: a lookup that is stopped before its answer lets whoever awaits it go on. */
  private _settle?: () => void;
  /** Once near the viewport, later lookups (refresh, a new thread) ask at once. */
  private _near = false;
  /**
   * Runs the current lookup (a new one supersedes it), lazily; a lookup cut off because the element left
   * the page is made again when it comes back.
   */
  private readonly _request = new RequestController(this, () => this._lookup(false, true));

  override connectedCallback(): void {
    super.connectedCallback();
    // Ask now rather than at first render (which may wait for locale strings), so every element
    // connected in this task joins the same batch.
    if (this.api && this.thread && this.count === undefined) this._lookup();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const { count } = this;
    if (count !== undefined) {
      // Forget the last lookup, so that removing `count` looks the count up again.
      this._key = undefined;
      this._stop();
      // The count shows whenever it is set (it wins over `_unavailable` in render).
      if (Number.isInteger(count) && count >= 0) this._count = count;
      else if (changed.has('count')) this._fail(new Error('"count" must be a whole number ≥ 0'));
    } else if (!isServer && (this._key === undefined || changed.has('api') || changed.has('thread'))) {
      // No lookup yet (or `count` was removed), or a new thread. Without data the server renders the
      // placeholder, sized like a typical count; the browser looks it up.
      this._lookup();
    }
    super.willUpdate(changed);
  }

  /**
   * Fetches the count again (in one batch with other counts refreshed in the same task). A lazy count
   * that has not come near the viewport yet asks once it does. Resolves once the answer is shown, or
   * once the lookup is superseded (a new thread, a given `count`).
   */
  refresh(): Promise<void> {
    return this._lookup(true);
  }

  private _lookup(fresh = false, resume = false): Promise<void> {
    const { thread } = this;
    const api = safeUrl(this.api);
    let endpoint: string | undefined;
    try {
      endpoint = api && countsEndpoint(api);
    } catch {
      // Not a URL: handled below like a missing one.
    }
    const key = `${endpoint}\n${thread}`;
    if (key === this._key && !fresh && !resume) return this._pending;
    this._stop();
    if (key !== this._key) {
      this._key = key;
      this._count = undefined;
      this._unavailable = false;
    }
    if (!endpoint || !thread) {
      // Each misconfiguration says what to fix (the value itself is not logged: it may carry a key).
      this._fail(new Error(!this.api ? 'has no "api" URL' : !endpoint ? '"api" is not an http(s) URL' : 'has no "thread"'));
      return (this._pending = Promise.resolve());
    }
    // Every element that comes near together is released in one observer callback, so their lookups
    // still join one batch.
    return (this._pending = new Promise((settle) => {
      this._settle = settle;
      this._request.run(
        () => {
          this._near = true;
          return lookupCount(endpoint, thread, fresh);
        },
        !this._near && this.loading !== 'eager',
        {
          done: (count) => {
            this._count = count;
            this._unavailable = false;
            emit(this, 'byline-load', { value: count });
            settle();
          },
          failed: (error) => {
            this._fail(error, true);
            settle();
          },
        },
      );
    }));
  }

  private _stop(): void {
    this._request.cancel();
    this._settle?.();
  }

  /** The batcher already warned once for the whole request; a local misconfiguration warns here. */
  private _fail(error: unknown, warned = false): void {
    this._count = undefined;
    this._unavailable = true;
    reportError(this, errorDetail(error, 'config'), !warned);
  }

  protected override render(): TemplateResult {
    const locale = this.i18n.locale;
    const { strings } = locale;
    const href = safeUrl(this.href);
    const phrase = (n: number) => locale.plural(strings.commentCount, n);
    const shown = (n: number) => (this.format === 'number' ? locale.number(n) : phrase(n));
    let body: TemplateResult;
    if (this._count !== undefined) {
      const content =
        this.format === 'number'
          ? html`<span aria-hidden="true" title=${phrase(this._count)}>${shown(this._count)}</span><span
                class="visually-hidden">${phrase(this._count)}</span>`
          : phrase(this._count);
      body = href
        ? html`<a class="count" part="count" href=${href}>${content}</a>`
        : html`<span class="count" part="count">${content}</span>`;
    } else if (this._unavailable) {
      body = href
        ? html`<a class="count" part="count" href=${href}>${strings.comments}</a>`
        : html`<span class="unavailable" part="unavailable"><span aria-hidden="true" title=${strings.commentCountUnavailable}
              >—</span><span class="visually-hidden">${strings.commentCountUnavailable}</span></span>`;
    } else {
      body = html`<span class="placeholder skeleton" part="placeholder"><span class="sizer" aria-hidden="true"
          >${shown(PLACEHOLDER_COUNT)}</span><span class="visually-hidden">${strings.loading}</span></span>`;
    }
    return html`<span class="root" dir=${locale.dir} lang=${locale.language}>${body}</span>`;
  }
}
