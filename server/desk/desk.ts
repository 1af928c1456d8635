/**
 * The moderation desk, served by the reference server at /admin/. Its own entry, built into
 * server/desk/dist/ and never part of the partner bundle. It talks to /api/admin with a moderator's
 * sign-in token or the admin token (kept in sessionStorage: gone when the tab closes). Every name and
 * body is rendered through Lit text bindings, so what a reader wrote stays inert text.
 */
// The rule keeps Lit's `css` out of the partner bundle for size; the desk is its own build.
// eslint-disable-next-line no-restricted-imports
import { css, html, LitElement, nothing, type PropertyDeclarations } from 'lit';
import type { WireAuditEntry, WireAuditPage } from '../../src/core/wire-types.js';

type Queue = 'pending' | 'reported' | 'recent';
type View = Queue | 'audit';

interface AdminComment {
  id: string;
  thread: string;
  parentId: string | null;
  author: { name: string; id?: string; picture?: string };
  body: string;
  createdAt: string;
  editedAt?: string;
  deleted?: true;
  status: 'published' | 'pending' | 'rejected';
  subject: string | null;
  reports?: number;
}

const TOKEN_KEY = 'byline-desk-token';
const VIEWS: [View, string][] = [['pending', 'Pending'], ['reported', 'Reported'], ['recent', 'Recent'], ['audit', 'Audit log']];
const BAN_CHOICES: [string, string][] = [['1', '1 day'], ['7', '7 days'], ['30', '30 days'], ['forever', 'For ever']];
const PAGE = 25;
const englishPlural = new Intl.PluralRules('en');
/** "1 comment", "2 comments": the desk's own strings are English. */
const counted = (n: number, one: string, other: string) => `${n} ${englishPlural.select(n) === 'one' ? one : other}`;

class DeskError extends Error {}

export class BylineDesk extends LitElement {
  static override properties: PropertyDeclarations = {
    api: { type: String },
    _actor: { state: true },
    _view: { state: true },
    _items: { state: true },
    _audit: { state: true },
    _next: { state: true },
    _status: { state: true },
    _error: { state: true },
    _busy: { state: true },
  };

  /** Base of the API, e.g. `/api` (default) or `https://comments.example/api`. */
  declare api: string;
  private declare _actor?: string;
  private declare _view: View;
  private declare _items: AdminComment[];
  private declare _audit: WireAuditEntry[];
  private declare _next: string | null;
  private declare _status: string;
  private declare _error: string;
  private declare _busy: boolean;

  constructor() {
    super();
    this.api = '/api';
    this._view = 'pending';
    this._items = [];
    this._audit = [];
    this._next = null;
    this._status = '';
    this._error = '';
    this._busy = false;
  }

  static override styles = css`
    :host { display: block; font: 16px/1.5 system-ui, sans-serif; color: #1a1a1a; max-width: 60rem; margin: 0 auto; padding: 1rem; }
    h1 { font-size: 1.5rem; margin: 0 0 1rem; }
    h2 { font-size: 1.125rem; margin: 1rem 0 0.5rem; }
    form.sign-in { display: grid; gap: 0.5rem; max-width: 30rem; }
    input, select, button { font: inherit; }
    input { padding: 0.4rem; border: 1px solid #6b6b6b; border-radius: 4px; }
    button { padding: 0.35rem 0.8rem; border: 1px solid #1f4e8c; background: #fff; color: #1f4e8c; border-radius: 4px; cursor: pointer; }
    button.primary { background: #1f4e8c; color: #fff; }
    button.danger { border-color: #a11; color: #a11; }
    button:focus-visible, input:focus-visible, select:focus-visible, a:focus-visible { outline: 3px solid #f5a300; outline-offset: 2px; }
    nav ul { display: flex; gap: 0.5rem; list-style: none; padding: 0; margin: 0 0 1rem; flex-wrap: wrap; }
    nav button[aria-current='page'] { background: #1f4e8c; color: #fff; }
    ol.items { list-style: none; padding: 0; margin: 0; }
    ol.items > li { border: 1px solid #c8c8c8; border-radius: 6px; padding: 0.75rem; margin-bottom: 0.75rem; }
    .meta { color: #4a4a4a; font-size: 0.875rem; overflow-wrap: anywhere; }
    .body { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0.5rem 0; }
    .author { font-weight: 600; }
    .verified { color: #14622b; font-size: 0.875rem; }
    .actions { display: flex; gap: 0.5rem; flex-wrap: wrap; align-items: center; }
    .status { min-height: 1.5em; }
    .error { color: #a11; }
    table { border-collapse: collapse; width: 100%; font-size: 0.875rem; }
    th, td { text-align: start; border-bottom: 1px solid #ddd; padding: 0.3rem; overflow-wrap: anywhere; }
    header { display: flex; justify-content: space-between; align-items: baseline; gap: 1rem; flex-wrap: wrap; }
  `;

