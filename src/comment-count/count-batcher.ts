/**
 * One request for many comment counts. Every lookup made in the same task for the same API joins one
 * `GET {api}/counts?thread=a&thread=b…` (deduplicated, at most {@link MAX_THREADS_PER_REQUEST} threads
 * per request), so a listing page with 50 counts makes one request, not 50. Answers are cached per
 * API + thread for the page's life; failures are not cached, so a later lookup tries again.
 */
import { ContractError } from '../core/contract.js';
import { errorDetail } from '../core/emit.js';
import { requestJson } from '../core/fetch.js';

/** Keeps each URL far below the ~8 KB request-line limit of common servers and proxies. */
export const MAX_THREADS_PER_REQUEST = 100;

interface Waiter {
  resolve(count: number): void;
  reject(error: unknown): void;
}

const cache = new Map<string, Promise<number>>();
/** endpoint → thread → waiter, for lookups not sent yet. */
const queue = new Map<string, Map<string, Waiter>>();
let flushTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * `{api}/counts` as an absolute URL, for any spelling of `api` (relative, with or without a trailing
 * slash, with a query such as an API key, which is kept). Throws a TypeError when `api` is not a URL.
 */
export function countsEndpoint(api: string): string {
  const url = new URL(api, document.baseURI);
  url.pathname = url.pathname.replace(/\/*$/, '/counts');
  url.hash = '';
  return url.href;
}

/** The comment count of `thread`, batched with every other lookup made in this task. */
export function lookupCount(endpoint: string, thread: string, fresh = false): Promise<number> {
  const key = `${endpoint}\n${thread}`;
  const queued = queue.get(endpoint)?.has(thread);
  let count = fresh && !queued ? undefined : cache.get(key);
  if (!count) {
    const promise = new Promise<number>((resolve, reject) => {
      let threads = queue.get(endpoint);
      if (!threads) queue.set(endpoint, (threads = new Map()));
      threads.set(thread, { resolve, reject });
      // A task, not a microtask: elements the parser or a framework connects one by one still share it.
      flushTimer ??= setTimeout(flush);
    });
    promise.catch(() => cache.get(key) === promise && cache.delete(key));
    cache.set(key, promise);
    count = promise;
  }
  return count;
}

function flush(): void {
  flushTimer = undefined;
  for (const [endpoint, threads] of queue) {
    const waiting = [...threads];
    for (let start = 0; start < waiting.length; start += MAX_THREADS_PER_REQUEST) {
      void request(endpoint, waiting.slice(start, start + MAX_THREADS_PER_REQUEST));
    }
  }
  queue.clear();
}

const warn = (message: string) => console.warn(`[byline] <byline-comment-count>: ${message}`);

/** One GET for one chunk; at most one warning per chunk, however many threads it fails for. */
async function request(endpoint: string, chunk: [string, Waiter][]): Promise<void> {
  const url = new URL(endpoint);
  for (const [thread] of chunk) url.searchParams.append('thread', thread);
  let counts: Record<string, unknown>;
  try {
    const body = (await requestJson(url.href)) as { counts?: unknown } | null;
    if (typeof body?.counts !== 'object' || body.counts === null || Array.isArray(body.counts))
      throw new ContractError('counts', 'must be an object');
    counts = body.counts as Record<string, unknown>;
  } catch (error) {
    warn(errorDetail(error).message);
    for (const [, waiter] of chunk) waiter.reject(error);
    return;
  }
  const problems: string[] = [];
  for (const [thread, waiter] of chunk) {
    const count = Object.hasOwn(counts, thread) ? counts[thread] : undefined;
    if (typeof count === 'number' && Number.isInteger(count) && count >= 0) {
      waiter.resolve(count);
    } else {
      const error = new ContractError(`counts.${thread}`, 'must be a non-negative integer');
      problems.push(error.message);
      waiter.reject(error);
    }
  }
  if (problems.length) warn(`invalid data: ${problems.join('; ')}`);
}
