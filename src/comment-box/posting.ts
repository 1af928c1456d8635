/**
 * Sending the form: one post at a time, checked first (fields, the rate limit the server set), vetoable
 * by a `byline-comment-submit` listener, then the answer put into the list or the failure explained.
 * A POST is never retried automatically; the draft and its key stay until the server stores it.
 * Loaded only for readers who post, so the draft's key, the post body and what a post's answer does to
 * the draft are here, not in the form.
 */
import type { ReactiveControllerHost } from 'lit';
import { emit, errorDetail, reportError } from '../core/emit.js';
import '../core/events.js';
import type { RequestError } from '../core/fetch.js';
import type { Locale } from '../core/i18n.js';
import type { CommentFormController } from './comment-form.js';
import { focusComment } from './comment-list.js';
import type { CommentPagesController } from './comment-pages.js';
import { postComment, type Comment, type CommentPost } from './comments-api.js';
import { clearDraft, newKey, readDraft, saveDraft, type Draft } from './drafts.js';
import type { LiveRegionController } from './live-region.js';
import { postFailure, rateLimitText } from './post-failure.js';

export interface CommentSubmitDetail {
  thread: string;
  /** The JSON about to be sent. Listeners may add fields to it; `preventDefault()` cancels the post. */
  body: CommentPost;
}

export interface CommentPostedDetail {
  /** The server's answer; `status: 'pending'` when it is held for moderation. */
  comment: Comment;
}

declare global {
  interface HTMLElementEventMap {
    /** Cancelable: a comment is about to be posted. */
    'byline-comment-submit': CustomEvent<CommentSubmitDetail>;
    /** The server accepted a comment. */
    'byline-comment-posted': CustomEvent<CommentPostedDetail>;
  }
}

export interface PostHost extends ReactiveControllerHost, HTMLElement {
  api?: string;
  thread?: string;
  /** The reader's sign-in token, sent with the post. */
  authToken?: string;
  readonly renderRoot: ParentNode;
}

export class PostController {
  /** Until then the server refuses new posts (429 with Retry-After); ms since the epoch. */
  private _retryAt = 0;

  constructor(
    private readonly _host: PostHost,
    private readonly _locale: () => Locale,
    private readonly _form: CommentFormController,
    private readonly _pages: CommentPagesController,
    private readonly _live: LiveRegionController,
    /** A 401: sign-in is required or the token was refused (`auth_required`, `invalid_token`). */
    private readonly _authFailed: (code?: string) => void,
  ) {}

  async submit(): Promise<void> {
    const form = this._form;
    // One post at a time: a double click or a second Enter while sending does nothing.
    if (form.sending) return;
    const { api, thread } = this._host;
    const parent = form.replyTo;
    if (!form.validate()) return;
    if (Date.now() < this._retryAt) return this._live.say(rateLimitText(this._locale(), this._retryAt), true);
    if (!api || !thread) return;

    const id = form.draftId();
    const draft = this.keyedDraft();
    const body = this.postBody(draft);
    if (!emit(this._host, 'byline-comment-submit', { thread, body }, { cancelable: true })) return;

    form.sending = true;
    this._live.clear();
    try {
      const comment = await postComment(api, thread, body, draft.key!, this._host.authToken);
      this.posted(id, draft, parent);
      this._pages.add(comment);
      const { strings } = this._locale();
      this._live.say(comment.status === 'pending' ? strings.pending : strings.posted);
      emit(this._host, 'byline-comment-posted', { comment });
      this._host.updateComplete.then(() => focusComment(this._host.renderRoot, comment.id));
    } catch (error) {
      this._failed(error, id, draft);
    } finally {
      form.sending = false;
      this._host.requestUpdate();
    }
  }

  /**
   * The draft about to be sent, with its Idempotency-Key. The key is stored with the draft before
   * anything is sent: a retry after a failure, even after a reload, sends the same key and the server
   * stores the comment at most once.
   */
  keyedDraft(): Draft {
    const form = this._form;
    const draft = (form.draft = { ...form.draft, key: form.draft.key ?? newKey() });
    saveDraft(form.draftId(), draft);
    return draft;
  }

  /** The JSON body of the post for `draft`. */
  postBody(draft: Draft): CommentPost {
    const form = this._form;
    const text = draft.body.trim();
    const body: CommentPost = form.signIn?.identity ? { body: text } : { author: { name: draft.name.trim() }, body: text };
    if (form.replyTo) body.parentId = form.replyTo.id;
    const trap = form.field('website')?.value;
    if (trap) body.website = trap;
    return body;
  }

  /** The server stored the draft `id` answering `parent`: forget it, and leave a finished reply. */
  posted(id: string, draft: Draft, parent?: Comment): void {
    const form = this._form;
    clearDraft(id);
    form.draft = { name: draft.name, body: '' };
    if (parent && form.replyTo === parent) {
      form.replyTo = undefined;
      form.draft = readDraft(form.draftId()) ?? form.draft;
    }
    this._host.requestUpdate();
  }

  /** The next attempt sends the draft `id` as a new comment, under a new key. */
  dropKey(id: string, draft: Draft): void {
    this._form.draft = { ...draft, key: undefined };
    saveDraft(id, this._form.draft);
    this._host.requestUpdate();
  }

  private _failed(error: unknown, id: string, draft: Draft): void {
    const detail = errorDetail(error, 'contract');
    const request = error as Partial<RequestError>;
    if (request.status === 401) {
      reportError(this._host, detail, false);
      return this._authFailed(request.body?.code);
    }
    const failure = postFailure(error, this._locale());
    const form = this._form;
    if (failure.retryAt !== undefined) this._retryAt = failure.retryAt;
    if (failure.newKey) this.dropKey(id, draft);
    if (failure.field) form.setErrors({ [failure.field]: failure.fieldError });
    this._live.say(failure.message, true);
    if (failure.field) form.focusField(failure.field);
    // A broken answer is a bug worth a warning; a refused post is the reader's to fix.
    reportError(this._host, { ...detail, field: failure.serverField ?? detail.field }, detail.kind === 'contract');
  }
}
