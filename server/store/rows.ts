import type { Status, StoredComment } from './store.js';

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
