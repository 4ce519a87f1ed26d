import type { RuleContext } from '../../domain/rules/context';
import type { Database } from '../../mocks/data/database';
import { createMemoryStore } from '../../mocks/store/memory-store';
import { mockCredentials } from '../../mocks/credentials';
import { mockApi } from './mock-api';

/** Calls the backend rules directly, as the named demo user, on the test's fresh store. */
export function ruleContext(username: string): RuleContext {
  const user = [...mockApi.db.users.values()].find((u) => u.username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  return { store: createMemoryStore(() => mockApi.db), now: mockApi.now, credentials: mockCredentials, user };
}

/** The demo data the test's store started from, to compute expectations from. */
export function seeded(): Database {
  return mockApi.db;
}
