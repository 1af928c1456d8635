/**
 * Unsent comments, kept as the reader types so nothing is lost to a reload, a closed tab or a failed
 * post. Each draft is stored per API + thread + reply target, with the Idempotency-Key of its post,
 * so a retry (even after a reload) can never store the comment twice. When localStorage is missing,
 * full or blocked (private modes, sandboxed iframes), drafts live in memory for the page's lifetime.
 */
import { isServer } from 'lit';

export interface Draft {
  name: string;
  body: string;
  /** Idempotency-Key for posting this draft; made at the first attempt, replaced only after a 201. */
  key?: string;
}

const PREFIX = 'byline-comment-draft:';
const memory = new Map<string, Draft>();

/** Where a draft is kept: one per API, thread and reply target (`parentId`, none for the thread). */
export function draftId(api: string | undefined, thread: string | undefined, parentId?: string): string {
  return `${api}|${thread}|${parentId ?? ''}`;
}

export function readDraft(id: string): Draft | undefined {
  const kept = memory.get(id);
  // A server render has no reader and no storage: the browser restores the draft after hydration.
  if (kept || isServer) return kept;
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(PREFIX + id) ?? 'null');
    const { name, body, key } = (saved ?? {}) as Partial<Record<keyof Draft, unknown>>;
    // Storage belongs to the whole origin: anything not shaped like a draft is ignored.
    if (typeof name === 'string' && typeof body === 'string')
      return { name, body, key: typeof key === 'string' ? key : undefined };
  } catch {
    // Unreadable storage or JSON: no draft.
  }
  return undefined;
}

export function saveDraft(id: string, draft: Draft): void {
  if (!draft.name && !draft.body && !draft.key) return clearDraft(id);
  try {
    localStorage.setItem(PREFIX + id, JSON.stringify(draft));
    memory.delete(id);
  } catch {
    memory.set(id, draft);
  }
}

export function clearDraft(id: string): void {
  memory.delete(id);
  try {
    localStorage.removeItem(PREFIX + id);
  } catch {
    // Nothing stored there.
  }
}

/** A v4 UUID. `crypto.randomUUID` exists only in secure contexts, and not every partner page is https. */
export function newKey(): string {
  return (
    crypto.randomUUID?.() ??
    '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (digit) =>
      (+digit ^ (crypto.getRandomValues(new Uint8Array(1))[0]! & (15 >> (+digit / 4)))).toString(16),
    )
  );
}
