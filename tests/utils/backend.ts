import type { Backend } from '../../domain/rules/context';
import type { Database } from '../../mocks/data/database';

/**
 * The backend the shared tests (the rules tests and the contract tests) run on: the mock's
 * in-memory store behind MSW in the app project, the server's SQL store behind its HTTP app in the
 * server project (`TEST_BACKEND=sql`, on embedded PostgreSQL or `DATABASE_URL`). Behaviour that
 * only one of them has is a bug, so the same tests hold both to it.
 */
export interface SharedSuiteBackend {
  label: 'memory' | 'sql';
  /** The store, clock and credentials the rules run on (the store as it is now). */
  backend(): Backend;
  /** The demo data the test's store started from, to compute expectations from. */
  seeded(): Database;
  /** A session token of the named demo user, valid for this test. */
  token(username: string): string;
  /** How an API client reaches this backend; the global `fetch` (intercepted by MSW) if absent. */
  fetch?: typeof fetch;
}

async function memoryBackend(): Promise<SharedSuiteBackend> {
  const [{ mockApi }, { createMemoryStore }, { mockCredentials }] = await Promise.all([
    import('./mock-api'),
    import('../../mocks/store/memory-store'),
    import('../../mocks/credentials'),
  ]);
  return {
    label: 'memory',
    backend: () => ({ store: createMemoryStore(() => mockApi.db), now: mockApi.now, credentials: mockCredentials }),
    seeded: () => mockApi.db,
    token: (username) => mockApi.signIn(username).token,
  };
}

export const sharedBackend: SharedSuiteBackend =
  process.env.TEST_BACKEND === 'sql'
    ? (await import('../../server/testing/shared-suite-backend')).sqlSharedSuiteBackend()
    : await memoryBackend();
