import { nearestRank } from '../../domain/rules/stats';
import { satisfactionSchema, type ServiceCase } from '../../src/api/schemas/service-cases';
import type { CaseOversight } from '../../src/api/schemas/stats';
import { addDays, type Span } from '../../src/lib/calendar';
import type { CaseOversightFigures, CaseOversightFilter } from '../../domain/store';
import { matchesAny } from './list';

/**
 * The oversight figures in memory, by the definitions `ServiceCaseStore` gives them; the SQL store
 * computes the same in one query each (`server/db/store/case-oversight.ts`).
 */

export const matchesOversight = (c: ServiceCase, filter: CaseOversightFilter) =>
  (!filter.monthId || c.monthId === filter.monthId) &&
  matchesAny(filter.department, c.departmentCode) &&
  matchesAny(filter.category, c.categoryCode);

/** Whole seconds from receipt to closing, as the SQL store keeps them (`resolution_seconds`). */
const resolutionSeconds = (c: ServiceCase) =>
  c.closedAt === null ? null : Math.round((Date.parse(c.closedAt) - Date.parse(c.receivedAt)) / 1000);

/** Each day of the span: received and closed that day, open and overdue at 23:59:59 China time. */
export function dailyFlow(cases: readonly ServiceCase[], span: Span): CaseOversight['daily'] {
  const times = cases.map((c) => ({
    received: Date.parse(c.receivedAt),
    closed: c.closedAt === null ? null : Date.parse(c.closedAt),
    due: Date.parse(c.dueAt),
  }));
  const daily: CaseOversight['daily'] = [];
  for (let day = span.from; day <= span.to; day = addDays(day, 1)) {
    const starts = Date.parse(`${day}T00:00:00+08:00`);
    const ends = Date.parse(`${day}T23:59:59+08:00`);
    const row = { day, received: 0, closed: 0, open: 0, overdue: 0 };
    for (const { received, closed, due } of times) {
      if (received >= starts && received <= ends) row.received++;
      if (closed !== null && closed >= starts && closed <= ends) row.closed++;
      const open = received <= ends && (closed === null || closed > ends);
      if (open) row.open++;
      if (open && due < ends) row.overdue++;
    }
    daily.push(row);
  }
  return daily;
}

function figuresOf(cases: readonly ServiceCase[], overdueNow: (c: ServiceCase) => boolean): CaseOversightFigures {
  const seconds: number[] = [];
  const figures: CaseOversightFigures = {
    open: 0,
    overdue: 0,
    closed: 0,
    closedOnTime: 0,
    medianSeconds: null,
    p90Seconds: null,
    followUps: Object.fromEntries(satisfactionSchema.options.map((s) => [s, 0])) as CaseOversightFigures['followUps'],
  };
  for (const c of cases) {
    if (c.status !== 'closed') figures.open++;
    if (overdueNow(c)) figures.overdue++;
    if (c.followUp) figures.followUps[c.followUp.satisfaction]++;
    const resolved = resolutionSeconds(c);
    if (resolved === null) continue;
    figures.closed++;
    // On time as the department scores count it: the (last) answer by the deadline.
    if (c.answeredAt !== null && Date.parse(c.answeredAt) <= Date.parse(c.dueAt)) figures.closedOnTime++;
    seconds.push(resolved);
  }
  seconds.sort((a, b) => a - b);
  return { ...figures, medianSeconds: nearestRank(seconds, 0.5), p90Seconds: nearestRank(seconds, 0.9) };
}

/** Groups by a key, leaving out cases without one. */
function groupBy(cases: readonly ServiceCase[], key: (c: ServiceCase) => string | null): Map<string, ServiceCase[]> {
  const groups = new Map<string, ServiceCase[]>();
  for (const c of cases) {
    const k = key(c);
    if (k === null) continue;
    const group = groups.get(k);
    if (group) group.push(c);
    else groups.set(k, [c]);
  }
  return groups;
}

export function oversightFigures(cases: readonly ServiceCase[], overdueNow: (c: ServiceCase) => boolean) {
  const per = (key: (c: ServiceCase) => string | null) =>
    new Map([...groupBy(cases, key)].map(([k, group]) => [k, figuresOf(group, overdueNow)]));
  return {
    all: figuresOf(cases, overdueNow),
    byDepartment: per((c) => c.departmentCode),
    byCategory: per((c) => c.categoryCode),
  };
}
