import { intakeStages, type IntakeFilter, type IntakeStage } from '../../src/api/schemas/intake';
import type {
  CaseOverview,
  IntakeBreakdown,
  IntakeDimension,
  IntakeFunnel,
  IntakeOverview,
  IntakeTotals,
  IntakeTargets,
  IntakeTrend,
} from '../../src/api/schemas/stats';
import { compareSpans, previousSpan, type Span } from '../../src/lib/calendar';
import type { RuleContext } from './context';
import { cstDay, toCstIso } from './dates';
import { caseScope } from './scope';
import { compareCodePoints as compareText } from './sorting';

const noTotals = (): IntakeTotals => ({ records: 0, landed: 0, signed: 0, investment: 0, cohortLanded: 0 });

/** The value at rank max(1, ⌈p·n⌉) of `sorted` (ascending), as PostgreSQL's `percentile_disc(p)` picks it. */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1]!;
}

/** The period just before (环比): whole months give as many months before, else as many days. */
export function previousPeriod(from: string, to: string): Span {
  return previousSpan({ from, to });
}

/**
 * The figures of a period (this year unless chosen) counted up to today, with the same elapsed
 * part of the period before (环比) and of last year (同比): 1 Jan–25 Nov against 1 Jan–25 Nov of
 * last year, never against all of it. Cohorts in comparisons are counted at the same age.
 */
export async function intakeOverview(ctx: RuleContext, filter: IntakeFilter): Promise<IntakeOverview> {
  const today = cstDay(ctx.now());
  const period = { from: filter.from ?? `${today.slice(0, 4)}-01-01`, to: filter.to ?? today };
  const spans = compareSpans(period, today);
  const query = { ...filter, from: undefined, to: undefined };
  const totals = (span: Span, asOf: string) => ctx.store.intakeRecords.totals(query, span, asOf);
  const compared = async (span: Span | null, asOf: string | null) =>
    span && asOf ? { period: span, asOf, totals: await totals(span, asOf) } : null;
  const [current, previousPeriod, samePeriodLastYear] = await Promise.all([
    spans.measured ? totals(spans.measured, today) : noTotals(),
    compared(spans.previous, spans.previousAsOf),
    compared(spans.yearBefore, spans.yearBeforeAsOf),
  ]);
  return { period, measured: spans.measured, asOf: today, current, previousPeriod, samePeriodLastYear };
}

/**
 * Records grouped by one dimension: the cohort of leads in the range by current stage (by lead
 * month for months), and the landings in the range by landing date (by landing month).
 */
export async function intakeBreakdown(
  ctx: RuleContext,
  filter: IntakeFilter,
  dimension: IntakeDimension,
): Promise<IntakeBreakdown> {
  const query = { ...filter, from: undefined, to: undefined };
  const rows = await ctx.store.intakeRecords.breakdown(query, dimension, { from: filter.from, to: filter.to });
  const sorted = rows.sort((a, b) =>
    dimension === 'month'
      ? compareText(a.key, b.key)
      : b.total - a.total || b.landings - a.landings || compareText(a.key, b.key),
  );
  return { dimension, rows: sorted };
}

/** Per month and channel: leads counted in their lead month, landings in their landing month. */
export async function intakeTrend(ctx: RuleContext, filter: IntakeFilter): Promise<IntakeTrend> {
  const query = { ...filter, from: undefined, to: undefined };
  const rows = await ctx.store.intakeRecords.trend(query, { from: filter.from, to: filter.to });
  return {
    rows: rows.sort((a, b) => compareText(a.month, b.month) || compareText(a.channelCode, b.channelCode)),
  };
}

/** How many records reached each stage: a record at 签约 has passed 线索 and 洽谈. */
export async function intakeFunnel(ctx: RuleContext, filter: IntakeFilter): Promise<IntakeFunnel> {
  const counts = await ctx.store.intakeRecords.stageCounts(filter);
  const reached = (stage: IntakeStage) =>
    intakeStages.slice(intakeStages.indexOf(stage)).reduce((sum, s) => sum + counts[s], 0);
  return { stages: intakeStages.map((stage) => ({ stage, reached: reached(stage) })) };
}

export async function intakeTargets(ctx: RuleContext, year: number): Promise<IntakeTargets> {
  const [dictionaries, targets, landed] = await Promise.all([
    ctx.store.dictionaries.get(),
    ctx.store.dictionaries.targets(year),
    ctx.store.intakeRecords.landedByChannel(year),
  ]);
  return {
    year,
    rows: dictionaries.channels.map(({ code }) => ({
      channelCode: code,
      target: targets.get(code) ?? 0,
      landed: landed.get(code) ?? 0,
    })),
  };
}

function mean(sum: number, count: number): number | null {
  return count === 0 ? null : Math.round((sum / count) * 10) / 10;
}

/** Backlog and resolution within the caller's data scope (a department's: what it leads or assists with). */
export async function caseOverview(ctx: RuleContext, monthId: string | undefined): Promise<CaseOverview> {
  const scope = caseScope(ctx);
  const { all, byDepartment } = await ctx.store.serviceCases.figures(scope, monthId, toCstIso(ctx.now()));
  return {
    scopeDepartmentCode: scope.departmentCode,
    total: all.total,
    open: all.open,
    overdue: all.overdue,
    supervised: all.supervised,
    closed: all.closed,
    meanResolutionDays: mean(all.resolutionDays, all.resolved),
    satisfactionRate: all.followUps === 0 ? null : all.satisfiedFollowUps / all.followUps,
    // A department's own row only: the cases it assists with count in its totals, not as rows of
    // the departments that lead them.
    byDepartment: [...byDepartment]
      .filter(([departmentCode]) => scope.departmentCode === null || departmentCode === scope.departmentCode)
      .map(([departmentCode, figures]) => ({
        departmentCode,
        open: figures.open,
        overdue: figures.overdue,
        closed: figures.closed,
        meanResolutionDays: mean(figures.resolutionDays, figures.resolved),
      }))
      .sort((a, b) => b.open - a.open || compareText(a.departmentCode, b.departmentCode)),
  };
}
