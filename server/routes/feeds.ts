import type { Article, RelatedFeed } from '../../src/core/wire-types.js';
import { articlesIn, getArticle, getRelated, LANGS, type Lang } from '../domain/feeds.js';
import type { Comments } from '../domain/comments.js';
import type { RouteModule } from './context.js';
import { ApiError } from './errors.js';

/** Fills in each article's live comment count (one lookup for the whole feed). */
export async function withCounts<T extends Article | RelatedFeed>(comments: Comments, value: T): Promise<T> {
  const articles = articlesIn(value);
  const counts = await comments.counts(articles.map((a) => a.thread ?? a.id));
  for (const a of articles) a.commentCount = counts[a.thread ?? a.id];
  return value;
}

/** The seed page's article and related-topics feeds, with live comment counts. */
export const feedRoutes: RouteModule = (app, { comments, limits }) => {
  const schema = {
    params: { type: 'object', properties: { id: { type: 'string', maxLength: 128 } } },
    querystring: { type: 'object', properties: { lang: { type: 'string', enum: LANGS, default: 'th' } } },
  };
  for (const [path, lookup] of [['/articles/:id', getArticle], ['/related/:id', getRelated]] as const) {
    app.get<{ Params: { id: string }; Querystring: { lang: Lang } }>(path, { config: { rateLimit: limits.read }, schema }, async (request, reply) => {
      const found = lookup(request.params.id, request.query.lang);
      if (!found) throw new ApiError(404, 'not_found', 'No article with this id.', 'id');
      // no-cache: the comment counts inside change whenever someone posts.
      reply.header('cache-control', 'no-cache').header('content-language', request.query.lang);
      return withCounts(comments, found);
    });
  }
};
