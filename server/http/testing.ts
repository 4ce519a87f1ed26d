import type { RawRequest } from '../../domain/http/dispatch';
import { ProblemError } from '../../domain/rules/problem';
import { endpoints } from '../../src/api/endpoints';
import { createApp, type AppOptions } from '../app';
import { loadConfig } from '../config';
import type { Logger } from './logger';
import { problemAnswer } from './problems';

/** A logger that keeps its entries, for tests that read the log. */
export function memoryLogger(): Logger & { entries: { level: string; message: string; [field: string]: unknown }[] } {
  const entries: { level: string; message: string; [field: string]: unknown }[] = [];
  const at =
    (level: string) =>
    (message: string, fields: Record<string, unknown> = {}) => {
      entries.push({ level, message, ...fields });
    };
  return { entries, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/**
 * A stand-in for the rules, as the real dispatcher behaves at its edges: reads the body when the
 * route has one (a problem from reading is answered, anything else is "not JSON"), signs in
 * password `good` and refuses any other with 401 `invalid_credentials`, and otherwise echoes
 * what it was handed.
 */
export async function echoDispatch(request: RawRequest): Promise<Response> {
  let body: unknown;
  if ('body' in endpoints[request.name]) {
    try {
      body = await request.json();
    } catch (error) {
      if (error instanceof ProblemError) return problemAnswer(error.problem);
      return problemAnswer({ type: 'about:blank', status: 400, code: 'bad_request', title: 'The body must be JSON' });
    }
  }
  if (request.name === 'login') {
    const { password } = body as { password?: unknown };
    if (password === 'good') return Response.json({ token: 'token-for-tests' });
    return problemAnswer(
      { type: 'about:blank', status: 401, code: 'invalid_credentials', title: 'Wrong user name or password' },
      { 'WWW-Authenticate': 'Bearer realm="api"' },
    );
  }
  return Response.json({
    name: request.name,
    params: request.params,
    query: Object.fromEntries(request.searchParams),
    body,
  });
}

/** The app over the stand-in dispatcher, quiet unless a test reads `logger.entries`; `env` as the environment. */
export function testApp(
  overrides: Partial<Omit<AppOptions, 'config' | 'logger'>> & { env?: Record<string, string> } = {},
) {
  const logger = memoryLogger();
  const { env, ...options } = overrides;
  const app = createApp({
    config: loadConfig(env),
    dispatch: echoDispatch,
    ready: async () => true,
    logger,
    ...options,
  });
  return { app, logger };
}

/** The Node bindings `app.request` lacks, so a test can say which address a request came from. */
export const fromAddress = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } }) as never;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
