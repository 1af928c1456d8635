import type { Status, Store } from '../store/store.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { toAdmin, type AdminComment } from './comments.js';

export type Decision = 'approve' | 'reject';
const STATUS_OF: Record<Decision, Status> = { approve: 'published', reject: 'rejected' };

/** The moderation queue and decisions, for the admin routes and the CLI alike. */
export class Moderation {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Oldest first; `nextCursor` pages on past `limit`. */
  async list(status: Status, options: { thread?: string; limit: number; cursor?: string }): Promise<{ items: AdminComment[]; nextCursor: string | null }> {
    const after = options.cursor ? decodeCursor(options.cursor) : undefined;
    const rows = await this.store.byStatus(status, { thread: options.thread, limit: options.limit + 1, after });
    const page = rows.slice(0, options.limit);
    return { items: page.map(toAdmin), nextCursor: rows.length > options.limit ? encodeCursor(page[page.length - 1]) : null };
  }

  /** undefined when there is no comment with this id. */
  async decide(id: string, decision: Decision): Promise<AdminComment | undefined> {
    const changed = await this.store.setStatus(id, STATUS_OF[decision], this.now().toISOString());
    return changed && toAdmin(changed);
  }
}
