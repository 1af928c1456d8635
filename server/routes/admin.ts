import type { FastifyRequest } from 'fastify';
import { ADMIN_PAGE_MAX, THREAD_PATTERN } from '../domain/limits.js';
import { isSubject, QUEUES, type Queue } from '../domain/moderation.js';
import { shipped } from '../schemas.js';
import { moderatorOf } from './auth.js';
import type { RouteModule } from './context.js';
import { ApiError } from './errors.js';

export { tokenMatches } from './tokens.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** 'admin-token' or the moderator's 'sso:<sub>', set by the admin API's onRequest hook. */
    moderator?: string;
  }
}

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 64 } } } as const;
const subjectParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 210 } } } as const;

function subjectOf(request: FastifyRequest<{ Params: { id: string } }>): string {
  const { id } = request.params;
  if (!isSubject(id)) throw new ApiError(400, 'invalid_field', 'id must be an author id ("sso:…") or an address hash ("addr:…").', 'id');
  return id;
}

/**
 * The moderation API, mounted at /api/admin: a moderator's sign-in token (role `moderator`) or the
 * admin token. Every decision, ban, export and erasure is written to the audit log with who did it.
 */
export const adminRoutes: RouteModule = async (api, context) => {
  const { moderation, limits } = context;
  await api.register(
    async (app) => {
      app.addHook('onRequest', async (request, reply) => {
        reply.header('cache-control', 'no-store');
        request.moderator = await moderatorOf(request, context);
      });
      const who = (request: FastifyRequest) => request.moderator!;
      const config = { rateLimit: limits.read };

      app.get('/me', { config }, async (request) => ({ actor: who(request) }));

      app.get<{ Querystring: { queue?: Queue; status?: Queue; thread?: string; limit: number; cursor?: string } }>(
        '/comments',
        {
          config,
          schema: {
            querystring: {
              type: 'object',
              properties: {
                queue: { type: 'string', enum: QUEUES },
                // The older name of `queue`.
                status: { type: 'string', enum: QUEUES },
                thread: { type: 'string', pattern: THREAD_PATTERN },
                limit: { type: 'integer', minimum: 1, maximum: ADMIN_PAGE_MAX, default: 100 },
                cursor: { type: 'string', minLength: 1, maxLength: 200 },
              },
            },
          },
        },
        async (request) => moderation.list(request.query.queue ?? request.query.status ?? 'pending', request.query),
      );

      for (const decision of ['approve', 'reject', 'delete'] as const) {
        app.post<{ Params: { id: string } }>(`/comments/:id/${decision}`, { config, schema: { params: idParams } }, async (request) => {
          const comment = await moderation.decide(request.params.id, decision, who(request));
          if (!comment) throw new ApiError(404, 'not_found', 'No comment with this id.', 'id');
          return { comment };
        });
      }

      app.post<{ Params: { id: string }; Body: { until?: string | null; reason?: string } }>(
        '/comments/:id/ban',
        { config, schema: { params: idParams, body: shipped('ban-request') } },
        async (request, reply) => {
          const { until = null, reason = '' } = request.body ?? {};
          const ban = await moderation.banAuthorOf(request.params.id, { until: until && new Date(until).toISOString(), reason }, who(request));
          return reply.code(201).send({ ban });
        },
      );

      app.delete<{ Params: { id: string } }>('/bans/:id', { config, schema: { params: subjectParams } }, async (request, reply) => {
        if (!(await moderation.liftBan(subjectOf(request), who(request)))) throw new ApiError(404, 'not_found', 'No ban on this author.', 'id');
        return reply.code(204).send();
      });

      app.get<{ Querystring: { limit: number; before?: number } }>(
        '/audit',
        {
          config,
          schema: {
            querystring: {
              type: 'object',
              properties: { limit: { type: 'integer', minimum: 1, maximum: ADMIN_PAGE_MAX, default: 100 }, before: { type: 'integer', minimum: 1 } },
            },
          },
        },
        async (request) => moderation.auditLog(request.query),
      );

      app.get<{ Params: { id: string } }>('/users/:id/export', { config, schema: { params: subjectParams } }, async (request, reply) => {
        const data = await moderation.exportAuthor(subjectOf(request), who(request));
        return reply.header('content-disposition', 'attachment; filename="byline-export.json"').send(data);
      });

      app.delete<{ Params: { id: string } }>('/users/:id', { config, schema: { params: subjectParams } }, async (request) => ({
        erased: await moderation.eraseAuthor(subjectOf(request), who(request)),
      }));
    },
    { prefix: '/admin' },
  );
};
