import { z } from 'zod';
import { codeSchema, idSchema, isoDateSchema, isoDateTimeSchema, multiValueSchema } from './common';
import { intakeFilterSchema, intakeStageSchema } from './intake';
import { patchAgeSchema, patchEffectMonthSchema, patchStatusSchema, policyPatchFilterSchema } from './policy-patches';
import { satisfactionSchema } from './service-cases';

export const spanSchema = z.object({ from: isoDateSchema, to: isoDateSchema });

/**
 * Each figure has one definition. Events by their own date within the span: `records` (leads by
 * lead date), `signed` (by signing date), `landed` and `investment` (by landing date, 按落户日期).
 * `cohortLanded` is a cohort figure: of the leads in the span, how many had landed by `asOf`
 * (按线索日期); conversion is `cohortLanded / records`.
 */
export const intakeTotalsSchema = z.object({
  records: z.number().int().nonnegative(),
  landed: z.number().int().nonnegative(),
  signed: z.number().int().nonnegative(),
  /** 万元, of the landings in the span */
  investment: z.number().nonnegative(),
  cohortLanded: z.number().int().nonnegative(),
});
export type IntakeTotals = z.infer<typeof intakeTotalsSchema>;

/** A comparison period and its totals; its cohort is counted as of the same age as the current one. */
export const intakeComparisonSchema = z.object({
  period: spanSchema,
  asOf: isoDateSchema,
  totals: intakeTotalsSchema,
});
export type IntakeComparison = z.infer<typeof intakeComparisonSchema>;

/**
 * Totals for the part of a period that has elapsed (`measured`, up to `asOf`), with the same part
 * of the previous period (环比) and of the same period last year (同比). A period that has not
 * begun has no `measured` part and no comparisons.
 */
export const intakeOverviewSchema = z.object({
  period: spanSchema,
  measured: spanSchema.nullable(),
  asOf: isoDateSchema,
  current: intakeTotalsSchema,
  previousPeriod: intakeComparisonSchema.nullable(),
  samePeriodLastYear: intakeComparisonSchema.nullable(),
});
export type IntakeOverview = z.infer<typeof intakeOverviewSchema>;

export const intakeDimensionSchema = z.enum(['channel', 'month', 'tier', 'industry', 'town', 'event']);
export type IntakeDimension = z.infer<typeof intakeDimensionSchema>;
export const intakeBreakdownQuerySchema = intakeFilterSchema.extend({
  dimension: intakeDimensionSchema,
});
/**
 * Two definitions side by side. The cohort (按线索日期): the records whose lead date is in the
 * filter's range, by current stage (`lead`…`landed`, `total`, `investment` of those landed). The
 * events (按落户日期): `landings` and `landingsInvestment`, records whose landing date is in the
 * range (other filters apply alike); for the month dimension keyed by landing month.
 */
export const intakeBreakdownRowSchema = z.object({
  /** Dictionary code, or `YYYY-MM` for the month dimension. */
  key: z.string(),
  lead: z.number().int().nonnegative(),
  negotiating: z.number().int().nonnegative(),
  signed: z.number().int().nonnegative(),
  landed: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  investment: z.number().nonnegative(),
  landings: z.number().int().nonnegative(),
  landingsInvestment: z.number().nonnegative(),
});
export const intakeBreakdownSchema = z.object({
  dimension: intakeDimensionSchema,
  rows: z.array(intakeBreakdownRowSchema),
});
export type IntakeBreakdown = z.infer<typeof intakeBreakdownSchema>;

/** Leads and landings per month and channel: leads by lead date, landings by landing date. */
export const intakeTrendSchema = z.object({
  rows: z.array(
    z.object({
      month: z.string().regex(/^\d{4}-\d{2}$/),
      channelCode: codeSchema,
      leads: z.number().int().nonnegative(),
      landed: z.number().int().nonnegative(),
    }),
  ),
});
export type IntakeTrend = z.infer<typeof intakeTrendSchema>;

/** How many records reached each stage (a landed record has passed every earlier stage). */
export const intakeFunnelSchema = z.object({
  stages: z.array(z.object({ stage: intakeStageSchema, reached: z.number().int().nonnegative() })),
});
export type IntakeFunnel = z.infer<typeof intakeFunnelSchema>;

export const intakeTargetsQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
});
export const intakeTargetsSchema = z.object({
  year: z.number().int(),
  rows: z.array(
    z.object({
      channelCode: codeSchema,
      target: z.number().int().nonnegative(),
      landed: z.number().int().nonnegative(),
    }),
  ),
});
export type IntakeTargets = z.infer<typeof intakeTargetsSchema>;

export const caseOverviewQuerySchema = z.object({ month: idSchema.optional() });
export const caseOverviewSchema = z.object({
  /** The data scope counted: null for every department (the talent office), else the caller's. */
  scopeDepartmentCode: codeSchema.nullable(),
  total: z.number().int().nonnegative(),
  open: z.number().int().nonnegative(),
  overdue: z.number().int().nonnegative(),
  supervised: z.number().int().nonnegative(),
  closed: z.number().int().nonnegative(),
  /** Mean days from receipt to closure, over closed cases; null when none is closed. */
  meanResolutionDays: z.number().nonnegative().nullable(),
  /** Share of follow-ups answered 满意 or 基本满意, 0..1; null before any follow-up. */
  satisfactionRate: z.number().min(0).max(1).nullable(),
  byDepartment: z.array(
    z.object({
      departmentCode: codeSchema,
      open: z.number().int().nonnegative(),
      overdue: z.number().int().nonnegative(),
      closed: z.number().int().nonnegative(),
      meanResolutionDays: z.number().nonnegative().nullable(),
    }),
  ),
});
export type CaseOverview = z.infer<typeof caseOverviewSchema>;

