import type { Status } from './store.js';

/** The two facts about a comment that decide whether it is counted. */
export interface CountState {
  status: Status;
  deleted: boolean;
}

/**
 * How a thread's kept total changes when one comment's status or deletion changes. A comment is
 * counted when it is published, not deleted, and its top-level comment is published. A top-level
 * comment that is published shows its replies (even when it is itself a deleted placeholder), so its
 * publishing or hiding carries its counted replies with it. `parentStatus` is null for a top-level
 * comment; `countedReplies` are its published, undeleted replies.
 */
export function totalDelta(before: CountState, after: CountState, parentStatus: Status | null, countedReplies: number): number {
  const parentShown = parentStatus === null || parentStatus === 'published';
  const counted = (s: CountState) => (s.status === 'published' && !s.deleted && parentShown ? 1 : 0);
  const shown = (s: CountState) => (s.status === 'published' ? 1 : 0);
  const carried = parentStatus === null ? (shown(after) - shown(before)) * countedReplies : 0;
  return counted(after) - counted(before) + carried;
}
