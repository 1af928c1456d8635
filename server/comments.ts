import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { DB } from './db.js';
import { ApiError } from './errors.js';

export type Status = 'published' | 'pending' | 'rejected';

/** The public shape (docs/contract.md). Moderation adds `thread`, and may show status `rejected`. */
export interface Comment {
  id: string;
  parentId: string | null;
  author: { name: string };
  body: string;
  createdAt: string;
  status: Status;
}
export interface AdminComment extends Comment {
  thread: string;
}

interface Row {
  id: string;
  thread: string;
  parent_id: string | null;
  author_name: string;
  body: string;
  created_at: string;
  status: Status;
}

export interface NewComment {
  author: { name: string };
  body: string;
  parentId?: string | null;
  website?: string;
}

export const THREAD_PATTERN = '^[A-Za-z0-9._:-]{1,128}$';
export const NAME_MAX = 80;
export const BODY_MAX = 2000;
const LINK = /https?:\/\/|www\./i;
const LONE_SURROGATE = /\p{Cs}/u;
const CURSOR = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)\|([0-9a-z]{1,64})$/;

const toComment = (r: Row): Comment => ({
  id: r.id,
  parentId: r.parent_id,
  author: { name: r.author_name },
  body: r.body,
  createdAt: r.created_at,
  status: r.status,
});
const toAdminComment = (r: Row): AdminComment => ({ ...toComment(r), thread: r.thread });

/** Code points, not UTF-16 units: an emoji or a Thai mark counts once per code point. */
const codePoints = (s: string) => [...s].length;

export function encodeCursor(row: { created_at: string; id: string }): string {
  return Buffer.from(`${row.created_at}|${row.id}`).toString('base64url');
}
function decodeCursor(cursor: string): [string, string] {
  const match = CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new ApiError(400, 'invalid_field', 'cursor is not a cursor this server issued.', 'cursor');
  return [match[1], match[2]];
}

/**
 * Ids sort like creation order: base36 milliseconds, a per-millisecond counter, then randomness so two
 * processes never collide. Pages are ordered by (created_at, id), so ties within a millisecond keep
 * insertion order.
 */
let lastMs = -1;
let counter = 0;
function newId(ms: number): string {
  counter = ms === lastMs ? counter + 1 : 0;
  lastMs = ms;
  return ms.toString(36).padStart(9, '0') + counter.toString(36).padStart(3, '0') + randomBytes(5).toString('hex');
}

