import type { RouteModule } from './context.js';
import { errorBody } from './errors.js';

/** Liveness and readiness for a load balancer or an orchestrator; never rate-limited, never cached. */
export const healthRoutes: RouteModule = (app, { store }) => {
  app.get('/healthz', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return { status: 'ok' };
  });
  app.get('/readyz', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    try {
      await store.ready();
      return { status: 'ready' };
    } catch (error) {
      request.log.warn({ reason: (error as Error).message }, 'not ready');
      return reply.code(503).send(errorBody('not_ready', 'The database is unreachable or not migrated.'));
    }
  });
};
