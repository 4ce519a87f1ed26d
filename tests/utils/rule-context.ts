import type { RuleContext } from '../../domain/rules/context';
import type { Database } from '../../mocks/data/database';
import { sharedBackend } from './backend';

/** Calls the backend rules directly, as the named demo user, on the test's fresh store. */
export function ruleContext(username: string): RuleContext {
  const user = [...sharedBackend.seeded().users.values()].find((u) => u.username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  return { ...sharedBackend.backend(), user };
}

/** The demo data the test's store started from, to compute expectations from. */
export function seeded(): Database {
  return sharedBackend.seeded();
}
