import type { FastifyRequest } from 'fastify';
import { RuleError } from '../domain/errors.js';
import { addressSubject, type Reader } from '../domain/identity.js';
import type { RouteContext } from './context.js';
import { tokenMatches } from './tokens.js';

/** The Bearer token of a request, if it sent one. Never logged. */
export function bearerOf(request: FastifyRequest): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
}

/**
 * The reader behind a public request: signed in when it carries a valid token (and this server reads
 * tokens), anonymous otherwise. A token that is sent but fails is a 401 invalid_token, never silently
 * anonymous, so a reader is not published under a name they did not mean.
 */
export async function readerOf(request: FastifyRequest, context: RouteContext): Promise<Reader> {
  const address = addressSubject(context.addressSalt, request.ip);
  const token = bearerOf(request);
  if (!token || context.auth === 'anonymous' || !context.sso) return { roles: [], address };
  return { ...(await context.sso.verify(token)), address };
}

/**
 * Who is calling the admin API: 'admin-token', or the 'sso:<sub>' of a reader whose token carries the
 * `moderator` role. Anything else is a RuleError the admin routes answer with 401 or 403.
 */
export async function moderatorOf(request: FastifyRequest, context: RouteContext): Promise<string> {
  const token = bearerOf(request);
  if (tokenMatches(token, context.adminToken)) return 'admin-token';
  const refuse = () => new RuleError('unauthorized', 'A moderator sign-in token or the admin token is required (Authorization: Bearer <token>).');
  if (!token || !context.sso) throw refuse();
  const reader = await context.sso.verify(token).catch(() => {
    throw refuse();
  });
  if (!reader.roles.includes('moderator')) throw new RuleError('forbidden', 'This account does not have the moderator role.');
  return reader.id!;
}
