import { TALENT_OFFICE_DEPARTMENT } from '../../src/api/permissions';
import {
  scoreRateSchema,
  type CaseScores,
  type DepartmentScore,
  type ScoreRatio,
  type ScoreTier,
  type ScoringSettings,
  type ScoringSettingsUpdate,
} from '../../src/api/schemas/case-scores';
import { chinaIsoAt, lastDayOfMonth } from '../../src/lib/calendar';
import type { ServiceCase } from '../../src/api/schemas/service-cases';
import type { CaseScoreFacts, DepartmentTally, InstantSpan } from '../store';
import type { RuleContext } from './context';
import { toCstIso } from './dates';
import { caseScope } from './scope';
import { saveSetting } from './settings';
import { compareCodePoints } from './sorting';

/** Until a manager sets them: timeliness and the requester's verdict weigh most; 85 to pass, as 12345 assessments ask. */
export const defaultScoringSettings: ScoringSettings = {
  weights: { timelySign: 15, onTime: 35, satisfaction: 30, firstTime: 20 },
  thresholds: { excellent: 95, good: 90, pass: 85 },
  minimumCases: 3,
  updatedByName: null,
  updatedAt: null,
  version: 0,
};

/** A calendar month (`YYYY-MM`) as the instants it spans, in China. */
export function monthInstants(month: string): InstantSpan {
  const first = `${month}-01`;
  return {
    from: chinaIsoAt(first, 0),
    to: toCstIso(new Date(Date.parse(chinaIsoAt(lastDayOfMonth(first), 23, 59)) + 59_999)),
  };
}

const within = (instant: string | null, span: InstantSpan) =>
  instant !== null && Date.parse(instant) >= Date.parse(span.from) && Date.parse(instant) <= Date.parse(span.to);
const byTime = (a: string, b: string) => Date.parse(a) <= Date.parse(b);

export const emptyTally = (departmentCode: string): DepartmentTally => ({
  departmentCode,
  signedOnTime: 0,
  signDecided: 0,
  returns: 0,
  returnsOverruled: 0,
  answered: 0,
  answeredOnTime: 0,
  handlingDays: 0,
  handled: 0,
  visits: 0,
  satisfiedVisits: 0,
  closed: 0,
  closedFirstTime: 0,
  overdue: 0,
});

/**
 * Each department's counts over the month's events, by the definitions of `departmentScoreSchema`;
 * the memory store counts with this, the SQL store counts the same in two queries.
 */
export function tallyScoreFacts(facts: readonly CaseScoreFacts[], month: InstantSpan, now: string): DepartmentTally[] {
  const tallies = new Map<string, DepartmentTally>();
  const tally = (code: string) => {
    let found = tallies.get(code);
    if (!found) tallies.set(code, (found = emptyTally(code)));
    return found;
  };
  for (const c of facts) {
    for (const d of c.dispatches) {
      if (!within(d.at, month)) continue;
      const t = tally(d.departmentCode);
      if (d.returnedAt !== null) {
        t.returns++;
        if (d.returnDecision === 'uphold') t.returnsOverruled++;
      } else if (d.signedAt !== null) {
        t.signDecided++;
        if (byTime(d.signedAt, d.signDueAt)) t.signedOnTime++;
      } else if (!byTime(d.replacedAt ?? now, d.signDueAt)) {
        // Left unsigned past its deadline (a dispatch sent on in time is no one's delay).
        t.signDecided++;
      }
    }
    const lead = c.departmentCode;
    if (lead === null) continue;
    if (within(c.answeredAt, month)) {
      const t = tally(lead);
      t.answered++;
      if (byTime(c.answeredAt!, c.dueAt)) t.answeredOnTime++;
      if (c.handlingWorkingDays !== null) {
        t.handlingDays += c.handlingWorkingDays;
        t.handled++;
      }
    }
    const visit = c.followUp;
    if (visit && within(visit.at, month) && !(visit.satisfaction === 'unsatisfied' && !visit.attributable)) {
      const t = tally(lead);
      t.visits++;
      if (visit.satisfaction !== 'unsatisfied') t.satisfiedVisits++;
    }
    if (c.status === 'closed' && within(c.closedAt, month)) {
      const t = tally(lead);
      t.closed++;
      if (c.round === 1) t.closedFirstTime++;
    }
    // Late against the deadline in force: answered after it, or not answered and it has passed
    // (a suspended case's deadline is still to move).
    const late =
      c.answeredAt !== null ? !byTime(c.answeredAt, c.dueAt) : c.status !== 'suspended' && !byTime(now, c.dueAt);
    if (c.signedAt !== null && within(c.dueAt, month) && late) tally(lead).overdue++;
  }
  return [...tallies.values()];
}

const ratio = (count: number, of: number): ScoreRatio => ({ count, of, rate: of === 0 ? null : count / of });

function tierOf(score: number, settings: ScoringSettings): ScoreTier {
  const { excellent, good, pass } = settings.thresholds;
  return score >= excellent ? 'excellent' : score >= good ? 'good' : score >= pass ? 'pass' : 'poor';
}

