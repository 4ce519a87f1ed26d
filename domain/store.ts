import type { KnowledgeBase } from '../src/api/schemas/knowledge';
import type { AuditEntityType, AuditEvent } from '../src/api/schemas/audit';
import type { User } from '../src/api/schemas/auth';
import type { HolidayYear } from '../src/api/schemas/calendar';
import type { ScoringSettings } from '../src/api/schemas/case-scores';
import type { Page } from '../src/api/schemas/common';
import type { DictionaryEntry, DictionaryKind, Dictionaries } from '../src/api/schemas/dictionaries';
import type { IntakeFilter, IntakeRecord, IntakeStage } from '../src/api/schemas/intake';
import type { PatchStatus, PolicyPatch } from '../src/api/schemas/policy-patches';
import type { SavedView, SavedViewResource } from '../src/api/schemas/saved-views';
import type {
  CaseQueueView,
  CaseStatus,
  ServiceCase,
  ServiceCaseListQuery,
  ServiceMonth,
  ServiceRecord,
  ServiceRecordListQuery,
  Satisfaction,
} from '../src/api/schemas/service-cases';
import type {
  CaseOversight,
  IntakeBreakdown,
  IntakeDimension,
  IntakeTotals,
  IntakeTrend,
} from '../src/api/schemas/stats';
import type { Span } from '../src/lib/calendar';

/**
 * Where the rules keep their data. The rules (`domain/rules`) are written once over this
 * interface; the mock answers it from memory (`mocks/store`), the server from PostgreSQL
 * (`server/db`). Every list, filter, sort, page and figure is asked for here, so the server
 * answers it in SQL; the rules decide who may ask, what it means and how it is presented.
 *
 * Conventions every implementation keeps (the conformance suite checks them):
 * - Instants are stored as the rules write them, `YYYY-MM-DDTHH:mm:ss+08:00`, so they order as text.
 * - Text sorts by code point (`COLLATE "C"`); ties break by `id` ascending; empty values sort last
 *   whichever the direction.
 * - `q` matches a case-insensitive substring of the named fields.
 * - A page past the end is empty, with the true total.
 */
export interface Store {
  users: UserStore;
  sessions: SessionStore;
  dictionaries: DictionaryStore;
  holidays: HolidayStore;
  scoringSettings: SettingStore<ScoringSettings>;
  knowledgeBase: SettingStore<KnowledgeBase>;
  intakeRecords: IntakeStore;
  policyPatches: PolicyPatchStore;
  serviceMonths: { list(): Promise<ServiceMonth[]>; get(id: string): Promise<ServiceMonth | undefined> };
  serviceRecords: {
    list(query: ServiceRecordListQuery & Picked, sort: Sort<ServiceRecordSortField>): Promise<Page<ServiceRecord>>;
  };
  serviceCases: ServiceCaseStore;
  savedViews: SavedViewStore;
  audit: AuditStore;
  /**
   * The next serial number of ids that start with `prefix` (`IR-2026-` → 1, 2, …), never handed
   * out twice, even to concurrent callers.
   */
  nextSerial(prefix: string): Promise<number>;
  /** Runs `work` atomically: all of its writes or none. Nested calls join the outer transaction. */
  transaction<T>(work: (store: Store) => Promise<T>): Promise<T>;
}

export interface Sort<F extends string> {
  field: F;
  descending: boolean;
}

/** A record kept with a version; `update` is one atomic compare-and-set. */
export interface VersionedStore<T extends { id: string; version: number }> {
  get(id: string): Promise<T | undefined>;
  insert(record: T): Promise<void>;
  /** Stores `record` if the stored one is still at `expectedVersion`; false when it is not (or is gone). */
  update(record: T, expectedVersion: number): Promise<boolean>;
}

/** A versioned record that bulk actions change many of at once, in a few statements. */
export interface BulkVersionedStore<T extends { id: string; version: number }> extends VersionedStore<T> {
  /** The records with these ids, in the order asked; ids that do not exist are left out. */
  getMany(ids: readonly string[]): Promise<T[]>;
  /**
   * Stores each record if the stored one is still a version before it (`record.version - 1`):
   * a compare-and-set per record, made in batches. Answers the ids that were not stored (another
   * request changed them); the caller decides whether that undoes the rest. The records exist.
   */
  updateMany(records: readonly T[]): Promise<string[]>;
}

