import type { HttpBindings } from '@hono/node-server';
import type { MiddlewareHandler } from 'hono';
import { clientAddress } from './client-address';
import type { Logger } from './logger';

/** What the middleware share: the Node request (absent under `app.request` in tests), id and address. */
export interface AppEnv {
  Bindings: Partial<HttpBindings>;
  Variables: { requestId: string; clientAddress: string };
}

/** A caller's id is kept when it is short and plain (a proxy's or a client's, for tracing). */
const safeRequestId = /^[\w.:-]{1,128}$/;

/**
 * Gives every request an id (echoed as `X-Request-Id`, quoted in 500s and logs) and the
 * client's address, and writes one log line when it is answered. The line holds the path but
 * not the query string: searches carry names and phone numbers.
 */
export function requestContext(options: { logger: Logger; trustProxy: boolean }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const incomingId = c.req.header('X-Request-Id');
    const requestId = incomingId && safeRequestId.test(incomingId) ? incomingId : crypto.randomUUID();
    const address = clientAddress(
      c.env?.incoming?.socket.remoteAddress,
      c.req.header('X-Forwarded-For'),
      options.trustProxy,
    );
    c.set('requestId', requestId);
    c.set('clientAddress', address);
    let status = 500;
    try {
      await next();
      c.res.headers.set('X-Request-Id', requestId);
      status = c.res.status;
    } finally {
      const entry = {
        method: c.req.method,
        path: c.req.path,
        status,
        ms: Math.round(performance.now() - started),
        requestId,
        ip: address,
      };
      if (status >= 500) options.logger.error('request', entry);
      else options.logger.info('request', entry);
    }
  };
}
