import { searchParamsToObject } from '../../src/api/client';
import { endpoints, type EndpointName } from '../../src/api/endpoints';
import { can } from '../../src/api/permissions';
import type { ProblemDetails } from '../../src/api/schemas/common';
import { operations, type OperationRequest } from '../operations';
import { authenticate } from '../rules/auth';
import type { Backend } from '../rules/context';
import { fieldErrors, ProblemError, problems } from '../rules/problem';

/** A request as an HTTP adapter hands it over: the route already matched, nothing yet parsed. */
export interface RawRequest {
  name: EndpointName;
  params: Record<string, string>;
  searchParams: URLSearchParams;
  headers: Headers;
  /** Reads and parses the JSON body; rejects when it is not JSON. */
  json: () => Promise<unknown>;
}

/** `If-Match: "3"` (or `3`, or weak `W/"3"`): a version, in decimal digits and nothing else. */
function parseIfMatch(header: string | null): number | null {
  if (header === null) return null;
  const digits = /^(?:W\/)?("?)(\d{1,9})\1$/.exec(header.trim())?.[2];
  if (digits === undefined) throw problems.badRequest('If-Match must be a version number');
  return Number(digits);
}

export function problemResponse(problem: ProblemDetails, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

export function jsonResponse(body: unknown, status: number): Response {
  if (status === 204) return new Response(null, { status });
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/**
 * Writes that need no transaction: signing in and out write one row each, and sign-in's
 * deliberately slow password check must not hold a connection (the embedded database has one).
 */
const singleWrite = new Set<EndpointName>(['login', 'logout']);

/** 401s name the scheme the client should use. */
const challenge = { 'WWW-Authenticate': 'Bearer realm="api"' };

/** Half of a surrogate pair without its other half: JSON escapes (`\ud800`) allow it, UTF-8 has none. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function holdsLoneSurrogate(value: unknown): boolean {
  if (typeof value === 'string') return loneSurrogate.test(value);
  if (Array.isArray(value)) return value.some(holdsLoneSurrogate);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).some(([key, item]) => loneSurrogate.test(key) || holdsLoneSurrogate(item));
  }
  return false;
}

/**
 * One route's request through the rules: authenticate, check the role's permission, parse path,
 * query and body with the contract's schemas, run the operation (writes in one transaction) and
 * answer JSON or problem details. The mock's router and the server both answer through it.
 */
export async function dispatch(backend: Backend, request: RawRequest): Promise<Response> {
  const definition = endpoints[request.name];
  const authorization = request.headers.get('Authorization');
  try {
    const user = definition.auth === false ? null : await authenticate(backend, authorization);
    if (user && definition.permission && !can(user, definition.permission)) throw problems.forbidden();

    const parsedParams = definition.params?.safeParse(request.params);
    if (parsedParams && !parsedParams.success)
      throw problems.badRequest('Invalid path', fieldErrors(parsedParams.error));
    const parsedQuery = definition.query?.safeParse(searchParamsToObject(request.searchParams));
    if (parsedQuery && !parsedQuery.success) throw problems.badRequest('Invalid query', fieldErrors(parsedQuery.error));

    let body: unknown;
    if (definition.body) {
      let raw: unknown;
      try {
        raw = await request.json();
      } catch (error) {
        if (error instanceof ProblemError) throw error;
        throw problems.badRequest('The body must be JSON');
      }
      // PostgreSQL would store U+FFFD for it while the answer echoed the original: refuse it.
      if (holdsLoneSurrogate(raw)) throw problems.badRequest('The body holds text that is not valid Unicode');
      const parsedBody = definition.body.safeParse(raw);
      if (!parsedBody.success) throw problems.validation(fieldErrors(parsedBody.error));
      body = parsedBody.data;
    }
    const ifMatch = parseIfMatch(request.headers.get('If-Match'));

    const operation = operations[request.name] as (request: OperationRequest<EndpointName>) => Promise<unknown>;
    const run = (store: Backend['store']) =>
      operation({
        ctx: { ...backend, store, user: user! },
        params: parsedParams?.data,
        query: parsedQuery?.data,
        body,
        ifMatch,
        authorization,
      } as OperationRequest<EndpointName>);
    const atomic = definition.method !== 'GET' && !singleWrite.has(request.name);
    const result = await (atomic ? backend.store.transaction(run) : run(backend.store));
    return jsonResponse(result, definition.successStatus ?? 200);
  } catch (error) {
    if (error instanceof ProblemError) {
      return problemResponse(error.problem, error.problem.status === 401 ? challenge : {});
    }
    throw error;
  }
}
