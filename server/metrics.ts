import type { FastifyInstance } from 'fastify';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Store } from './store/store.js';

/** The Prometheus metrics of one server process (its own registry, so several apps never collide). */
export class Metrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'byline_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'],
    registers: [this.registry],
  });
  readonly latency = new Histogram({
    name: 'byline_http_request_duration_seconds',
    help: 'Time to answer, by method and route pattern.',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly posted = new Counter({
    name: 'byline_comments_posted_total',
    help: 'New comments stored, by status (published, or pending review).',
    labelNames: ['status'],
    registers: [this.registry],
  });
  readonly rejected = new Counter({
    name: 'byline_comments_rejected_total',
    help: 'Comment posts refused (4xx other than 429), by status code.',
    labelNames: ['status'],
    registers: [this.registry],
  });
  readonly rateLimited = new Counter({
    name: 'byline_rate_limited_total',
    help: 'Requests answered 429, by route pattern.',
    labelNames: ['route'],
    registers: [this.registry],
  });
  readonly dbErrors = new Counter({
    name: 'byline_db_errors_total',
    help: 'Store operations that failed, by operation.',
    labelNames: ['operation'],
    registers: [this.registry],
  });

  /** `processMetrics`: also Node's own (CPU, memory, event loop), which sample in the background. */
  constructor(processMetrics: boolean) {
    if (processMetrics) collectDefaultMetrics({ register: this.registry, prefix: 'byline_' });
  }

  /** Counts every answer by route pattern (never the raw URL: thread ids would explode the label set). */
  observe(app: FastifyInstance): void {
    app.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url ?? 'unmatched';
      const status = reply.statusCode;
      this.requests.inc({ method: request.method, route, status });
      this.latency.observe({ method: request.method, route }, reply.elapsedTime / 1000);
      if (status === 429) this.rateLimited.inc({ route });
      else if (request.method === 'POST' && route === '/api/threads/:thread/comments' && status >= 400 && status < 500) this.rejected.inc({ status });
    });
  }

  /** The store, with every failed call counted (the failure still propagates). */
  counting(store: Store): Store {
    const errors = this.dbErrors;
    return new Proxy(store, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) =>
          (value as (...a: unknown[]) => Promise<unknown>).apply(target, args).catch((error: unknown) => {
            errors.inc({ operation: String(property) });
            throw error;
          });
      },
    });
  }
}
