import type { z } from 'zod';
import type { CaseOversight, caseOversightQuerySchema } from '../../src/api/schemas/stats';
import type { CaseOversightFigures, CaseResolutionFigures } from '../store';
import type { RuleContext } from './context';
import { toCstIso } from './dates';
import { problems } from './problem';
import { caseScope } from './scope';
import { compareCodePoints as compareText } from './sorting';

type CaseOversightQuery = z.output<typeof caseOversightQuerySchema>;

/** Seconds as days, to a tenth of a day. */
const days = (seconds: number | null) => (seconds === null ? null : Math.round(seconds / 8_640) / 10);

function resolution(figures: CaseResolutionFigures) {
  return {
    closed: figures.closed,
    medianResolutionDays: days(figures.medianSeconds),
    p90ResolutionDays: days(figures.p90Seconds),
    slaCompliance: figures.closed === 0 ? null : figures.closedOnTime / figures.closed,
  };
}

/** 满意 and 基本满意 among the follow-up visits; null before any. */
function satisfactionRate({ followUps }: CaseOversightFigures): number | null {
  const visits = followUps.satisfied + followUps.basically_satisfied + followUps.unsatisfied;
  return visits === 0 ? null : (followUps.satisfied + followUps.basically_satisfied) / visits;
}

/**
 * What a manager watches over the casework (督办): the month's daily flow of cases, and how fast,
 * how punctually and how well each department and each category resolves them, in the caller's
 * data scope. The daily series runs over the asked month's span, else the newest month's.
 */
export async function caseOversight(ctx: RuleContext, query: CaseOversightQuery): Promise<CaseOversight> {
  const month = query.month
    ? await ctx.store.serviceMonths.get(query.month)
    : (await ctx.store.serviceMonths.list())[0];
  if (query.month && !month) throw problems.notFound(`Service month ${query.month}`);
  const scope = caseScope(ctx);
  const filter = { monthId: query.month, department: query.department, category: query.category };
  const now = toCstIso(ctx.now());
  const span = month ? { from: month.startsOn, to: month.endsOn } : null;
  const [daily, { all, byDepartment, byCategory }] = await Promise.all([
    span ? ctx.store.serviceCases.dailyFlow(scope, filter, span) : [],
    ctx.store.serviceCases.oversight(scope, filter, now),
  ]);
  return {
    scopeDepartmentCode: scope.departmentCode,
    monthId: month?.id ?? null,
    span,
    at: now,
    daily,
    byDepartment: [...byDepartment]
      .map(([departmentCode, figures]) => ({
        departmentCode,
        open: figures.open,
        overdue: figures.overdue,
        ...resolution(figures),
        satisfactionRate: satisfactionRate(figures),
      }))
      .sort((a, b) => b.open - a.open || compareText(a.departmentCode, b.departmentCode)),
    byCategory: [...byCategory]
      .map(([categoryCode, figures]) => ({ categoryCode, ...resolution(figures) }))
      .sort((a, b) => b.closed - a.closed || compareText(a.categoryCode, b.categoryCode)),
    overall: { ...resolution(all), satisfactionRate: satisfactionRate(all), followUps: all.followUps },
  };
}
