import { ProblemError } from '../../domain/rules/problem';
import type { ProblemDetails } from '../../src/api/schemas/common';

/**
 * A problem the HTTP layer answers before the rules run (too large, too many, wrong type…),
 * with the headers that status calls for: `Retry-After` on 429, `Allow` on 405. Most of these
 * statuses have no code in the contract's enum; clients word them by status.
 */
export class HttpProblem extends ProblemError {
  readonly headers: Record<string, string>;

  constructor(problem: Omit<ProblemDetails, 'type'>, headers: Record<string, string> = {}) {
    super({ type: 'about:blank', ...problem });
    this.headers = headers;
  }
}

/** The one way this server writes problem details (RFC 9457). */
export function problemAnswer(problem: ProblemDetails, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

/** How long to wait, in whole seconds (at least one: `Retry-After: 0` invites a retry storm). */
const retryAfterSeconds = (ms: number) => String(Math.max(1, Math.ceil(ms / 1000)));

function minutes(ms: number): string {
  const count = Math.max(1, Math.ceil(ms / 60_000));
  return count === 1 ? '1 minute' : `${count} minutes`;
}

export const httpProblems = {
  payloadTooLarge: (limitBytes: number) =>
    new HttpProblem({
      status: 413,
      title: 'Request body too large',
      detail: `The body may be at most ${limitBytes} bytes`,
    }),
  unsupportedMediaType: () =>
    new HttpProblem({ status: 415, title: 'Unsupported media type', detail: 'Send the body as application/json' }),
  tooManyRequests: (retryAfterMs: number) =>
    new HttpProblem(
      { status: 429, title: 'Too many requests', detail: `Try again in ${retryAfterSeconds(retryAfterMs)} s` },
      { 'Retry-After': retryAfterSeconds(retryAfterMs) },
    ),
  /** The same words whether the user name exists or not, so a lockout reveals nothing. */
  tooManySignInAttempts: (retryAfterMs: number) =>
    new HttpProblem(
      {
        status: 429,
        title: 'Too many sign-in attempts',
        detail: `Too many failed sign-ins. Try again in ${minutes(retryAfterMs)}.`,
      },
      { 'Retry-After': retryAfterSeconds(retryAfterMs) },
    ),
  timeout: (timeoutMs: number) =>
    new HttpProblem({
      status: 503,
      title: 'The server took too long',
      detail: `No answer within ${timeoutMs} ms; the request was abandoned`,
    }),
  methodNotAllowed: (method: string, allowed: readonly string[]) =>
    new HttpProblem(
      { status: 405, title: 'Method not allowed', detail: `${method} is not allowed here` },
      { Allow: allowed.join(', ') },
    ),
  notImplemented: (method: string) =>
    new HttpProblem({ status: 501, title: 'Method not implemented', detail: `This server does not support ${method}` }),
  originNotAllowed: () =>
    new HttpProblem({
      status: 403,
      code: 'forbidden',
      title: 'Origin not allowed',
      detail: 'Pages from this origin may not call the API',
    }),
};

export function answerHttpProblem(problem: ProblemError): Response {
  return problemAnswer(problem.problem, problem instanceof HttpProblem ? problem.headers : {});
}
