import { createHash, timingSafeEqual } from 'node:crypto';
import { ADMIN_PAGE_MAX, THREAD_PATTERN } from '../domain/limits.js';
import type { Status } from '../store/store.js';
import type { RouteModule } from './context.js';
import { ApiError } from './errors.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Compares in constant time. Hashing first gives both sides the same length, so neither the
 * comparison nor an early length check leaks how much of the token was right.
 */
export function tokenMatches(given: string | undefined, expected: string | undefined): boolean {
  if (!given || !expected) return false;
  return timingSafeEqual(digest(given), digest(expected));
}

/** The moderation API, mounted at /api/admin. Without a configured token every call answers 401. */
export const adminRoutes: RouteModule = async (api, { moderation, adminToken, limits }) => {
  await api.register(
    async (app) => {
      app.addHook('onRequest', async (request, reply) => {
        const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
        if (!tokenMatches(match?.[1], adminToken)) {
          reply.header('www-authenticate', 'Bearer realm="byline-admin"');
          throw new ApiError(401, 'unauthorized', 'A valid admin token is required (Authorization: Bearer <token>).');
        }
        reply.header('cache-control', 'no-store');
      });

      app.get<{ Querystring: { status: Status; thread?: string; limit: number; cursor?: string } }>(
        '/comments',
        {
          config: { rateLimit: limits.read },
          schema: {
            querystring: {
              type: 'object',
              properties: {
                status: { type: 'string', enum: ['pending', 'published', 'rejected'], default: 'pending' },
                thread: { type: 'string', pattern: THREAD_PATTERN },
                limit: { type: 'integer', minimum: 1, maximum: ADMIN_PAGE_MAX, default: 100 },
                cursor: { type: 'string', minLength: 1, maxLength: 200 },
              },
            },
          },
        },
        async (request) => moderation.list(request.query.status, request.query),
      );

      const idParam = { type: 'object', properties: { id: { type: 'string', maxLength: 64 } } } as const;
      for (const decision of ['approve', 'reject'] as const) {
        app.post<{ Params: { id: string } }>(
          `/comments/:id/${decision}`,
          { config: { rateLimit: limits.read }, schema: { params: idParam } },
          async (request) => {
            const comment = await moderation.decide(request.params.id, decision);
            if (!comment) throw new ApiError(404, 'not_found', 'No comment with this id.', 'id');
            return { comment };
          },
        );
      }
    },
    { prefix: '/admin' },
  );
};
