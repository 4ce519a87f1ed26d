import { and, eq, inArray, isNull, not, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  casePrioritySchema,
  caseQueueViewSchema,
  type CaseQueueView,
  type ServiceCase,
} from '../../../src/api/schemas/service-cases';
import {
  heldStatuses,
  lapsingStatuses,
  openAssists,
  oversightDueAt,
  pendingExtension,
} from '../../../src/api/schemas/case-workflow';
import { emptyTally, scoreFactsOf, standingAnswerAt } from '../../../domain/rules/case-scores';
import type {
  CaseFigures,
  CaseOversightFilter,
  CaseQueueFrame,
  CaseScope,
  CaseSortField,
  DepartmentTally,
  ServiceCaseStore,
} from '../../../domain/store';
import type { Database } from '../database';
import { serviceCases } from '../schema';
import { dailyFlow, oversightFigures } from './case-oversight';
import { anyOf, pagedDocs, rankOf, rows, searchTerms, textSearch } from './sql';
import { versionedDocs } from './versioned';

const t = serviceCases;

export function caseColumns(serviceCase: ServiceCase): typeof serviceCases.$inferInsert {
  const { followUp } = serviceCase;
  return {
    id: serviceCase.id,
    doc: serviceCase,
    version: serviceCase.version,
    monthId: serviceCase.monthId,
    status: serviceCase.status,
    priority: serviceCase.priority,
    priorityRank: rankOf(serviceCase.priority, casePrioritySchema.options),
    categoryCode: serviceCase.categoryCode,
    departmentCode: serviceCase.departmentCode,
    assigneeId: serviceCase.assigneeId,
    receivedAt: serviceCase.receivedAt,
    dueAt: serviceCase.dueAt,
    stageDueAt: serviceCase.stageDueAt,
    extensionPending: pendingExtension(serviceCase) !== null,
    scoreFacts: scoreFactsOf(serviceCase),
    answeredAt: standingAnswerAt(serviceCase),
    followUpAt: serviceCase.followUp?.at ?? null,
    firstDispatchAt: serviceCase.dispatches[0]?.at ?? null,
    lastDispatchAt: serviceCase.dispatches.at(-1)?.at ?? null,
    closedAt: serviceCase.closedAt,
    resolutionSeconds:
      serviceCase.closedAt === null
        ? null
        : Math.round((Date.parse(serviceCase.closedAt) - Date.parse(serviceCase.receivedAt)) / 1000),
    supervisionDueAt: oversightDueAt(serviceCase),
    followUpSatisfaction: followUp?.satisfaction ?? null,
    assistDepartmentCodes: serviceCase.assists.map((a) => a.departmentCode),
    openAssistDepartmentCodes: openAssists(serviceCase).map((a) => a.departmentCode),
    lapseNoticedDueAts: serviceCase.notices.flatMap((n) =>
      n.kind === 'lapseNotice' && n.lapsedDueAt !== null ? [n.lapsedDueAt] : [],
    ),
    mergedInto: serviceCase.mergedInto,
    commonality: serviceCase.commonality,
    linkedPatchId: serviceCase.linkedPatchId,
    updatedAt: serviceCase.updatedAt,
    search: searchTerms(serviceCase.id, serviceCase.title, serviceCase.requesterName, serviceCase.enterpriseName),
  };
}

const isOpen = sql`${t.status} <> 'closed'`;

/** For a department, the deadlines of cases it leads and holds only (`deadlineOwnedBy`); never NULL. */
const ownedBy = (departmentCode: string | null) =>
  departmentCode === null
    ? sql``
    : sql` and coalesce(${t.departmentCode} = ${departmentCode}, false) and ${inArray(t.status, [...heldStatuses])}`;

/**
 * Overdue at `now`: open, and past the deadline of its stage or of its supervision (督办), the
 * earlier of which is `overdueFrom`. Written never to be NULL, so `not overdue` is its exact
 * complement.
 */
const isOverdue = (now: string, departmentCode: string | null = null) =>
  sql`(${isOpen} and ${t.overdueFrom} is not null and ${t.overdueFrom} < ${now}${ownedBy(departmentCode)})`;