/** Data access for comments; used by the HTTP routes, the admin routes and the CLI. */
export function commentStore(db: DB, now: () => Date = () => new Date()) {
  const byId = db.prepare<[string], Row>('SELECT * FROM comments WHERE id = ?');
  const page = (order: 'ASC' | 'DESC', withCursor: boolean) =>
    db.prepare<unknown[], Row>(`SELECT * FROM comments
      WHERE thread = ? AND parent_id IS NULL AND status = 'published'
      ${withCursor ? `AND (created_at, id) ${order === 'DESC' ? '<' : '>'} (?, ?)` : ''}
      ORDER BY created_at ${order}, id ${order} LIMIT ?`);
  const pages = {
    newest: { first: page('DESC', false), after: page('DESC', true) },
    oldest: { first: page('ASC', false), after: page('ASC', true) },
  };
  const replies = db.prepare<[string], Row>(`SELECT * FROM comments
    WHERE parent_id IN (SELECT value FROM json_each(?)) AND status = 'published'
    ORDER BY created_at, id`);
  // A published reply under a top-level comment that was later rejected is not shown, so not counted.
  const counts = db.prepare<[string], { thread: string; n: number }>(`SELECT c.thread, COUNT(*) AS n
    FROM comments c LEFT JOIN comments p ON p.id = c.parent_id
    WHERE c.thread IN (SELECT value FROM json_each(?)) AND c.status = 'published'
      AND (c.parent_id IS NULL OR p.status = 'published')
    GROUP BY c.thread`);
  const keyRow = db.prepare<[string, string], { request_hash: string; comment_id: string }>(
    'SELECT request_hash, comment_id FROM idempotency_keys WHERE thread = ? AND key = ?');
  const insertComment = db.prepare(`INSERT INTO comments (id, thread, parent_id, author_name, body, created_at, status)
    VALUES (@id, @thread, @parent_id, @author_name, @body, @created_at, @status)`);
  const insertKey = db.prepare(`INSERT INTO idempotency_keys (thread, key, request_hash, comment_id, created_at)
    VALUES (?, ?, ?, ?, ?)`);
  const byStatus = db.prepare<[Status, string | null, string | null, number], Row>(`SELECT * FROM comments
    WHERE status = ? AND (? IS NULL OR thread = ?) ORDER BY created_at, id LIMIT ?`);
  const setStatusStmt = db.prepare<[Status, string, string]>('UPDATE comments SET status = ?, moderated_at = ? WHERE id = ?');

  function countThreads(threads: string[]): Record<string, number> {
    const result: Record<string, number> = {};
    for (const t of threads) result[t] = 0;
    for (const { thread, n } of counts.all(JSON.stringify(threads))) result[thread] = n;
    return result;
  }

  function listThread(thread: string, opts: { limit: number; sort: 'newest' | 'oldest'; cursor?: string }) {
    const statements = pages[opts.sort];
    const rows = opts.cursor
      ? statements.after.all(thread, ...decodeCursor(opts.cursor), opts.limit + 1)
      : statements.first.all(thread, opts.limit + 1);
    const more = rows.length > opts.limit;
    const top = rows.slice(0, opts.limit);
    const children = top.length ? replies.all(JSON.stringify(top.map((r) => r.id))) : [];
    return {
      thread,
      total: countThreads([thread])[thread],
      items: [...top, ...children].map(toComment),
      nextCursor: more ? encodeCursor(top[top.length - 1]) : null,
    };
  }

  /** Validates, then stores the comment and its idempotency record in one transaction. */
  function post(thread: string, input: NewComment, key: string): { comment: Comment; created: boolean } {
    if (input.website !== undefined && input.website.trim() !== '') {
      throw new ApiError(400, 'spam', 'This looks automated; the comment was not stored.', 'website');
    }
    const name = input.author.name.trim();
    const body = input.body.trim();
    for (const [field, value, max] of [['author.name', name, NAME_MAX], ['body', body, BODY_MAX]] as const) {
      // A lone surrogate cannot be stored as UTF-8; it would come back as U+FFFD.
      if (LONE_SURROGATE.test(value)) throw new ApiError(400, 'invalid_field', `${field} contains invalid Unicode.`, field);
      const n = codePoints(value);
      if (n < 1 || n > max) throw new ApiError(400, 'invalid_length', `${field} must be 1 to ${max} characters.`, field);
    }
    const parentId = input.parentId ?? null;
    const hash = createHash('sha256').update(JSON.stringify([name, body, parentId])).digest('hex');

    const run = db.transaction(() => {
      const seen = keyRow.get(thread, key);
      if (seen) {
        if (seen.request_hash !== hash) {
          throw new ApiError(409, 'idempotency_conflict', 'This Idempotency-Key was already used for a different comment.', 'Idempotency-Key');
        }
        return { comment: toComment(byId.get(seen.comment_id)!), created: false };
      }
      const row: Row = {
        id: '',
        thread,
        parent_id: parentId === null ? null : resolveParent(thread, parentId),
        author_name: name,
        body,
        created_at: '',
        status: LINK.test(body) || LINK.test(name) ? 'pending' : 'published',
      };
      const at = now();
      row.created_at = at.toISOString();
      row.id = newId(at.getTime());
      insertComment.run(row);
      insertKey.run(thread, key, hash, row.id, row.created_at);
      return { comment: toComment(row), created: true };
    });
    // IMMEDIATE takes the write lock up front, so two processes cannot both miss the key.
    return run.immediate();
  }

  /** One level of nesting: a reply to a reply hangs under that reply's top-level comment. */
  function resolveParent(thread: string, parentId: string): string {
    const parent = byId.get(parentId);
    const top = parent?.parent_id ? byId.get(parent.parent_id) : parent;
    if (!parent || parent.thread !== thread || parent.status !== 'published' || !top || top.status !== 'published') {
      throw new ApiError(422, 'invalid_parent', 'parentId does not name a published comment of this thread.', 'parentId');
    }
    return top.id;
  }

  function listByStatus(status: Status, opts: { thread?: string; limit?: number } = {}): AdminComment[] {
    const thread = opts.thread ?? null;
    return byStatus.all(status, thread, thread, opts.limit ?? 100).map(toAdminComment);
  }

  function setStatus(id: string, status: Status): AdminComment | undefined {
    const changed = setStatusStmt.run(status, now().toISOString(), id).changes;
    return changed ? toAdminComment(byId.get(id)!) : undefined;
  }

  return { countThreads, listThread, post, listByStatus, setStatus };
}

