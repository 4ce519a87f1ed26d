import type { Faker } from '@faker-js/faker';
import type { AuditEvent } from '../../src/api/schemas/audit';
import type { User } from '../../src/api/schemas/auth';

/** What every part of the generator shares: one seeded faker (so the order of calls is the data), the users, the audit trail. */
export interface GeneratorContext {
  seed: number;
  faker: Faker;
  pick: <T>(list: readonly T[]) => T;
  weighted: <T>(list: readonly [T, number][]) => T;
  /** `YYYY-MM-DD`: the data runs up to this day. */
  anchor: string;
  anchorYear: number;
  users: Map<string, User>;
  /** Officers of every department, generated. */
  officerPool: User[];
  /** Who works intake and patches: the talent office's officers, the demo officer and manager. */
  officeOfficers: User[];
  audit: (event: Omit<AuditEvent, 'id'>) => void;
}