/** The oversight figures' filters: a service month and, as on the case list, departments and categories. */
export const caseOversightQuerySchema = z.object({
  month: idSchema.optional(),
  department: multiValueSchema.optional(),
  category: multiValueSchema.optional(),
});

const caseCount = z.number().int().nonnegative();
/** A share of a whole, 0..1; null when there is no whole to share. */
const caseShare = z.number().min(0).max(1).nullable();
/** Days from receipt to closing, to a tenth of a day; null when no case is closed. */
const resolutionDays = z.number().nonnegative().max(36_600).nullable();

/**
 * How quickly closed cases were closed. Percentiles by nearest rank: of the n closed cases' times
 * sorted ascending, the one at rank ⌈p·n⌉ (the lower middle for an even n's median), as
 * PostgreSQL's `percentile_disc` picks it. SLA compliance: the share of closed cases closed by
 * their due time (`closedAt` ≤ `dueAt`).
 */
const caseResolutionSchema = z.object({
  closed: caseCount,
  medianResolutionDays: resolutionDays,
  p90ResolutionDays: resolutionDays,
  slaCompliance: caseShare,
});

/**
 * One day of the span, from the cases' stored history (`receivedAt`, `closedAt`, `dueAt`, each
 * an instant in China time): received and closed that day; open at its end (23:59:59 China
 * time), i.e. received by then and not closed by then; overdue at its end, i.e. open then and due
 * before then. A reopened case has no `closedAt` until it is closed again, so it counts as open
 * from its receipt; a closed case counts as closed on its (last) `closedAt`.
 */
export const caseOversightDaySchema = z.object({
  day: isoDateSchema,
  received: caseCount,
  closed: caseCount,
  open: caseCount,
  overdue: caseCount,
});

/**
 * Casework oversight in the caller's data scope, of the cases that match the filters (a month's
 * cases when one is given, else every month's). `daily` runs over the days of the month's span
 * (the newest month's when none is given). Open and overdue in `byDepartment` are now (`at`),
 * overdue as the case list's filter counts it. Satisfaction: the share of follow-up visits
 * answered 满意 or 基本满意 (each case's latest visit).
 */
export const caseOversightSchema = z.object({
  /** The data scope counted: null for every department (the talent office), else the caller's. */
  scopeDepartmentCode: codeSchema.nullable(),
  /** The month whose span `daily` covers; null when there is no service month at all. */
  monthId: idSchema.nullable(),
  span: spanSchema.nullable(),
  at: isoDateTimeSchema,
  daily: z.array(caseOversightDaySchema).max(366),
  byDepartment: z.array(
    caseResolutionSchema.extend({
      departmentCode: codeSchema,
      open: caseCount,
      overdue: caseCount,
      satisfactionRate: caseShare,
    }),
  ),
  byCategory: z.array(caseResolutionSchema.extend({ categoryCode: codeSchema })),
  overall: caseResolutionSchema.extend({
    satisfactionRate: caseShare,
    followUps: z.record(satisfactionSchema, caseCount),
  }),
});
export type CaseOversight = z.infer<typeof caseOversightSchema>;

/** The analytics' filters: a branch of the policy tree, lead departments, and the year counted as "this year". */
export const patchOverviewQuerySchema = policyPatchFilterSchema.pick({ policy: true, department: true }).extend({
  year: z.coerce.number().int().min(1900).max(2100).optional(),
});
export type PatchOverviewQuery = z.infer<typeof patchOverviewQuerySchema>;

const count = z.number().int().nonnegative();
/** Days, to a tenth; null when nothing was measured. */
const days = z.number().nonnegative().nullable();
const effectTotals = { beneficiaries: count, fundsDisbursed: z.number().nonnegative() };

export const patchOverviewSchema = z.object({
  year: z.number().int(),
  byStatus: z.array(z.object({ status: patchStatusSchema, count })),
  inProgress: count,
  issuedInYear: count,
  /** Patches issued in the year that name demands: days from the first demand's receipt to the issue. */
  demandToIssue: z.object({ count, medianDays: days, p90Days: days }),
  /** Patches in progress by age bucket and status. */
  aging: z.array(z.object({ age: patchAgeSchema, status: patchStatusSchema, count })),
  /** Per specialised policy (N) with its rules (X), and the core policy (1) on its own. */
  byBranch: z.array(
    z.object({
      policyCode: codeSchema,
      patches: count,
      issuedInYear: count,
      medianDaysDemandToIssue: days,
      p90DaysDemandToIssue: days,
      ...effectTotals,
    }),
  ),
  /** Every policy patched directly, most patched first. */
  byPolicy: z.array(z.object({ policyCode: codeSchema, count, issuedInYear: count })),
  /** Demands linked to patches still in progress: waiting for their patch. */
  waitingDemands: count,
  effectByMonth: z.array(patchEffectMonthSchema),
  effect: z.object(effectTotals),
});
export type PatchOverview = z.infer<typeof patchOverviewSchema>;

/** The policy tree's counts: patches matching the filters (the policy apart) per policy and status. */
export const patchTreeCountsSchema = z.array(z.object({ policyCode: codeSchema, status: patchStatusSchema, count }));
export type PatchTreeCounts = z.infer<typeof patchTreeCountsSchema>;
