import { describe, expect, it } from 'vitest';
import type { ServiceCase } from '../../src/api/schemas/service-cases';
import { caseOversightSchema, type CaseOversight } from '../../src/api/schemas/stats';
import { ruleContext, seeded } from '../../tests/utils/rule-context';
import { caseOversight } from './case-oversight';
import { addDays, isoAt } from './dates';
import { ProblemError } from './problem';

/** The shared tests' clock: Wednesday 25 November 2026, 10:00 in China. */
const NOW = '2026-11-25T10:00:00+08:00';
const ms = (instant: string) => Date.parse(instant);

/*
 * The figures written out again from the definitions in the contract, as the oracle both stores
 * are held to: cases straight from the seeded data, instants parsed, nothing shared with the stores.
 */

function expectedDaily(cases: ServiceCase[], from: string, to: string): CaseOversight['daily'] {
  const daily: CaseOversight['daily'] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const [starts, ends] = [ms(`${day}T00:00:00+08:00`), ms(`${day}T23:59:59+08:00`)];
    const closedBy = (c: ServiceCase, instant: number) => c.closedAt !== null && ms(c.closedAt) <= instant;
    const openAtEnd = cases.filter((c) => ms(c.receivedAt) <= ends && !closedBy(c, ends));
    daily.push({
      day,
      received: cases.filter((c) => ms(c.receivedAt) >= starts && ms(c.receivedAt) <= ends).length,
      closed: cases.filter((c) => closedBy(c, ends) && ms(c.closedAt!) >= starts).length,
      open: openAtEnd.length,
      overdue: openAtEnd.filter((c) => ms(c.dueAt) < ends).length,
    });
  }
  return daily;
}

/** The value at rank ⌈p·n⌉ of the ascending values (nearest rank). */
const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? null : sorted[Math.ceil(p * sorted.length) - 1]!;
const tenthsOfDays = (seconds: number | null) => (seconds === null ? null : Math.round(seconds / 8_640) / 10);

function expectedResolution(cases: ServiceCase[]) {
  const closed = cases.filter((c) => c.closedAt !== null);
  const seconds = closed.map((c) => Math.round((ms(c.closedAt!) - ms(c.receivedAt)) / 1000)).sort((a, b) => a - b);
  return {
    closed: closed.length,
    medianResolutionDays: tenthsOfDays(percentile(seconds, 0.5)),
    p90ResolutionDays: tenthsOfDays(percentile(seconds, 0.9)),
    slaCompliance:
      closed.length === 0
        ? null
        : // On time as the department scores count it: the (last) answer by the deadline, extensions included.
          closed.filter((c) => c.answeredAt !== null && ms(c.answeredAt) <= ms(c.dueAt)).length / closed.length,
  };
}

function expectedSatisfaction(cases: ServiceCase[]) {
  const visits = cases.flatMap((c) => (c.followUp ? [c.followUp.satisfaction] : []));
  const count = (s: string) => visits.filter((v) => v === s).length;
  return {
    satisfactionRate: visits.length === 0 ? null : (visits.length - count('unsatisfied')) / visits.length,
    followUps: {
      satisfied: count('satisfied'),
      basically_satisfied: count('basically_satisfied'),
      unsatisfied: count('unsatisfied'),
    },
  };
}

function overdueNow(c: ServiceCase): boolean {
  const open = c.status !== 'closed';
  const stageLate = c.stageDueAt !== null && ms(c.stageDueAt) < ms(NOW);
  const fromAbove = [c.supervision?.deadline, c.escalation?.deadline].flatMap((day) => (day ? [day] : []));
  const fromAboveLate = fromAbove.some((day) => ms(isoAt(day, 23, 59)) < ms(NOW));
  return open && (stageLate || fromAboveLate);
}

const groups = (cases: ServiceCase[], key: (c: ServiceCase) => string | null) => {
  const keys = [...new Set(cases.map(key).filter((k): k is string => k !== null))];
  return keys.map((k) => [k, cases.filter((c) => key(c) === k)] as const);
};

