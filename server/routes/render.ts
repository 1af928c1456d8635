/**
 * Server rendering for CMSs that are not Node (WordPress/PHP, ...) and for the demo:
 * - `POST /api/render` `{"element","data","lang",...}` → `text/html` of the element rendered on the server;
 * - `GET /oembed?url=…&format=json` → an oEmbed `rich` answer (a card) for the demo's article links;
 * - `GET /demo/server-rendered/` → the seed article page, rendered on the server, hydrating in the browser.
 *
 * It renders through `byline-widgets/ssr` (src/ssr.ts), loaded on first use, and reads articles only
 * through the narrow `RenderSources` it is given, so it does not know how or where they are stored.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Article, RelatedFeed, WireCommentPage } from '../../src/core/wire-types.js';
import { getArticle, getRelated, isLang, LANGS, MAIN_ARTICLE_ID } from '../domain/feeds.js';
import type { RateLimit, RouteContext, RouteModule } from './context.js';
import { withCounts } from './feeds.js';
import { ApiError } from './errors.js';
import { shipped } from '../schemas.js';
import { articlePage, type PageSettings } from './article-page.js';

/** What the rendering routes need from the rest of the server. */
export interface RenderSources {
  /** An article as the feed answers it (with its comment count), or undefined. */
  article(id: string, lang: string): Promise<Article | undefined>;
  /** Its related feed (with comment counts), or undefined. */
  related(id: string, lang: string): Promise<RelatedFeed | undefined>;
  /** A thread's first page of comments, newest first, as `GET /api/threads/{thread}/comments` answers it. */
  firstComments(thread: string): Promise<WireCommentPage>;
  /** Languages the article data exists in. */
  dataLanguages: readonly string[];
  /** The data language for a UI language without its own data (an Arabic UI shows English data). */
  fallbackLanguage: string;
  /** The seed article the demo page shows. */
  mainArticleId: string;
}

export interface RenderRouteOptions {
  sources: RenderSources;
  /** Rendering costs CPU: its own limit per client. */
  rateLimit: RateLimit;
}

/** The part of src/ssr.ts used here (typed locally: the server's tsconfig has no DOM types for src/). */
export interface SsrModule {
  renderToString(tag: string, data?: unknown, options?: SsrOptions): Promise<string>;
  checkData(tag: string, data: unknown): { field: string; message: string } | undefined;
  RENDERABLE: readonly string[];
  SUPPORTED_LANGUAGES: readonly string[];
}
export interface SsrOptions {
  lang?: string;
  theme?: string;
  digits?: string;
  timeZone?: string;
  attributes?: Record<string, string | number | boolean | undefined>;
}

let ssrModule: Promise<SsrModule> | undefined;
/** Loaded on first use: a server that never renders never loads Lit's server renderer. */
export function loadSsr(): Promise<SsrModule> {
  return (ssrModule ??= import(new URL('../../src/ssr.ts', import.meta.url).href) as Promise<SsrModule>);
}

/** Elements that render without data: their localized loading state, and the browser loads. */
const DATA_OPTIONAL = new Set(['byline-comment-count', 'byline-comment-box']);
const LANGUAGE_TAG = '^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$';

interface RenderBody {
  element: string;
  data?: unknown;
  lang?: string;
  theme?: 'light' | 'dark' | 'auto';
  digits?: 'native' | 'latin';
  timeZone?: string;
  attributes?: Record<string, string | number | boolean>;
}

function checkTimeZone(zone: string | undefined): void {
  if (zone === undefined) return;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    throw new ApiError(400, 'invalid_field', `timeZone "${zone}" is not an IANA time zone.`, 'timeZone');
  }
}

