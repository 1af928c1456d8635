import AjvCompiler from '@fastify/ajv-compiler';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { commentRoutes, commentStore, type CommentStore, type RateLimit } from './comments.js';
import { openDatabase, type DB } from './db.js';
import { ApiError, errorBody, errorHandler } from './errors.js';
import { articlesIn, getArticle, getRelated, isLang, LANGS, MAIN_ARTICLE_ID, type Article, type Lang, type RelatedFeed } from './feeds.js';
import { renderApiRoutes, renderPageRoutes, type RenderSources } from './routes/render.js';
import { moderationRoutes } from './moderation.js';

export interface AppOptions {
  /** An open database (the caller closes it) ... */
  db?: DB;
  /** ... or a file to open (closed with the app). */
  dbPath?: string;
  /** Partner origins allowed by CORS, e.g. `https://news.example`. The server's own origin is always allowed. */
  allowedOrigins?: string[];
  /** Bearer token for /api/admin; without one, every admin call answers 401. */
  adminToken?: string;
  rateLimits?: { post?: RateLimit; read?: RateLimit; render?: RateLimit };
  /** Folder holding demo/, cdn/, dist/ and node_modules/ (default: the repository root). */
  staticRoot?: string;
  /** Trust X-Forwarded-For (only behind a proxy you control): rate limits then key on the real client. */
  trustProxy?: boolean;
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
 * (`limit=20`, a single `thread=a` as an array); JSON bodies must not, so bodies get a strict ajv.
 */
function buildValidator(): NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>['buildValidator'] {
  const factory = AjvCompiler();
  return (externalSchemas, options) => {
    const lax = factory(externalSchemas, options);
    const custom = (options as { customOptions?: object } | undefined)?.customOptions;
    const strict = factory(externalSchemas, { ...options, customOptions: { ...custom, coerceTypes: false } } as typeof options);
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

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  if (!options.db && !options.dbPath) throw new Error('buildApp needs db or dbPath');
  const allowed = normalizeOrigins(options.allowedOrigins ?? []);
  const limits = { ...DEFAULT_RATE_LIMITS, ...options.rateLimits };
  const db = options.db ?? openDatabase(options.dbPath!);
  const store = commentStore(db, options.now);

  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 16 * 1024,
    // Thread ids may be 128 chars; longer ones should reach the schema and get a 400 naming the field.
    routerOptions: { maxParamLength: 1000 },
    schemaController: { compilersFactory: { buildValidator: buildValidator() } },
    frameworkErrors: (_error, _request, reply) => {
      // Typed for the route's reply schema; this answer has the standard error body.
      (reply as FastifyReply).code(400).send(errorBody('bad_request', 'Malformed URL.'));
    },
  });
  if (!options.db) app.addHook('onClose', async () => db.close());

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
    errorResponseBuilder: (_request, context) =>
      new ApiError(429, 'rate_limited', `Too many requests; retry in ${context.after}.`),
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
            methods: ['GET', 'HEAD', 'POST'],
            allowedHeaders: ['Content-Type', 'Idempotency-Key'],
            exposedHeaders: ['Retry-After'],
            maxAge: 600,
          });
        },
      });
      commentRoutes(api, { store, read: limits.read, post: limits.post });
      feedRoutes(api, store, limits.read);
      await api.register(renderApiRoutes, { sources: renderSources(store), rateLimit: limits.render });
      await api.register(async (admin) => moderationRoutes(admin, { store, adminToken: options.adminToken, read: limits.read }), {
        prefix: '/admin',
      });
    },
    { prefix: '/api' },
  );

  await app.register(renderPageRoutes, { sources: renderSources(store), rateLimit: limits.render });
  registerStatic(app, options.staticRoot ?? REPO_ROOT);
  return app;
}

/** Feed answers carry each article's comment count, looked up in one query. */
function withCounts<T extends Article | RelatedFeed>(store: CommentStore, value: T): T {
  const articles = articlesIn(value);
  const counts = store.countThreads(articles.map((a) => a.thread ?? a.id));
  for (const a of articles) a.commentCount = counts[a.thread ?? a.id];
  return value;
}

/** The seed feeds, as server rendering reads them (server/routes/render.ts). */
function renderSources(store: CommentStore): RenderSources {
  const found = <T extends Article | RelatedFeed>(value: T | undefined) => value && withCounts(store, value);
  return {
    article: (id, lang) => (isLang(lang) ? found(getArticle(id, lang)) : undefined),
    related: (id, lang) => (isLang(lang) ? found(getRelated(id, lang)) : undefined),
    dataLanguages: LANGS,
    fallbackLanguage: 'en',
    mainArticleId: MAIN_ARTICLE_ID,
  };
}

function feedRoutes(api: FastifyInstance, store: CommentStore, read: RateLimit) {
  const schema = {
    params: { type: 'object', properties: { id: { type: 'string', maxLength: 128 } } },
    querystring: { type: 'object', properties: { lang: { type: 'string', enum: LANGS, default: 'th' } } },
  };
  for (const [path, lookup] of [['/articles/:id', getArticle], ['/related/:id', getRelated]] as const) {
    api.get<{ Params: { id: string }; Querystring: { lang: Lang } }>(path, { config: { rateLimit: read }, schema }, async (request, reply) => {
      const found = lookup(request.params.id, request.query.lang);
      if (!found) throw new ApiError(404, 'not_found', 'No article with this id.', 'id');
      // no-cache: the comment counts inside change whenever someone posts.
      reply.header('cache-control', 'no-cache').header('content-language', request.query.lang);
      return withCounts(store, found);
    });
  }
}

/**
 * demo/ and the built bundles, plus the Lit packages so a demo page can import the unbundled build
 * through an import map. Folders that do not exist yet are still mounted: files are looked up per request.
 */
function registerStatic(app: FastifyInstance, root: string) {
  const mounts: [dir: string, prefix: string, crossOrigin: boolean][] = [
    ['demo', '/demo/', false],
    ['cdn', '/cdn/', true],
    ['dist', '/dist/', true],
    ...['lit', 'lit-html', 'lit-element', '@lit/reactive-element'].map(
      (pkg) => [`node_modules/${pkg}`, `/node_modules/${pkg}/`, true] as [string, string, boolean],
    ),
  ];
  mounts.forEach(([dir, prefix, crossOrigin], i) => {
    app.register(fastifyStatic, {
      root: join(root, dir),
      prefix,
      decorateReply: i === 0,
      redirect: true,
      // Never hand out .env, .git and the like, even if someone drops them into a served folder.
      dotfiles: 'ignore',
      // Module scripts loaded by a partner page are CORS requests; the bundles are public.
      setHeaders: crossOrigin
        ? (reply) => {
            reply.header('access-control-allow-origin', '*');
            reply.header('cross-origin-resource-policy', 'cross-origin');
          }
        : undefined,
    });
  });
  app.get('/', (_request, reply) => reply.redirect('/demo/'));
}