const isSupervised = sql`(${t.supervisionDueAt} is not null and ${isOpen})`;

/** The queue views, each never NULL; due soon: falls overdue by the frame's bound, and is not yet. */
const inQueueView = (frame: CaseQueueFrame): Record<CaseQueueView, SQL> => ({
  new: sql`${t.status} = 'new'`,
  dispatched: sql`${t.status} = 'dispatched'`,
  returned: sql`${t.status} = 'returned'`,
  extension: sql`${t.extensionPending}`,
  answered: sql`${t.status} = 'answered'`,
  mine: sql`(${inArray(t.status, [...heldStatuses])} and coalesce(${t.assigneeId} = ${frame.userId}, false))`,
  dueSoon: sql`(${isOpen} and ${t.overdueFrom} is not null
    and ${t.overdueFrom} >= ${frame.now} and ${t.overdueFrom} < ${frame.dueSoonBefore}${ownedBy(frame.departmentCode)})`,
  overdue: isOverdue(frame.now, frame.departmentCode),
  supervised: isSupervised,
  followUp: sql`${t.status} = 'visiting'`,
  assisting:
    frame.departmentCode === null
      ? sql`cardinality(${t.openAssistDepartmentCodes}) > 0`
      : sql`${t.openAssistDepartmentCodes} @> array[${frame.departmentCode}]::text[]`,
  lapsed: sql`(${inArray(t.status, [...lapsingStatuses])} and coalesce(${t.stageDueAt} < ${frame.lapsedBefore}, false)
    and not coalesce(${t.stageDueAt} = any(${t.lapseNoticedDueAts}), false))`,
  pool: sql`(coalesce(${t.commonality} = 'common', false) and ${t.linkedPatchId} is null)`,
  all: sql`true`,
});

/**
 * The talent office sees every case (`undefined`: no condition); another department those it
 * leads and those it is asked to assist with.
 */
export const caseInScope = (scope: CaseScope) =>
  scope.departmentCode === null
    ? undefined
    : or(
        eq(t.departmentCode, scope.departmentCode),
        sql`${t.assistDepartmentCodes} @> array[${scope.departmentCode}]::text[]`,
      );
const inScope = caseInScope;
/** A department's own figures are of the cases it leads (not those it assists with). */
const leads = (scope: CaseScope) =>
  scope.departmentCode === null ? undefined : eq(t.departmentCode, scope.departmentCode);
/** Counted once: a duplicate merged into another case (并单) is left out of the figures and scores. */
const counted = isNull(t.mergedInto);

const matchesOversight = (scope: CaseScope, filter: CaseOversightFilter) =>
  and(
    counted,
    leads(scope),
    filter.monthId ? eq(t.monthId, filter.monthId) : undefined,
    anyOf(t.departmentCode, filter.department),
    anyOf(t.categoryCode, filter.category),
  );

const either = (flag: 'true' | 'false' | undefined, condition: SQL) =>
  flag === undefined ? undefined : flag === 'true' ? condition : not(condition);

const sortColumns = {
  id: t.id,
  receivedAt: t.receivedAt,
  dueAt: t.dueAt,
  stageDueAt: t.stageDueAt,
  priority: t.priorityRank,
  status: t.status,
  updatedAt: t.updatedAt,
  department: t.departmentCode,
  category: t.categoryCode,
} satisfies Record<CaseSortField, unknown>;

interface FiguresRow {
  department_code: string | null;
  /** 1 on the row over all the cases, 0 on a department's row. */
  overall: number;
  total: number;
  open: number;
  overdue: number;
  supervised: number;
  closed: number;
  resolution_seconds: string | null;
  resolved: number;
  follow_ups: number;
  satisfied_follow_ups: number;
}

const toFigures = (row: FiguresRow | undefined): CaseFigures => ({
  total: row?.total ?? 0,
  open: row?.open ?? 0,
  overdue: row?.overdue ?? 0,
  supervised: row?.supervised ?? 0,
  closed: row?.closed ?? 0,
  resolutionDays: Number(row?.resolution_seconds ?? 0) / 86_400,
  resolved: row?.resolved ?? 0,
  followUps: row?.follow_ups ?? 0,
  satisfiedFollowUps: row?.satisfied_follow_ups ?? 0,
});

