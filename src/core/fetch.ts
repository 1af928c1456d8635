/**
 * JSON over HTTP with the failure handling every widget needs: a timeout, cancellation, typed errors,
 * and GET retries with exponential backoff (at most {@link DEFAULT_RETRIES}). POSTs are never retried
 * here: only the reader decides to send a comment again (with the same Idempotency-Key).
 */
import { LIMITS } from './limits.js';

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_RETRIES = 2;
const BACKOFF_BASE_MS = 400;
let pageTimeoutMs = DEFAULT_TIMEOUT_MS;

/**
 * Sets the timeout of every Byline request on the page that names none (default 10 s): longer for
 * readers on slow networks, shorter for tests. A value that is not a positive number restores the default.
 */
export function setRequestTimeout(ms: number): void {
  pageTimeoutMs = ms > 0 ? ms : DEFAULT_TIMEOUT_MS;
}
/** A Retry-After longer than this is not waited out silently: the error reaches the reader instead. */
const MAX_SILENT_RETRY_AFTER_S = 5;

/** `too-large`: the body was over {@link LIMITS.responseBytes} and was not read to the end. */
export type FailureKind = 'network' | 'timeout' | 'http' | 'not-json' | 'too-large';

export class RequestError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly status?: number,
    /** Seconds from a 429/503 `Retry-After` header. */
    readonly retryAfter?: number,
    /** Parsed `{"error": {...}}` body of a 4xx/5xx answer, when there was one. */
    readonly body?: { code?: string; message?: string; field?: string },
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** GET only; other methods never retry. */
  retries?: number;
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

function abortError(): DOMException {
  return new DOMException('The request was cancelled.', 'AbortError');
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * The body as text, refused once it passes the response limit: early from `Content-Length`, else by
 * counting the bytes read (the header may be absent, or lie).
 */
async function readLimited(response: Response, url: string): Promise<string> {
  const max = LIMITS.responseBytes;
  const tooLarge = () => new RequestError('too-large', `${url} answered with more than ${max} bytes.`, response.status);
  if (Number(response.headers.get('Content-Length')) > max) {
    void response.body?.cancel();
    throw tooLarge();
  }
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (let size = 0; ; ) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.length;
    if (size > max) {
      void reader.cancel();
      throw tooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
}

/** Seconds to wait, from either form of Retry-After (delta-seconds or an HTTP date). */
export function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function attempt(url: string, options: RequestOptions): Promise<unknown> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs ?? pageTimeoutMs);
  const forwardAbort = () => controller.abort();
  options.signal?.addEventListener('abort', forwardAbort, { once: true });
  if (options.signal?.aborted) controller.abort();
  try {
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(url, {
        method: options.method ?? 'GET',
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: controller.signal,
        credentials: 'omit',
      });
    } catch (error) {
      if (timedOut) throw new RequestError('timeout', `No answer from ${url} in time.`);
      if (options.signal?.aborted) throw abortError();
      throw new RequestError('network', `Could not reach ${url}.`);
    }
    // 204 No Content (a DELETE): nothing to read.
    if (response.status === 204) return undefined;
    let parsed: unknown;
    let parseFailed = false;
    try {
      // Read as text first: a body that stops mid-way must become a clear error, not a hang or a throw.
      parsed = JSON.parse(await readLimited(response, url));
    } catch (error) {
      if (error instanceof RequestError) throw error;
      if (timedOut) throw new RequestError('timeout', `No complete answer from ${url} in time.`);
      if (options.signal?.aborted) throw abortError();
      parseFailed = true;
    }
    if (!response.ok) {
      const body = !parseFailed && typeof parsed === 'object' && parsed !== null
        ? ((parsed as { error?: RequestError['body'] }).error ?? undefined)
        : undefined;
      throw new RequestError(
        'http',
        `${url} answered ${response.status}.`,
        response.status,
        parseRetryAfter(response.headers.get('Retry-After')),
        body && typeof body === 'object' ? body : undefined,
      );
    }
    if (parseFailed) throw new RequestError('not-json', `${url} did not answer with JSON.`, response.status);
    return parsed;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', forwardAbort);
  }
}

function isRetryable(error: unknown): error is RequestError {
  if (!(error instanceof RequestError)) return false;
  if (error.kind === 'network' || error.kind === 'timeout') return true;
  if (error.kind !== 'http' || error.status === undefined) return false;
  if (error.status === 429 || error.status === 503)
    return (error.retryAfter ?? 0) <= MAX_SILENT_RETRY_AFTER_S;
  return error.status >= 500;
}

/** Fetches JSON. GETs retry transient failures with backoff; other methods are sent exactly once. */
export async function requestJson(url: string, options: RequestOptions = {}): Promise<unknown> {
  const method = options.method ?? 'GET';
  const retries = method === 'GET' ? (options.retries ?? DEFAULT_RETRIES) : 0;
  for (let attemptNo = 0; ; attemptNo++) {
    try {
      return await attempt(url, options);
    } catch (error) {
      if (attemptNo >= retries || !isRetryable(error)) throw error;
      const backoff = BACKOFF_BASE_MS * 2 ** attemptNo * (1 + Math.random() * 0.5);
      const wait = error.retryAfter !== undefined ? Math.max(backoff, error.retryAfter * 1000) : backoff;
      await sleep(wait, options.signal);
    }
  }
}