  override connectedCallback(): void {
    super.connectedCallback();
    const saved = sessionStorage.getItem(TOKEN_KEY);
    if (saved) void this._signIn(saved);
  }

  private get _token(): string | null {
    return sessionStorage.getItem(TOKEN_KEY);
  }

  /** One admin call; a refusal becomes a DeskError with the server's message. */
  private async _call<T>(path: string, init: RequestInit = {}, token = this._token): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${token ?? ''}` };
    if (init.body) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(`${this.api}/admin${path}`, { ...init, headers });
    } catch {
      throw new DeskError('The server cannot be reached.');
    }
    if (res.status === 204) return undefined as T;
    const json = await res.json().catch(() => undefined);
    if (!res.ok) {
      if (res.status === 401) this._signOut('Your sign-in is no longer valid. Sign in again.');
      throw new DeskError(json?.error?.message ?? `The server answered ${res.status}.`);
    }
    return json as T;
  }

  private async _signIn(token: string): Promise<void> {
    this._error = '';
    try {
      const { actor } = await this._call<{ actor: string }>('/me', {}, token);
      sessionStorage.setItem(TOKEN_KEY, token);
      this._actor = actor;
      await this._load(this._view);
    } catch (error) {
      sessionStorage.removeItem(TOKEN_KEY);
      this._actor = undefined;
      this._error = (error as Error).message;
    }
  }

  private _signOut(message = ''): void {
    sessionStorage.removeItem(TOKEN_KEY);
    this._actor = undefined;
    this._items = [];
    this._audit = [];
    this._error = message;
  }

  private async _load(view: View, more = false): Promise<void> {
    this._view = view;
    this._busy = true;
    this._error = '';
    try {
      if (view === 'audit') {
        const before = more && this._next ? `&before=${this._next}` : '';
        const page = await this._call<WireAuditPage>(`/audit?limit=${PAGE}${before}`);
        this._audit = more ? [...this._audit, ...page.items] : page.items;
        this._next = page.nextBefore === null ? null : String(page.nextBefore);
        this._status = `${counted(this._audit.length, 'audit entry', 'audit entries')} shown.`;
      } else {
        const cursor = more && this._next ? `&cursor=${encodeURIComponent(this._next)}` : '';
        const page = await this._call<{ items: AdminComment[]; nextCursor: string | null }>(`/comments?queue=${view}&limit=${PAGE}${cursor}`);
        this._items = more ? [...this._items, ...page.items] : page.items;
        this._next = page.nextCursor;
        this._status = `${counted(this._items.length, 'comment', 'comments')} shown in ${view}.`;
      }
    } catch (error) {
      this._error = (error as Error).message;
    } finally {
      this._busy = false;
    }
  }

  /** Runs an action after the moderator confirms it, then reloads the queue and says what happened. */
  private async _act(question: string, done: string, run: () => Promise<unknown>): Promise<void> {
    if (!confirm(question)) return;
    try {
      await run();
      await this._load(this._view);
      this._status = done;
    } catch (error) {
      this._error = (error as Error).message;
    }
  }

  private _decide(c: AdminComment, decision: 'approve' | 'reject' | 'delete'): Promise<void> {
    return this._act(`${decision[0].toUpperCase()}${decision.slice(1)} this comment by ${c.author.name || 'a deleted author'}?`, `Comment ${decision === 'approve' ? 'approved' : decision === 'reject' ? 'rejected' : 'deleted'}.`, () =>
      this._call(`/comments/${encodeURIComponent(c.id)}/${decision}`, { method: 'POST' }),
    );
  }

  private _ban(c: AdminComment, choice: string): Promise<void> {
    const until = choice === 'forever' ? null : new Date(Date.now() + Number(choice) * 86_400_000).toISOString();
    const label = BAN_CHOICES.find(([value]) => value === choice)![1].toLowerCase();
    return this._act(`Ban the author of this comment for ${label}?`, `Author banned for ${label}.`, () =>
      this._call(`/comments/${encodeURIComponent(c.id)}/ban`, { method: 'POST', body: JSON.stringify({ until, reason: 'desk' }) }),
    );
  }

  private _erase(subject: string): Promise<void> {
    return this._act(`Erase everything this author wrote (${subject})? This cannot be undone.`, 'Author erased.', () =>
      this._call(`/users/${encodeURIComponent(subject)}`, { method: 'DELETE' }),
    );
  }

  private async _export(subject: string): Promise<void> {
    try {
      const data = await this._call<unknown>(`/users/${encodeURIComponent(subject)}/export`);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
      link.download = 'byline-export.json';
      link.click();
      URL.revokeObjectURL(link.href);
      this._status = 'Export downloaded.';
    } catch (error) {
      this._error = (error as Error).message;
    }
  }

  private _renderSignIn() {
    const submit = (event: SubmitEvent) => {
      event.preventDefault();
      const input = (event.target as HTMLFormElement).elements.namedItem('token') as HTMLInputElement;
      if (input.value.trim()) void this._signIn(input.value.trim());
    };
    return html`<form class="sign-in" @submit=${submit}>
      <label for="token">Moderator sign-in token or admin token</label>
      <input id="token" name="token" type="password" autocomplete="off" required />
      <button class="primary" type="submit">Sign in</button>
    </form>`;
  }

  private _renderComment(c: AdminComment) {
    const heading = `comment-${c.id}`;
    return html`<li aria-labelledby=${heading}>
      <div class="meta" id=${heading}>
        <span class="author">${c.deleted ? '(deleted)' : c.author.name}</span>
        ${c.author.id ? html`<span class="verified">signed in as ${c.author.id}</span>` : html`<span>anonymous</span>`}
        · ${c.thread} · ${c.status} · <time datetime=${c.createdAt}>${c.createdAt}</time>
        ${c.reports ? html` · <strong>${counted(c.reports, 'report', 'reports')}</strong>` : nothing}
        ${c.parentId ? html` · reply` : nothing}
      </div>
      <p class="body">${c.body}</p>
      <div class="actions" role="group" aria-label=${`Actions for the comment by ${c.deleted ? 'a deleted author' : c.author.name}`}>
        ${c.status !== 'published' || c.reports ? html`<button @click=${() => this._decide(c, 'approve')}>Approve</button>` : nothing}
        ${c.status !== 'rejected' ? html`<button @click=${() => this._decide(c, 'reject')}>Reject</button>` : nothing}
        ${c.deleted ? nothing : html`<button class="danger" @click=${() => this._decide(c, 'delete')}>Delete</button>`}
        ${c.subject
          ? html`<label>Ban for
                <select id=${`ban-${c.id}`} aria-label="Ban duration">
                  ${BAN_CHOICES.map(([value, label]) => html`<option value=${value}>${label}</option>`)}
                </select></label>
              <button class="danger" @click=${() => this._ban(c, (this.renderRoot.querySelector(`#ban-${c.id}`) as HTMLSelectElement).value)}>Ban author</button>
              <button @click=${() => this._export(c.subject!)}>Export author data</button>
              <button class="danger" @click=${() => this._erase(c.subject!)}>Erase author</button>`
          : nothing}
      </div>
    </li>`;
  }

