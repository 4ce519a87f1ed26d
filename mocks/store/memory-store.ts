import type { ScoringSettings } from '../../src/api/schemas/case-scores';
import type { KnowledgeBase } from '../../src/api/schemas/knowledge';
import { scoredIn, scoreFactsOf, tallyScoreFacts } from '../../domain/rules/case-scores';
import { intakeStages, type IntakeRecord, type IntakeStage } from '../../src/api/schemas/intake';
import { patchStatusSchema, type PolicyPatch } from '../../src/api/schemas/policy-patches';
import {
  deadlineOwnedBy,
  heldStatuses,
  involvesDepartment,
  isOpenCase,
  lapseNoticeSent,
  lapsingStatuses,
  openAssists,
  oversightDueAt,
  pendingExtension,
} from '../../src/api/schemas/case-workflow';
import { caseQueueViewSchema, type CaseQueueView, type ServiceCase } from '../../src/api/schemas/service-cases';
import type { AuditEvent } from '../../src/api/schemas/audit';
import type { IntakeBreakdown, IntakeDimension, IntakeTotals, IntakeTrend } from '../../src/api/schemas/stats';
import { compareInstants, elapsedDays, inSpan } from '../../src/lib/calendar';
import type {
  CaseFigures,
  CaseQueueFrame,
  CaseScope,
  CaseSortField,
  IntakeQuery,
  IntakeSortField,
  PatchQuery,
  PatchSortField,
  ServiceRecordSortField,
  Store,
  BulkVersionedStore,
  SettingStore,
} from '../../domain/store';
import type { Database } from '../data/database';
import { compareCodePoints as compareText } from '../../domain/rules/sorting';
import {
  inDateRange,
  inNumberRange,
  matchesAny,
  matchesText,
  moneySum,
  paginate,
  sortItems,
  type SortAccessors,
} from './list';
import { dailyFlow, matchesOversight, oversightFigures } from './case-oversight';

const intakeSort: SortAccessors<IntakeRecord, IntakeSortField> = {
  id: (r) => r.id,
  name: (r) => r.name,
  stage: (r) => intakeStages.indexOf(r.stage),
  leadOn: (r) => r.stageDates.lead,
  landedOn: (r) => r.stageDates.landed,
  investment: (r) => r.investment,
  updatedAt: (r) => r.updatedAt,
  channel: (r) => r.channelCode,
  town: (r) => r.townCode,
  officer: (r) => r.officerName,
};

const priorityRank = { low: 0, normal: 1, high: 2, urgent: 3 } as const;
const caseSort: SortAccessors<ServiceCase, CaseSortField> = {
  id: (c) => c.id,
  receivedAt: (c) => c.receivedAt,
  dueAt: (c) => c.dueAt,
  stageDueAt: (c) => c.stageDueAt,
  priority: (c) => priorityRank[c.priority],
  status: (c) => c.status,
  updatedAt: (c) => c.updatedAt,
  department: (c) => c.departmentCode,
  category: (c) => c.categoryCode,
};

const patchSort: SortAccessors<PolicyPatch, PatchSortField> = {
  id: (p) => p.id,
  title: (p) => p.title,
  status: (p) => patchStatusSchema.options.indexOf(p.status),
  collectedAt: (p) => p.collectedAt,
  issuedAt: (p) => p.issuedAt,
  updatedAt: (p) => p.updatedAt,
};

function matchesIntake(r: IntakeRecord, query: IntakeQuery): boolean {
  return (
    matchesAny(query.id, r.id) &&
    matchesAny(query.channel, r.channelCode) &&
    matchesAny(query.stage, r.stage) &&
    matchesAny(query.tier, r.tierCode) &&
    matchesAny(query.industry, r.industryCode) &&
    matchesAny(query.town, r.townCode) &&
    matchesAny(query.event, r.eventCode) &&
    matchesAny(query.officer, r.officerId) &&
    inDateRange(r.stageDates.lead, query.from, query.to) &&
    (!query.kind || r.kind === query.kind) &&
    (!query.hasEvent || r.eventCode !== null) &&
    inDateRange(r.stageDates.landed, query.landedFrom, query.landedTo) &&
    inNumberRange(r.investment, query.investmentMin, query.investmentMax) &&
    matchesText(query.q, r.id, r.name, r.organization, r.officerName)
  );
}