/** `POST /api/render`: registered inside the /api scope, so it shares its CORS rules. */
export async function renderApiRoutes(api: FastifyInstance, options: RenderRouteOptions): Promise<void> {
  api.post<{ Body: RenderBody }>(
    '/render',
    {
      // A related feed with thumbnails is larger than a comment; still bounded.
      bodyLimit: 64 * 1024,
      config: { rateLimit: options.rateLimit },
      schema: { body: shipped('render-request') },
    },
    async (request, reply) => {
      const ssr = await loadSsr();
      const { element, data, lang = 'en', theme, digits, timeZone, attributes } = request.body;
      const language = lang.toLowerCase().split('-')[0]!;
      if (!ssr.SUPPORTED_LANGUAGES.some((supported) => supported.toLowerCase().split('-')[0] === language)) {
        throw new ApiError(400, 'unsupported_language', `lang "${lang}" is not supported (${ssr.SUPPORTED_LANGUAGES.join(', ')}).`, 'lang');
      }
      if (data === undefined && !DATA_OPTIONAL.has(element)) {
        throw new ApiError(400, 'missing_field', `data is required for ${element}.`, 'data');
      }
      const failure = data === undefined ? undefined : ssr.checkData(element, data);
      if (failure) {
        // `article.image.src` → `data.image.src`: the field as the client sent it.
        const field = ['data', ...failure.field.split('.').slice(1)].join('.');
        throw new ApiError(400, 'invalid_data', failure.message.replace(`"${failure.field}"`, field), field);
      }
      checkTimeZone(timeZone);
      let html: string;
      try {
        html = await ssr.renderToString(element, data, { lang, theme, digits, timeZone, attributes });
      } catch (error) {
        // renderToString's own refusals (an attribute the element does not have) name the attribute.
        const message = error instanceof TypeError ? /has no attribute "([^"]+)"/.exec(error.message) : null;
        if (!message) throw error;
        throw new ApiError(400, 'invalid_field', `${element} has no attribute "${message[1]}".`, `attributes.${message[1]}`);
      }
      reply.header('content-type', 'text/html; charset=utf-8').header('content-language', lang);
      return html;
    },
  );
}

/** Relative URLs of the demo's data made absolute, for a card embedded on another site. */
function absoluteArticle(article: Article, origin: string): Article {
  const abs = (url: string | undefined) => (url === undefined ? undefined : new URL(url, origin).href);
  const copy: Article = { ...article, url: abs(article.url)! };
  if (article.image) {
    copy.image = {
      ...article.image,
      src: abs(article.image.src)!,
      srcset: article.image.srcset
        ?.split(',')
        .map((entry) => entry.trim().replace(/^\S+/, (url) => abs(url)!))
        .join(', '),
    };
  }
  for (const key of ['category', 'author', 'source'] as const) {
    const link = article[key];
    if (link) copy[key] = { ...link, url: abs(link.url) };
  }
  return copy;
}

function originOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

interface OembedQuery {
  url: string;
  format?: string;
  maxwidth?: number;
  maxheight?: number;
}