  private _renderAudit() {
    return html`<table>
      <caption class="meta">Newest first</caption>
      <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Comment</th><th scope="col">Author</th><th scope="col">Detail</th></tr></thead>
      <tbody>
        ${this._audit.map((e) => html`<tr><td>${e.at}</td><td>${e.actor}</td><td>${e.action}</td><td>${e.commentId ?? ''}</td><td>${e.subject ?? ''}</td><td>${e.detail ?? ''}</td></tr>`)}
      </tbody>
    </table>`;
  }

  override render() {
    if (!this._actor) {
      return html`<main><h1>Byline moderation desk</h1>${this._renderSignIn()}<p class="error" role="alert">${this._error}</p></main>`;
    }
    const title = VIEWS.find(([view]) => view === this._view)![1];
    return html`<main>
      <header>
        <h1>Byline moderation desk</h1>
        <p>Signed in as ${this._actor} <button @click=${() => this._signOut()}>Sign out</button></p>
      </header>
      <nav aria-label="Queues">
        <ul>
          ${VIEWS.map(([view, label]) => html`<li><button aria-current=${view === this._view ? 'page' : 'false'} @click=${() => this._load(view)}>${label}</button></li>`)}
        </ul>
      </nav>
      <h2>${title}</h2>
      <p class="status" role="status">${this._busy ? 'Loading…' : this._status}</p>
      <p class="error" role="alert">${this._error}</p>
      ${this._view === 'audit'
        ? this._renderAudit()
        : this._items.length
          ? html`<ol class="items" aria-label=${title}>${this._items.map((c) => this._renderComment(c))}</ol>`
          : html`<p>Nothing here.</p>`}
      ${this._next ? html`<button @click=${() => this._load(this._view, true)}>Load more</button>` : nothing}
    </main>`;
  }
}

if (!customElements.get('byline-desk')) customElements.define('byline-desk', BylineDesk);

declare global {
  interface HTMLElementTagNameMap {
    'byline-desk': BylineDesk;
  }
}
