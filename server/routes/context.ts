import type { FastifyInstance } from 'fastify';
import type { Comments } from '../domain/comments.js';
import type { AuthMode, SsoVerifier } from '../domain/identity.js';
import type { Moderation } from '../domain/moderation.js';
import type { Metrics } from '../metrics.js';
import type { Store } from '../store/store.js';

export interface RateLimit {
  max: number;
  timeWindow: number;
}

/** What every route module gets: the domain services and the settings that shape routes. */
export interface RouteContext {
  comments: Comments;
  moderation: Moderation;
  /** For readiness checks only; routes go through the domain services. */
  store: Store;
  /** Rendering costs CPU, so it has a limit of its own. */
  limits: { read: RateLimit; post: RateLimit; render: RateLimit };
  /** Bearer token for /api/admin; without one (and without SSO) every admin call answers 401. */
  adminToken?: string;
  /** Verifies the site's sign-in tokens; undefined when no SSO key is configured. */
  sso?: SsoVerifier;
  auth: AuthMode;
  /** Salt of the address hashes that stand for anonymous readers (shared by every process). */
  addressSalt: string;
  /** HS256 secret of the demo sign-in; undefined unless the demo sign-in is on. */
  demoSignInSecret?: string;
  /** Folder holding demo/, cdn/, dist/ and node_modules/. */
  staticRoot: string;
  /** Serve the demo pages and the built widgets (off: the API alone). */
  demo: boolean;
  metrics: Metrics;
  /** Bearer token for GET /metrics; without one the route does not exist. */
  metricsToken?: string;
}

/** A public surface: registers its routes on `app` (already prefixed, e.g. /api). */
export type RouteModule = (app: FastifyInstance, context: RouteContext) => void | Promise<void>;