/**
 * Open past the deadline of what it awaits now, or past its supervision (督办) deadline; for a
 * department (`departmentCode`), of the cases it holds only (`deadlineOwnedBy`).
 */
function isOverdue(c: ServiceCase, now: string, departmentCode: string | null = null): boolean {
  if (!isOpenCase(c) || !deadlineOwnedBy(departmentCode, c)) return false;
  const supervisionDue = oversightDueAt(c);
  return (
    (c.stageDueAt !== null && compareInstants(c.stageDueAt, now) < 0) ||
    (supervisionDue !== null && compareInstants(supervisionDue, now) < 0)
  );
}

const isSupervised = (c: ServiceCase) => oversightDueAt(c) !== null && isOpenCase(c);

/** The queue views; due soon: falls overdue by the frame's bound, and is not yet. */
const inQueueView: Record<CaseQueueView, (c: ServiceCase, frame: CaseQueueFrame) => boolean> = {
  new: (c) => c.status === 'new',
  dispatched: (c) => c.status === 'dispatched',
  returned: (c) => c.status === 'returned',
  mine: (c, frame) => heldStatuses.includes(c.status) && c.assigneeId === frame.userId,
  extension: (c) => pendingExtension(c) !== null,
  answered: (c) => c.status === 'answered',
  dueSoon: (c, frame) =>
    !isOverdue(c, frame.now, frame.departmentCode) && isOverdue(c, frame.dueSoonBefore, frame.departmentCode),
  overdue: (c, frame) => isOverdue(c, frame.now, frame.departmentCode),
  supervised: isSupervised,
  followUp: (c) => c.status === 'visiting',
  assisting: (c, frame) =>
    openAssists(c).some((a) => frame.departmentCode === null || a.departmentCode === frame.departmentCode),
  lapsed: (c, frame) =>
    lapsingStatuses.includes(c.status) &&
    c.stageDueAt !== null &&
    compareInstants(c.stageDueAt, frame.lapsedBefore) < 0 &&
    !lapseNoticeSent(c),
  pool: (c) => c.commonality === 'common' && c.linkedPatchId === null,
  all: () => true,
};

const inScope = (scope: CaseScope, c: ServiceCase) =>
  scope.departmentCode === null || involvesDepartment(c, scope.departmentCode);
/** A department's own figures are of the cases it leads (not those it assists with). */
const leads = (scope: CaseScope, c: ServiceCase) =>
  scope.departmentCode === null || c.departmentCode === scope.departmentCode;
/** Counted once: a duplicate merged into another case (并单) is left out of the figures and scores. */
const counted = (c: ServiceCase) => c.mergedInto === null;

function caseFigures(cases: ServiceCase[], now: string, departmentCode: string | null): CaseFigures {
  const figures: CaseFigures = {
    total: 0,
    open: 0,
    overdue: 0,
    supervised: 0,
    closed: 0,
    resolutionDays: 0,
    resolved: 0,
    followUps: 0,
    satisfiedFollowUps: 0,
  };
  for (const c of cases) {
    figures.total++;
    if (isOpenCase(c)) figures.open++;
    else figures.closed++;
    if (isOverdue(c, now, departmentCode)) figures.overdue++;
    if (isSupervised(c)) figures.supervised++;
    if (c.closedAt) {
      figures.resolved++;
      figures.resolutionDays += elapsedDays(c.receivedAt, c.closedAt);
    }
    if (c.followUp) {
      figures.followUps++;
      if (c.followUp.satisfaction !== 'unsatisfied') figures.satisfiedFollowUps++;
    }
  }
  return figures;
}

const breakdownKey: Record<IntakeDimension, (r: IntakeRecord) => string | null> = {
  channel: (r) => r.channelCode,
  month: (r) => r.stageDates.lead.slice(0, 7),
  tier: (r) => r.tierCode,
  industry: (r) => r.industryCode,
  town: (r) => r.townCode,
  event: (r) => r.eventCode,
};
const landingKey: Record<IntakeDimension, (r: IntakeRecord) => string | null> = {
  ...breakdownKey,
  month: (r) => r.stageDates.landed?.slice(0, 7) ?? null,
};

/** A map's values, created on first use. */
function rowsBy<R>(create: (key: string) => R) {
  const rows = new Map<string, R>();
  return {
    row(key: string): R {
      let found = rows.get(key);
      if (!found) rows.set(key, (found = create(key)));
      return found;
    },
    values: () => [...rows.values()],
  };
}

