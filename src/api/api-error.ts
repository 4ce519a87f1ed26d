import type { FieldError, ProblemCode } from './schemas/common';

/**
 * What went wrong, in terms the UI can explain:
 * - `http`: the server answered with a problem status (see `status` and `code`);
 * - `network` / `offline` / `timeout`: no answer arrived;
 * - `malformed`: the body was not JSON; `contract`: JSON that does not fit the schema;
 * - `aborted`: the caller cancelled (never shown to users).
 */
export type ApiErrorKind = 'http' | 'network' | 'offline' | 'timeout' | 'malformed' | 'contract' | 'aborted';

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number | null;
  readonly code: ProblemCode | undefined;
  readonly fieldErrors: FieldError[];
  /** On 409: the resource as the server holds it now (already parsed by its schema). */
  readonly current: unknown;
  readonly endpoint: string;
  /** On 429 and 503: how long the server asks the client to wait (`Retry-After`), in seconds. */
  readonly retryAfterSeconds: number | null;

  constructor(init: {
    kind: ApiErrorKind;
    message: string;
    endpoint: string;
    status?: number | null;
    code?: ProblemCode;
    fieldErrors?: FieldError[];
    current?: unknown;
    retryAfterSeconds?: number | null;
    cause?: unknown;
  }) {
    super(init.message, { cause: init.cause });
    this.name = 'ApiError';
    this.kind = init.kind;
    this.status = init.status ?? null;
    this.code = init.code;
    this.fieldErrors = init.fieldErrors ?? [];
    this.current = init.current;
    this.endpoint = init.endpoint;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }

  /** Worth trying again without changing anything. */
  get retryable(): boolean {
    if (this.kind === 'http') return this.status !== null && (this.status >= 500 || this.status === 429);
    return this.kind === 'network' || this.kind === 'offline' || this.kind === 'timeout';
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
