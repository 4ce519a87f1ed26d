import { and, eq, not, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  casePrioritySchema,
  caseQueueViewSchema,
  type CaseQueueView,
  type ServiceCase,
} from '../../../src/api/schemas/service-cases';
import { pendingExtension } from '../../../src/api/schemas/case-workflow';
import { scoredIn, scoreFactsOf } from '../../../domain/rules/case-scores';
import { isoAt } from '../../../domain/rules/dates';
import type {
  CaseFigures,
  CaseOversightFilter,
  CaseQueueFrame,
  CaseScope,
  CaseSortField,
  ServiceCaseStore,
} from '../../../domain/store';
import type { Database } from '../database';
import { serviceCases } from '../schema';
import { dailyFlow, oversightFigures } from './case-oversight';
import { anyOf, pagedDocs, rankOf, rows, searchTerms, textSearch } from './sql';
import { versionedDocs } from './versioned';

const t = serviceCases;

export function caseColumns(serviceCase: ServiceCase): typeof serviceCases.$inferInsert {
  const { supervision, followUp } = serviceCase;
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
    answeredAt: serviceCase.answeredAt,
    followUpAt: serviceCase.followUp?.at ?? null,
    firstDispatchAt: serviceCase.dispatches[0]?.at ?? null,
    lastDispatchAt: serviceCase.dispatches.at(-1)?.at ?? null,
    closedAt: serviceCase.closedAt,
    resolutionSeconds:
      serviceCase.closedAt === null
        ? null
        : Math.round((Date.parse(serviceCase.closedAt) - Date.parse(serviceCase.receivedAt)) / 1000),
    supervisionDueAt: supervision ? isoAt(supervision.deadline, 23, 59) : null,
    followUpSatisfaction: followUp?.satisfaction ?? null,
    updatedAt: serviceCase.updatedAt,
    search: searchTerms(serviceCase.id, serviceCase.title, serviceCase.requesterName, serviceCase.enterpriseName),
  };
}

const isOpen = sql`${t.status} <> 'closed'`;

/**
 * Overdue at `now`: open, and past the deadline of its stage or of its supervision (督办).
 * Written never to be NULL, so `not overdue` is its exact complement.
 */
const isOverdue = (now: string) =>
  sql`(${isOpen} and ((${t.stageDueAt} is not null and ${t.stageDueAt} < ${now})
    or (${t.supervisionDueAt} is not null and ${t.supervisionDueAt} < ${now})))`;

const isSupervised = sql`(${t.supervisionDueAt} is not null and ${isOpen})`;

/** The queue views, each never NULL; due soon: falls overdue by the frame's bound, and is not yet. */
const inQueueView = (frame: CaseQueueFrame): Record<CaseQueueView, SQL> => ({
  new: sql`${t.status} = 'new'`,
  dispatched: sql`${t.status} = 'dispatched'`,
  returned: sql`${t.status} = 'returned'`,
  extension: sql`${t.extensionPending}`,
  answered: sql`${t.status} = 'answered'`,
  mine: sql`(${isOpen} and coalesce(${t.assigneeId} = ${frame.userId}, false))`,
  dueSoon: sql`(not ${isOverdue(frame.now)} and ${isOverdue(frame.dueSoonBefore)})`,
  overdue: isOverdue(frame.now),
  supervised: isSupervised,
  followUp: sql`${t.status} = 'visiting'`,
  all: sql`true`,
});

/** The talent office sees every case (`null`); another department only those assigned to it. */
const inScope = (scope: CaseScope) =>
  scope.departmentCode === null ? undefined : eq(t.departmentCode, scope.departmentCode);

const matchesOversight = (scope: CaseScope, filter: CaseOversightFilter) =>
  and(
    inScope(scope),
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

    /** The month's candidates by their indexed instants; the dispatches' own instants decide exactly. */
    async scoreFacts(span) {
      const between = (column: AnyPgColumn) => sql`(${column} >= ${span.from} and ${column} <= ${span.to})`;
      const found = await db
        .select({ facts: t.scoreFacts })
        .from(t)
        .where(
          sql`(${t.firstDispatchAt} <= ${span.to} and ${t.lastDispatchAt} >= ${span.from})
            or ${between(t.answeredAt)} or ${between(t.closedAt)} or ${between(t.followUpAt)} or ${between(t.dueAt)}`,
        );
      return found.map((row) => row.facts).filter((facts) => scoredIn(facts, span));
    },

    list(scope, query, sort, frame) {
      const where = and(
        inScope(scope),
        query.view ? inQueueView(frame)[query.view] : undefined,
        query.month ? eq(t.monthId, query.month) : undefined,
        anyOf(t.status, query.status),
        anyOf(t.priority, query.priority),
        anyOf(t.categoryCode, query.category),
        anyOf(t.departmentCode, query.department),
        anyOf(t.assigneeId, query.assignee),
        either(query.overdue, isOverdue(frame.now)),
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
      const where = and(inScope(scope), monthId ? eq(t.monthId, monthId) : undefined);
      // One pass: the overall row and one row per department (grouping sets).
      const found = await rows<FiguresRow>(
        db,
        sql`select ${t.departmentCode} as department_code, grouping(${t.departmentCode}) as overall,
            count(*)::int as total,
            count(*) filter (where ${isOpen})::int as open,
            count(*) filter (where ${isOverdue(now)})::int as overdue,
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
      oversightFigures(db, matchesOversight(scope, filter), { open: isOpen, overdue: isOverdue(now) }),
  };
}
