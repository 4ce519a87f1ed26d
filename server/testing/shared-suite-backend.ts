import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Database as DemoDatabase } from '../../mocks/data/database';
import { dispatch } from '../../domain/http/dispatch';
import { SESSION_HOURS } from '../../domain/rules/auth';
import type { Backend } from '../../domain/rules/context';
import { toCstIso } from '../../domain/rules/dates';
import type { Store } from '../../domain/store';
import { createApp } from '../app';
import { loadConfig } from '../config';
import { createSqlStore } from '../db/sql-store';
import { demoData, openTestDatabase, reseed, testCredentials, type TestDatabase } from '../db/testing';
import { createLogger } from '../http/logger';

/** The moment the shared tests run at, as the mock's (`TEST_NOW` in `mocks/node.ts`). */
const NOW = new Date('2026-11-25T10:00:00+08:00');

/** Store methods that change nothing a later test could see (a session's last use is one). */
const reads = new Set([
  'get',
  'getMany',
  'list',
  'ids',
  'totals',
  'breakdown',
  'trend',
  'stageCounts',
  'landedByChannel',
  'figures',
  'queueCounts',
  'dailyFlow',
  'oversight',
  'targets',
  'findByUsername',
  'passwordHash',
  'touch',
]);

/** `store`, noting through `onWrite` any call that may write (any method not known to read). */
function noticingWrites(store: Store, onWrite: () => void): Store {
  const collection = (target: object) =>
    new Proxy(target, {
      get(object, key, receiver) {
        const value: unknown = Reflect.get(object, key, receiver);
        if (typeof value !== 'function' || typeof key !== 'string' || reads.has(key)) return value;
        return (...args: unknown[]) => {
          onWrite();
          return (value as (...a: unknown[]) => unknown).apply(object, args);
        };
      },
    });
  return new Proxy(store, {
    get(object, key, receiver) {
      const value: unknown = Reflect.get(object, key, receiver);
      if (key === 'transaction') {
        return <T>(work: (tx: Store) => Promise<T>) => store.transaction((tx) => work(noticingWrites(tx, onWrite)));
      }
      if (key === 'nextSerial') {
        return (prefix: string) => {
          onWrite();
          return store.nextSerial(prefix);
        };
      }
      return typeof value === 'object' && value !== null ? collection(value) : value;
    },
  });
}

/**
 * The server's side of the shared tests (the rules tests and the contract tests, run by the
 * server project with `TEST_BACKEND=sql`): the SQL store on a real PostgreSQL, embedded or
 * `DATABASE_URL`, with the demo data; the whole HTTP app in front of it. The data is loaded once
 * per file and again before a test only when the test before it wrote something (a reload takes
 * ~0.8 s). Each demo user has a session, as `prepareSessions` gives them in the mock.
 */
export function sqlSharedSuiteBackend() {
  let database: TestDatabase | undefined;
  let dirty = true;
  let backend: Backend | undefined;
  let app: ReturnType<typeof createApp> | undefined;
  const tokens = new Map<string, string>();

  const signInEveryone = async (store: Store) => {
    const at = toCstIso(NOW);
    const expiresAt = toCstIso(new Date(NOW.getTime() + SESSION_HOURS * 3_600_000));
    for (const user of demoData().users.values()) {
      const token = `shared-suite.${user.username}`;
      tokens.set(user.username, token);
      const tokenHash = await testCredentials.hashToken(token);
      await store.sessions.insert({ tokenHash, userId: user.id, createdAt: at, expiresAt, lastSeenAt: at });
    }
  };

  beforeAll(async () => {
    database = await openTestDatabase();
    const sql = createSqlStore(database.db);
    backend = {
      store: noticingWrites(sql, () => (dirty = true)),
      now: () => new Date(NOW),
      credentials: testCredentials,
    };
    const ready = backend;
    app = createApp({
      config: loadConfig({ RATE_LIMIT_PER_MINUTE: '1000000', LOG_LEVEL: 'silent' }),
      logger: createLogger('silent'),
      dispatch: (request) => dispatch(ready, request),
      ready: async () => true,
      now: () => new Date(NOW),
    });
  });
  beforeEach(async () => {
    if (!dirty || !database) return;
    await reseed(database);
    await signInEveryone(createSqlStore(database.db));
    dirty = false;
  });
  afterAll(() => database?.close());

  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the SQL backend is opened in beforeAll; use it inside tests');
    return value;
  };
  return {
    label: 'sql' as const,
    backend: () => started(backend),
    seeded: (): DemoDatabase => demoData(),
    token: (username: string) => started(tokens.get(username)),
    fetch: ((input: RequestInfo | URL, init?: RequestInit) =>
      started(app).fetch(new Request(input, init))) as typeof fetch,
  };
}
