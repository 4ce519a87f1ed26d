import { z } from 'zod';
import { codeSchema, isoDateTimeSchema, versionSchema } from './common';

/** The four rates a department is scored on; their weights add up to the composite score. */
export const scoreRateSchema = z.enum(['timelySign', 'onTime', 'satisfaction', 'firstTime']);
export type ScoreRate = z.infer<typeof scoreRateSchema>;

export const scoreTierSchema = z.enum(['excellent', 'good', 'pass', 'poor']);
export type ScoreTier = z.infer<typeof scoreTierSchema>;

const weight = z.number().int().min(0).max(100);
const threshold = z.number().min(0).max(100);

/**
 * How departments are scored (考核), as a manager of the talent office sets it: the weight of each
 * rate in the composite score, and the scores from which a department is 优秀, 良好 or 合格
 * (below 合格: 待改进, named in the month's notice).
 */
export const scoringSettingsSchema = z.object({
  weights: z.record(scoreRateSchema, weight),
  thresholds: z.object({ excellent: threshold, good: threshold, pass: threshold }),
  /** Fewer decided cases than this in a month: the department is listed, not tiered. */
  minimumCases: z.number().int().min(1).max(100),
  updatedByName: z.string().nullable(),
  updatedAt: isoDateTimeSchema.nullable(),
  version: versionSchema,
});
export type ScoringSettings = z.infer<typeof scoringSettingsSchema>;

export const scoringSettingsFieldsSchema = z.object({
  weights: z.record(scoreRateSchema, weight),
  thresholds: z.object({ excellent: threshold, good: threshold, pass: threshold }),
  minimumCases: z.number().int().min(1).max(100),
});
/** Weights are shares: they add up to 100; 优秀 above 良好 above 合格. */
export const scoringSettingsRules = [
  {
    holds: (s: z.infer<typeof scoringSettingsFieldsSchema>) =>
      Object.values(s.weights).reduce((sum, w) => sum + w, 0) === 100,
    path: 'weights',
  },
  {
    holds: ({ thresholds: t }: z.infer<typeof scoringSettingsFieldsSchema>) => t.excellent > t.good && t.good > t.pass,
    path: 'thresholds',
  },
] as const;
export const scoringSettingsUpdateSchema = scoringSettingsFieldsSchema
  .refine(scoringSettingsRules[0].holds, { path: ['weights'], message: 'weights_sum' })
  .refine(scoringSettingsRules[1].holds, { path: ['thresholds'], message: 'thresholds_order' });
export type ScoringSettingsUpdate = z.infer<typeof scoringSettingsUpdateSchema>;

/** A calendar month, `YYYY-MM`. */
export const scoreMonthSchema = z.string().regex(/^(19\d\d|20\d\d)-(0[1-9]|1[0-2])$/, 'month');
export const caseScoresQuerySchema = z.object({ month: scoreMonthSchema });

/** A count over its base, and the rate (null when the base is empty). */
const ratio = z.object({
  count: z.number().int().nonnegative(),
  of: z.number().int().nonnegative(),
  rate: z.number().min(0).max(1).nullable(),
});
export type ScoreRatio = z.infer<typeof ratio>;

/**
 * One department's month, each figure by the definition written beside it on the screen
 * (`case-scores.ts` in the rules computes them):
 * - 及时签收率 timelySign: of the dispatches made to it in the month and signed, or left unsigned
 *   past their deadline (not sent on by the office before it), those signed by the deadline (a
 *   returned dispatch counts under returns);
 * - 按时办结率 onTime: of its answers given in the month and standing (not sent back or redone
 *   since), those given by the deadline in force (an approved extension's included);
 * - 回访满意率 satisfaction: of the month's follow-up visits to its cases, those 满意 or 基本满意;
 *   an 不满意 the department did not cause is left out;
 * - 一次办结率 firstTime: of its cases closed (结案) in the month, those closed without a redo;
 * - averageWorkingDays: working days from signing to the answer, suspensions left out, over the
 *   month's answers;
 * - overdue: its cases whose answer deadline fell in the month and passed unanswered (or answered late);
 *   an answer sent back or redone leaves the case unanswered;
 * - returns: dispatches to it in the month it returned, and of them those the talent office overruled.
 */
export const departmentScoreSchema = z.object({
  departmentCode: codeSchema,
  timelySign: ratio,
  onTime: ratio,
  satisfaction: ratio,
  firstTime: ratio,
  averageWorkingDays: z.number().nonnegative().nullable(),
  overdue: z.number().int().nonnegative(),
  returns: z.number().int().nonnegative(),
  returnsOverruled: z.number().int().nonnegative(),
  /** The weighted mean of the rates that have a base, 0–100; null when none has. */
  score: z.number().min(0).max(100).nullable(),
  /** Null when the department decided fewer cases than the settings' minimum. */
  tier: scoreTierSchema.nullable(),
});
export type DepartmentScore = z.infer<typeof departmentScoreSchema>;

export const caseScoresSchema = z.object({
  month: scoreMonthSchema,
  /** Every department with something to score in the month, best score first. */
  departments: z.array(departmentScoreSchema),
  settings: scoringSettingsSchema,
  /**
   * 直办: of the month's answers (all departments'), how many the talent office gave itself; null
   * for a department, which sees its own row only.
   */
  direct: z.object({ answered: z.number().int().nonnegative(), direct: z.number().int().nonnegative() }).nullable(),
  /** The month has not ended: its figures will still move. */
  partial: z.boolean(),
  at: isoDateTimeSchema,
});
export type CaseScores = z.infer<typeof caseScoresSchema>;
