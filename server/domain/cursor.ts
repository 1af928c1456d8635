import type { Position } from '../store/store.js';
import { RuleError } from './errors.js';

const CURSOR = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)\|([0-9a-z]{1,64})$/;

/** An opaque page cursor: base64url of `createdAt|id` of the last item of the page. */
export function encodeCursor(at: Position): string {
  return Buffer.from(`${at.createdAt}|${at.id}`).toString('base64url');
}

export function decodeCursor(cursor: string): Position {
  const match = CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new RuleError('invalid_field', 'cursor is not a cursor this server issued.', 'cursor');
  return { createdAt: match[1], id: match[2] };
}
