import { tokenMatches } from './admin.js';
import type { RouteModule } from './context.js';
import { ApiError } from './errors.js';

/** GET /metrics in the Prometheus text format; only when a metrics token is configured, and only with it. */
export const metricsRoutes: RouteModule = (app, { metrics, metricsToken }) => {
  if (!metricsToken) return;
  app.get('/metrics', async (request, reply) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    if (!tokenMatches(match?.[1], metricsToken)) {
      reply.header('www-authenticate', 'Bearer realm="byline-metrics"');
      throw new ApiError(401, 'unauthorized', 'A valid metrics token is required (Authorization: Bearer <token>).');
    }
    reply.header('cache-control', 'no-store').type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });
};
