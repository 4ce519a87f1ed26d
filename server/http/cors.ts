import type { MiddlewareHandler } from 'hono';
import { httpProblems } from './problems';

const allowedMethods = 'GET, POST, PUT, PATCH, DELETE';
const allowedHeaders = 'Authorization, Content-Type, If-Match, Accept, X-Request-Id';
/** What a page may read of an answer besides the basics (a 429's wait, a 401's scheme, the id to quote). */
const exposedHeaders = 'ETag, X-Request-Id, Retry-After, WWW-Authenticate';

/**
 * Cross-origin access for the configured origins only; with none configured, no page from
 * another origin may read an answer. Sign-in is by bearer token, not cookie, so credentials
 * are never allowed. A preflight from any other origin is refused with 403.
 */
export function cors(origins: readonly string[]): MiddlewareHandler {
  const allowed = new Set(origins);
  return async (c, next) => {
    const origin = c.req.header('Origin');
    const isAllowed = origin !== undefined && allowed.has(origin);
    if (c.req.method === 'OPTIONS' && origin !== undefined && c.req.header('Access-Control-Request-Method')) {
      if (!isAllowed) throw httpProblems.originNotAllowed();
      return c.body(null, 204, {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': allowedMethods,
        'Access-Control-Allow-Headers': allowedHeaders,
        'Access-Control-Max-Age': '600',
        Vary: 'Origin',
      });
    }
    await next();
    c.res.headers.append('Vary', 'Origin');
    if (isAllowed) {
      c.res.headers.set('Access-Control-Allow-Origin', origin);
      c.res.headers.set('Access-Control-Expose-Headers', exposedHeaders);
    }
  };
}
