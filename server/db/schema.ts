import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  date,
  index,
  integer,
  json,
  jsonb,
  numeric,
  pgSequence,
  pgTable,
  primaryKey,
  smallint,
  text,
  unique,
} from 'drizzle-orm/pg-core';
import type { AuditChange } from '../../src/api/schemas/audit';
import type { HolidayYear } from '../../src/api/schemas/calendar';
import type { DictionaryEntry } from '../../src/api/schemas/dictionaries';
import type { IntakeRecord } from '../../src/api/schemas/intake';
import type { PolicyPatch } from '../../src/api/schemas/policy-patches';
import type { ServiceCase, ServiceMonth, ServiceRecord } from '../../src/api/schemas/service-cases';
import type { CaseScoreFacts } from '../../domain/store';

/**
 * The server's tables. Each resource keeps its contract object whole in `doc` and, beside it,
 * the columns its lists filter, sort and count by, derived from that object whenever it is
 * written (the `…Columns` functions in `server/db/store`), so every list and figure is answered
 * in SQL, with indexes.
 *
 * Choices that keep the server's answers identical to the mock's:
 * - `doc` is `json`, not `jsonb`: json keeps the object's text, so a record reads back with its
 *   keys in the order it was written (jsonb reorders them, and the audit trail lists changed
 *   fields in key order).
 * - Text that lists sort by is `COLLATE "C"`: byte order of UTF-8 is code-point order, the
 *   order the rules define, whatever locale the database server was created with.
 * - Instants are text as the rules write them (`2026-11-25T10:00:00+08:00`), so they order as
 *   text; days (`YYYY-MM-DD`) are `date`.
 * - `search` holds the lowercased fields `q` looks in, lowered by JavaScript as the mock lowers
 *   them (PostgreSQL's `lower()` depends on the collation and the server's locale).
 */

/** Text compared and sorted by code point. */
const codeText = customType<{ data: string; driverData: string }>({
  dataType: () => 'text COLLATE "C"',
});

export const users = pgTable(
  'users',
  {
    id: codeText('id').primaryKey(),
    username: codeText('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    role: text('role').notNull(),
    departmentCode: codeText('department_code').notNull(),
    active: boolean('active').notNull(),
    version: integer('version').notNull(),
    /** scrypt, see `server/credentials.ts`; null: the user cannot sign in. */
    passwordHash: text('password_hash'),
  },
  (t) => [index('users_department_username').on(t.departmentCode, t.username)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the token: a copy of the database signs nobody in. */
    tokenHash: text('token_hash').primaryKey(),
    userId: codeText('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

export const dictionaryEntries = pgTable(
  'dictionary_entries',
  {
    kind: text('kind').notNull(),
    code: codeText('code').notNull(),
    /** The entry's place in its list, as the lists are served. */
    position: integer('position').notNull(),
    entry: json('entry').$type<DictionaryEntry>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.code] })],
);

/** The official holiday arrangements, one row a year (reference data an administrator keeps). */
export const holidayYears = pgTable('holiday_years', {
  year: integer('year').primaryKey(),
  doc: json('doc').$type<HolidayYear>().notNull(),
  version: integer('version').notNull(),
});

/** Settings by name (`scoring`: the department scoring weights and thresholds), versioned. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  doc: json('doc').notNull(),
  version: integer('version').notNull(),
});

export const intakeTargets = pgTable(
  'intake_targets',
  {
    year: integer('year').notNull(),
    channelCode: codeText('channel_code').notNull(),
    target: integer('target').notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.channelCode] })],
);

export const intakeRecords = pgTable(
  'intake_records',
  {
    id: codeText('id').primaryKey(),
    doc: json('doc').$type<IntakeRecord>().notNull(),
    version: integer('version').notNull(),
    kind: text('kind').notNull(),
    stage: text('stage').notNull(),
    /** The stage's place in the pipeline (lead 0 … landed 3), for sorting. */
    stageRank: smallint('stage_rank').notNull(),
    name: codeText('name').notNull(),
    channelCode: codeText('channel_code').notNull(),
    eventCode: codeText('event_code'),
    tierCode: codeText('tier_code').notNull(),
    industryCode: codeText('industry_code').notNull(),
    townCode: codeText('town_code').notNull(),
    officerId: codeText('officer_id').notNull(),
    officerName: codeText('officer_name').notNull(),
    investment: numeric('investment'),
    leadOn: date('lead_on', { mode: 'string' }).notNull(),
    signedOn: date('signed_on', { mode: 'string' }),
    landedOn: date('landed_on', { mode: 'string' }),
    updatedAt: codeText('updated_at').notNull(),
    search: text('search').array().notNull(),
  },
  (t) => [
    // The default order of the list: newest lead first.
    index('intake_lead_on').on(t.leadOn.desc().nullsLast(), t.id),
    index('intake_signed_on').on(t.signedOn),
    index('intake_landed_on').on(t.landedOn),
    index('intake_channel').on(t.channelCode),
    index('intake_stage').on(t.stage),
    index('intake_officer').on(t.officerId),
  ],
);

