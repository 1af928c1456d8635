/**
 * What only some readers need, in a chunk the comment box loads the first time it is needed (it has a
 * sign-in token, the server offers sign-in, or the thread shows comments to report; docs/design.md):
 * - sign-in: the prompt in place of the form when the server requires it, the signed-in reader's name
 *   and picture in place of the name field, and the `byline-auth-required` event;
 * - marks: which comments come from readers signed in through the site's login, their pictures, "edited";
 * - controls: Edit and Delete on the reader's own comments, Report on others' (not on one the reader just
 *   posted from this box), each confirmed, announced and keyboard-operable, with focus moved where the
 *   reader continues.
 * Its strings are chunks of their own (src/locales/comment-actions/), loaded for the box's language.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { css } from '../core/css.js';
import { emit, errorDetail, reportError } from '../core/emit.js';
import type { RequestError } from '../core/fetch.js';
import { fill, languageChunks, type Locale } from '../core/i18n.js';
import en, { type ActionStrings } from '../locales/comment-actions/en.js';
import { codePoints, type CommentFormController } from './comment-form.js';
import { focusComment, type CommentExtras } from './comment-list.js';
import type { CommentPagesController } from './comment-pages.js';
import { checkPosted, commentCall, type Comment } from './comments-api.js';
import type { LiveRegionController, Message } from './live-region.js';

export type { ActionStrings };

/**
 * One chunk per language. The CDN builds replace this object with imports of
 * cdn/locales/comment-actions/<language>.js (rollup.config.mjs), like the main locale map.
 */
export const actionStringLoaders: Record<string, () => Promise<{ default: ActionStrings }>> = {
  ar: () => import('../locales/comment-actions/ar.js'),
  de: () => import('../locales/comment-actions/de.js'),
  es: () => import('../locales/comment-actions/es.js'),
  fr: () => import('../locales/comment-actions/fr.js'),
  hi: () => import('../locales/comment-actions/hi.js'),
  id: () => import('../locales/comment-actions/id.js'),
  ja: () => import('../locales/comment-actions/ja.js'),
  km: () => import('../locales/comment-actions/km.js'),
  ko: () => import('../locales/comment-actions/ko.js'),
  lo: () => import('../locales/comment-actions/lo.js'),
  ms: () => import('../locales/comment-actions/ms.js'),
  pt: () => import('../locales/comment-actions/pt.js'),
  ru: () => import('../locales/comment-actions/ru.js'),
  th: () => import('../locales/comment-actions/th.js'),
  vi: () => import('../locales/comment-actions/vi.js'),
  'zh-Hans': () => import('../locales/comment-actions/zh-Hans.js'),
  'zh-Hant': () => import('../locales/comment-actions/zh-Hant.js'),
};

/** The actions' strings for a supported language; English (with a warning) when its chunk cannot load. */
export const loadActionStrings = languageChunks(actionStringLoaders, new Map([['en', en]]), "the comment actions' strings");

/** Who the token says the reader is: for display only, the server verifies the token. */
export interface Identity {
  /** `sso:<sub>`, as the server writes it in `author.id`. */
  id: string;
  name: string;
  picture?: string;
}

/** A picture only over https (the server checks the token's, but a comment's comes from any server). */
const https = (url: unknown): string | undefined =>
  typeof url === 'string' && url.startsWith('https://') ? url : undefined;

/** The name and picture in a JWT's payload, unverified; undefined when it is not a token with `sub` and `name`. */
export function identityOf(token: string): Identity | undefined {
  try {
    const part = token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/');
    const payload: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(part), (char) => char.charCodeAt(0))));
    const { sub, name, picture } = payload as Record<string, unknown>;
    if (typeof sub === 'string' && sub && typeof name === 'string' && name.trim())
      return { id: `sso:${sub}`, name: name.trim(), picture: https(picture) };
  } catch {
    // Not a JWT: no identity.
  }
  return undefined;
}

export interface AuthRequiredDetail {
  /** `required`: the reader asked to sign in. `expired`: the server refused the token they had. */
  reason: 'required' | 'expired';
}

export interface ActionsHost extends ReactiveControllerHost, HTMLElement {
  api?: string;
  thread?: string;
  authToken?: string;
  maxLength: number;
  readonly renderRoot: ParentNode;
}

