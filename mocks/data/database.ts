import type { AuditEvent } from '../../src/api/schemas/audit';
import type { User } from '../../src/api/schemas/auth';
import type { HolidayYear } from '../../src/api/schemas/calendar';
import type { Dictionaries } from '../../src/api/schemas/dictionaries';
import type { IntakeRecord } from '../../src/api/schemas/intake';
import type { PolicyPatch } from '../../src/api/schemas/policy-patches';
import type { SavedView } from '../../src/api/schemas/saved-views';
import type { ServiceCase, ServiceMonth, ServiceRecord } from '../../src/api/schemas/service-cases';
import type { StoredSession } from '../../domain/store';

/** Mutable collections, keyed by id; everything the mock backend knows. */
export interface Database {
  seed: number;
  /** The day the demo data is generated around (`YYYY-MM-DD`). */
  anchor: string;
  users: Map<string, User>;
  /** Password hashes by user id. */
  passwordHashes: Map<string, string>;
  dictionaries: Dictionaries;
  /** The official holiday arrangements by year (`'2026'`). */
  holidayYears: Map<string, HolidayYear>;
  /** Settings by name (`scoring`: the department scoring weights and thresholds). */
  settings: Map<string, unknown>;
  intakeRecords: Map<string, IntakeRecord>;
  /** Annual landed targets: `${year}:${channelCode}` → target. */
  intakeTargets: Map<string, number>;
  policyPatches: Map<string, PolicyPatch>;
  serviceMonths: Map<string, ServiceMonth>;
  serviceCases: Map<string, ServiceCase>;
  serviceRecords: Map<string, ServiceRecord>;
  savedViews: Map<string, SavedView>;
  auditEvents: AuditEvent[];
  /** Sign-ins by the hash of their token. */
  sessions: Map<string, StoredSession>;
  /** The last serial handed out per id prefix (`IR-2026-` → 17). */
  counters: Record<string, number>;
}

export type PersistedCollection =
  | 'users'
  | 'holidayYears'
  | 'settings'
  | 'intakeRecords'
  | 'intakeTargets'
  | 'policyPatches'
  | 'serviceMonths'
  | 'serviceCases'
  | 'serviceRecords'
  | 'savedViews';
export const persistedCollections: PersistedCollection[] = [
  'users',
  'holidayYears',
  'settings',
  'intakeRecords',
  'intakeTargets',
  'policyPatches',
  'serviceMonths',
  'serviceCases',
  'serviceRecords',
  'savedViews',
];

/**
 * What survives a reload in the browser: the demo data is regenerated from the seed and the
 * anchor day, and only the records changed since are stored (they fit in localStorage).
 */
export interface Snapshot {
  format: 2;
  /** `GENERATOR_VERSION` when stored; none before it was kept. */
  generator?: number;
  seed: number;
  anchor: string;
  changed: { [K in PersistedCollection]?: Record<string, unknown> };
  auditEvents: AuditEvent[];
  sessions: StoredSession[];
  passwordHashes?: Record<string, string>;
  counters: Record<string, number>;
  dictionaries?: Dictionaries;
}
