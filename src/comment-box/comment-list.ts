/**
 * The comments as the reader sees them: top-level comments in the order of the sort, each with its
 * replies (one level) and a Reply button, then "Load more". Templates only; the state lives in
 * CommentPagesController and the form's reply target.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { fill, type Locale } from '../core/i18n.js';
import type { CommentPagesController } from './comment-pages.js';
import type { Comment } from './comments-api.js';

/** What the comment actions (comment-actions.ts, loaded only when needed) add to each shown comment. */
export interface CommentExtras {
  /** After the author's name: the signed-in mark and picture, "edited". */
  meta(comment: Comment): unknown;
  /** The author's editor in place of the text while they edit it; undefined otherwise. */
  text(comment: Comment): unknown;
  /** Edit and Delete on the reader's own comments, Report on others', with their confirmations. */
  controls(comment: Comment): unknown;
}

export interface ListView {
  locale: Locale;
  extras?: CommentExtras;
  pages: CommentPagesController;
  /** The comment the form answers; the form's slot goes under it. */
  replyTo?: Comment;
  onReply(comment: Comment): void;
}

export function renderSkeleton(locale: Locale): TemplateResult {
  return html`<div part="skeleton" aria-busy="true">
    <span class="visually-hidden">${locale.strings.loading}</span>
    ${[1, 2, 3, 4, 5, 6].map(() => html`<div class="skeleton line"></div>`)}
  </div>`;
}

/** The list of a loaded thread (or its empty state). */
export function renderComments(view: ListView): TemplateResult {
  const { locale, pages } = view;
  const { strings } = locale;
  const replies = new Map<string, Comment[]>();
  const top: Comment[] = [];
  for (const comment of pages.comments) {
    if (!comment.parentId) top.push(comment);
    else replies.set(comment.parentId, [...(replies.get(comment.parentId) ?? []), comment]);
  }
  if (!top.length) return html`<p class="empty" part="empty">${strings.commentsEmpty}</p>`;
  return html`<ul part="list">
      ${top.map((comment) => renderThread(view, comment, replies.get(comment.id) ?? []))}
    </ul>
    ${pages.moreFailed ? html`<p class="error" role="alert">${strings.loadFailed}</p>` : nothing}
    ${pages.nextCursor
      ? html`<button class="button more" part="more" ?disabled=${pages.loadingMore} @click=${() => pages.loadMore()}>
          ${strings.loadMore}
        </button>`
      : nothing}`;
}

function renderThread(view: ListView, comment: Comment, replies: Comment[]): TemplateResult {
  const { strings } = view.locale;
  const open = view.replyTo?.id === comment.id;
  const reply =
    comment.status === 'published' && !comment.deleted
      ? html`<button class="reply" part="reply" data-reply=${comment.id} aria-expanded=${open}
          aria-label=${fill(strings.replyTo, { name: comment.author.name })} @click=${() => view.onReply(comment)}>
          ${strings.reply}
        </button>`
      : nothing;
  return html`<li>
    ${renderComment(view, comment, reply)}
    ${replies.length
      ? html`<ul class="replies" part="replies" aria-label=${comment.deleted ? nothing : fill(strings.repliesTo, { name: comment.author.name })}>
          ${replies.map((reply) => html`<li>${renderComment(view, reply)}</li>`)}
        </ul>`
      : nothing}
    ${open ? html`<slot name="form"></slot>` : nothing}
  </li>`;
}

/** One comment; `reply` (its Reply button) leads the row of its controls, so the primary action comes first. */
function renderComment({ locale, extras }: ListView, comment: Comment, reply: unknown = nothing): TemplateResult {
  // Deleted, kept only to hold its replies' place: no name, no time, no text of the author's.
  if (comment.deleted)
    return html`<article class="comment" part="comment" data-id=${comment.id} tabindex="-1">
      <p class="text deleted" part="text">${locale.strings.commentDeleted}</p>
    </article>`;
  return html`<article class="comment" part="comment" data-id=${comment.id} tabindex="-1">
    <p class="meta">
      <span id="author-${comment.id}" class="author" part="author" dir="auto">${comment.author.name}</span>
      ${extras?.meta(comment)}
      <time part="time" datetime=${comment.createdAt} title=${locale.date(comment.createdAt, 'datetime')}>
        ${locale.relative(comment.createdAt)}
      </time>
      ${comment.status === 'pending' ? html`<span class="badge" part="badge">${locale.strings.pendingBadge}</span>` : nothing}
    </p>
    ${extras?.text(comment) ?? html`<p class="text" part="text" dir="auto">${comment.body}</p>`}
    <div class="controls">${reply}${extras?.controls(comment)}</div>
  </article>`;
}

/** Focuses a comment once rendered: keyboard and screen reader users continue reading there. */
export function focusComment(root: ParentNode, id: string): void {
  root.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"]`)?.focus();
}

/** Focuses a comment's Reply button, e.g. when the reply is cancelled. */
export function focusReplyButton(root: ParentNode, id: string): void {
  root.querySelector<HTMLElement>(`[data-reply="${CSS.escape(id)}"]`)?.focus();
}
