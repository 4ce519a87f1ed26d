import type { z } from 'zod';
import { can } from '../../src/api/permissions';
import { searchParamsToObject } from '../../src/api/client';
import { API_BASE_PATH, endpoints, type Endpoint, type EndpointName } from '../../src/api/endpoints';
import type { FieldError, ProblemDetails } from '../../src/api/schemas/common';
import { operations, type OperationRequest } from '../backend';
import type { Database } from '../data/database';
import { authenticate } from '../rules/auth';
import { ProblemError, problems } from '../rules/problem';
import { faultFor, noFaults, type FaultConfig } from './faults';

export interface RouterOptions {
  db: () => Database;
  now?: () => Date;
  faults?: () => FaultConfig;
  /** Called after a request that may have changed data, to persist it. */
  onChange?: (db: Database) => void;
}

interface Route {
  name: EndpointName;
  definition: Endpoint;
  pattern: RegExp;
  paramNames: string[];
}

const routes: Route[] = (Object.entries(endpoints) as [EndpointName, Endpoint][]).map(([name, definition]) => {
  const paramNames: string[] = [];
  const source = definition.path.replace(/:([a-zA-Z]+)/g, (_, param: string) => {
    paramNames.push(param);
    return '([^/]+)';
  });
  return { name, definition, pattern: new RegExp(`^${source}$`), paramNames };
});

export function matchRoute(method: string, pathname: string) {
  const path = pathname.slice(API_BASE_PATH.length) || '/';
  for (const route of routes) {
    if (route.definition.method !== method) continue;
    const match = route.pattern.exec(path);
    if (match) {
      const params = Object.fromEntries(route.paramNames.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]));
      return { route, params };
    }
  }
  return null;
}

function fieldErrors(error: z.ZodError): FieldError[] {
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

function parseIfMatch(header: string | null): number | null {
  if (header === null) return null;
  const version = Number(header.replace(/^W\//, '').replace(/"/g, ''));
  if (!Number.isInteger(version)) throw problems.badRequest('If-Match must be a version number');
  return version;
}

export function problemResponse(problem: ProblemDetails): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

function json(body: unknown, status: number): Response {
  if (status === 204) return new Response(null, { status });
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Answers a fault instead of the real result, when one is configured for the route. */
async function injectFault(config: FaultConfig, name: EndpointName): Promise<Response | null> {
  if (config.latencyMs > 0) await sleep(config.latencyMs);
  switch (faultFor(config, name)) {
    case '500':
      return problemResponse({ type: 'about:blank', status: 500, code: 'internal', title: 'Injected server error' });
    case 'timeout':
      return new Promise<Response>(() => {});
    case 'offline':
      return Response.error();
    case 'malformed':
      return new Response('{"items": [ {"id": "IR-', { status: 200, headers: { 'Content-Type': 'application/json' } });
    case 'contract':
      return json({ items: 'not-a-list', total: -1, unexpected: true }, 200);
    default:
      return null;
  }
}

/**
 * The mock backend over the Fetch API: `Request` in, `Response` out. MSW in the browser and in
 * tests, and the small Node server, all answer through this one function.
 */
export function createRouter(options: RouterOptions) {
  const now = options.now ?? (() => new Date());

  return async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const matched = matchRoute(request.method, url.pathname);
    if (!matched) {
      return problemResponse({
        type: 'about:blank',
        status: 404,
        code: 'not_found',
        title: 'No such route',
        detail: `${request.method} ${url.pathname}`,
      });
    }
    const { route, params } = matched;
    const fault = await injectFault(options.faults?.() ?? noFaults, route.name);
    if (fault) return fault;

    const db = options.db();
    const { definition } = route;
    const authorization = request.headers.get('Authorization');
    try {
      const user = definition.auth === false ? null : authenticate(db, authorization, now());
      if (user && definition.permission && !can(user, definition.permission)) throw problems.forbidden();

      const parsedParams = (definition.params ?? null)?.safeParse(params);
      if (parsedParams && !parsedParams.success)
        throw problems.badRequest('Invalid path', fieldErrors(parsedParams.error));
      const parsedQuery = definition.query?.safeParse(searchParamsToObject(url.searchParams));
      if (parsedQuery && !parsedQuery.success)
        throw problems.badRequest('Invalid query', fieldErrors(parsedQuery.error));

      let body: unknown;
      if (definition.body) {
        let raw: unknown;
        try {
          raw = await request.json();
        } catch {
          throw problems.badRequest('The body must be JSON');
        }
        const parsedBody = definition.body.safeParse(raw);
        if (!parsedBody.success) throw problems.validation(fieldErrors(parsedBody.error));
        body = parsedBody.data;
      }

      const operation = operations[route.name] as (request: OperationRequest<EndpointName>) => unknown;
      const result = operation({
        ctx: { db, now, user: user! },
        params: parsedParams?.data,
        query: parsedQuery?.data,
        body,
        ifMatch: parseIfMatch(request.headers.get('If-Match')),
        authorization,
      } as OperationRequest<EndpointName>);
      if (definition.method !== 'GET') options.onChange?.(db);
      return json(result, definition.successStatus ?? 200);
    } catch (error) {
      if (error instanceof ProblemError) return problemResponse(error.problem);
      console.error(`[mock api] ${route.name} failed`, error);
      return problemResponse({ type: 'about:blank', status: 500, code: 'internal', title: 'Mock backend error' });
    }
  };
}