export function caseStore(db: Database): ServiceCaseStore {
  return {
    ...versionedDocs<ServiceCase>(db, t, caseColumns),

    /**
     * The month's counts in two statements, as `tallyScoreFacts` counts them: the dispatches made
     * in the month, by the department they went to; the answers, visits, closings and deadlines,
     * by the lead department. Instants are stored in China time, so they compare as text.
     */
    async scoreTallies(span, now) {
      const inMonth = (value: SQL | AnyPgColumn) => sql`(${value} >= ${span.from} and ${value} <= ${span.to})`;
      const fact = (path: string) => sql.raw(`score_facts->>'${path}'`);
      const [byDispatch, byLead] = await Promise.all([
        rows<{
          department_code: string;
          signed_on_time: number;
          sign_decided: number;
          returns: number;
          returns_overruled: number;
        }>(
          db,
          sql`select d->>'departmentCode' as department_code,
              count(*) filter (where d->>'returnedAt' is null and d->>'signedAt' is not null
                and d->>'signedAt' <= d->>'signDueAt')::int as signed_on_time,
              count(*) filter (where d->>'returnedAt' is null
                and (d->>'signedAt' is not null
                  or d->>'signDueAt' < coalesce(d->>'replacedAt', ${now})))::int as sign_decided,
              count(*) filter (where d->>'returnedAt' is not null)::int as returns,
              count(*) filter (where d->>'returnDecision' = 'uphold')::int as returns_overruled
            from ${t} cross join lateral jsonb_array_elements(${t.scoreFacts}->'dispatches') as d
            where ${counted} and ${t.firstDispatchAt} <= ${span.to} and ${t.lastDispatchAt} >= ${span.from}
              and ${inMonth(sql`d->>'at'`)}
            group by 1`,
        ),
        rows<
          Omit<DepartmentTally, 'departmentCode' | 'signedOnTime' | 'signDecided' | 'returns' | 'returnsOverruled'> & {
            department_code: string;
            answered_on_time: number;
            handling_days: string | null;
            satisfied_visits: number;
            closed_first_time: number;
          }
        >(
          db,
          sql`select ${t.departmentCode} as department_code,
              count(*) filter (where ${inMonth(t.answeredAt)})::int as answered,
              count(*) filter (where ${inMonth(t.answeredAt)} and ${t.answeredAt} <= ${t.dueAt})::int as answered_on_time,
              sum((${fact('handlingWorkingDays')})::int) filter (where ${inMonth(t.answeredAt)}) as handling_days,
              count(${fact('handlingWorkingDays')}) filter (where ${inMonth(t.answeredAt)})::int as handled,
              count(*) filter (where ${inMonth(t.followUpAt)} and not (${t.followUpSatisfaction} = 'unsatisfied'
                and not (${t.scoreFacts}->'followUp'->>'attributable')::boolean))::int as visits,
              count(*) filter (where ${inMonth(t.followUpAt)}
                and ${t.followUpSatisfaction} <> 'unsatisfied')::int as satisfied_visits,
              count(*) filter (where ${t.status} = 'closed' and ${inMonth(t.closedAt)})::int as closed,
              count(*) filter (where ${t.status} = 'closed' and ${inMonth(t.closedAt)}
                and (${fact('round')})::int = 1)::int as closed_first_time,
              count(*) filter (where ${fact('signedAt')} is not null and ${inMonth(t.dueAt)} and (
                (${t.answeredAt} is not null and ${t.answeredAt} > ${t.dueAt})
                or (${t.answeredAt} is null and ${t.status} <> 'suspended' and ${t.dueAt} < ${now})))::int as overdue
            from ${t}
            where ${counted} and ${t.departmentCode} is not null and (${inMonth(t.answeredAt)} or ${inMonth(t.followUpAt)}
              or ${inMonth(t.closedAt)} or ${inMonth(t.dueAt)})
            group by 1`,
        ),
      ]);
      const tallies = new Map<string, DepartmentTally>();
      const tally = (code: string) => {
        let found = tallies.get(code);
        if (!found) tallies.set(code, (found = emptyTally(code)));
        return found;
      };
      for (const row of byDispatch) {
        Object.assign(tally(row.department_code), {
          signedOnTime: row.signed_on_time,
          signDecided: row.sign_decided,
          returns: row.returns,
          returnsOverruled: row.returns_overruled,
        });
      }
      for (const row of byLead) {
        const counts = {
          answered: row.answered,
          answeredOnTime: row.answered_on_time,
          handlingDays: Number(row.handling_days ?? 0),
          handled: row.handled,
          visits: row.visits,
          satisfiedVisits: row.satisfied_visits,
          closed: row.closed,
          closedFirstTime: row.closed_first_time,
          overdue: row.overdue,
        };
        // A department with nothing of its own to count this month is not listed for it.
        if (Object.values(counts).some((n) => n > 0)) Object.assign(tally(row.department_code), counts);
      }
      return [...tallies.values()];
    },

    list(scope, query, sort, frame) {
      const where = and(
        inScope(scope),
        anyOf(t.id, query.id),
        query.view ? inQueueView(frame)[query.view] : undefined,
        query.month ? eq(t.monthId, query.month) : undefined,
        anyOf(t.status, query.status),
        anyOf(t.priority, query.priority),
        anyOf(t.categoryCode, query.category),
        anyOf(t.departmentCode, query.department),
        anyOf(t.assigneeId, query.assignee),
        query.mergedInto ? eq(t.mergedInto, query.mergedInto) : undefined,
        either(query.overdue, isOverdue(frame.now, scope.departmentCode)),
        either(query.supervised, isSupervised),
        textSearch(t.search, query.q),
      );
      return pagedDocs<ServiceCase>(
        db,
        t,
        where,
        { by: sortColumns[sort.field], descending: sort.descending },
        query.page,
        query.pageSize,
      );
    },

    async queueCounts(scope, monthId, frame) {
      const where = and(inScope(scope), monthId ? eq(t.monthId, monthId) : undefined);
      const views = inQueueView(frame);
      // One pass over the scope's cases, a count per view.
      const [found] = await rows<Record<CaseQueueView, number>>(
        db,
        sql`select ${sql.join(
          caseQueueViewSchema.options.map(
            (view) => sql`count(*) filter (where ${views[view]})::int as ${sql.identifier(view)}`,
          ),
          sql`, `,
        )}
          from ${t}
          ${where ? sql`where ${where}` : sql``}`,
      );
      return found!;
    },

    async figures(scope, monthId, now) {
      const where = and(counted, inScope(scope), monthId ? eq(t.monthId, monthId) : undefined);
      // One pass: the overall row and one row per department (grouping sets).
      const found = await rows<FiguresRow>(
        db,
        sql`select ${t.departmentCode} as department_code, grouping(${t.departmentCode}) as overall,
            count(*)::int as total,
            count(*) filter (where ${isOpen})::int as open,
            count(*) filter (where ${isOverdue(now, scope.departmentCode)})::int as overdue,
            count(*) filter (where ${isSupervised})::int as supervised,
            count(*) filter (where not ${isOpen})::int as closed,
            sum(${t.resolutionSeconds})::text as resolution_seconds,
            count(${t.closedAt})::int as resolved,
            count(${t.followUpSatisfaction})::int as follow_ups,
            count(*) filter (where ${t.followUpSatisfaction} <> 'unsatisfied')::int as satisfied_follow_ups
          from ${t}
          ${where ? sql`where ${where}` : sql``}
          group by grouping sets ((), (${t.departmentCode}))`,
      );
      const byDepartment = new Map<string, CaseFigures>();
      for (const row of found) {
        if (row.overall === 0 && row.department_code !== null) byDepartment.set(row.department_code, toFigures(row));
      }
      return { all: toFigures(found.find((row) => row.overall === 1)), byDepartment };
    },

    dailyFlow: (scope, filter, span) => dailyFlow(db, matchesOversight(scope, filter), span),

    oversight: (scope, filter, now) =>
      oversightFigures(db, matchesOversight(scope, filter), {
        open: isOpen,
        overdue: isOverdue(now, scope.departmentCode),
      }),
  };
}
