import type { User } from '../../src/api/schemas/auth';
import type { Database } from '../data/database';

/** What every rule gets: the data, the clock and the signed-in user. */
export interface RuleContext {
  db: Database;
  now: () => Date;
  user: User;
}
