import fastifyStatic from '@fastify/static';
import { join } from 'node:path';
import type { RouteModule } from './context.js';

/**
 * demo/ and the built bundles, plus the Lit packages so a demo page can import the unbundled build
 * through an import map. Folders that do not exist yet are still mounted: files are looked up per
 * request. Off with BYLINE_DEMO=0 (the API alone).
 */
export const staticRoutes: RouteModule = async (app, { staticRoot, demo }) => {
  await deskRoutes(app, staticRoot);
  if (!demo) return;
  const mounts: [dir: string, prefix: string, crossOrigin: boolean][] = [
    ['demo', '/demo/', false],
    ['cdn', '/cdn/', true],
    ['dist', '/dist/', true],
    ...['lit', 'lit-html', 'lit-element', '@lit/reactive-element'].map(
      (pkg) => [`node_modules/${pkg}`, `/node_modules/${pkg}/`, true] as [string, string, boolean],
    ),
  ];
  for (const [i, [dir, prefix, crossOrigin]] of mounts.entries()) {
    await app.register(fastifyStatic, {
      root: join(staticRoot, dir),
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
  }
  app.get('/', (_request, reply) => reply.redirect('/demo/'));
};

/**
 * The moderation desk at /admin/ (server/desk/: index.html and the Rollup build in dist/). Served with
 * or without the demo; it is only a page, every action goes through the authenticated /api/admin.
 */
async function deskRoutes(app: Parameters<RouteModule>[0], staticRoot: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: join(staticRoot, 'server/desk'),
    prefix: '/admin/',
    decorateReply: false,
    redirect: true,
    allowedPath: (path) => path === '/' || path === '/index.html' || path.startsWith('/dist/'),
    dotfiles: 'ignore',
    setHeaders: (reply) => {
      // Never framed by another site (clickjacking a moderator), nor cached by a shared proxy.
      reply.header('x-frame-options', 'DENY');
      reply.header('content-security-policy', "default-src 'self'; connect-src 'self'; frame-ancestors 'none'");
      reply.header('cache-control', 'no-cache');
    },
  });
  app.get('/admin', (_request, reply) => reply.redirect('/admin/'));
}
