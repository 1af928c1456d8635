import AjvCompiler from '@fastify/ajv-compiler';
import fastifyCompress from '@fastify/compress';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import { randomBytes } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Bans } from './domain/bans.js';
import { Comments } from './domain/comments.js';
import { Cursors } from './domain/cursor.js';
import { SsoVerifier, type AuthMode, type SsoSettings } from './domain/identity.js';
import { Moderation } from './domain/moderation.js';
import { Metrics } from './metrics.js';
import { sharedRateLimitStore } from './rate-limits.js';
import type { RateLimit, RouteContext } from './routes/context.js';
import { ApiError, errorBody, errorHandler } from './routes/errors.js';
import { API_ROUTES, SITE_ROUTES } from './routes/index.js';
import { bodyCompiler, shippedSchemas } from './schemas.js';
import { SqliteStore } from './store/sqlite/store.js';
import type { Store } from './store/store.js';

export interface AppOptions {
  /** An open store (the caller closes it) ... */
  store?: Store;
  /** ... or a SQLite file to open (closed with the app). */
  dbPath?: string;
  /** Partner origins allowed by CORS, e.g. `https://news.example`. The server's own origin is always allowed. */
  allowedOrigins?: string[];
  /** Bearer token for /api/admin; without one, every admin call answers 401. */
  adminToken?: string;
  rateLimits?: { post?: RateLimit; read?: RateLimit; render?: RateLimit };
  /** Folder holding demo/, cdn/, dist/ and node_modules/ (default: the repository root). */
  staticRoot?: string;
  /** Serve the demo pages and bundles (default true); false serves the API alone. */
  demo?: boolean;
  /**
   * How many proxies you run in front of the server (0: none). The client address is then the one the
   * outermost of them saw, counted from the right of X-Forwarded-For; what a client writes to the left
   * of it is ignored.
   */
  trustProxy?: number;
  /** Who may post: anonymous readers only (default), either, or signed-in readers only. */
  auth?: AuthMode;
  /** Keys that verify the site's sign-in tokens (HS256 secret and/or RS256/ES256 PEM public key). */
  sso?: SsoSettings;
  /** Seconds after posting during which an author may edit (default 600). */
  editWindowS?: number;
  /** HMAC key of page cursors; default: generated once and kept in the database, shared by every process. */
  cursorSecret?: string;
  /** Serve POST /demo/sign-in, which signs demo tokens with a secret kept in the database (demo pages only). */
  demoSignIn?: boolean;
  /** Slow clients are cut off: the whole request (headers and body) must arrive within requestMs; idle keep-alive connections close after keepAliveMs. */
  timeouts?: { requestMs?: number; keepAliveMs?: number };
  /** Bearer token for GET /metrics (Prometheus); without one there is no /metrics. */
  metricsToken?: string;
  /** pino options; each request is logged once, at info, without bodies or headers. */
  logger?: FastifyServerOptions['logger'];
  /** Clock, for tests. */
  now?: () => Date;
}

export const DEFAULT_RATE_LIMITS = {
  post: { max: 5, timeWindow: 60_000 },
  read: { max: 300, timeWindow: 60_000 },
  // Server rendering costs CPU (POST /api/render, /oembed, /demo/server-rendered/).
  render: { max: 60, timeWindow: 60_000 },
} satisfies Record<string, RateLimit>;

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Fastify coerces types by default (`"body": 123` would pass as "123"). Query strings need that
 * (`limit=20`, a single `thread=a` as an array); JSON bodies must not, so bodies get their own ajv,
 * which also holds the shipped schemas (the only shared schemas, all about bodies).
 */
function buildValidator(): NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>['buildValidator'] {
  const factory = AjvCompiler();
  return (externalSchemas, options) => {
    const lax = factory({}, options);
    const strict = bodyCompiler(externalSchemas as Record<string, unknown>);
    return (route) => (route.httpPart === 'body' ? strict : lax)(route);
  };
}

function normalizeOrigins(origins: string[]): Set<string> {
  return new Set(
    origins.map((o) => {
      const url = URL.canParse(o) ? new URL(o) : undefined;
      if (!url || !/^https?:$/.test(url.protocol) || url.origin === 'null') throw new Error(`Not an origin: "${o}" (expected e.g. https://news.example)`);
      return url.origin;
    }),
  );
}

function sameHost(origin: string, host: string | undefined): boolean {
  return host !== undefined && URL.canParse(origin) && new URL(origin).host === host.toLowerCase();
}

export const DEFAULT_TIMEOUTS = { requestMs: 5_000, keepAliveMs: 5_000 };

/**
 * Answers errors Node raises before Fastify sees a request (a request or its headers too slow, headers
 * too large, garbage) with the standard error body, then closes the connection.
 */