export const policyPatches = pgTable('policy_patches', {
  id: codeText('id').primaryKey(),
  doc: json('doc').$type<PolicyPatch>().notNull(),
  version: integer('version').notNull(),
  status: text('status').notNull(),
  /** The status's place in the workflow, as `patchStatusSchema` lists them. */
  statusRank: smallint('status_rank').notNull(),
  policyCode: codeText('policy_code').notNull(),
  leadDepartmentCode: codeText('lead_department_code').notNull(),
  title: codeText('title').notNull(),
  demandCaseIds: text('demand_case_ids').array().notNull(),
  collectedAt: codeText('collected_at').notNull(),
  issuedAt: codeText('issued_at'),
  updatedAt: codeText('updated_at').notNull(),
  search: text('search').array().notNull(),
});

export const serviceMonths = pgTable('service_months', {
  id: codeText('id').primaryKey(),
  doc: json('doc').$type<ServiceMonth>().notNull(),
  year: integer('year').notNull(),
});

export const serviceRecords = pgTable(
  'service_records',
  {
    id: codeText('id').primaryKey(),
    doc: json('doc').$type<ServiceRecord>().notNull(),
    monthId: codeText('month_id').notNull(),
    on: date('on', { mode: 'string' }).notNull(),
    departmentCode: codeText('department_code').notNull(),
    participants: integer('participants').notNull(),
  },
  (t) => [index('service_records_month').on(t.monthId)],
);