const actionStyles = css`
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25em 0.5em;
  }
  .signed-in {
    padding-inline: 0.5em;
    border-radius: 1em;
    color: var(--_bg);
    background: var(--_accent);
  }
  .avatar {
    order: -1;
    align-self: center;
    border-radius: 50%;
    object-fit: cover;
  }
  .editor {
    display: grid;
    gap: 0.25em;
    justify-self: stretch;
  }
  .editor textarea {
    font: inherit;
    padding: 0.5em;
    color: var(--_fg);
    background: var(--byline-comment-box-field-background, var(--_bg));
    border: 1px solid var(--_muted);
    border-radius: calc(var(--_radius) / 2);
  }
  .editor div {
    display: flex;
    gap: 0.5em;
  }
  .note {
    font-size: 0.875em;
  }
  [data-alert] {
    color: var(--_danger);
  }
`;
const styledRoots = new WeakSet<ShadowRoot>();

/** What the reader is doing to one comment. */
type Step = { id: string; kind: 'delete' | 'report' };

export class CommentActions implements ReactiveController {
  strings?: ActionStrings;
  private _language?: string;
  private _token?: string;
  private _identity?: Identity;
  /** Tokens already warned about, so a malformed one warns once. */
  private readonly _warned = new Set<string>();
  /** A post answered `401 auth_required`: the prompt shows until a token arrives. */
  private _required = false;
  /** Text being edited, by comment id; kept through every failure. */
  private readonly _editing = new Map<string, string>();
  /** A Delete or Report waiting for its confirmation. */
  private _confirming?: Step;
  /** The comment whose call is on its way. */
  private _busy?: string;
  private readonly _reported = new Set<string>();
  /** A message under one comment's controls (also read out). */
  private readonly _notes = new Map<string, Message>();

