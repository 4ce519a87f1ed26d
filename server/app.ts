import { Hono } from 'hono';
import type { RawRequest } from '../domain/http/dispatch';
import { API_BASE_PATH, endpoints, type Endpoint, type EndpointName } from '../src/api/endpoints';
import type { ServerConfig } from './config';
import { bodyGuard, readJsonBody } from './http/body';
import { cors } from './http/cors';
import { errorHandler, errorsOnly, notFound } from './http/errors';
import type { Logger } from './http/logger';
import { LoginThrottle } from './http/login-throttle';
import { rejectUnknownMethods, rejectWrongMethods } from './http/methods';
import { problemAnswer } from './http/problems';
import { RateLimiter, rateLimit } from './http/rate-limit';
import { requestContext, type AppEnv } from './http/request-context';
import { checkRequestTarget } from './http/request-target';
import { withSecurityHeaders } from './http/security-headers';
import { requestTimeout } from './http/timeout';

export interface AppOptions {
  config: ServerConfig;
  /** Runs one matched route through the rules (`dispatch` bound to a backend); throws on a bug. */
  dispatch: (request: RawRequest) => Promise<Response>;
  /** Whether the database answers, for `/readyz`. */
  ready: () => Promise<boolean>;
  logger: Logger;
  /** The clock of the rate limits and the sign-in lockout. */
  now?: () => Date;
}

/**
 * The API over HTTP: the contract's routes, each answered by `dispatch`, behind the limits a
 * public service needs. Middleware run outermost first:
 *
 * 1. security headers, then request id, client address and the access log: outermost, so
 *    every answer carries and logs them, refusals and errors included;
 * 2. CORS, so a page on an allowed origin can read the refusals below;
 * 3. methods no route takes (501), the per-client rate limit (429), undecodable addresses (400);
 * 4. the request timeout (503) and, for a known path, the wrong method (405);
 * 5. per route: the body checks (413, 415), then the sign-in lockout for `login`.
 */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const { config, logger } = options;
  const clock = options.now ?? (() => new Date());
  const now = () => clock().getTime();
  const app = new Hono<AppEnv>();
  const limiter = new RateLimiter(config.rateLimitPerMinute, now);
  const loginThrottle = new LoginThrottle({
    maxFailures: config.login.maxFailures,
    maxFailuresPerAddress: config.login.maxFailuresPerIp,
    lockoutMs: config.login.lockoutMinutes * 60_000,
    now,
  });

  app.onError(errorHandler(logger));
  app.notFound(notFound);
  app.use(withSecurityHeaders);
  app.use(requestContext({ logger, trustProxy: config.trustProxy }));
  app.use(errorsOnly);
  app.use(cors(config.corsOrigins));
  app.use(rejectUnknownMethods);
  app.use(rateLimit(limiter));
  app.use(checkRequestTarget);
  app.use(requestTimeout(config.requestTimeoutMs));
  app.use(rejectWrongMethods(app));

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    const ready = await options.ready().catch((error: unknown) => {
      logger.warn('readiness check failed', { requestId: c.get('requestId'), error });
      return false;
    });
    if (ready) return c.json({ status: 'ready' });
    return problemAnswer({
      type: 'about:blank',
      status: 503,
      title: 'Not ready',
      detail: 'The database does not answer',
    });
  });

  const guardBody = bodyGuard(config.bodyLimitBytes);
  for (const [name, definition] of Object.entries(endpoints) as [EndpointName, Endpoint][]) {
    app.on(definition.method, API_BASE_PATH + definition.path, guardBody, async (c) => {
      const request: RawRequest = {
        name,
        params: c.req.param(),
        searchParams: new URL(c.req.url).searchParams,
        headers: c.req.raw.headers,
        json: () => readJsonBody(c.req.raw, config.bodyLimitBytes),
      };
      return name === 'login'
        ? loginThrottle.attempt(request, c.get('clientAddress'), options.dispatch)
        : options.dispatch(request);
    });
  }
  return app;
}