/** Undoes a transaction's writes when it fails: each write first records how to take it back. */
type UndoLog = (() => void)[];

/** Writes a Map entry, remembering in `undo` (when in a transaction) what it held before. */
function write<K, V>(undo: UndoLog | undefined, map: Map<K, V>, key: K, value: V | undefined): void {
  if (undo) {
    const had = map.has(key);
    const previous = map.get(key);
    undo.push(() => (had ? map.set(key, previous!) : map.delete(key)));
  }
  if (value === undefined) map.delete(key);
  else map.set(key, value);
}

/** One collection of versioned records in a Map: the compare-and-set is one synchronous step. */
function versioned<T extends { id: string; version: number }>(
  map: () => Map<string, T>,
  undo: UndoLog | undefined,
): BulkVersionedStore<T> {
  return {
    get: async (id) => map().get(id),
    getMany: async (ids) => ids.flatMap((id) => map().get(id) ?? []),
    insert: async (record) => {
      if (map().has(record.id)) throw new Error(`duplicate id ${record.id}`);
      write(undo, map(), record.id, record);
    },
    update: async (record, expectedVersion) => {
      if (map().get(record.id)?.version !== expectedVersion) return false;
      write(undo, map(), record.id, record);
      return true;
    },
    updateMany: async (records) => {
      const refused: string[] = [];
      for (const record of records) {
        if (map().get(record.id)?.version === record.version - 1) write(undo, map(), record.id, record);
        else refused.push(record.id);
      }
      return refused;
    },
  };
}

/** The highest serial among ids that start with `prefix` (`IR-2026-00017` → 17). */
function highestSerial(ids: Iterable<string>, prefix: string): number {
  let highest = 0;
  for (const id of ids) {
    if (!id.startsWith(prefix)) continue;
    const serial = Number(id.slice(prefix.length));
    if (Number.isInteger(serial) && serial > highest) highest = serial;
  }
  return highest;
}

/**
 * The mock's store: the demo database in memory (`db()` may be replaced, e.g. on reset). Its
 * answers are the reference the server's SQL is held to by the conformance suite.
 */
export function createMemoryStore(db: () => Database): Store {
  // Transactions run one after another, as on a single database connection.
  let queue: Promise<unknown> = Promise.resolve();
  const root = memoryStore(db, undefined, (work) => {
    const run = queue.then(async () => {
      const undo: UndoLog = [];
      const tx: Store = memoryStore(db, undo, (nested) => nested(tx));
      try {
        return await work(tx);
      } catch (error) {
        for (const takeBack of undo.reverse()) takeBack();
        throw error;
      }
    });
    queue = run.catch(() => undefined);
    return run;
  });
  return root;
}

