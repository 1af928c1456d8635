import type { FastifyRequest } from 'fastify';
import type { WireCommentEdit, WireCommentPost } from '../../src/core/wire-types.js';
import { PAGE_MAX, THREAD_PATTERN } from '../domain/limits.js';
import { shipped } from '../schemas.js';
import type { Sort } from '../store/store.js';
import { readerOf } from './auth.js';
import type { RouteModule } from './context.js';
import { ApiError } from './errors.js';

export const threadParam = {
  type: 'object',
  required: ['thread'],
  properties: { thread: { type: 'string', pattern: THREAD_PATTERN } },
} as const;

const commentParams = {
  type: 'object',
  required: ['thread', 'id'],
  properties: { thread: { type: 'string', pattern: THREAD_PATTERN }, id: { type: 'string', minLength: 1, maxLength: 64 } },
} as const;

/** Only JSON is accepted: a cross-site HTML form cannot send it without a CORS preflight. */
function requireJson(request: FastifyRequest): void {
  const [type, ...params] = (request.headers['content-type'] ?? '').split(';').map((s) => s.trim().toLowerCase());
  const charsetOk = params.every((p) => !p.startsWith('charset=') || p.replace(/"/g, '') === 'charset=utf-8');
  if (type !== 'application/json' || !charsetOk) {
    throw new ApiError(415, 'unsupported_media_type', 'Send Content-Type: application/json (UTF-8).');
  }
}

/** GET a thread's page of comments, POST a comment; the author's PATCH and DELETE; readers' reports. */
export const commentRoutes: RouteModule = (app, context) => {
  const { comments, limits, metrics } = context;
  app.get<{ Params: { thread: string }; Querystring: { limit: number; cursor?: string; sort: Sort } }>(
    '/threads/:thread/comments',
    {
      config: { rateLimit: limits.read },
      schema: {
        params: threadParam,
        querystring: {
          type: 'object',
          properties: {
            limit: { type: 'integer', minimum: 1, maximum: PAGE_MAX, default: 20 },
            cursor: { type: 'string', minLength: 1, maxLength: 200 },
            sort: { type: 'string', enum: ['newest', 'oldest'], default: 'newest' },
          },
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return comments.page(request.params.thread, request.query);
    },
  );

  app.post<{ Params: { thread: string }; Body: WireCommentPost }>(
    '/threads/:thread/comments',
    {
      config: { rateLimit: limits.post },
      onRequest: async (request) => requireJson(request),
      schema: {
        params: threadParam,
        headers: {
          type: 'object',
          required: ['idempotency-key'],
          properties: { 'idempotency-key': { type: 'string', minLength: 8, maxLength: 128, pattern: '^[\\x21-\\x7E]+$' } },
        },
        body: shipped('comment-post'),
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'] as string;
      const { comment, created } = await comments.post(request.params.thread, request.body, key, await readerOf(request, context));
      if (created) metrics.posted.inc({ status: comment.status });
      return reply.code(201).header('cache-control', 'no-store').send({ comment });
    },
  );

  app.patch<{ Params: { thread: string; id: string }; Body: WireCommentEdit }>(
    '/threads/:thread/comments/:id',
    {
      config: { rateLimit: limits.post },
      onRequest: async (request) => requireJson(request),
      schema: {
        params: commentParams,
        body: shipped('comment-edit'),
      },
    },
    async (request, reply) => {
      const comment = await comments.edit(request.params.thread, request.params.id, request.body.body, await readerOf(request, context));
      return reply.header('cache-control', 'no-store').send({ comment });
    },
  );

  app.delete<{ Params: { thread: string; id: string } }>(
    '/threads/:thread/comments/:id',
    { config: { rateLimit: limits.post }, schema: { params: commentParams } },
    async (request, reply) => {
      await comments.remove(request.params.thread, request.params.id, await readerOf(request, context));
      return reply.code(204).send();
    },
  );

  app.post<{ Params: { thread: string; id: string } }>(
    '/threads/:thread/comments/:id/reports',
    { config: { rateLimit: limits.post }, schema: { params: commentParams } },
    async (request, reply) => {
      await comments.report(request.params.thread, request.params.id, await readerOf(request, context));
      return reply.code(201).send({ reported: true });
    },
  );
};
