import type { MiddlewareHandler } from 'hono';
import { limitKey } from './client-address';
import { httpProblems } from './problems';
import type { AppEnv } from './request-context';

const WINDOW_MS = 60_000;

/**
 * Requests per client per minute, as a sliding window estimated from two fixed ones: this
 * minute's count plus last minute's, weighted by how much of it still lies within the last
 * 60 s. Two maps, swapped each minute, so memory holds the clients of two minutes and no more;
 * refused requests are not counted, so a client that waits gets back in.
 */
export class RateLimiter {
  readonly #limit: number;
  readonly #now: () => number;
  #windowStart = 0;
  #current = new Map<string, number>();
  #previous = new Map<string, number>();

  constructor(limitPerMinute: number, now: () => number) {
    this.#limit = limitPerMinute;
    this.#now = now;
  }

  /** Counts a request; answers how long to wait (ms) when it is over the limit, else null. */
  hit(key: string): number | null {
    const now = this.#now();
    const windowStart = now - (now % WINDOW_MS);
    if (windowStart !== this.#windowStart) {
      this.#previous = windowStart - this.#windowStart === WINDOW_MS ? this.#current : new Map();
      this.#current = new Map();
      this.#windowStart = windowStart;
    }
    const count = this.#current.get(key) ?? 0;
    const previousWeight = 1 - (now - windowStart) / WINDOW_MS;
    if (count + (this.#previous.get(key) ?? 0) * previousWeight >= this.#limit) {
      return windowStart + WINDOW_MS - now;
    }
    this.#current.set(key, count + 1);
    return null;
  }
}

/** 429 with `Retry-After` once a client (an IPv4 address or an IPv6 /64) is over its limit. */
export function rateLimit(limiter: RateLimiter): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const waitMs = limiter.hit(limitKey(c.get('clientAddress')));
    if (waitMs !== null) throw httpProblems.tooManyRequests(waitMs);
    await next();
  };
}