function expected(cases: ServiceCase[], monthId: string, departmentCode: string | null): CaseOversight {
  const month = seeded().serviceMonths.get(monthId)!;
  const byDepartment = groups(cases, (c) => c.departmentCode).map(([code, group]) => ({
    departmentCode: code,
    open: group.filter((c) => c.status !== 'closed').length,
    overdue: group.filter(overdueNow).length,
    ...expectedResolution(group),
    satisfactionRate: expectedSatisfaction(group).satisfactionRate,
  }));
  const byCategory = groups(cases, (c) => c.categoryCode).map(([code, group]) => ({
    categoryCode: code,
    ...expectedResolution(group),
  }));
  return {
    scopeDepartmentCode: departmentCode,
    monthId,
    span: { from: month.startsOn, to: month.endsOn },
    at: NOW,
    daily: expectedDaily(cases, month.startsOn, month.endsOn),
    byDepartment: byDepartment.sort((a, b) => b.open - a.open || (a.departmentCode < b.departmentCode ? -1 : 1)),
    byCategory: byCategory.sort((a, b) => b.closed - a.closed || (a.categoryCode < b.categoryCode ? -1 : 1)),
    overall: { ...expectedResolution(cases), ...expectedSatisfaction(cases) },
  };
}

/** The cases the figures count: a duplicate merged into another (并单) is counted there, once. */
const seededCases = () => [...seeded().serviceCases.values()].filter((c) => c.mergedInto === null);

describe('casework oversight', () => {
  it.each(['SM-2026', 'SM-2025'])(
    'gives the talent office the daily flow of %s and its cases’ figures as the definitions say',
    async (month) => {
      const answer = await caseOversight(ruleContext('manager'), { month });
      expect(caseOversightSchema.parse(answer)).toEqual(answer);
      const cases = seededCases().filter((c) => c.monthId === month);
      expect(answer).toEqual(expected(cases, month, null));
      expect(answer.daily).toHaveLength(31);
      expect(answer.daily.some((d) => d.overdue > 0)).toBe(true);
      expect(answer.daily.reduce((sum, d) => sum + d.received, 0)).toBe(cases.length);
      expect(answer.overall.slaCompliance).toBeGreaterThan(0);
      expect(answer.overall.satisfactionRate).toBeGreaterThan(0);
    },
  );

  it('gives the liaison only 住建局’s cases, and the filters narrow them further', async () => {
    const ctx = ruleContext('liaison');
    const zjj = seededCases().filter((c) => c.departmentCode === 'dept.zjj' && c.monthId === 'SM-2026');
    const answer = await caseOversight(ctx, { month: 'SM-2026' });
    expect(answer).toEqual(expected(zjj, 'SM-2026', 'dept.zjj'));
    expect(answer.byDepartment.map((d) => d.departmentCode)).toEqual(['dept.zjj']);

    const housing = await caseOversight(ctx, { month: 'SM-2026', category: ['cat.housing', 'cat.visa'] });
    const inCategories = zjj.filter((c) => c.categoryCode === 'cat.housing' || c.categoryCode === 'cat.visa');
    expect(housing).toEqual(expected(inCategories, 'SM-2026', 'dept.zjj'));

    // Asking for another department adds nothing to the liaison's scope.
    const elsewhere = await caseOversight(ctx, { month: 'SM-2026', department: ['dept.rsj'] });
    expect(elsewhere.byDepartment).toEqual([]);
    expect(elsewhere.daily.every((d) => d.received === 0 && d.open === 0)).toBe(true);
    expect(elsewhere.overall).toMatchObject({ closed: 0, medianResolutionDays: null, slaCompliance: null });
  });

  it('without a month counts every month’s cases, the daily flow over the newest month', async () => {
    const answer = await caseOversight(ruleContext('officer'), { department: ['dept.zjj', 'dept.rsj'] });
    const cases = seededCases().filter((c) => c.departmentCode === 'dept.zjj' || c.departmentCode === 'dept.rsj');
    expect(answer).toEqual(expected(cases, 'SM-2026', null));
  });

  it('answers 404 for a month that does not exist', async () => {
    const refused = await caseOversight(ruleContext('manager'), { month: 'SM-1999' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ProblemError);
    expect((refused as ProblemError).problem.status).toBe(404);
  });
});
