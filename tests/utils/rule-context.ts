import type { RuleContext } from '../../mocks/rules/context';
import { mockApi } from './mock-api';

/** Calls the backend rules directly, as the named demo user, on the test's fresh store. */
export function ruleContext(username: string): RuleContext {
  const user = [...mockApi.db.users.values()].find((u) => u.username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  return { db: mockApi.db, now: mockApi.now, user };
}
