import type { ErrorHandler, MiddlewareHandler, NotFoundHandler } from 'hono';
import { ProblemError } from '../../domain/rules/problem';
import type { Logger } from './logger';
import { answerHttpProblem, problemAnswer } from './problems';
import type { AppEnv } from './request-context';

/**
 * The one error handler: problems raised on purpose are answered as they are; anything else is
 * logged with its stack and answered as a bare 500 that quotes the request id, so a report can
 * be matched to the log without the answer revealing how the server failed.
 */
export function errorHandler(logger: Logger): ErrorHandler<AppEnv> {
  return (error, c) => {
    if (error instanceof ProblemError) return answerHttpProblem(error);
    const requestId = c.get('requestId');
    logger.error('unexpected error', { requestId, method: c.req.method, path: c.req.path, error });
    return problemAnswer({
      type: 'about:blank',
      status: 500,
      code: 'internal',
      title: 'Internal server error',
      detail: `The server failed to answer. Quote request id ${requestId} when reporting it.`,
    });
  };
}

export const notFound: NotFoundHandler = (c) =>
  problemAnswer({
    type: 'about:blank',
    status: 404,
    code: 'not_found',
    title: 'No such route',
    detail: `${c.req.method} ${c.req.path}`,
  });

/**
 * Hono hands only `Error`s to the error handler and lets anything else thrown (a string, a
 * rejected `undefined`) escape; this turns those into errors so they are answered too.
 */
export const errorsOnly: MiddlewareHandler = async (_c, next) => {
  try {
    await next();
  } catch (thrown) {
    throw thrown instanceof Error ? thrown : new Error('A non-error value was thrown', { cause: thrown });
  }
};