export const serviceCases = pgTable(
  'service_cases',
  {
    id: codeText('id').primaryKey(),
    doc: json('doc').$type<ServiceCase>().notNull(),
    version: integer('version').notNull(),
    monthId: codeText('month_id').notNull(),
    status: codeText('status').notNull(),
    /** low 0 … urgent 3, for sorting. */
    priorityRank: smallint('priority_rank').notNull(),
    priority: text('priority').notNull(),
    categoryCode: codeText('category_code').notNull(),
    departmentCode: codeText('department_code'),
    assigneeId: codeText('assignee_id'),
    receivedAt: codeText('received_at').notNull(),
    dueAt: codeText('due_at').notNull(),
    /** The deadline of what the case awaits now (`stageDueAt`); null while suspended or closed. */
    stageDueAt: codeText('stage_due_at'),
    extensionPending: boolean('extension_pending').notNull(),
    /** What the department scores need (`scoreFactsOf`), and the instants that pick a month's cases. */
    scoreFacts: jsonb('score_facts').$type<CaseScoreFacts>().notNull(),
    /** The answer that stands (`standingAnswerAt`): none once sent back or redone, until answered again. */
    answeredAt: codeText('answered_at'),
    followUpAt: codeText('follow_up_at'),
    firstDispatchAt: codeText('first_dispatch_at'),
    lastDispatchAt: codeText('last_dispatch_at'),
    closedAt: codeText('closed_at'),
    /** Seconds from receipt to closing, when closed: summed by the figures without parsing instants. */
    resolutionSeconds: integer('resolution_seconds'),
    /** The supervision (督办) deadline as an instant, 23:59 of its day; null when unsupervised. */
    supervisionDueAt: codeText('supervision_due_at'),
    /**
     * When the case falls overdue: the earlier of its stage's and its supervision's deadline. One
     * range an index answers, where the two deadlines' OR made the overdue list scan the table.
     */
    overdueFrom: codeText('overdue_from').generatedAlwaysAs(
      sql`least("service_cases"."stage_due_at", "service_cases"."supervision_due_at")`,
    ),
    followUpSatisfaction: text('follow_up_satisfaction'),
    /** Every department asked to assist (协办): they see the case too. */
    assistDepartmentCodes: text('assist_department_codes')
      .array()
      .notNull()
      .default(sql`'{}'`),
    /** The assisting departments whose report is still awaited (协办待办). */
    openAssistDepartmentCodes: text('open_assist_department_codes')
      .array()
      .notNull()
      .default(sql`'{}'`),
    /** The deadlines a 催办通知书 was written for: a case lapsed past one of them awaits no notice. */
    lapseNoticedDueAts: text('lapse_noticed_due_ats')
      .array()
      .notNull()
      .default(sql`'{}'`),
    /** 并单: the case this duplicate was merged into; merged cases are counted there, once. */
    mergedInto: codeText('merged_into'),
    commonality: text('commonality'),
    linkedPatchId: codeText('linked_patch_id'),
    updatedAt: codeText('updated_at').notNull(),
    search: text('search').array().notNull(),
  },
  (t) => [
    // The default order of the list, soonest due first: overall, for open cases (the backlog,
    // and every overdue one), within a month, and within a department (a department's own view).
    index('cases_due_at').on(t.dueAt, t.id),
    index('cases_open_due_at')
      .on(t.dueAt, t.id)
      .where(sql`${t.status} <> 'closed'`),
    index('cases_month_due_at').on(t.monthId, t.dueAt, t.id),
    index('cases_department_due_at').on(t.departmentCode, t.dueAt, t.id),
    index('cases_status').on(t.status),
    // The warnings: overdue and due-soon cases, and the list by the deadline of their stage.
    index('cases_stage_due_at').on(t.stageDueAt, t.id),
    index('cases_open_overdue_from')
      .on(t.overdueFrom)
      .where(sql`${t.status} <> 'closed'`),
    // "Mine" (an officer's open cases) and the assignee filter, soonest due first.
    index('cases_assignee_due_at').on(t.assigneeId, t.dueAt, t.id),
    // A department's scope takes in the cases it assists with.
    index('cases_assist_departments').using('gin', t.assistDepartmentCodes),
    index('cases_merged_into')
      .on(t.mergedInto)
      .where(sql`${t.mergedInto} is not null`),
  ],
);

export const savedViews = pgTable(
  'saved_views',
  {
    id: codeText('id').primaryKey(),
    resource: text('resource').notNull(),
    name: codeText('name').notNull(),
    search: text('search').notNull(),
    shared: boolean('shared').notNull(),
    ownerId: codeText('owner_id')
      .notNull()
      .references(() => users.id),
    ownerName: text('owner_name').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    unique('saved_views_owner_resource_name').on(t.ownerId, t.resource, t.name),
    index('saved_views_resource').on(t.resource),
  ],
);

/**
 * Audit ids come from a sequence, not from `counters`: a sequence takes no row lock, so writers
 * appending events never wait for (or deadlock with) each other's transactions. A rolled-back
 * transaction leaves a gap in the numbers.
 */
export const auditEventSerial = pgSequence('audit_event_serial', { startWith: 1 });

/** Append-only: a trigger (migration 0001) refuses UPDATE and DELETE. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: codeText('id').primaryKey(),
    entityType: text('entity_type').notNull(),
    entityId: codeText('entity_id').notNull(),
    action: text('action').notNull(),
    actorId: text('actor_id').notNull(),
    actorName: text('actor_name').notNull(),
    at: codeText('at').notNull(),
    changes: json('changes').$type<AuditChange[]>().notNull(),
  },
  (t) => [
    index('audit_entity').on(t.entityType, t.entityId),
    // Newest first: read backwards.
    index('audit_at').on(t.at, t.id),
  ],
);

/** The last serial handed out per id prefix (`IR-2026-` → 17), see `Store.nextSerial`. */
export const counters = pgTable('counters', {
  prefix: text('prefix').primaryKey(),
  value: bigint('value', { mode: 'number' }).notNull(),
});
