import { Faker, zh_CN, en, base } from '@faker-js/faker';
import type { AuditEvent } from '../../src/api/schemas/audit';
import type { User } from '../../src/api/schemas/auth';
import { isoAt } from '../../domain/rules/dates';
import type { Database } from './database';
import { replayCaseHistories } from './case-history';
import { generateCasework } from './generate-casework';
import { generateIntake } from './generate-intake';
import { generatePolicyPatches } from './generate-patches';
import type { GeneratorContext } from './generator-context';
import {
  channels,
  demandCategories,
  DEMO_PASSWORD_HASH,
  demoUsers,
  departments,
  events,
  industries,
  policies,
  talentTiers,
  towns,
} from './reference';
import { officialHolidayYears } from './holidays';
import { demoKnowledgeBase } from './knowledge';

export const DEFAULT_SEED = 20231101;

/**
 * Which generator made the data: raised whenever the same seed and day give different data (2:
 * each case's history), so the browser drops changes it stored on the data of another.
 */
export const GENERATOR_VERSION = 5;

export interface GenerateOptions {
  seed?: number;
  /** `YYYY-MM-DD`; the demo data runs up to this day. */
  anchor: string;
}

/** Deterministic demo data: the same seed and anchor always give the same database. */
export function generateDatabase({ seed = DEFAULT_SEED, anchor }: GenerateOptions): Database {
  const faker = new Faker({ locale: [zh_CN, en, base] });
  faker.seed(seed);
  const pick = <T>(list: readonly T[]): T => faker.helpers.arrayElement(list);
  const weighted = <T>(list: readonly [T, number][]): T =>
    faker.helpers.weightedArrayElement(list.map(([value, weight]) => ({ value, weight })));

  const users = new Map<string, User>(demoUsers.map((u) => [u.id, u]));
  const officerPool: User[] = [];
  for (const department of departments) {
    const perDepartment = department.code === 'dept.rcb' ? 6 : 2;
    for (let i = 0; i < perDepartment; i++) {
      const user: User = {
        id: `u.${department.code.slice(5)}-${i + 1}`,
        username: `${department.code.slice(5)}${i + 1}`,
        displayName: faker.person.lastName() + faker.person.firstName(),
        role: 'officer',
        departmentCode: department.code,
        active: true,
        version: 1,
      };
      users.set(user.id, user);
      officerPool.push(user);
    }
  }
  const officeOfficers = [
    ...officerPool.filter((u) => u.departmentCode === 'dept.rcb'),
    users.get('u.officer')!,
    users.get('u.manager')!,
  ];
  const history: Omit<AuditEvent, 'id'>[] = [];
  const audit = (event: Omit<AuditEvent, 'id'>) => history.push(event);
  const anchorYear = Number(anchor.slice(0, 4));
  const context: GeneratorContext = {
    seed,
    faker,
    pick,
    weighted,
    anchor,
    anchorYear,
    users,
    officerPool,
    officeOfficers,
    audit,
  };
  // The order of these calls is part of the seed: each draws from the same faker in turn.
  const { intakeRecords, intakeTargets } = generateIntake(context);
  const { serviceMonths, serviceCases, serviceRecords, casePlans } = generateCasework(context);
  const policyPatches = generatePolicyPatches(context, serviceCases);
  replayCaseHistories(context, casePlans, serviceCases, policyPatches);
  // Numbered in time order, as the store numbers events as they happen (instants order as text).
  const auditEvents: AuditEvent[] = history
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
    .map((event, i) => ({ id: `AE-${String(i + 1).padStart(6, '0')}`, ...event }));

  return {
    seed,
    anchor,
    users,
    passwordHashes: new Map([...users.keys()].map((id) => [id, DEMO_PASSWORD_HASH])),
    dictionaries: {
      channels,
      events,
      talentTiers,
      industries,
      towns,
      departments,
      demandCategories,
      policies,
    },
    holidayYears: new Map(officialHolidayYears.map((y) => [String(y.year), y])),
    settings: new Map([['knowledge', demoKnowledgeBase]]),
    intakeRecords,
    intakeTargets,
    policyPatches,
    serviceMonths,
    serviceCases,
    serviceRecords,
    savedViews: new Map(
      teamViews(anchorYear).map((view, i) => [
        `SV-${i + 1}`,
        {
          ...view,
          id: `SV-${i + 1}`,
          ownerId: 'u.manager',
          ownerName: '王芳',
          createdAt: isoAt(anchor, 9),
          shared: true,
        },
      ]),
    ),
    auditEvents,
    sessions: new Map(),
    counters: {},
  };
}

/** Views the manager has shared with the team, so a new user finds some to try. */
function teamViews(year: number) {
  return [
    {
      resource: 'intakeRecords' as const,
      name: '本年已落户',
      search: `from=${year}-01-01&to=${year}-12-31&stage=landed&sort=-landedOn`,
    },
    {
      resource: 'intakeRecords' as const,
      name: '战略科技人才线索',
      search: 'tier=tier.strategic&stage=lead&stage=negotiating',
    },
  ];
}
