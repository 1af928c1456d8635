import type { Status } from './store.js';

/**
 * How a thread's kept total changes when one comment's status changes. A comment is counted when it
 * is published and so is its top-level comment; a top-level comment carries its published replies
 * with it. `parentStatus` is null for a top-level comment.
 */
export function totalDelta(before: Status, after: Status, parentStatus: Status | null, publishedReplies: number): number {
  const was = before === 'published' ? 1 : 0;
  const is = after === 'published' ? 1 : 0;
  if (parentStatus === null) return (is - was) * (1 + publishedReplies);
  return parentStatus === 'published' ? is - was : 0;
}
