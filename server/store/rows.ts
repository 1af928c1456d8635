import type { AuditEntry, Ban, Status, StoredComment } from './store.js';

/** A `comments` row, as both dialects return it. */
export interface CommentRow {
  id: string;
  thread: string;
  parent_id: string | null;
  author_name: string;
  author_id: string | null;
  author_picture: string | null;
  author_address: string | null;
  body: string;
  created_at: string;
  status: Status;
  edited_at: string | null;
  deleted_at: string | null;
}

export const fromRow = (r: CommentRow): StoredComment => ({
  id: r.id,
  thread: r.thread,
  parentId: r.parent_id,
  authorName: r.author_name,
  authorId: r.author_id,
  authorPicture: r.author_picture,
  authorAddress: r.author_address,
  body: r.body,
  createdAt: r.created_at,
  status: r.status,
  editedAt: r.edited_at,
  deletedAt: r.deleted_at,
});

export interface BanRow {
  subject: string;
  until: string | null;
  reason: string;
  created_at: string;
  created_by: string;
}
export const fromBanRow = (r: BanRow): Ban => ({ subject: r.subject, until: r.until, reason: r.reason, createdAt: r.created_at, createdBy: r.created_by });

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  comment_id: string | null;
  subject: string | null;
  detail: string | null;
}
export const fromAuditRow = (r: AuditRow): AuditEntry => ({
  id: r.id, at: r.at, actor: r.actor, action: r.action, commentId: r.comment_id, subject: r.subject, detail: r.detail,
});