export type CommentStore = ReturnType<typeof commentStore>;

export interface RateLimit {
  max: number;
  timeWindow: number | string;
}

const threadParam = {
  type: 'object',
  required: ['thread'],
  properties: { thread: { type: 'string', pattern: THREAD_PATTERN } },
} as const;

/** Only JSON is accepted: a cross-site HTML form cannot send it without a CORS preflight. */
function requireJson(request: FastifyRequest): void {
  const [type, ...params] = (request.headers['content-type'] ?? '').split(';').map((s) => s.trim().toLowerCase());
  const charsetOk = params.every((p) => !p.startsWith('charset=') || p.replace(/"/g, '') === 'charset=utf-8');
  if (type !== 'application/json' || !charsetOk) {
    throw new ApiError(415, 'unsupported_media_type', 'Send Content-Type: application/json (UTF-8).');
  }
}

export function commentRoutes(app: FastifyInstance, opts: { store: CommentStore; read: RateLimit; post: RateLimit }) {
  const { store } = opts;
  const noStore = 'no-store';

  app.get<{ Params: { thread: string }; Querystring: { limit: number; cursor?: string; sort: 'newest' | 'oldest' } }>(
    '/threads/:thread/comments',
    {
      config: { rateLimit: opts.read },
      schema: {
        params: threadParam,
        querystring: {
          type: 'object',
          properties: {
            limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
            cursor: { type: 'string', minLength: 1, maxLength: 200 },
            sort: { type: 'string', enum: ['newest', 'oldest'], default: 'newest' },
          },
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', noStore);
      return store.listThread(request.params.thread, request.query);
    },
  );

  const postOptions: RouteShorthandOptions = {
    config: { rateLimit: opts.post },
    onRequest: async (request) => requireJson(request),
    schema: {
      params: threadParam,
      headers: {
        type: 'object',
        required: ['idempotency-key'],
        properties: { 'idempotency-key': { type: 'string', minLength: 8, maxLength: 128, pattern: '^[\\x21-\\x7E]+$' } },
      },
      body: {
        type: 'object',
        required: ['author', 'body'],
        properties: {
          author: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
          body: { type: 'string' },
          parentId: { type: ['string', 'null'], maxLength: 64 },
          website: { type: 'string' },
        },
      },
    },
  };
  app.post<{ Params: { thread: string }; Body: NewComment }>('/threads/:thread/comments', postOptions, async (request, reply) => {
    const key = request.headers['idempotency-key'] as string;
    const { comment } = store.post(request.params.thread, request.body, key);
    return reply.code(201).header('cache-control', noStore).send({ comment });
  });

  app.get<{ Querystring: { thread: string[] } }>(
    '/counts',
    {
      config: { rateLimit: opts.read },
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
      reply.header('cache-control', noStore);
      return { counts: store.countThreads([...new Set(request.query.thread)]) };
    },
  );
}
