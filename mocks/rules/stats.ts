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
import type { RuleContext } from './context';
import { addDays, cstDay, daysBetween, elapsedDays } from './dates';
import { filterIntakeRecords } from './intake';
import { inDateRange } from './list';
import { isOpen, isOverdue, scopedServiceCases } from './service-cases';

function totals(records: Iterable<IntakeRecord>, from: string, to: string): IntakeTotals {
  const result: IntakeTotals = { records: 0, landed: 0, signed: 0, investment: 0 };
  const within = (day: string | null) => day !== null && day >= from && day <= to;
  for (const r of records) {
    if (within(r.stageDates.lead)) result.records++;
    if (within(r.stageDates.signed)) result.signed++;
    if (within(r.stageDates.landed)) {
      result.landed++;
      result.investment += r.investment ?? 0;
    }
  }
  return result;
}

function shiftYear(day: string, years: number): string {
  const shifted = `${Number(day.slice(0, 4)) + years}${day.slice(4)}`;
  // 29 February has no twin in a common year.
  return shifted.endsWith('-02-29') ? `${shifted.slice(0, 8)}28` : shifted;
}

function shiftMonths(day: string, months: number): string {
  const index = Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/**
 * The period just before (环比): whole calendar months give the months before (a quarter, the
 * quarter before); any other range, the same number of days before.
 */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const wholeMonths = from.endsWith('-01') && addDays(to, 1).endsWith('-01');
  if (wholeMonths) {
    const months =
      (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
    return { from: shiftMonths(from, -months), to: addDays(from, -1) };
  }
  const length = daysBetween(from, to);
  return { from: addDays(from, -length - 1), to: addDays(from, -1) };
}

/**
 * Records by lead date, signings and landings by their own dates, all within the period; with
 * the period just before (环比) and the same period a year earlier (同比). Defaults to this year.
 */
export function intakeOverview(ctx: RuleContext, filter: IntakeFilter): IntakeOverview {
  const today = cstDay(ctx.now());
  const from = filter.from ?? `${today.slice(0, 4)}-01-01`;
  const to = filter.to ?? today;
  const previous = previousPeriod(from, to);
  const records = filterIntakeRecords(ctx, { ...filter, from: undefined, to: undefined });
  return {
    period: { from, to },
    current: totals(records, from, to),
    previousPeriod: totals(records, previous.from, previous.to),
    samePeriodLastYear: totals(records, shiftYear(from, -1), shiftYear(to, -1)),
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

/** Records grouped by one dimension (by lead date for months), counted by current stage. */
export function intakeBreakdown(ctx: RuleContext, filter: IntakeFilter, dimension: IntakeDimension): IntakeBreakdown {
  const rows = new Map<string, IntakeBreakdown['rows'][number]>();
  for (const r of filterIntakeRecords(ctx, filter)) {
    const key = dimensionKey[dimension](r);
    if (key === null) continue;
    let row = rows.get(key);
    if (!row) {
      row = { key, lead: 0, negotiating: 0, signed: 0, landed: 0, total: 0, investment: 0 };
      rows.set(key, row);
    }
    row[r.stage]++;
    row.total++;
    if (r.stage === 'landed') row.investment += r.investment ?? 0;
  }
  const sorted = [...rows.values()].sort((a, b) =>
    dimension === 'month' ? a.key.localeCompare(b.key) : b.total - a.total || a.key.localeCompare(b.key),
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
  const within = (day: string | null) => inDateRange(day, filter.from, filter.to);
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
