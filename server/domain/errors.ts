/**
 * A request the rules refuse. `code` is the contract's error code; the HTTP layer chooses the status
 * (routes/errors.ts), so the rules stay usable from the CLI and the import tools.
 */
export class RuleError extends Error {
  constructor(
    readonly code: RuleCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export type RuleCode =
  | 'invalid_field'
  | 'invalid_length'
  | 'missing_field'
  | 'spam'
  | 'idempotency_conflict'
  | 'invalid_parent'
  | 'not_found'
  | 'comment_removed'
  | 'auth_required'
  | 'unauthorized'
  | 'invalid_token'
  | 'forbidden'
  | 'banned'
  | 'edit_window_closed'
  | 'already_reported';