export interface UserStore extends VersionedStore<User> {
  findByUsername(username: string): Promise<User | undefined>;
  list(filter: { role?: User['role']; departmentCode?: string }): Promise<User[]>;
  /** The stored password hash, or undefined when the user has none (cannot sign in). */
  passwordHash(userId: string): Promise<string | undefined>;
  setPasswordHash(userId: string, hash: string): Promise<void>;
}

/**
 * One versioned setting kept whole: the department scoring settings (考核权重与档次), the
 * knowledge base of standard answers; undefined until first saved.
 */
export interface SettingStore<T extends { version: number }> {
  get(): Promise<T | undefined>;
  /** Stores it if the stored one is at `expectedVersion` (0: none yet); false otherwise. */
  save(setting: T, expectedVersion: number): Promise<boolean>;
}

/** A sign-in: only a hash of the token is kept, so a copy of the database signs nobody in. */
export interface StoredSession {
  tokenHash: string;
  userId: string;
  createdAt: string;
  /** The absolute end of the session. */
  expiresAt: string;
  /** The last request seen; the session also ends after a while without one. */
  lastSeenAt: string;
}

export interface SessionStore {
  insert(session: StoredSession): Promise<void>;
  get(tokenHash: string): Promise<StoredSession | undefined>;
  touch(tokenHash: string, at: string): Promise<void>;
  delete(tokenHash: string): Promise<void>;
  deleteForUser(userId: string): Promise<void>;
}

/** The official holiday arrangements, a year each. */
export interface HolidayStore {
  /** Every year entered, in order. */
  list(): Promise<HolidayYear[]>;
  /** Stores a year's arrangement if the stored one is at `expectedVersion` (0: none yet); false otherwise. */
  save(year: HolidayYear, expectedVersion: number): Promise<boolean>;
}

export interface DictionaryStore {
  get(): Promise<Dictionaries>;
  updateEntry(kind: DictionaryKind, entry: DictionaryEntry): Promise<void>;
  /** Annual landed targets per channel. */
  targets(year: number): Promise<Map<string, number>>;
}

export const intakeSortFields = [
  'id',
  'name',
  'stage',
  'leadOn',
  'landedOn',
  'investment',
  'updatedAt',
  'channel',
  'town',
  'officer',
] as const;
export type IntakeSortField = (typeof intakeSortFields)[number];

/** Only the rows with these ids (an export of the rows a user picked), within the other filters. */
export interface Picked {
  id?: readonly string[];
}

/** The filter lists, stats and bulk actions share; `from`/`to` bound the lead (线索) date. */
export type IntakeQuery = IntakeFilter & Picked & { q?: string };

export interface IntakeStore extends BulkVersionedStore<IntakeRecord> {
  list(query: IntakeQuery, sort: Sort<IntakeSortField>, page: number, pageSize: number): Promise<Page<IntakeRecord>>;
  /** The ids of matching records, at most `limit` of them (in id order). */
  ids(query: IntakeQuery, limit: number): Promise<string[]>;
  /**
   * Within `span`: leads, signings and landings by their own date, the investment of the
   * landings, and how many of the span's leads had landed by `asOf`.
   */
  totals(query: IntakeQuery, span: Span, asOf: string): Promise<IntakeTotals>;
  /**
   * Grouped by `dimension`: leads in `range` by current stage (and the landed ones' investment),
   * and landings in `range` (with their investment); months group leads by lead month and
   * landings by landing month. Rows in no particular order.
   */
  breakdown(query: IntakeQuery, dimension: IntakeDimension, range: Partial<Span>): Promise<IntakeBreakdown['rows']>;
  /** Per month and channel: leads by lead month and landings by landing month, within `range`. */
  trend(query: IntakeQuery, range: Partial<Span>): Promise<IntakeTrend['rows']>;
  /** How many matching records stand at each stage. */
  stageCounts(query: IntakeQuery): Promise<Record<IntakeStage, number>>;
  /** Landings in `year`, per channel code. */
  landedByChannel(year: number): Promise<Map<string, number>>;
}

export const patchSortFields = ['id', 'title', 'status', 'collectedAt', 'issuedAt', 'updatedAt'] as const;
export type PatchSortField = (typeof patchSortFields)[number];

