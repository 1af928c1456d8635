import type { Status, StoredComment } from './store.js';

/** A `comments` row, as both dialects return it. */
export interface CommentRow {
  id: string;
  thread: string;
  parent_id: string | null;
  author_name: string;
  body: string;
  created_at: string;
  status: Status;
}

export const fromRow = (r: CommentRow): StoredComment => ({
  id: r.id,
  thread: r.thread,
  parentId: r.parent_id,
  authorName: r.author_name,
  body: r.body,
  createdAt: r.created_at,
  status: r.status,
});
