/**
 * The post form: a `<form class="byline-comment-form" slot="form">` in the host's light DOM (password
 * managers and autofill cannot see fields inside a shadow root, and a form only owns fields in its own
 * tree), the reader's draft for the current reply target, field errors, and the character count.
 * Keying and sending the draft is posting's (posting.ts), loaded only for readers who post.
 *
 * The form element is made when the box first connects, never in a constructor or render(), so the
 * box can be rendered where there is no document (a server render); it is rendered in hostUpdated.
 */
import { html, nothing, render, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { fill, type Locale } from '../core/i18n.js';
import { commentFormStyles } from './comment-box.styles.js';
import { focusReplyButton } from './comment-list.js';
import type { Comment } from './comments-api.js';
import { draftId, readDraft, saveDraft, type Draft } from './drafts.js';
import type { LiveRegionController } from './live-region.js';
import type { Field } from './post-failure.js';

export type FieldErrors = Partial<Record<Field, string>>;

export interface FormHost extends ReactiveControllerHost, HTMLElement {
  api?: string;
  thread?: string;
  maxLength: number;
  readonly renderRoot: ParentNode;
}

export const codePoints = (value: string): number => [...value].length;

let instances = 0;
const styledRoots = new WeakSet<Node>();

/** Adopts the form's stylesheet once per document or shadow root the box is in; page CSS can override it. */
function adoptFormStyles(root: Document | ShadowRoot): void {
  const sheet = commentFormStyles.styleSheet;
  if (sheet && !styledRoots.has(root) && root.adoptedStyleSheets) {
    styledRoots.add(root);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }
}

export class CommentFormController implements ReactiveController {
  draft: Draft = { name: '', body: '' };
  errors: FieldErrors = {};
  /** The comment being answered; unset for a new top-level comment. */
  replyTo?: Comment;
  /** A post is on its way: the fields are read-only and the button says "Sending". */
  sending = false;
  /**
   * Set by the comment actions (loaded when sign-in matters): `prompt` replaces the fields (sign-in is
   * required and there is no token), `identity` the name field (the reader is signed in: no name is sent).
   */
  signIn?: { prompt?: unknown; identity?: unknown };

  private _form?: HTMLFormElement;
  private readonly _uid = `byline-comment-${++instances}`;
  private _counterTimer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly _host: FormHost,
    private readonly _locale: () => Locale,
    private readonly _live: LiveRegionController,
    private readonly _onSubmit: () => void,
  ) {
    _host.addController(this);
  }

  hostConnected(): void {
    const form = (this._form ??= this._createForm());
    if (form.parentNode !== this._host) this._host.append(form);
    adoptFormStyles(this._host.getRootNode() as Document | ShadowRoot);
  }

  hostUpdated(): void {
    const form = this._form;
    if (!form) return;
    const { language, dir } = this._locale();
    // Only on change: every Byline element watches `lang` attributes, so a rewrite would loop.
    if (form.lang !== language) form.lang = language;
    if (form.dir !== dir) form.dir = dir;
    render(this._render(), form, { host: this._host });
  }

  /** The storage id of the draft for `parent` (the current reply target by default). */
  draftId(parent = this.replyTo): string {
    return draftId(this._host.api, this._host.thread, parent?.id);
  }

  /** Shows the saved draft for `parent`, keeping the name typed so far when there is none. */
  restore(parent?: Comment, announce = true): void {
    const saved = readDraft(this.draftId(parent));
    this.draft = saved ?? { name: this.draft.name, body: '' };
    this._host.requestUpdate();
    // After the next render: text added together with its live region is often not read out.
    if (saved?.body && announce) this._host.updateComplete.then(() => this._live.say(this._locale().strings.draftRestored));
  }

  /** Points the form at a reply target (or the thread), with that target's own draft. */
  retarget(parent?: Comment): void {
    this.replyTo = parent;
    this.errors = {};
    this._live.clear();
    // Back to the thread's own draft, which the reader just saw: nothing to announce.
    this.restore(parent, !!parent);
  }

  openReply(parent: Comment): void {
    this.retarget(parent);
    this.focusField('body');
  }

  /** Back to a new top-level comment, with focus on the Reply button that opened the reply. */
  async cancelReply(): Promise<void> {
    const parent = this.replyTo;
    this.retarget();
    await this._host.updateComplete;
    if (parent) focusReplyButton(this._host.renderRoot, parent.id);
  }

  /** A field of the form by name (`name`, `body`, or the `website` trap). */
  field(name: string): HTMLInputElement | null | undefined {
    return this._form?.querySelector<HTMLInputElement>(`[name="${name}"]`);
  }

  async focusField(field: Field): Promise<void> {
    await this._host.updateComplete;
    this.field(field)?.focus();
  }

  /** Marks empty or too long fields and focuses the first; true when the draft can be sent. */
  validate(): boolean {
    const { strings } = this._locale();
    const errors: FieldErrors = {};
    if (!this.signIn?.identity && !this.draft.name.trim()) errors.name = strings.nameRequired;
    if (!this.draft.body.trim()) errors.body = strings.bodyRequired;
    else if (codePoints(this.draft.body) > this._host.maxLength) errors.body = this._counterText();
    this.setErrors(errors);
    if (errors.name || errors.body) this.focusField(errors.name ? 'name' : 'body');
    return !errors.name && !errors.body;
  }

  setErrors(errors: FieldErrors): void {
    this.errors = errors;
    this._host.requestUpdate();
  }

  private _createForm(): HTMLFormElement {
    const form = document.createElement('form');
    form.className = 'byline-comment-form';
    form.slot = 'form';
    form.noValidate = true;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this._onSubmit();
    });
    return form;
  }

  private _edit(field: Field, value: string): void {
    this.draft = { ...this.draft, [field]: value };
    saveDraft(this.draftId(), this.draft);
    if (this.errors[field]) this.errors = { ...this.errors, [field]: undefined };
    this._host.requestUpdate();
    if (field !== 'body') return;
    // Near the limit, the count is announced once the reader pauses, not on every keystroke.
    clearTimeout(this._counterTimer);
    const { maxLength } = this._host;
    if (maxLength - codePoints(value) <= maxLength / 10)
      this._counterTimer = setTimeout(() => this._live.announce(this._counterText()), 1000);
  }

  private _counterText(): string {
    const locale = this._locale();
    const left = this._host.maxLength - codePoints(this.draft.body);
    return left < 0 ? locale.plural(locale.strings.tooLong, -left) : locale.plural(locale.strings.charactersLeft, left);
  }

  private _render(): unknown {
    const { strings } = this._locale();
    const { _uid: uid, errors, sending, replyTo: parent, signIn } = this;
    if (signIn?.prompt) return signIn.prompt;
    const over = codePoints(this.draft.body) > this._host.maxLength;
    const describe = (field: Field, extra = '') =>
      `${errors[field] ? `${uid}-${field}-error` : ''} ${extra}`.trim() || nothing;
    const error = (field: Field) =>
      errors[field] ? html`<p id="${uid}-${field}-error" class="byline-comment-form__error">${errors[field]}</p>` : nothing;
    const message = this._live.message;
    return html`${parent ? html`<p>${fill(strings.replyTo, { name: parent.author.name })}</p>` : nothing}
      ${signIn?.identity ?? html`<div>
        <label for="${uid}-name">${strings.nameLabel}</label>
        <input id="${uid}-name" name="name" autocomplete="name" required ?readonly=${sending}
          aria-invalid=${!!errors.name} aria-describedby=${describe('name')}
          .value=${this.draft.name} @input=${(event: Event) => this._edit('name', (event.target as HTMLInputElement).value)} />
        ${error('name')}
      </div>`}
      <div>
        <label for="${uid}-body">${strings.bodyLabel}</label>
        <textarea id="${uid}-body" name="body" rows="4" required ?readonly=${sending}
          aria-invalid=${!!errors.body || over} aria-describedby=${describe('body', `${uid}-count`)}
          .value=${this.draft.body} @input=${(event: Event) => this._edit('body', (event.target as HTMLTextAreaElement).value)}></textarea>
        ${error('body')}
        <p id="${uid}-count" class="byline-comment-form__counter" ?data-over=${over}>${this._counterText()}</p>
      </div>
      <div class="byline-comment-form__trap" aria-hidden="true" inert>
        <label for="${uid}-website">${strings.honeypotLabel}</label>
        <input id="${uid}-website" name="website" tabindex="-1" autocomplete="off" />
      </div>
      <div class="byline-comment-form__actions">
        <button type="submit" aria-disabled=${sending}>${sending ? strings.sending : strings.submit}</button>
        ${parent ? html`<button type="button" @click=${() => this.cancelReply()}>${strings.cancelReply}</button>` : nothing}
      </div>
      ${message
        ? html`<p class="byline-comment-form__message" ?data-alert=${message.alert}>${message.text}</p>`
        : nothing}`;
  }
}
