import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { CommentStore, RateLimit, Status } from './comments.js';
import { THREAD_PATTERN } from './comments.js';
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

/** Admin routes, mounted at /api/admin. Without a configured token every call answers 401. */
export function moderationRoutes(app: FastifyInstance, opts: { store: CommentStore; adminToken?: string; read: RateLimit }) {
  const { store } = opts;

  app.addHook('onRequest', async (request, reply) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    if (!tokenMatches(match?.[1], opts.adminToken)) {
      reply.header('www-authenticate', 'Bearer realm="byline-admin"');
      throw new ApiError(401, 'unauthorized', 'A valid admin token is required (Authorization: Bearer <token>).');
    }
    reply.header('cache-control', 'no-store');
  });

  app.get<{ Querystring: { status: Status; thread?: string; limit: number } }>(
    '/comments',
    {
      config: { rateLimit: opts.read },
      schema: {
        querystring: {
          type: 'object',
          properties: {
            status: { type: 'string', enum: ['pending', 'published', 'rejected'], default: 'pending' },
            thread: { type: 'string', pattern: THREAD_PATTERN },
            limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
          },
        },
      },
    },
    async (request) => ({ items: store.listByStatus(request.query.status, request.query) }),
  );

  const idParam = { type: 'object', properties: { id: { type: 'string', maxLength: 64 } } } as const;
  for (const [action, status] of [['approve', 'published'], ['reject', 'rejected']] as const) {
    app.post<{ Params: { id: string } }>(
      `/comments/:id/${action}`,
      { config: { rateLimit: opts.read }, schema: { params: idParam } },
      async (request) => {
        const comment = store.setStatus(request.params.id, status);
        if (!comment) throw new ApiError(404, 'not_found', 'No comment with this id.', 'id');
        return { comment };
      },
    );
  }
}
