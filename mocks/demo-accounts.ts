import type { DemoAccount } from '../src/lib/demo';
import type { Database } from './data/database';
import { DEMO_PASSWORD, demoUsers } from './data/reference';

/** The demo accounts as the login page lists them. */
export function demoAccounts(db: Database): DemoAccount[] {
  return demoUsers.map((user) => ({
    username: user.username,
    password: DEMO_PASSWORD,
    displayName: user.displayName,
    role: user.role,
    department: db.dictionaries.departments.find((d) => d.code === user.departmentCode) ?? {
      name: user.departmentCode,
      nameEn: user.departmentCode,
    },
  }));
}
