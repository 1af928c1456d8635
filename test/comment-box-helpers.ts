/** A fake comments API for <byline-comment-box> unit tests: records requests, answers per test. */
import type { Comment, CommentPage } from '../src/comment-box.js';
import { json, stubFetch } from './fixtures.js';

/** Absolute, on another origin: the element must work against a real server anywhere. */
export const API = 'https://comments.example.test/api';
export const THREAD = 'mic-197241227152010792';

export interface RecordedRequest {
  method: string;
  url: URL;
  key: string | null;
  contentType: string | null;
  body: Record<string, unknown> | undefined;
}

type Handler = (request: RecordedRequest) => Response | Promise<Response>;

let serial = 0;
export function comment(overrides: Partial<Comment> = {}): Comment {
  serial++;
  return {
    id: `c${serial}`,
    author: { name: `Reader ${serial}` },
    body: `Comment ${serial}`,
    createdAt: new Date(Date.now() - serial * 60_000).toISOString(),
    status: 'published',
    ...overrides,
  } as Comment;
}

export function page(items: Comment[], extra: Partial<CommentPage> = {}): CommentPage {
  return { thread: THREAD, total: items.length, items, nextCursor: undefined, ...extra };
}

/** A published answer to a POST, echoing what was sent. */
export function created(request: RecordedRequest, overrides: Partial<Comment> = {}): Response {
  const sent = request.body as { author: { name: string }; body: string; parentId?: string };
  return json(
    {
      comment: {
        id: `new-${++serial}`,
        parentId: sent.parentId ?? null,
        author: sent.author,
        body: sent.body,
        createdAt: new Date().toISOString(),
        status: 'published',
        ...overrides,
      },
    },
    { status: 201 },
  );
}

export function apiError(status: number, code: string, field?: string, headers: Record<string, string> = {}): Response {
  return json({ error: { code, message: `${code} (server text, not shown)`, field } }, { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

/**
 * Serves GETs with `list` (a page, or a function of the request) and POSTs with `post`. Every request
 * is recorded. Call `restore()` when done.
 */
export function fakeApi(options: { list?: CommentPage | Handler; post?: Handler } = {}) {
  const requests: RecordedRequest[] = [];
  const restore = stubFetch(async (url, init) => {
    const headers = new Headers(init?.headers);
    const request: RecordedRequest = {
      method: init?.method ?? 'GET',
      url: new URL(url, location.href),
      key: headers.get('Idempotency-Key'),
      contentType: headers.get('Content-Type'),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    requests.push(request);
    if (request.method === 'POST') return (options.post ?? created)(request);
    const list = options.list ?? page([]);
    return typeof list === 'function' ? list(request) : json(list);
  });
  return {
    requests,
    posts: () => requests.filter((request) => request.method === 'POST'),
    gets: () => requests.filter((request) => request.method === 'GET'),
    restore,
  };
}

export type FakeApi = ReturnType<typeof fakeApi>;

/**
 * For a suite whose tests each talk to a fake API: `serve(options)` installs one for the running test
 * (replacing any it installed before), and each test's is restored after it.
 */
export function fakeApiPerTest(): (options?: Parameters<typeof fakeApi>[0]) => FakeApi {
  let current: FakeApi | undefined;
  afterEach(() => {
    current?.restore();
    current = undefined;
  });
  return (options) => {
    current?.restore();
    return (current = fakeApi(options));
  };
}

/** Forgets every stored draft, so tests do not see each other's. */
export function clearDrafts(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith('byline-comment-draft:')) localStorage.removeItem(key);
}
