import { THREAD_PATTERN } from '../domain/limits.js';
import type { RouteModule } from './context.js';

/** Batched comment counts for listing pages. */
export const countRoutes: RouteModule = (app, { comments, limits }) => {
  app.get<{ Querystring: { thread: string[] } }>(
    '/counts',
    {
      config: { rateLimit: limits.read },
      schema: {
        querystring: {
          type: 'object',
          required: ['thread'],
          properties: {
            thread: { type: 'array', minItems: 1, maxItems: 100, items: { type: 'string', pattern: THREAD_PATTERN } },
          },
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { counts: await comments.counts([...new Set(request.query.thread)]) };
    },
  );
};
