import type { Hono, MiddlewareHandler } from 'hono';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { answerHttpProblem, httpProblems } from './problems';
import type { AppEnv } from './request-context';

const implemented = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** 501 for methods no route here takes (`PROPFIND`, `TRACE`…), whatever the path. */
export const rejectUnknownMethods: MiddlewareHandler = async (c, next) => {
  if (!implemented.has(c.req.method)) throw httpProblems.notImplemented(c.req.method);
  await next();
};

/** 405 with `Allow` for a known path asked with a method it does not take (404 stays for unknown paths). */
export function rejectWrongMethods(app: Hono<AppEnv>): MiddlewareHandler<AppEnv> {
  return methodNotAllowed({
    app,
    onMethodNotAllowed: (c, allowed) => answerHttpProblem(httpProblems.methodNotAllowed(c.req.method, allowed)),
  });
}
