import type { Database as DemoDatabase } from '../../mocks/data/database';
import { generateDatabase } from '../../mocks/data/generate';
import { mockCredentials } from '../../mocks/credentials';
import { createMemoryStore } from '../../mocks/store/memory-store';
import { dispatch } from '../../domain/http/dispatch';
import { SESSION_HOURS } from '../../domain/rules/auth';
import type { Backend } from '../../domain/rules/context';
import { toCstIso } from '../../domain/rules/dates';
import { endpoints, type EndpointName } from '../../src/api/endpoints';
import { loadDemoData } from '../db/demo-data';
import { createSqlStore } from '../db/sql-store';
import { openTestDatabase, TEST_ANCHOR, testCredentials, type TestDatabase } from '../db/testing';

/** Both backends run on this clock, so every id and instant they write is the same. */
export const NOW = new Date('2026-11-25T10:00:00+08:00');
const now = () => new Date(NOW);

/** The demo data both backends start from (deterministic: the same seed and anchor). */
export const generateDemoData = (): DemoDatabase => generateDatabase({ anchor: TEST_ANCHOR });

/** The demo users every read is asked by: one of each role, and the liaison of another department. */
export const demoUsers = ['viewer', 'officer', 'manager', 'admin', 'liaison'] as const;

/** A query value as a client writes it: repeated keys as an array. */
type QueryValue = string | number | readonly string[];

/** One request of the contract, as a client sends it. */
export interface Call {
  name: EndpointName;
  /** The session token to send (`tokenOf(user)`), or none. */
  token?: string;
  params?: Record<string, string>;
  query?: Record<string, QueryValue | undefined>;
  /** The JSON body; `rawBody` sends text as it is (e.g. not JSON). */
  body?: unknown;
  rawBody?: string;
  ifMatch?: number | string;
}

/** What a backend answered, as a client sees it: status, the headers that carry meaning, the parsed body. */
export interface Answer {
  status: number;
  contentType: string | null;
  challenge: string | null;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a parsed JSON body, read by the tests
  body: any;
}

/** The token a demo user (or any user id) signs in with on both backends. */
export const tokenOf = (who: string, session: number | string = 1) => `conformance.${who}.${session}`;

/** `GET /intake-records?stage=lead` style, for test names. */
export function describeCall(call: Call): string {
  const definition = endpoints[call.name];
  const path = definition.path.replace(/:(\w+)/g, (_, name: string) => call.params?.[name] ?? `:${name}`);
  const search = searchParams(call.query).toString();
  const extra = call.ifMatch === undefined ? '' : ` If-Match: ${call.ifMatch}`;
  return `${definition.method} ${path}${search ? `?${decodeURIComponent(search)}` : ''}${extra}`;
}

function searchParams(query: Call['query']): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item));
  }
  return search;
}

/**
 * Sends `call` to one backend through the shared dispatcher, as an HTTP adapter would. What the
 * dispatcher throws (no problem details: a failure of the store) the HTTP adapters answer 500;
 * here it becomes a 500 answer with the error's message, so a comparison shows both sides.
 */
export async function ask(backend: Backend, call: Call): Promise<Answer> {
  const headers = new Headers({ Accept: 'application/json' });
  if (call.token !== undefined) headers.set('Authorization', `Bearer ${call.token}`);
  if (call.ifMatch !== undefined) headers.set('If-Match', String(call.ifMatch));
  let response: Response;
  try {
    response = await dispatch(backend, {
      name: call.name,
      params: { ...call.params },
      searchParams: searchParams(call.query),
      headers,
      json: async () => (call.rawBody !== undefined ? JSON.parse(call.rawBody) : structuredClone(call.body)),
    });
  } catch (error) {
    const message =
      error instanceof Error ? `${error.message}${error.cause ? ` (${String(error.cause)})` : ''}` : error;
    return { status: 500, contentType: null, challenge: null, body: { thrown: message } };
  }
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('Content-Type'),
    challenge: response.headers.get('WWW-Authenticate'),
    body: text === '' ? null : JSON.parse(text),
  };
}

/** The two backends compared. */
export interface Pair {
  memory: Backend;
  sql: Backend;
}

/** The same two stores on another clock (to see sessions age and cases fall overdue). */
export const at = (pair: Pair, instant: string): Pair => {
  const now = () => new Date(instant);
  return { memory: { ...pair.memory, now }, sql: { ...pair.sql, now } };
};

export interface Backends extends Pair {
  /** The SQL side's database, for the test names (`embedded` or `server`). */
  label: string;
  close(): Promise<void>;
}

/**
 * The mock's in-memory store and the server's SQL store over the same generated data, on the
 * same clock. Each keeps its own credentials (PBKDF2 and scrypt password hashes); both keep
 * tokens as their SHA-256, so one token signs a user in on both.
 */
export async function openBackends(): Promise<Backends> {
  const database: TestDatabase = await openTestDatabase();
  try {
    await loadDemoData(database.db, generateDemoData(), testCredentials, { reset: true });
  } catch (error) {
    await database.close();
    throw error;
  }
  const memoryData = generateDemoData();
  return {
    memory: { store: createMemoryStore(() => memoryData), now, credentials: mockCredentials },
    sql: { store: createSqlStore(database.db), now, credentials: testCredentials },
    label: database.label,
    close: () => database.close(),
  };
}

/**
 * Signs `userId` in on both backends with `token`, straight into the session store (no password
 * hashing), as the login rule would at `signedInAt` (by default `NOW`); `expiresAt` may be given.
 */
export async function signIn(
  pair: Pair,
  userId: string,
  token: string,
  { signedInAt = toCstIso(NOW), expiresAt }: { signedInAt?: string; expiresAt?: string } = {},
): Promise<void> {
  for (const backend of [pair.memory, pair.sql]) {
    await backend.store.sessions.insert({
      tokenHash: await backend.credentials.hashToken(token),
      userId,
      createdAt: signedInAt,
      expiresAt: expiresAt ?? toCstIso(new Date(Date.parse(signedInAt) + SESSION_HOURS * 3_600_000)),
      lastSeenAt: signedInAt,
    });
  }
}
