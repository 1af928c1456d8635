/**
 * Small test elements that each host one comment-box controller (or the few that work together), so
 * a controller is tested on its own, in English, without the rest of the comment box.
 */
import { html, LitElement, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { CommentFormController } from '../../src/comment-box/comment-form.js';
import { CommentPagesController } from '../../src/comment-box/comment-pages.js';
import type { Comment, CommentSort } from '../../src/comment-box/comments-api.js';
import { LiveRegionController } from '../../src/comment-box/live-region.js';
import { PostController } from '../../src/comment-box/posting.js';
import { Locale } from '../../src/core/i18n.js';
import type { LoadingMode } from '../../src/core/near-viewport.js';
import en from '../../src/locales/en.js';

export const ENGLISH = new Locale('en', 'en', en, undefined);

/** Hosts a CommentPagesController; `focused` records what it asked to focus after "load more". */
export class PagesHost extends LitElement {
  @property() api?: string;
  @property() thread?: string;
  @property() sort: CommentSort = 'newest';
  @property({ attribute: 'page-size', type: Number }) pageSize = 20;
  @property() loading: LoadingMode = 'lazy';
  readonly focused: Comment[] = [];
  readonly pages = new CommentPagesController(this, (first) => this.focused.push(first));

  override render(): TemplateResult {
    return html`<p>${this.pages.status}: ${this.pages.comments.map((comment) => comment.id).join(' ')}</p>`;
  }
}
customElements.define('test-pages-host', PagesHost);

/** Hosts a LiveRegionController's regions. */
export class LiveHost extends LitElement {
  readonly live = new LiveRegionController(this);

  override render(): TemplateResult {
    return html`<p class="shown">${this.live.message?.text}</p>${this.live.render()}`;
  }
}
customElements.define('test-live-host', LiveHost);

/**
 * The comment box's form, pages, live regions and posting wired as the box wires them, with a plain
 * shadow root: the form's slot and the live regions, no list.
 */
export class FormHost extends LitElement {
  @property() api?: string;
  @property() thread?: string;
  @property({ type: Number }) maxLength = 20;
  sort: CommentSort = 'newest';
  pageSize = 20;
  loading: LoadingMode = 'eager';
  submits = 0;
  readonly live = new LiveRegionController(this);
  readonly pages = new CommentPagesController(this, () => undefined);
  readonly form: CommentFormController = new CommentFormController(this, () => ENGLISH, this.live, () => {
    this.submits++;
    return this.posting.submit();
  });
  /** The codes of 401 answers the post controller handed on (to the comment actions, in the box). */
  readonly authFailures: (string | undefined)[] = [];
  readonly posting = new PostController(this, () => ENGLISH, this.form, this.pages, this.live, (code) => {
    this.authFailures.push(code);
  });

  override render(): TemplateResult {
    return html`<slot name="form"></slot>${this.live.render()}`;
  }
}
customElements.define('test-form-host', FormHost);

/** Types like a reader into a light-DOM form field. */
export function type(host: HTMLElement, name: 'name' | 'body', value: string): void {
  const input = host.querySelector<HTMLInputElement | HTMLTextAreaElement>(`form [name="${name}"]`)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}