/** The patch table's filters as the store applies them: policies already expanded to their branches, ages to instants. */
export interface PatchQuery extends Picked {
  status?: readonly PatchStatus[];
  policy?: readonly string[];
  department?: readonly string[];
  q?: string;
  /** Collected within one of these spans (each bound optional): later than `after`, not later than `until`. */
  collected?: readonly { after: string | null; until: string | null }[];
}

/** What the patch analytics need of each patch. */
export interface PatchFacts {
  id: string;
  status: PatchStatus;
  policyCode: string;
  collectedAt: string;
  issuedAt: string | null;
  /** When its earliest linked demand was received (null when it names none). */
  firstDemandAt: string | null;
  demandCount: number;
  effects: PolicyPatch['effects'];
}

export interface PolicyPatchStore extends BulkVersionedStore<PolicyPatch> {
  list(query: PatchQuery & { page: number; pageSize: number }, sort: Sort<PatchSortField>): Promise<Page<PolicyPatch>>;
  /** The facts of every patch matching `query`, in id order. */
  facts(query: PatchQuery): Promise<PatchFacts[]>;
}

export const caseSortFields = [
  'id',
  'receivedAt',
  'dueAt',
  'stageDueAt',
  'priority',
  'status',
  'updatedAt',
  'department',
  'category',
] as const;
export type CaseSortField = (typeof caseSortFields)[number];

/** Whose cases a reader sees: all (`null`) or one department's. */
/** The talent office's (null: every case), or a department's: the cases it leads or is asked to assist with. */
export interface CaseScope {
  departmentCode: string | null;
}

export interface CaseFigures {
  total: number;
  open: number;
  overdue: number;
  supervised: number;
  closed: number;
  /** Sum and count of days from receipt to closing, over closed cases. */
  resolutionDays: number;
  resolved: number;
  followUps: number;
  satisfiedFollowUps: number;
}

/**
 * Where the queue views (`view`) stand: when, who asks, and how far "due soon" reaches. The rules
 * work these out (the working-day calendar is theirs); the stores only compare instants and ids.
 */
export interface CaseQueueFrame {
  now: string;
  /** Cases that fall overdue before this instant (and are not yet) are due soon. */
  dueSoonBefore: string;
  /** The caller: "mine" is the open cases assigned to them. */
  userId: string;
  /** The caller's department, null for the talent office: 协办待办 is its open requests (all, for the office). */
  departmentCode: string | null;
  /** A department's stage due before this instant has lapsed long enough for a 催办通知书 (`lapsedBefore`). */
  lapsedBefore: string;
}

/** Which of the scope's cases the oversight figures count: one month's, some departments', some categories'. */
export interface CaseOversightFilter {
  monthId?: string;
  department?: string[];
  category?: string[];
}

/**
 * How a group of cases was resolved. A case is closed when it has a `closedAt`; its resolution
 * time is whole seconds from `receivedAt` to `closedAt` (rounded). Percentiles by nearest rank:
 * of the n times sorted ascending, the one at rank max(1, ⌈p·n⌉), PostgreSQL's `percentile_disc`.
 */
export interface CaseResolutionFigures {
  closed: number;
  /** Of the closed, those closed by their due time (`closedAt` ≤ `dueAt`). */
  closedOnTime: number;
  /** null when none is closed. */
  medianSeconds: number | null;
  p90Seconds: number | null;
}

export interface CaseOversightFigures extends CaseResolutionFigures {
  /** Not closed, now. */
  open: number;
  /** Overdue now, as the list's `overdue` filter counts it. */
  overdue: number;
  /** Cases by the satisfaction of their latest follow-up visit. */
  followUps: Record<Satisfaction, number>;
}