  constructor(
    private readonly _host: ActionsHost,
    private readonly _locale: () => Locale,
    private readonly _form: CommentFormController,
    private readonly _pages: CommentPagesController,
    private readonly _live: LiveRegionController,
  ) {
    _host.addController(this);
    const root = _host.renderRoot;
    if (root instanceof ShadowRoot && actionStyles.styleSheet && !styledRoots.has(root)) {
      styledRoots.add(root);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, actionStyles.styleSheet];
    }
    this.hostUpdate();
  }

  /** Before every render of the box: the strings for its language, the token's identity, the form's sign-in state. */
  hostUpdate(): void {
    const { language } = this._locale();
    if (language !== this._language) {
      this._language = language;
      loadActionStrings(language).then((strings) => {
        if (this._language !== language) return;
        this.strings = strings;
        this._host.requestUpdate();
      });
    }
    const token = this._host.authToken || undefined;
    if (token !== this._token) this._tokenChanged(token);
    // A server that says it ignores tokens (`anonymous`) needs the name field; one that does not say is trusted with the token.
    this._form.signIn = this.strings
      ? { prompt: this._prompt(), identity: this._pages.auth === 'anonymous' ? undefined : this._identityTemplate() }
      : undefined;
  }

  /** The hooks the comment list calls for each comment, once the strings are here. */
  extras(): CommentExtras | undefined {
    if (!this.strings) return undefined;
    return { meta: (comment) => this._meta(comment), text: (comment) => this._editor(comment), controls: (comment) => this._controls(comment) };
  }

  /** A post was refused with 401: sign-in is required (`auth_required`) or the token was refused. */
  async authFailed(code?: string): Promise<void> {
    const strings = await loadActionStrings(this._locale().language);
    if (code === 'auth_required' && !this._token) {
      this._required = true;
      this._host.requestUpdate();
      this._live.say(strings.signInPrompt);
      await this._host.updateComplete;
      this._promptButton()?.focus();
      return;
    }
    this._expired(strings);
  }

  private _tokenChanged(token: string | undefined): void {
    const prompted = this._showsPrompt();
    const promptFocused = this._promptButton() === document.activeElement;
    this._token = token;
    this._identity = token ? identityOf(token) : undefined;
    if (token && !this._identity && !this._warned.has(token)) {
      this._warned.add(token);
      console.warn('[byline] <byline-comment-box>: auth-token is not a sign-in token with "sub" and "name"; no identity is shown.');
    }
    if (token) this._required = false;
    // Signed in from the prompt: the form comes back with the draft, and the reader continues there.
    if (prompted && !this._showsPrompt()) {
      this._live.clear();
      if (promptFocused) this._form.focusField('body');
    }
  }

  private _showsPrompt(): boolean {
    return !this._token && (this._required || this._pages.auth === 'required');
  }

  private _promptButton(): HTMLElement | null {
    return this._host.querySelector('[data-sign-in]');
  }

  private _prompt(): TemplateResult | undefined {
    if (!this._showsPrompt()) return undefined;
    const strings = this.strings!;
    const message = this._live.message;
    return html`<p>${strings.signInPrompt}</p>
      <div class="byline-comment-form__actions">
        <button type="button" data-sign-in @click=${() => this._askSignIn('required')}>${strings.signIn}</button>
      </div>
      ${message ? html`<p class="byline-comment-form__message" ?data-alert=${message.alert}>${message.text}</p>` : nothing}`;
  }

  /** Asks the page to sign the reader in; when no listener takes it on, tells the reader how. */
  private _askSignIn(reason: AuthRequiredDetail['reason']): void {
    if (emit(this._host, 'byline-auth-required', { reason }, { cancelable: true }) && reason === 'required')
      this._live.say(this.strings!.signInHint);
  }

  private _expired(strings: ActionStrings): void {
    this._live.say(strings.signInExpired, true);
    this._askSignIn('expired');
  }

  private _identityTemplate(): TemplateResult | undefined {
    const identity = this._identity;
    if (!identity) return undefined;
    return html`<p class="byline-comment-form__identity">
      ${avatar(identity.picture, 32)} <span dir="auto">${fill(this.strings!.signedInAs, { name: identity.name })}</span>
    </p>`;
  }

  private _meta(comment: Comment): TemplateResult {
    const strings = this.strings!;
    const locale = this._locale();
    return html`${comment.author.id
      ? html`<span class="signed-in" part="signed-in" title=${strings.signedInTitle}><span aria-hidden="true">✓ </span>${strings.signedIn}</span>
          ${avatar(comment.author.picture, 24)}`
      : nothing}
    ${comment.editedAt
      ? html`<span class="edited" part="edited" title=${locale.date(comment.editedAt, 'datetime')}>${strings.edited}</span>`
      : nothing}`;
  }

  private _own(comment: Comment): boolean {
    return !!this._identity && comment.author.id === this._identity.id;
  }

  private _editor(comment: Comment): TemplateResult | undefined {
    const text = this._editing.get(comment.id);
    if (text === undefined) return undefined;
    const strings = this.strings!;
    const locale = this._locale();
    const id = `edit-${comment.id}`;
    const left = this._host.maxLength - codePoints(text);
    const busy = this._busy === comment.id;
    return html`<div class="editor">
      <label for=${id}>${strings.editLabel}</label>
      <textarea id=${id} rows="4" dir="auto" ?readonly=${busy} aria-invalid=${left < 0} aria-describedby="${id}-count ${id}-note"
        .value=${text}
        @input=${(event: Event) => {
          this._editing.set(comment.id, (event.target as HTMLTextAreaElement).value);
          this._host.requestUpdate();
        }}
        @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && this._cancelEdit(comment)}></textarea>
      <p id="${id}-count" class="note">
        ${left < 0 ? locale.plural(locale.strings.tooLong, -left) : locale.plural(locale.strings.charactersLeft, left)}
      </p>
      <div>
        <button class="button" aria-disabled=${busy} @click=${() => this._save(comment)}>${busy ? strings.saving : strings.save}</button>
        <button class="button" @click=${() => this._cancelEdit(comment)}>${strings.cancel}</button>
      </div>
      ${this._note(comment, `${id}-note`)}
    </div>`;
  }

  private _controls(comment: Comment): TemplateResult | typeof nothing {
    if (this._editing.has(comment.id)) return nothing;
    const strings = this.strings!;
    const own = this._own(comment);
    const step = this._confirming?.id === comment.id ? this._confirming : undefined;
    const button = (kind: string, label: string, action: () => void) =>
      // Described by the author's name: a list of comments has many Report buttons.
      html`<button class="reply" data-action="${kind}-${comment.id}" aria-describedby="author-${comment.id}" @click=${action}>${label}</button>`;
    let controls: unknown = nothing;
    if (step) {
      const question = `confirm-${comment.id}`;
      controls = html`<span role="group" aria-labelledby=${question}>
        <span id=${question}>${step.kind === 'delete' ? strings.deleteConfirm : strings.reportConfirm}</span>
        ${button('confirm', step.kind === 'delete' ? strings.delete : strings.report, () => this._confirmed(comment, step))}
        ${button('back', strings.cancel, () => this._step(comment, undefined))}
      </span>`;
    } else if (own) {
      controls = html`${button('edit', strings.edit, () => this._startEdit(comment))}
        ${button('delete', strings.delete, () => this._step(comment, 'delete'))}`;
    } else if (comment.status === 'published' && !this._pages.postedHere.has(comment.id)) {
      controls = this._reported.has(comment.id)
        ? html`<span class="note">${strings.reported}</span>`
        : button('report', strings.report, () => this._step(comment, 'report'));
    }
    if (controls === nothing && !this._notes.has(comment.id)) return nothing;
    return html`<div class="actions" part="actions" aria-busy=${this._busy === comment.id}>${controls}${this._note(comment)}</div>`;
  }

  private _note(comment: Comment, id?: string): TemplateResult | typeof nothing {
    const note = this._notes.get(comment.id);
    return note ? html`<p id=${id ?? nothing} class="note" ?data-alert=${note.alert}>${note.text}</p>` : nothing;
  }

  /** Shows `text` under a comment's controls and reads it out. */
  private _tell(comment: Comment, text: string, alert = false): void {
    this._notes.set(comment.id, { text, alert });
    this._live.announce(text, alert);
    this._host.requestUpdate();
  }

  private async _focus(selector: string): Promise<void> {
    await this._host.updateComplete;
    this._host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private _step(comment: Comment, kind: Step['kind'] | undefined): void {
    const before = this._confirming;
    this._confirming = kind && { id: comment.id, kind };
    this._notes.delete(comment.id);
    this._host.requestUpdate();
    // Into the question's first button; back out to the button that asked it.
    this._focus(`[data-action="${kind ? 'confirm' : before?.kind}-${CSS.escape(comment.id)}"]`);
  }

  private _startEdit(comment: Comment): void {
    this._editing.set(comment.id, comment.body);
    this._notes.delete(comment.id);
    this._host.requestUpdate();
    this._focus(`#edit-${CSS.escape(comment.id)}`);
  }

  private _cancelEdit(comment: Comment): void {
    if (this._busy === comment.id) return;
    this._editing.delete(comment.id);
    this._notes.delete(comment.id);
    this._host.requestUpdate();
    this._focus(`[data-action="edit-${CSS.escape(comment.id)}"]`);
  }

  private _call(comment: Comment, method: 'PATCH' | 'DELETE' | 'POST', path = '', body?: unknown): Promise<unknown> {
    const { api, thread } = this._host;
    if (!api || !thread) return Promise.reject(new Error('api and thread are required'));
    return commentCall(api, thread, this._token, { method, path: `/${encodeURIComponent(comment.id)}${path}`, body });
  }

  private async _save(comment: Comment): Promise<void> {
    if (this._busy) return;
    const { strings } = this._locale();
    const text = this._editing.get(comment.id)!.trim();
    if (!text) return this._tell(comment, strings.bodyRequired, true);
    if (codePoints(text) > this._host.maxLength) return this._tell(comment, this._locale().plural(strings.tooLong, codePoints(text) - this._host.maxLength), true);
    this._busy = comment.id;
    this._notes.delete(comment.id);
    this._host.requestUpdate();
    try {
      const updated = checkPosted(await this._call(comment, 'PATCH', '', { body: text }), 'response').comment;
      const pages = this._pages;
      pages.comments = pages.comments.map((known) => (known.id === comment.id ? { ...updated, parentId: known.parentId } : known));
      // A new link sends the comment back to review: it no longer counts.
      if (comment.status === 'published' && updated.status === 'pending' && pages.total) pages.total--;
      this._editing.delete(comment.id);
      this._live.say(updated.status === 'pending' ? this.strings!.savedPending : this.strings!.saved);
      this._host.updateComplete.then(() => focusComment(this._host.renderRoot, comment.id));
    } catch (error) {
      this._failed(comment, error);
    } finally {
      this._busy = undefined;
      this._host.requestUpdate();
    }
  }

  private async _confirmed(comment: Comment, step: Step): Promise<void> {
    if (this._busy) return;
    this._busy = comment.id;
    this._host.requestUpdate();
    try {
      if (step.kind === 'delete') {
        await this._call(comment, 'DELETE');
        this._confirming = undefined;
        this._removed(comment);
      } else {
        await this._call(comment, 'POST', '/reports');
        this._reportedNow(comment, this.strings!.reportedThanks);
      }
    } catch (error) {
      this._confirming = undefined;
      if ((error as Partial<RequestError>).body?.code === 'already_reported') this._reportedNow(comment, this.strings!.alreadyReported);
      else this._failed(comment, error);
    } finally {
      this._busy = undefined;
      this._host.requestUpdate();
    }
  }

  private _reportedNow(comment: Comment, text: string): void {
    this._confirming = undefined;
    this._reported.add(comment.id);
    this._tell(comment, text);
    this._host.updateComplete.then(() => focusComment(this._host.renderRoot, comment.id));
  }

  /**
   * The author deleted `comment`: it stays as "This comment was deleted." while it has published replies,
   * else it leaves the list; focus goes to the placeholder, the next comment, the previous one or the heading.
   */
  private _removed(comment: Comment): void {
    const pages = this._pages;
    const shown = [...this._host.renderRoot.querySelectorAll<HTMLElement>('article[data-id]')].map((node) => node.dataset.id);
    const at = shown.indexOf(comment.id);
    const keep = pages.comments.some((reply) => reply.parentId === comment.id && reply.status === 'published');
    pages.comments = keep
      ? pages.comments.map((known) => (known.id === comment.id ? { ...known, author: { name: '' }, body: '', deleted: true, editedAt: undefined } : known))
      : pages.comments.filter((known) => known.id !== comment.id && known.parentId !== comment.id);
    if (comment.status === 'published' && pages.total) pages.total--;
    if (this._form.replyTo?.id === comment.id) this._form.retarget();
    this._notes.delete(comment.id);
    this._live.say(this.strings!.deleted);
    const next = keep ? comment.id : (shown.slice(at + 1).find((id) => pages.comments.some((known) => known.id === id)) ?? shown[at - 1]);
    this._host.updateComplete.then(() => {
      const root = this._host.renderRoot;
      if (next && root.querySelector(`[data-id="${CSS.escape(next)}"]`)) return focusComment(root, next);
      const heading = root.querySelector<HTMLElement>('#heading');
      if (heading) {
        heading.tabIndex = -1;
        heading.focus();
      }
    });
  }

  /** A refused edit, delete or report, said under the comment; the edited text stays in its editor. */
  private _failed(comment: Comment, error: unknown): void {
    const strings = this.strings!;
    const { status, body } = error as Partial<RequestError>;
    const code = body?.code;
    reportError(this._host, errorDetail(error, 'contract'), !status);
    if (status === 401) {
      this._tell(comment, strings.signInExpired, true);
      return this._askSignIn('expired');
    }
    const text =
      code === 'edit_window_closed' ? strings.editWindowClosed
      : code === 'banned' ? strings.banned
      : status === 403 ? strings.forbidden
      : status === 404 ? strings.gone
      : status === 429 ? strings.rateLimited
      : status === 400 && body?.field === 'body' ? this._locale().strings.bodyInvalid
      : strings.failed;
    this._tell(comment, text, true);
  }
}

/** A picture beside a name: decorative (the name is next to it), https only, sized, loaded when near. */
function avatar(url: string | undefined, size: number): TemplateResult | typeof nothing {
  const src = https(url);
  return src
    ? html`<img class="avatar" part="avatar" src=${src} alt="" width=${size} height=${size} loading="lazy" decoding="async" referrerpolicy="no-referrer" />`
    : nothing;
}

declare global {
  interface HTMLElementEventMap {
    /** Cancelable: the reader needs to sign in; the page signs them in and sets `authToken`. */
    'byline-auth-required': CustomEvent<AuthRequiredDetail>;
  }
}