function memoryStore(db: () => Database, undo: UndoLog | undefined, transaction: Store['transaction']): Store {
  /** One setting under `key`, saved by compare-and-set on its version. */
  const setting = <T extends { version: number }>(key: string): SettingStore<T> => ({
    get: async () => db().settings.get(key) as T | undefined,
    save: async (next, expectedVersion) => {
      if (((db().settings.get(key) as T | undefined)?.version ?? 0) !== expectedVersion) return false;
      write(undo, db().settings, key, next);
      return true;
    },
  });
  const allIds = function* () {
    const d = db();
    for (const map of [d.intakeRecords, d.serviceCases, d.policyPatches, d.savedViews]) yield* map.keys();
    for (const event of d.auditEvents) yield event.id;
  };
  const intake = () => [...db().intakeRecords.values()];
  const filteredIntake = (query: IntakeQuery) => intake().filter((r) => matchesIntake(r, query));
  const filteredPatches = (query: PatchQuery) =>
    [...db().policyPatches.values()].filter(
      (p) =>
        matchesAny(query.id, p.id) &&
        matchesAny(query.status, p.status) &&
        matchesAny(query.policy, p.policyCode) &&
        matchesAny(query.department, p.leadDepartmentCode) &&
        matchesText(query.q, p.id, p.title, p.blockage, p.amendment) &&
        (!query.collected ||
          query.collected.some(
            ({ after, until }) =>
              (after === null || compareInstants(p.collectedAt, after) > 0) &&
              (until === null || compareInstants(p.collectedAt, until) <= 0),
          )),
    );

  const store: Store = {
    users: {
      ...versioned(() => db().users, undo),
      findByUsername: async (username) => [...db().users.values()].find((u) => u.username === username),
      list: async (filter) =>
        [...db().users.values()]
          .filter(
            (u) =>
              (!filter.role || u.role === filter.role) &&
              (!filter.departmentCode || u.departmentCode === filter.departmentCode),
          )
          .sort((a, b) => compareText(a.departmentCode, b.departmentCode) || compareText(a.username, b.username)),
      passwordHash: async (userId) => db().passwordHashes.get(userId),
      setPasswordHash: async (userId, hash) => write(undo, db().passwordHashes, userId, hash),
    },
    sessions: {
      insert: async (session) => write(undo, db().sessions, session.tokenHash, session),
      get: async (tokenHash) => db().sessions.get(tokenHash),
      touch: async (tokenHash, at) => {
        const session = db().sessions.get(tokenHash);
        if (session) write(undo, db().sessions, tokenHash, { ...session, lastSeenAt: at });
      },
      delete: async (tokenHash) => write(undo, db().sessions, tokenHash, undefined),
      deleteForUser: async (userId) => {
        for (const [hash, session] of db().sessions) {
          if (session.userId === userId) write(undo, db().sessions, hash, undefined);
        }
      },
    },
    dictionaries: {
      get: async () => db().dictionaries,
      updateEntry: async (kind, entry) => {
        const dictionaries = db().dictionaries;
        const previous = dictionaries[kind];
        undo?.push(() => ((dictionaries[kind] as typeof previous) = previous));
        (dictionaries[kind] as (typeof entry)[]) = previous.map((e) => (e.code === entry.code ? entry : e));
      },
      targets: async (year) => {
        const result = new Map<string, number>();
        for (const [key, target] of db().intakeTargets) {
          const [y, channelCode] = key.split(':') as [string, string];
          if (Number(y) === year) result.set(channelCode, target);
        }
        return result;
      },
    },
    scoringSettings: setting<ScoringSettings>('scoring'),
    knowledgeBase: setting<KnowledgeBase>('knowledge'),
    holidays: {
      list: async () => [...db().holidayYears.values()].sort((a, b) => a.year - b.year),
      save: async (year, expectedVersion) => {
        if ((db().holidayYears.get(String(year.year))?.version ?? 0) !== expectedVersion) return false;
        write(undo, db().holidayYears, String(year.year), year);
        return true;
      },
    },
    intakeRecords: {
      ...versioned(() => db().intakeRecords, undo),
      list: async (query, sort, page, pageSize) =>
        paginate(sortItems(filteredIntake(query), sort, intakeSort), page, pageSize),
      ids: async (query, limit) =>
        filteredIntake(query)
          .map((r) => r.id)
          .sort(compareText)
          .slice(0, limit),
      totals: async (query, span, asOf) => {
        const result: IntakeTotals = { records: 0, landed: 0, signed: 0, investment: 0, cohortLanded: 0 };
        const investment = moneySum();
        for (const r of filteredIntake({ ...query, from: undefined, to: undefined })) {
          const { lead, signed, landed } = r.stageDates;
          if (inSpan(lead, span)) {
            result.records++;
            if (landed !== null && landed <= asOf) result.cohortLanded++;
          }
          if (inSpan(signed, span)) result.signed++;
          if (inSpan(landed, span)) {
            result.landed++;
            investment.add(r.investment ?? 0);
          }
        }
        return { ...result, investment: investment.total() };
      },
      breakdown: async (query, dimension, range) => {
        const rows = rowsBy<IntakeBreakdown['rows'][number]>((key) => ({
          key,
          lead: 0,
          negotiating: 0,
          signed: 0,
          landed: 0,
          total: 0,
          investment: 0,
          landings: 0,
          landingsInvestment: 0,
        }));
        const sums = rowsBy(() => ({ investment: moneySum(), landings: moneySum() }));
        for (const r of filteredIntake({ ...query, from: undefined, to: undefined })) {
          const key = breakdownKey[dimension](r);
          if (key !== null && inSpan(r.stageDates.lead, range)) {
            const cohort = rows.row(key);
            cohort[r.stage]++;
            cohort.total++;
            if (r.stage === 'landed') sums.row(key).investment.add(r.investment ?? 0);
          }
          const landedKey = landingKey[dimension](r);
          if (landedKey !== null && inSpan(r.stageDates.landed, range)) {
            rows.row(landedKey).landings++;
            sums.row(landedKey).landings.add(r.investment ?? 0);
          }
        }
        return rows.values().map((row) => ({
          ...row,
          investment: sums.row(row.key).investment.total(),
          landingsInvestment: sums.row(row.key).landings.total(),
        }));
      },
      trend: async (query, range) => {
        const cells = rowsBy<IntakeTrend['rows'][number]>((key) => {
          const [month, channelCode] = key.split('|') as [string, string];
          return { month, channelCode, leads: 0, landed: 0 };
        });
        for (const r of filteredIntake({ ...query, from: undefined, to: undefined })) {
          const { lead, landed } = r.stageDates;
          if (inSpan(lead, range)) cells.row(`${lead.slice(0, 7)}|${r.channelCode}`).leads++;
          if (landed && inSpan(landed, range)) cells.row(`${landed.slice(0, 7)}|${r.channelCode}`).landed++;
        }
        return cells.values();
      },
      stageCounts: async (query) => {
        const counts: Record<IntakeStage, number> = { lead: 0, negotiating: 0, signed: 0, landed: 0 };
        for (const r of filteredIntake(query)) counts[r.stage]++;
        return counts;
      },
      landedByChannel: async (year) => {
        const result = new Map<string, number>();
        for (const r of intake()) {
          if (r.stageDates.landed?.startsWith(`${year}-`))
            result.set(r.channelCode, (result.get(r.channelCode) ?? 0) + 1);
        }
        return result;
      },
    },
    policyPatches: {
      ...versioned(() => db().policyPatches, undo),
      list: async (query, sort) =>
        paginate(sortItems(filteredPatches(query), sort, patchSort), query.page, query.pageSize),
      facts: async (query) =>
        filteredPatches(query)
          .sort((a, b) => (a.id < b.id ? -1 : 1))
          .map((p) => ({
            id: p.id,
            status: p.status,
            policyCode: p.policyCode,
            collectedAt: p.collectedAt,
            issuedAt: p.issuedAt,
            firstDemandAt:
              p.demandCaseIds
                .map((id) => db().serviceCases.get(id)?.receivedAt)
                .filter((at): at is string => at !== undefined)
                .sort(compareInstants)[0] ?? null,
            demandCount: p.demandCount,
            effects: p.effects,
          })),
    },
    serviceMonths: {
      list: async () => [...db().serviceMonths.values()].sort((a, b) => b.year - a.year),
      get: async (id) => db().serviceMonths.get(id),
    },
    serviceRecords: {
      list: async (query, sort) => {
        const records = [...db().serviceRecords.values()].filter(
          (r) =>
            matchesAny(query.id, r.id) &&
            (!query.month || r.monthId === query.month) &&
            matchesAny(query.department, r.departmentCode) &&
            matchesText(query.q, r.title, r.enterpriseName),
        );
        const accessors: SortAccessors<(typeof records)[number], ServiceRecordSortField> = {
          on: (r) => r.on,
          participants: (r) => r.participants,
        };
        return paginate(sortItems(records, sort, accessors), query.page, query.pageSize);
      },
    },
    serviceCases: {
      ...versioned(() => db().serviceCases, undo),
      list: async (scope, query, sort, frame) => {
        const { now } = frame;
        const filtered = [...db().serviceCases.values()].filter(
          (c) =>
            inScope(scope, c) &&
            matchesAny(query.id, c.id) &&
            (!query.view || inQueueView[query.view](c, frame)) &&
            (!query.month || c.monthId === query.month) &&
            matchesAny(query.status, c.status) &&
            matchesAny(query.priority, c.priority) &&
            matchesAny(query.category, c.categoryCode) &&
            matchesAny(query.department, c.departmentCode) &&
            matchesAny(query.assignee, c.assigneeId) &&
            (!query.mergedInto || c.mergedInto === query.mergedInto) &&
            (query.overdue === undefined || isOverdue(c, now, scope.departmentCode) === (query.overdue === 'true')) &&
            (query.supervised === undefined || isSupervised(c) === (query.supervised === 'true')) &&
            matchesText(query.q, c.id, c.title, c.requesterName, c.enterpriseName),
        );
        return paginate(sortItems(filtered, sort, caseSort), query.page, query.pageSize);
      },
      queueCounts: async (scope, monthId, frame) => {
        const counts = Object.fromEntries(caseQueueViewSchema.options.map((view) => [view, 0])) as Record<
          CaseQueueView,
          number
        >;
        for (const c of db().serviceCases.values()) {
          if (!inScope(scope, c) || (monthId && c.monthId !== monthId)) continue;
          for (const view of caseQueueViewSchema.options) if (inQueueView[view](c, frame)) counts[view]++;
        }
        return counts;
      },
      figures: async (scope, monthId, now) => {
        const cases = [...db().serviceCases.values()].filter(
          (c) => counted(c) && inScope(scope, c) && (!monthId || c.monthId === monthId),
        );
        const byDepartment = new Map<string, ServiceCase[]>();
        for (const c of cases) {
          if (c.departmentCode) byDepartment.set(c.departmentCode, [...(byDepartment.get(c.departmentCode) ?? []), c]);
        }
        return {
          all: caseFigures(cases, now, scope.departmentCode),
          byDepartment: new Map(
            [...byDepartment].map(([code, list]) => [code, caseFigures(list, now, scope.departmentCode)]),
          ),
        };
      },
      dailyFlow: async (scope, filter, span) =>
        dailyFlow(
          [...db().serviceCases.values()].filter((c) => counted(c) && leads(scope, c) && matchesOversight(c, filter)),
          span,
        ),
      scoreTallies: async (span, now) =>
        tallyScoreFacts(
          [...db().serviceCases.values()]
            .filter(counted)
            .map(scoreFactsOf)
            .filter((facts) => scoredIn(facts, span)),
          span,
          now,
        ),
      oversight: async (scope, filter, now) =>
        oversightFigures(
          [...db().serviceCases.values()].filter((c) => counted(c) && leads(scope, c) && matchesOversight(c, filter)),
          (c) => isOverdue(c, now, scope.departmentCode),
        ),
    },
    savedViews: {
      list: async (resource, userId) =>
        [...db().savedViews.values()]
          .filter((v) => v.resource === resource && (v.shared || v.ownerId === userId))
          .sort(
            (a, b) =>
              Number(b.ownerId === userId) - Number(a.ownerId === userId) ||
              compareText(a.name, b.name) ||
              compareText(a.id, b.id),
          ),
      get: async (id) => db().savedViews.get(id),
      insert: async (view) => {
        const clash = [...db().savedViews.values()].some(
          (v) => v.ownerId === view.ownerId && v.resource === view.resource && v.name === view.name,
        );
        if (!clash) write(undo, db().savedViews, view.id, view);
        return !clash;
      },
      delete: async (id) => write(undo, db().savedViews, id, undefined),
    },
    audit: {
      append: async (event) => {
        const serial = await store.nextSerial('AE-');
        const stored = { id: `AE-${String(serial).padStart(6, '0')}`, ...event };
        const events = db().auditEvents;
        events.push(stored);
        undo?.push(() => events.splice(events.indexOf(stored), 1));
        return stored;
      },
      appendMany: async (events) => {
        const stored: AuditEvent[] = [];
        for (const event of events) stored.push(await store.audit.append(event));
        return stored;
      },
      list: async (filter, visibility, page, pageSize) => {
        const events = db()
          .auditEvents.filter(
            (e) =>
              (!filter.entityType || e.entityType === filter.entityType) &&
              (!filter.entityId || e.entityId === filter.entityId) &&
              visibility.entityTypes.includes(e.entityType) &&
              (e.entityType !== 'serviceCase' ||
                (db().serviceCases.has(e.entityId) &&
                  inScope(visibility.caseScope, db().serviceCases.get(e.entityId)!))),
          )
          .sort((a, b) => compareInstants(b.at, a.at) || compareText(b.id, a.id));
        return paginate(events, page, pageSize);
      },
    },
    nextSerial: async (prefix) => {
      const counters = db().counters;
      const previous = counters[prefix];
      undo?.push(() => {
        if (previous === undefined) Reflect.deleteProperty(counters, prefix);
        else counters[prefix] = previous;
      });
      counters[prefix] = (previous ?? highestSerial(allIds(), prefix)) + 1;
      return counters[prefix];
    },
    transaction,
  };
  return store;
}
