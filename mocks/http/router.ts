import { API_BASE_PATH, endpoints, type Endpoint, type EndpointName } from '../../src/api/endpoints';
import { dispatch, jsonResponse as json, problemResponse } from '../../domain/http/dispatch';
import type { Backend } from '../../domain/rules/context';
import { mockCredentials } from '../credentials';
import type { Database } from '../data/database';
import { createMemoryStore } from '../store/memory-store';
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
 * tests, and the small Node server, all answer through this one function; the rules and the
 * request handling are the server's own (`domain/http/dispatch.ts`), over the in-memory store.
 */
export function createRouter(options: RouterOptions) {
  const store = createMemoryStore(options.db);
  const backend: Backend = { store, now: options.now ?? (() => new Date()), credentials: mockCredentials };

  return async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    let matched;
    try {
      matched = matchRoute(request.method, url.pathname);
    } catch {
      return problemResponse({ type: 'about:blank', status: 400, code: 'bad_request', title: 'Malformed path' });
    }
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
    try {
      const response = await dispatch(backend, {
        name: route.name,
        params,
        searchParams: url.searchParams,
        headers: request.headers,
        json: () => request.json(),
      });
      if (route.definition.method !== 'GET' && response.ok) options.onChange?.(options.db());
      return response;
    } catch (error) {
      console.error(`[mock api] ${route.name} failed`, error);
      return problemResponse({ type: 'about:blank', status: 500, code: 'internal', title: 'Mock backend error' });
    }
  };
}
