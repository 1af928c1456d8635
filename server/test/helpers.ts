import type { FastifyInstance, InjectOptions } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { buildApp, type AppOptions } from '../app.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';
export const PARTNER = 'https://partner.example';
/** High enough that only the rate-limit tests ever meet a limit. */
export const NO_LIMITS = { post: { max: 10_000, timeWindow: 60_000 }, read: { max: 10_000, timeWindow: 60_000 } };

/** A fresh temp directory, removed when the test file ends. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'byline-test-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** An app on a real SQLite file in its own temp directory. */
export async function makeApp(options: Partial<AppOptions> = {}): Promise<{ app: FastifyInstance; dbPath: string; dir: string }> {
  const dir = tempDir();
  const dbPath = join(dir, 'byline.sqlite');
  const app = await buildApp({ dbPath, adminToken: ADMIN_TOKEN, allowedOrigins: [PARTNER], rateLimits: NO_LIMITS, staticRoot: dir, ...options });
  after(() => app.close());
  return { app, dbPath, dir };
}

let keySeq = 0;
export const newKey = () => `test-key-${process.pid}-${++keySeq}`;

export interface PostOptions {
  key?: string | null;
  headers?: Record<string, string>;
}

/** POST a comment as JSON with a fresh Idempotency-Key unless one is given (null: none). */
export function postComment(app: FastifyInstance, thread: string, body: unknown, opts: PostOptions = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...opts.headers };
  const key = opts.key === undefined ? newKey() : opts.key;
  if (key !== null) headers['idempotency-key'] = key;
  const request: InjectOptions = {
    method: 'POST',
    url: `/api/threads/${encodeURIComponent(thread)}/comments`,
    headers,
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  };
  return app.inject(request);
}

export async function createComment(app: FastifyInstance, thread: string, name: string, body: string, parentId?: string) {
  const res = await postComment(app, thread, { author: { name }, body, ...(parentId ? { parentId } : {}) });
  if (res.statusCode !== 201) throw new Error(`expected 201, got ${res.statusCode}: ${res.body}`);
  return res.json().comment as { id: string; parentId: string | null; status: string; body: string; createdAt: string };
}

export async function getComments(app: FastifyInstance, thread: string, query = '') {
  const res = await app.inject({ method: 'GET', url: `/api/threads/${encodeURIComponent(thread)}/comments${query}` });
  return { res, json: res.json() };
}

/** Asserts the standard error body and returns it. */
export function errorOf(res: { statusCode: number; json(): unknown }) {
  const body = res.json() as { error: { code: string; message: string; field?: string } };
  if (!body || typeof body !== 'object' || !body.error || typeof body.error.code !== 'string' || typeof body.error.message !== 'string') {
    throw new Error(`not an error body: ${JSON.stringify(body)}`);
  }
  return body.error;
}
