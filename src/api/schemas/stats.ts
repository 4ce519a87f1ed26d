import { z } from 'zod';
import { codeSchema, idSchema, isoDateSchema } from './common';
import { intakeFilterSchema, intakeStageSchema } from './intake';
import { patchStatusSchema } from './policy-patches';

export const intakeTotalsSchema = z.object({
  records: z.number().int().nonnegative(),
  landed: z.number().int().nonnegative(),
  signed: z.number().int().nonnegative(),
  /** 万元 */
  investment: z.number().nonnegative(),
});
export type IntakeTotals = z.infer<typeof intakeTotalsSchema>;

/** Totals for a period with the previous period (环比) and the same period last year (同比). */
export const intakeOverviewSchema = z.object({
  period: z.object({ from: isoDateSchema, to: isoDateSchema }),
  current: intakeTotalsSchema,
  previousPeriod: intakeTotalsSchema,
  samePeriodLastYear: intakeTotalsSchema,
});
export type IntakeOverview = z.infer<typeof intakeOverviewSchema>;

export const intakeDimensionSchema = z.enum(['channel', 'month', 'tier', 'industry', 'town', 'event']);
export type IntakeDimension = z.infer<typeof intakeDimensionSchema>;
export const intakeBreakdownQuerySchema = intakeFilterSchema.extend({
  dimension: intakeDimensionSchema,
});
export const intakeBreakdownRowSchema = z.object({
  /** Dictionary code, or `YYYY-MM` for the month dimension. */
  key: z.string(),
  lead: z.number().int().nonnegative(),
  negotiating: z.number().int().nonnegative(),
  signed: z.number().int().nonnegative(),
  landed: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  investment: z.number().nonnegative(),
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

export const patchOverviewSchema = z.object({
  byStatus: z.array(z.object({ status: patchStatusSchema, count: z.number().int().nonnegative() })),
  inProgress: z.number().int().nonnegative(),
  /** Mean days from the first linked demand to the patch's issue. */
  meanDaysDemandToIssue: z.number().nonnegative().nullable(),
  byPolicy: z.array(z.object({ policyCode: codeSchema, count: z.number().int().nonnegative() })),
  effect: z.object({
    beneficiaries: z.number().int().nonnegative(),
    fundsDisbursed: z.number().nonnegative(),
  }),
});
export type PatchOverview = z.infer<typeof patchOverviewSchema>;