export interface ServiceCaseStore extends BulkVersionedStore<ServiceCase> {
  list(
    scope: CaseScope,
    query: ServiceCaseListQuery & Picked,
    sort: Sort<CaseSortField>,
    frame: CaseQueueFrame,
  ): Promise<Page<ServiceCase>>;
  /**
   * How many of the scope's cases (of one service month when given) each queue view holds: each
   * the `total` of the list with that view and no other filter.
   */
  queueCounts(
    scope: CaseScope,
    monthId: string | undefined,
    frame: CaseQueueFrame,
  ): Promise<Record<CaseQueueView, number>>;
  /**
   * The figures of the scope's cases (of one service month when given), overall and per lead
   * department: a department's scope is the cases it leads or assists with, as its queue lists
   * them; a duplicate merged into another case is not counted.
   */
  figures(
    scope: CaseScope,
    monthId: string | undefined,
    now: string,
  ): Promise<{ all: CaseFigures; byDepartment: Map<string, CaseFigures> }>;
  /**
   * Per day of `span`, over the scope's cases that match `filter`: received and closed that day
   * (in China time), open at its end (23:59:59+08:00: received by then, not closed by then) and
   * overdue at its end (open then, due before then). Instants compare as instants.
   */
  dailyFlow(scope: CaseScope, filter: CaseOversightFilter, span: Span): Promise<CaseOversight['daily']>;
  /**
   * The oversight figures of the scope's cases that match `filter`: overall, per department
   * (assigned cases), per category. A department's analysis is of the cases it leads only; merged
   * duplicates are not counted.
   */
  oversight(
    scope: CaseScope,
    filter: CaseOversightFilter,
    now: string,
  ): Promise<{
    all: CaseOversightFigures;
    byDepartment: Map<string, CaseOversightFigures>;
    byCategory: Map<string, CaseOversightFigures>;
  }>;
  /**
   * Each department's counts for the scores over the events in `span`, by the definitions of
   * `tallyScoreFacts` (`domain/rules/case-scores.ts`); `now` decides which unsigned dispatches and
   * unanswered cases are already late. In no particular order.
   */
  scoreTallies(span: InstantSpan, now: string): Promise<DepartmentTally[]>;
}

/** Both ends included, as stored instants (`…+08:00`). */
export interface InstantSpan {
  from: string;
  to: string;
}

/** What the department scores (考核) need of a case. */
export interface CaseScoreFacts {
  status: CaseStatus;
  departmentCode: string | null;
  dispatches: {
    departmentCode: string;
    at: string;
    signDueAt: string;
    signedAt: string | null;
    returnedAt: string | null;
    /** The talent office's decision on the return. */
    returnDecision: 'redispatch' | 'uphold' | null;
    /** When the office sent the case on (改派) before this dispatch was signed or returned. */
    replacedAt: string | null;
  }[];
  signedAt: string | null;
  /** The answer that stands (`standingAnswerAt`). */
  answeredAt: string | null;
  dueAt: string;
  closedAt: string | null;
  round: number;
  followUp: { at: string; satisfaction: Satisfaction; attributable: boolean } | null;
  /** Working days from signing to the answer, suspensions left out (null when unanswered). */
  handlingWorkingDays: number | null;
}

/** A department's counts in a month, from which its rates and score follow. */
export interface DepartmentTally {
  departmentCode: string;
  signedOnTime: number;
  signDecided: number;
  returns: number;
  returnsOverruled: number;
  answered: number;
  answeredOnTime: number;
  /** Sum and number of the answers' working days from signing. */
  handlingDays: number;
  handled: number;
  visits: number;
  satisfiedVisits: number;
  closed: number;
  closedFirstTime: number;
  overdue: number;
}

export const serviceRecordSortFields = ['on', 'participants'] as const;
export type ServiceRecordSortField = (typeof serviceRecordSortFields)[number];

export interface SavedViewStore {
  /** The views of `resource` that `userId` owns or that are shared. */
  list(resource: SavedViewResource, userId: string): Promise<SavedView[]>;
  get(id: string): Promise<SavedView | undefined>;
  insert(view: SavedView): Promise<boolean>;
  delete(id: string): Promise<void>;
}

/** What history a reader may open: the kinds of record, and for cases, whose. */
export interface AuditVisibility {
  entityTypes: AuditEntityType[];
  caseScope: CaseScope;
}

export interface AuditStore {
  /** Appends an event; events are never changed or removed. The id is given by the store. */
  append(event: Omit<AuditEvent, 'id'>): Promise<AuditEvent>;
  /** Appends events in the order given, in a few statements (a bulk action's). */
  appendMany(events: readonly Omit<AuditEvent, 'id'>[]): Promise<AuditEvent[]>;
  list(
    filter: { entityType?: AuditEntityType; entityId?: string },
    visibility: AuditVisibility,
    page: number,
    pageSize: number,
  ): Promise<Page<AuditEvent>>;
}
