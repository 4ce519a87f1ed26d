import type { z } from 'zod';
import type { FieldError, ProblemCode, ProblemDetails } from '../../src/api/schemas/common';

/** A rule broken by a request; the HTTP adapter answers it as RFC 9457 problem details. */
export class ProblemError extends Error {
  readonly problem: ProblemDetails;

  constructor(problem: ProblemDetails) {
    super(problem.detail ?? problem.title);
    this.problem = problem;
  }
}

function problem(status: number, code: ProblemCode, title: string, extra: Partial<ProblemDetails> = {}) {
  return new ProblemError({ type: 'about:blank', status, code, title, ...extra });
}

export const problems = {
  badRequest: (detail: string, errors?: FieldError[]) => problem(400, 'bad_request', 'Bad request', { detail, errors }),
  validation: (errors: FieldError[]) =>
    problem(422, 'validation_failed', 'Validation failed', {
      detail: errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      errors,
    }),
  unauthenticated: () => problem(401, 'unauthenticated', 'Not signed in or the session has expired'),
  invalidCredentials: () => problem(401, 'invalid_credentials', 'Wrong user name or password'),
  forbidden: (detail = 'Your role may not do this') => problem(403, 'forbidden', 'Forbidden', { detail }),
  notFound: (what: string) => problem(404, 'not_found', 'Not found', { detail: `${what} does not exist` }),
  preconditionRequired: () =>
    problem(428, 'precondition_required', 'If-Match header required', {
      detail: 'Send the version you edited as If-Match',
    }),
  versionConflict: (current: unknown) =>
    problem(409, 'version_conflict', 'Someone else changed this record', { current }),
  invalidTransition: (detail: string) => problem(409, 'invalid_transition', 'Not allowed in this state', { detail }),
};

/** A schema's issues as field errors: the field, the rule broken and its limits, for a client to word. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const limits = Object.fromEntries(
      (['minimum', 'maximum', 'origin', 'format'] as const).flatMap((name) => {
        const value = (issue as unknown as Record<string, unknown>)[name];
        return typeof value === 'number' || typeof value === 'string' ? [[name, value]] : [];
      }),
    );
    return { field: issue.path.join('.') || '(body)', message: issue.message, code: issue.code, params: limits };
  });
}
