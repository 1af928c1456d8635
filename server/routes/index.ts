import { adminRoutes } from './admin.js';
import { commentRoutes } from './comments.js';
import type { RouteModule } from './context.js';
import { countRoutes } from './counts.js';
import { demoSignInRoutes } from './demo-sign-in.js';
import { feedRoutes } from './feeds.js';
import { healthRoutes } from './health.js';
import { metricsRoutes } from './metrics.js';
import { renderPages, renderRoutes } from './render.js';
import { staticRoutes } from './static.js';

/** Public surfaces under /api, behind CORS for partner origins. Adding a surface is one line here. */
export const API_ROUTES: RouteModule[] = [commentRoutes, countRoutes, feedRoutes, renderRoutes, adminRoutes];

/** Surfaces at the site root (no CORS): operations, demo pages and bundles. */
export const SITE_ROUTES: RouteModule[] = [healthRoutes, metricsRoutes, renderPages, staticRoutes, demoSignInRoutes];