/** `/oembed` and `/demo/server-rendered/`: registered at the top level. */
export async function renderPageRoutes(app: FastifyInstance, options: RenderRouteOptions): Promise<void> {
  const { sources } = options;
  const { rateLimit } = options;
  const dataLanguage = (lang: string) => (sources.dataLanguages.includes(lang) ? lang : sources.fallbackLanguage);

  app.get<{ Querystring: OembedQuery }>(
    '/oembed',
    {
      config: { rateLimit },
      schema: {
        querystring: {
          type: 'object',
          required: ['url'],
          properties: {
            url: { type: 'string', minLength: 1, maxLength: 2048 },
            format: { type: 'string', maxLength: 16 },
            maxwidth: { type: 'integer', minimum: 1, maximum: 10_000 },
            maxheight: { type: 'integer', minimum: 1, maximum: 10_000 },
          },
        },
      },
    },
    async (request, reply) => {
      const { url, format = 'json', maxwidth, maxheight } = request.query;
      // The oEmbed spec's answer for a format the provider does not offer.
      if (format !== 'json') throw new ApiError(501, 'unsupported_format', 'Only format=json is offered.', 'format');
      const origin = originOf(request);
      const target = URL.canParse(url, origin) ? new URL(url, origin) : undefined;
      const id = target?.searchParams.get('id') ?? (target?.pathname === '/demo/server-rendered/' ? sources.mainArticleId : undefined);
      const lang = target?.searchParams.get('lang') ?? 'th';
      const isDemoPage = target?.host === new URL(origin).host && (target.pathname === '/demo/' || target.pathname === '/demo/server-rendered/');
      const article = isDemoPage && id ? await sources.article(id, dataLanguage(lang)) : undefined;
      if (!article) throw new ApiError(404, 'not_found', 'No article at this URL on this server.', 'url');
      const width = Math.min(maxwidth ?? 600, 1200);
      const ssr = await loadSsr();
      const uiLang = ssr.SUPPORTED_LANGUAGES.includes(lang) ? lang : 'en';
      const card = await ssr.renderToString('byline-article-card', absoluteArticle(article, origin), { lang: uiLang });
      const html = `<script type="module" src="${origin}/cdn/byline.hydrate.min.js"></script>${card}`;
      const image = article.image;
      reply.header('cache-control', 'public, max-age=300');
      return {
        version: '1.0',
        type: 'rich',
        provider_name: 'Byline',
        provider_url: `${origin}/`,
        title: article.title,
        ...(article.author ? { author_name: article.author.name, ...(article.author.url ? { author_url: article.author.url } : {}) } : {}),
        html,
        width,
        // A vertical card: the 3:2 image over about 14em of text.
        height: Math.min(maxheight ?? Infinity, Math.round((width * 2) / 3) + 240),
        ...(image?.src && image.width && image.height
          ? { thumbnail_url: new URL(image.src, origin).href, thumbnail_width: image.width, thumbnail_height: image.height }
          : {}),
        cache_age: 300,
      };
    },
  );

  app.get<{ Querystring: PageSettings }>(
    '/demo/server-rendered/',
    {
      config: { rateLimit },
      schema: {
        querystring: {
          type: 'object',
          properties: {
            lang: { type: 'string', maxLength: 35, pattern: LANGUAGE_TAG, default: 'th' },
            theme: { type: 'string', enum: ['auto', 'light', 'dark'], default: 'auto' },
            digits: { type: 'string', enum: ['native', 'latin'] },
          },
        },
      },
    },
    async (request, reply: FastifyReply) => {
      const settings = request.query;
      const ssr = await loadSsr();
      if (!ssr.SUPPORTED_LANGUAGES.includes(settings.lang)) {
        throw new ApiError(400, 'unsupported_language', `lang "${settings.lang}" is not supported (${ssr.SUPPORTED_LANGUAGES.join(', ')}).`, 'lang');
      }
      const data = dataLanguage(settings.lang);
      const article = await sources.article(sources.mainArticleId, data);
      const related = await sources.related(sources.mainArticleId, data);
      if (!article || !related) throw new ApiError(404, 'not_found', 'The demo article is missing.');
      const comments = await sources.firstComments(article.thread ?? sources.mainArticleId);
      const html = await articlePage(ssr, { article, related, comments, settings });
      reply.header('content-type', 'text/html; charset=utf-8').header('content-language', settings.lang).header('cache-control', 'no-cache');
      return html;
    },
  );
}

/** The seed feeds with live comment counts, as the rendering routes read them. */
function seedSources({ comments }: RouteContext): RenderSources {
  const counted = async <T extends Article | RelatedFeed>(value: T | undefined) => value && withCounts(comments, value);
  return {
    article: (id, lang) => counted(isLang(lang) ? getArticle(id, lang) : undefined),
    related: (id, lang) => counted(isLang(lang) ? getRelated(id, lang) : undefined),
    // The comment box's defaults (page-size 20, newest first): the page it would request itself.
    firstComments: (thread) => comments.page(thread, { limit: 20, sort: 'newest' }),
    dataLanguages: LANGS,
    fallbackLanguage: 'en',
    mainArticleId: MAIN_ARTICLE_ID,
  };
}

/** `POST /api/render`: served with the API, demo or not. */
export const renderRoutes: RouteModule = async (api, context) => {
  await api.register(renderApiRoutes, { sources: seedSources(context), rateLimit: context.limits.render });
};

/** `GET /oembed` and `/demo/server-rendered/`: both are about the demo's articles, so only with the demo. */
export const renderPages: RouteModule = async (app, context) => {
  if (context.demo) await app.register(renderPageRoutes, { sources: seedSources(context), rateLimit: context.limits.render });
};