function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed || !socket.writable) return;
  const [status, code, message]: [number, string, string] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'request_timeout', 'The request did not arrive in time.']
      : error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'headers_too_large', 'The request headers are too large.']
        : [400, 'bad_request', 'Malformed HTTP request.'];
  const body = JSON.stringify(errorBody(code, message));
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  if (!options.store && !options.dbPath) throw new Error('buildApp needs store or dbPath');
  // With a real login's key beside it, the demo secret would be a second way to sign any reader in.
  if (options.demoSignIn && (options.sso?.secret || options.sso?.publicKey)) throw new Error('The demo sign-in cannot run beside an SSO key (BYLINE_SSO_SECRET or BYLINE_SSO_PUBLIC_KEY).');
  const allowed = normalizeOrigins(options.allowedOrigins ?? []);
  const opened = options.store ?? new SqliteStore({ file: options.dbPath! });
  const metrics = new Metrics(Boolean(options.metricsToken));
  const store = metrics.counting(opened);
  const now = options.now ?? (() => new Date());
  const auth = options.auth ?? 'anonymous';
  const demoSignInSecret = options.demoSignIn ? await store.sharedSecret('demo_sign_in', randomBytes(32).toString('base64url')) : undefined;
  // The demo sign-in's tokens are verified like a partner's: HS256 with the demo secret.
  const ssoSettings: SsoSettings = { ...options.sso, secret: options.sso?.secret ?? demoSignInSecret };
  const sso = ssoSettings.secret || ssoSettings.publicKey ? await SsoVerifier.create(ssoSettings) : undefined;
  if (auth !== 'anonymous' && !sso) throw new Error(`BYLINE_AUTH=${auth} needs BYLINE_SSO_SECRET or BYLINE_SSO_PUBLIC_KEY.`);
  const cursors = new Cursors(options.cursorSecret ?? (await store.sharedSecret('cursor', randomBytes(32).toString('base64url'))));
  const bans = new Bans(store, now);
  const context: RouteContext = {
    comments: new Comments(store, cursors, bans, { auth: options.demoSignIn && auth === 'anonymous' ? 'optional' : auth, editWindowS: options.editWindowS ?? 600 }, now),
    moderation: new Moderation(store, cursors, now),
    store,
    limits: { ...DEFAULT_RATE_LIMITS, ...options.rateLimits },
    adminToken: options.adminToken,
    sso,
    auth: options.demoSignIn && auth === 'anonymous' ? 'optional' : auth,
    addressSalt: await store.sharedSecret('address_salt', randomBytes(32).toString('base64url')),
    demoSignInSecret,
    staticRoot: options.staticRoot ?? REPO_ROOT,
    demo: options.demo ?? true,
    metrics,
    metricsToken: options.metricsToken,
  };
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const hops = options.trustProxy ?? 0;

  const app = Fastify({
    logger: options.logger ?? false,
    // One access line per request from the onResponse hook below, instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    // proxy-addr walks X-Forwarded-For from the right, one hop per trusted proxy; the left-most entries are the client's to write.
    trustProxy: hops > 0 ? (_address: string, hop: number) => hop < hops : false,
    // A slow body or slow headers are cut off with a 408; an idle keep-alive connection is closed.
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    http: { headersTimeout: timeouts.requestMs, connectionsCheckingInterval: Math.min(1000, Math.ceil(timeouts.requestMs / 4)) },
    clientErrorHandler,
    bodyLimit: 16 * 1024,
    // Thread ids may be 128 chars; longer ones should reach the schema and get a 400 naming the field.
    routerOptions: { maxParamLength: 1000 },
    schemaController: { compilersFactory: { buildValidator: buildValidator() } },
    frameworkErrors: (_error, _request, reply) => {
      // Typed for the route's reply schema; this answer has the standard error body.
      (reply as FastifyReply).code(400).send(errorBody('bad_request', 'Malformed URL.'));
    },
  });
  if (!options.store) app.addHook('onClose', async () => opened.close());
  for (const schema of shippedSchemas()) app.addSchema(schema);
  metrics.observe(app);
  app.addHook('onResponse', async (request, reply) => {
    // The path without its query, the route pattern and timing: never bodies, headers or tokens.
    request.log.info(
      { method: request.method, path: request.url.split('?')[0], route: request.routeOptions.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime), ip: request.ip },
      'request',
    );
  });

  // JSON must be valid UTF-8: a stray byte is refused, never stored as U+FFFD.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = strictUtf8.decode(body as Buffer);
    } catch {
      done(new ApiError(400, 'invalid_json', 'The body is not valid UTF-8.'), undefined);
      return;
    }
    parseJson(request, text, done);
  });

  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((_request, reply) => {
    reply.code(404).send(errorBody('not_found', 'Not found.'));
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
  });

  // gzip/brotli for what a CDN would compress too: the bundles, demo pages and JSON answers. Without it the
  // demo's page-cost figures would count three times the script bytes a partner's readers download.
  await app.register(fastifyCompress, { global: true, threshold: 1024 });

  await app.register(rateLimit, {
    global: false,
    store: sharedRateLimitStore(store),
    errorResponseBuilder: (_request, limit) => new ApiError(429, 'rate_limited', `Too many requests; retry in ${limit.after}.`),
  });

  await app.register(
    async (api) => {
      await api.register(cors, {
        // A delegator sees the request, so the server's own origin (its Host) is allowed without configuration.
        delegator: (request, callback) => {
          const origin = request.headers.origin;
          const ok = origin !== undefined && (allowed.has(origin) || sameHost(origin, request.headers.host));
          callback(null, {
            origin: ok ? origin : false,
            methods: ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE'],
            allowedHeaders: ['Content-Type', 'Idempotency-Key', 'Authorization'],
            exposedHeaders: ['Retry-After'],
            maxAge: 600,
          });
        },
      });
      for (const routes of API_ROUTES) await routes(api, context);
    },
    { prefix: '/api' },
  );
  for (const routes of SITE_ROUTES) await routes(app, context);
  return app;
}