/** The departments' rates, weighted score and tier from their counts, best score first. */
export function scoreDepartments(tallies: readonly DepartmentTally[], settings: ScoringSettings): DepartmentScore[] {
  const rows = tallies.map((t): DepartmentScore => {
    const rates = {
      timelySign: ratio(t.signedOnTime, t.signDecided),
      onTime: ratio(t.answeredOnTime, t.answered),
      satisfaction: ratio(t.satisfiedVisits, t.visits),
      firstTime: ratio(t.closedFirstTime, t.closed),
    };
    let weighted = 0;
    let weights = 0;
    for (const rate of scoreRateSchema.options) {
      const { count, of } = rates[rate];
      if (of === 0) continue;
      weighted += (settings.weights[rate]! * count * 100) / of;
      weights += settings.weights[rate]!;
    }
    const score = weights === 0 ? null : Math.round((weighted / weights) * 10) / 10;
    return {
      departmentCode: t.departmentCode,
      ...rates,
      averageWorkingDays: t.handled === 0 ? null : Math.round((t.handlingDays / t.handled) * 10) / 10,
      overdue: t.overdue,
      returns: t.returns,
      returnsOverruled: t.returnsOverruled,
      score,
      tier: score === null || t.answered < settings.minimumCases ? null : tierOf(score, settings),
    };
  });
  return rows.sort(
    (a, b) => (b.score ?? -1) - (a.score ?? -1) || compareCodePoints(a.departmentCode, b.departmentCode),
  );
}

export async function getScoringSettings(ctx: Pick<RuleContext, 'store'>): Promise<ScoringSettings> {
  return (await ctx.store.scoringSettings.get()) ?? defaultScoringSettings;
}

/** The month's department scores; a department's own officers see their own row only. */
export async function caseScores(ctx: RuleContext, month: string): Promise<CaseScores> {
  const span = monthInstants(month);
  const now = toCstIso(ctx.now());
  const [tallies, settings] = await Promise.all([
    ctx.store.serviceCases.scoreTallies(span, now),
    getScoringSettings(ctx),
  ]);
  const { departmentCode } = caseScope(ctx);
  const departments = scoreDepartments(tallies, settings).filter(
    (row) => departmentCode === null || row.departmentCode === departmentCode,
  );
  const direct =
    departmentCode === null
      ? {
          answered: tallies.reduce((sum, t) => sum + t.answered, 0),
          direct: tallies.find((t) => t.departmentCode === TALENT_OFFICE_DEPARTMENT)?.answered ?? 0,
        }
      : null;
  return { month, departments, settings, direct, partial: Date.parse(now) < Date.parse(span.to), at: now };
}

/** A manager's new weights and thresholds, versioned (If-Match 0 before the first save) and audited. */
export async function saveScoringSettings(
  ctx: RuleContext,
  input: ScoringSettingsUpdate,
  ifMatch: number | null,
): Promise<ScoringSettings> {
  return saveSetting(
    ctx,
    { key: 'scoring', store: ctx.store.scoringSettings, load: () => getScoringSettings(ctx) },
    ifMatch,
    () => input,
  );
}

/**
 * When the answer that stands was given: an answer sent back (退回) or redone (重办) no longer
 * stands, so the case is unanswered, and late once its deadline passes, until it answers again.
 */
export function standingAnswerAt(c: Pick<ServiceCase, 'status' | 'answeredAt'>): string | null {
  return c.status === 'answered' || c.status === 'visiting' || c.status === 'closed' ? c.answeredAt : null;
}

/** A case's score facts, as both stores keep them (the SQL store in columns written from this). */
export function scoreFactsOf(c: ServiceCase): CaseScoreFacts {
  return {
    status: c.status,
    departmentCode: c.departmentCode,
    dispatches: c.dispatches.map((d, i) => ({
      departmentCode: d.departmentCode,
      at: d.at,
      signDueAt: d.signDueAt,
      signedAt: d.signedAt,
      returnedAt: d.returned?.at ?? null,
      returnDecision: d.returned?.decision ?? null,
      replacedAt: d.signedAt === null && d.returned === null ? (c.dispatches[i + 1]?.at ?? null) : null,
    })),
    signedAt: c.signedAt,
    answeredAt: standingAnswerAt(c),
    dueAt: c.dueAt,
    closedAt: c.closedAt,
    round: c.round,
    followUp: c.followUp && {
      at: c.followUp.at,
      satisfaction: c.followUp.satisfaction,
      attributable: c.followUp.attributable,
    },
    handlingWorkingDays: c.handlingWorkingDays,
  };
}

/** Whether a case has an event the scores count in `span`. */
export function scoredIn(f: CaseScoreFacts, span: InstantSpan): boolean {
  return (
    f.dispatches.some((d) => within(d.at, span)) ||
    within(f.answeredAt, span) ||
    within(f.closedAt, span) ||
    within(f.followUp?.at ?? null, span) ||
    within(f.dueAt, span)
  );
}
