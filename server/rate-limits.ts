import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Store } from './store/store.js';

/**
 * @fastify/rate-limit counters kept in the shared store, so a limit holds across every process on
 * the same database. Fixed windows: a client gets `max` hits per window, per route.
 */
export function sharedRateLimitStore(store: Store, now: () => number = Date.now): FastifyRateLimitStoreCtor {
  class SharedStore implements FastifyRateLimitStore {
    constructor(private readonly prefix = '') {}

    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      const at = now();
      store.hitRateLimit(this.prefix + key, timeWindow, at).then(
        ({ count, resetAt }) => callback(null, { current: count, ttl: Math.max(0, resetAt - at) }),
        (error: Error) => callback(error),
      );
    }

    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      // Each route counts apart, as with the plugin's own stores; routeInfo is the route being added.
      const { method, url } = (routeOptions as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo ?? {};
      return new SharedStore(`${this.prefix}${[method].flat().join(',')} ${url ?? ''} `);
    }
  }
  return SharedStore as unknown as FastifyRateLimitStoreCtor;
}
