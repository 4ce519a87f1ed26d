import type { z } from 'zod';
import { ApiError } from './api-error';
import {
  API_BASE_PATH,
  endpoints,
  type BodyOf,
  type EndpointName,
  type ParamsOf,
  type QueryOf,
  type ResponseOf,
} from './endpoints';
import { problemDetailsSchema } from './schemas/common';

export interface ApiClientConfig {
  /** Origin of the API (`VITE_API_URL`); empty for the same origin, as with the mocks. */
  baseUrl: string;
  getToken: () => string | null;
  /** Called on any 401, so the app can send the user to sign in again. */
  onUnauthorized?: () => void;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface RequestOptions<N extends EndpointName> {
  params?: ParamsOf<N>;
  query?: QueryOf<N>;
  body?: BodyOf<N>;
  /** The version the caller last saw; sent as `If-Match`. */
  ifMatch?: number;
  signal?: AbortSignal;
}

export function buildPath(template: string, params: Record<string, string> | undefined): string {
  return template.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`Missing path parameter "${name}" for ${template}`);
    return encodeURIComponent(value);
  });
}

/** Arrays become repeated keys (`?channel=a&channel=b`); empty values are left out. */
export function toSearchParams(query: Record<string, unknown> | undefined): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) value.forEach((item) => search.append(key, String(item)));
    else search.set(key, String(value));
  }
  return search;
}

/** The inverse: repeated keys become arrays, single keys strings. */
export function searchParamsToObject(search: URLSearchParams): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key);
    result[key] = values.length > 1 ? values : values[0]!;
  }
  return result;
}

export function createApiClient(config: ApiClientConfig) {
  const timeoutMs = config.timeoutMs ?? 15_000;
  const doFetch = config.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));

  async function request<N extends EndpointName>(name: N, options: RequestOptions<N> = {}): Promise<ResponseOf<N>> {
    const definition = endpoints[name];
    const path = buildPath(definition.path, options.params as Record<string, string> | undefined);
    const search = toSearchParams(options.query as Record<string, unknown> | undefined).toString();
    const url = `${config.baseUrl}${API_BASE_PATH}${path}${search ? `?${search}` : ''}`;

    const headers = new Headers({ Accept: 'application/json' });
    const token = config.getToken();
    if (token) headers.set('Authorization', `Bearer ${token}`);
    if (options.ifMatch !== undefined) headers.set('If-Match', `"${options.ifMatch}"`);
    if (options.body !== undefined) headers.set('Content-Type', 'application/json');

    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;

    let response: Response;
    try {
      response = await doFetch(url, {
        method: definition.method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal,
      });
    } catch (cause) {
      throw transportError(name, cause, options.signal, timeout);
    }

    if (response.status === 204) return parseWith(name, definition.response, null);

    let payload: unknown;
    try {
      const text = await response.text();
      payload = text === '' ? null : JSON.parse(text);
    } catch (cause) {
      if (options.signal?.aborted || timeout.aborted) throw transportError(name, cause, options.signal, timeout);
      throw new ApiError({
        kind: 'malformed',
        endpoint: name,
        status: response.status,
        message: `${name}: the response (HTTP ${response.status}) is not valid JSON`,
        cause,
      });
    }

    if (!response.ok) {
      if (response.status === 401) config.onUnauthorized?.();
      throw problemError(name, response.status, payload, retryAfter(response.headers.get('Retry-After')));
    }
    return parseWith(name, definition.response, payload);
  }

  return { request };
}

export type ApiClient = ReturnType<typeof createApiClient>;

function parseWith<N extends EndpointName>(name: N, schema: z.ZodType, payload: unknown): ResponseOf<N> {
  const result = schema.safeParse(payload);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ApiError({
      kind: 'contract',
      endpoint: name,
      status: 200,
      message: `${name}: the response does not match the contract at "${issue?.path.join('.') ?? ''}": ${issue?.message ?? ''}`,
      cause: result.error,
    });
  }
  return result.data as ResponseOf<N>;
}

/** `Retry-After` in seconds (a number of seconds, or an HTTP date); null when absent or unreadable. */
function retryAfter(header: string | null): number | null {
  if (!header) return null;
  const seconds = /^\d+$/.test(header.trim()) ? Number(header) : (Date.parse(header) - Date.now()) / 1000;
  return Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds) : null;
}

function problemError(
  name: EndpointName,
  status: number,
  payload: unknown,
  retryAfterSeconds: number | null,
): ApiError {
  const problem = problemDetailsSchema.safeParse(payload);
  if (!problem.success) {
    return new ApiError({
      kind: 'http',
      endpoint: name,
      status,
      retryAfterSeconds,
      message: `${name}: HTTP ${status}`,
    });
  }
  let current = problem.data.current;
  if (status === 409 && current !== undefined) {
    // The newer version is only useful if it is a valid resource.
    const parsed = endpoints[name].response.safeParse(current);
    current = parsed.success ? parsed.data : undefined;
  }
  return new ApiError({
    kind: 'http',
    endpoint: name,
    status,
    code: problem.data.code,
    fieldErrors: problem.data.errors,
    current,
    retryAfterSeconds,
    message: problem.data.detail ?? problem.data.title,
  });
}

function transportError(
  name: EndpointName,
  cause: unknown,
  callerSignal: AbortSignal | undefined,
  timeout: AbortSignal,
): ApiError {
  if (callerSignal?.aborted) {
    return new ApiError({ kind: 'aborted', endpoint: name, message: `${name}: cancelled`, cause });
  }
  if (timeout.aborted) {
    return new ApiError({ kind: 'timeout', endpoint: name, message: `${name}: no answer in time`, cause });
  }
  const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  return new ApiError({
    kind: offline ? 'offline' : 'network',
    endpoint: name,
    message: `${name}: ${offline ? 'the browser is offline' : 'the server could not be reached'}`,
    cause,
  });
}
