import type { IntakeFilter, IntakeRecord, IntakeStage } from '../../src/api/schemas/intake';
import { intakeStages } from '../../src/api/schemas/intake';
import { patchStatusSchema, type PolicyPatch } from '../../src/api/schemas/policy-patches';
import type {
  CaseOverview,
  IntakeBreakdown,
  IntakeDimension,
  IntakeFunnel,
  IntakeOverview,
  IntakeTotals,
  IntakeTargets,
  IntakeTrend,
  PatchOverview,
} from '../../src/api/schemas/stats';
import { TALENT_OFFICE_DEPARTMENT } from '../../src/api/permissions';
import { compareSpans, elapsedDays, inSpan, previousSpan, type Span } from '../../src/lib/calendar';
import type { RuleContext } from './context';
import { cstDay } from './dates';
import { filterIntakeRecords } from './intake';
import { isOpen, isOverdue, scopedServiceCases } from './service-cases';

const noTotals = (): IntakeTotals => ({ records: 0, landed: 0, signed: 0, investment: 0, cohortLanded: 0 });

/** Events by their own date within `span`; the cohort (leads in `span`) as it stood on `asOf`. */
function totals(records: Iterable<IntakeRecord>, span: Span, asOf: string): IntakeTotals {
  const result = noTotals();
  for (const r of records) {
    const { lead, signed, landed } = r.stageDates;
    if (inSpan(lead, span)) {
      result.records++;
      if (landed !== null && landed <= asOf) result.cohortLanded++;
    }
    if (inSpan(signed, span)) result.signed++;
    if (inSpan(landed, span)) {
      result.landed++;
      result.investment += r.investment ?? 0;
    }
  }
  return result;
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
export function intakeOverview(ctx: RuleContext, filter: IntakeFilter): IntakeOverview {
  const today = cstDay(ctx.now());
  const period = { from: filter.from ?? `${today.slice(0, 4)}-01-01`, to: filter.to ?? today };
  const spans = compareSpans(period, today);
  const records = filterIntakeRecords(ctx, { ...filter, from: undefined, to: undefined });
  const compared = (span: Span | null, asOf: string | null) =>
    span && asOf ? { period: span, asOf, totals: totals(records, span, asOf) } : null;
  return {
    period,
    measured: spans.measured,
    asOf: today,
    current: spans.measured ? totals(records, spans.measured, today) : noTotals(),
    previousPeriod: compared(spans.previous, spans.previousAsOf),
    samePeriodLastYear: compared(spans.yearBefore, spans.yearBeforeAsOf),
  };
}

const dimensionKey: Record<IntakeDimension, (r: IntakeRecord) => string | null> = {
  channel: (r) => r.channelCode,
  month: (r) => r.stageDates.lead.slice(0, 7),
  tier: (r) => r.tierCode,
  industry: (r) => r.industryCode,
  town: (r) => r.townCode,
  event: (r) => r.eventCode,
};

const landingKey: Record<IntakeDimension, (r: IntakeRecord) => string | null> = {
  ...dimensionKey,
  month: (r) => r.stageDates.landed?.slice(0, 7) ?? null,
};

/**
 * Records grouped by one dimension: the cohort of leads in the range by current stage (by lead
 * month for months), and the landings in the range by landing date (by landing month).
 */
export function intakeBreakdown(ctx: RuleContext, filter: IntakeFilter, dimension: IntakeDimension): IntakeBreakdown {
  const rows = new Map<string, IntakeBreakdown['rows'][number]>();
  const row = (key: string) => {
    let found = rows.get(key);
    if (!found) {
      found = {
        key,
        lead: 0,
        negotiating: 0,
        signed: 0,
        landed: 0,
        total: 0,
        investment: 0,
        landings: 0,
        landingsInvestment: 0,
      };
      rows.set(key, found);
    }
    return found;
  };
  const range = { from: filter.from, to: filter.to };
  for (const r of filterIntakeRecords(ctx, { ...filter, from: undefined, to: undefined })) {
    const key = dimensionKey[dimension](r);
    if (key !== null && inSpan(r.stageDates.lead, range)) {
      const cohort = row(key);
      cohort[r.stage]++;
      cohort.total++;
      if (r.stage === 'landed') cohort.investment += r.investment ?? 0;
    }
    const landedKey = landingKey[dimension](r);
    if (landedKey !== null && inSpan(r.stageDates.landed, range)) {
      const events = row(landedKey);
      events.landings++;
      events.landingsInvestment += r.investment ?? 0;
    }
  }
  const sorted = [...rows.values()].sort((a, b) =>
    dimension === 'month'
      ? a.key.localeCompare(b.key)
      : b.total - a.total || b.landings - a.landings || a.key.localeCompare(b.key),
  );
  return { dimension, rows: sorted };
}

/** Per month and channel: leads counted in their lead month, landings in their landing month. */
export function intakeTrend(ctx: RuleContext, filter: IntakeFilter): IntakeTrend {
  const cells = new Map<string, IntakeTrend['rows'][number]>();
  const cell = (month: string, channelCode: string) => {
    const key = `${month}|${channelCode}`;
    let row = cells.get(key);
    if (!row) {
      row = { month, channelCode, leads: 0, landed: 0 };
      cells.set(key, row);
    }
    return row;
  };
  const within = (day: string | null) => inSpan(day, filter);
  for (const r of filterIntakeRecords(ctx, { ...filter, from: undefined, to: undefined })) {
    if (within(r.stageDates.lead)) cell(r.stageDates.lead.slice(0, 7), r.channelCode).leads++;
    if (r.stageDates.landed && within(r.stageDates.landed))
      cell(r.stageDates.landed.slice(0, 7), r.channelCode).landed++;
  }
  return {
    rows: [...cells.values()].sort(
      (a, b) => a.month.localeCompare(b.month) || a.channelCode.localeCompare(b.channelCode),
    ),
  };
}

export function intakeFunnel(ctx: RuleContext, filter: IntakeFilter): IntakeFunnel {
  const reached: Record<IntakeStage, number> = { lead: 0, negotiating: 0, signed: 0, landed: 0 };
  for (const r of filterIntakeRecords(ctx, filter)) {
    for (let i = 0; i <= intakeStages.indexOf(r.stage); i++) reached[intakeStages[i]!]++;
  }
  return { stages: intakeStages.map((stage) => ({ stage, reached: reached[stage] })) };
}

export function intakeTargets(ctx: RuleContext, year: number): IntakeTargets {
  const prefix = String(year);
  return {
    year,
    rows: ctx.db.dictionaries.channels.map((channel) => {
      let landed = 0;
      for (const r of ctx.db.intakeRecords.values()) {
        if (r.channelCode === channel.code && r.stageDates.landed?.startsWith(prefix)) landed++;
      }
      return { channelCode: channel.code, target: ctx.db.intakeTargets.get(`${year}:${channel.code}`) ?? 0, landed };
    }),
  };
}

function mean(values: number[]): number | null {
  return values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
}

/** Backlog and resolution within the caller's data scope. */
export function caseOverview(ctx: RuleContext, monthId: string | undefined): CaseOverview {
  const now = ctx.now();
  const cases = scopedServiceCases(ctx, monthId);
  const resolution = (list: typeof cases) =>
    mean(list.filter((c) => c.closedAt).map((c) => elapsedDays(c.receivedAt, c.closedAt!)));
  const followUps = cases.flatMap((c) => (c.followUp ? [c.followUp.satisfaction] : []));
  const departments = new Map<string, typeof cases>();
  for (const c of cases) {
    if (!c.departmentCode) continue;
    departments.set(c.departmentCode, [...(departments.get(c.departmentCode) ?? []), c]);
  }
  return {
    scopeDepartmentCode: ctx.user.departmentCode === TALENT_OFFICE_DEPARTMENT ? null : ctx.user.departmentCode,
    total: cases.length,
    open: cases.filter(isOpen).length,
    overdue: cases.filter((c) => isOverdue(c, now)).length,
    supervised: cases.filter((c) => isOpen(c) && c.supervision !== null).length,
    closed: cases.filter((c) => !isOpen(c)).length,
    meanResolutionDays: resolution(cases),
    satisfactionRate:
      followUps.length === 0 ? null : followUps.filter((s) => s !== 'unsatisfied').length / followUps.length,
    byDepartment: [...departments.entries()]
      .map(([departmentCode, list]) => ({
        departmentCode,
        open: list.filter(isOpen).length,
        overdue: list.filter((c) => isOverdue(c, now)).length,
        closed: list.filter((c) => !isOpen(c)).length,
        meanResolutionDays: resolution(list),
      }))
      .sort((a, b) => b.open - a.open || a.departmentCode.localeCompare(b.departmentCode)),
  };
}

const inProgressStatuses = new Set(['collected', 'drafting', 'consultation', 'review']);

export function patchOverview(ctx: RuleContext): PatchOverview {
  const patches = [...ctx.db.policyPatches.values()];
  const byPolicy = new Map<string, number>();
  for (const p of patches) byPolicy.set(p.policyCode, (byPolicy.get(p.policyCode) ?? 0) + 1);
  const demandToIssue = patches
    .filter((p): p is PolicyPatch & { issuedAt: string } => p.issuedAt !== null)
    .flatMap((p) => {
      const received = p.demandCaseIds
        .map((id) => ctx.db.serviceCases.get(id)?.receivedAt)
        .filter((at): at is string => at !== undefined)
        .sort();
      return received[0] ? [elapsedDays(received[0], p.issuedAt)] : [];
    });
  return {
    byStatus: patchStatusSchema.options.map((status) => ({
      status,
      count: patches.filter((p) => p.status === status).length,
    })),
    inProgress: patches.filter((p) => inProgressStatuses.has(p.status)).length,
    meanDaysDemandToIssue: mean(demandToIssue),
    byPolicy: [...byPolicy.entries()]
      .map(([policyCode, count]) => ({ policyCode, count }))
      .sort((a, b) => b.count - a.count || a.policyCode.localeCompare(b.policyCode)),
    effect: patches.reduce(
      (sum, p) => ({
        beneficiaries: sum.beneficiaries + (p.effect?.beneficiaries ?? 0),
        fundsDisbursed: sum.fundsDisbursed + (p.effect?.fundsDisbursed ?? 0),
      }),
      { beneficiaries: 0, fundsDisbursed: 0 },
    ),
  };
}
