import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Position } from '../store/store.js';
import { RuleError } from './errors.js';

const POSITION = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)\|([0-9a-z]{1,64})$/;

/**
 * Opaque page cursors: `base64url(createdAt|id).base64url(HMAC-SHA256)`. The MAC covers the position and
 * the scope the cursor was issued for (thread and sort, or an admin queue), so a forged cursor, or one
 * taken from another thread, sort or queue, is refused instead of paging from an arbitrary point.
 */
export class Cursors {
  constructor(private readonly secret: string) {}

  private mac(scope: string, position: string): Buffer {
    return createHmac('sha256', this.secret).update(`${scope}\n${position}`).digest();
  }

  encode(scope: string, at: Position): string {
    const position = `${at.createdAt}|${at.id}`;
    return `${Buffer.from(position).toString('base64url')}.${this.mac(scope, position).toString('base64url')}`;
  }

  decode(scope: string, cursor: string): Position {
    const [data, mac, ...rest] = cursor.split('.');
    const position = Buffer.from(data ?? '', 'base64url').toString('utf8');
    const given = Buffer.from(mac ?? '', 'base64url');
    const expected = this.mac(scope, position);
    const match = POSITION.exec(position);
    if (rest.length || !match || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new RuleError('invalid_field', 'cursor is not a cursor this server issued for this list.', 'cursor');
    }
    return { createdAt: match[1], id: match[2] };
  }
}
