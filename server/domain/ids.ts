import { randomBytes } from 'node:crypto';

let lastMs = -1;
let counter = 0;

/**
 * Ids sort like creation order: base36 milliseconds, a per-millisecond counter, then randomness so two
 * processes never collide. Pages are ordered by (created_at, id), so ties within a millisecond keep
 * insertion order.
 */
export function newId(ms: number): string {
  counter = ms === lastMs ? counter + 1 : 0;
  lastMs = ms;
  return ms.toString(36).padStart(9, '0') + counter.toString(36).padStart(3, '0') + randomBytes(5).toString('hex');
}
