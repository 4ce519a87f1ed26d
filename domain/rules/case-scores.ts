import { can } from '../../src/api/permissions';
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
import type { WorkingCalendar } from '../../src/lib/working-days';
import type { CaseScoreFacts, InstantSpan } from '../store';
import { recordAudit } from './audit';
import { loadWorkingCalendar } from './calendar';
import type { RuleContext } from './context';
import { cstDay, toCstIso } from './dates';
import { problems } from './problem';
import { caseScope } from './scope';
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

interface Tally {
  timelySign: [number, number];
  onTime: [number, number];
  satisfaction: [number, number];
  firstTime: [number, number];
  workingDays: number[];
  overdue: number;
  returns: number;
  returnsOverruled: number;
}

const emptyTally = (): Tally => ({
  timelySign: [0, 0],
  onTime: [0, 0],
  satisfaction: [0, 0],
  firstTime: [0, 0],
  workingDays: [],
  overdue: 0,
  returns: 0,
  returnsOverruled: 0,
});

const ratio = ([count, of]: [number, number]): ScoreRatio => ({ count, of, rate: of === 0 ? null : count / of });

function tierOf(score: number, settings: ScoringSettings): ScoreTier {
  const { excellent, good, pass } = settings.thresholds;
  return score >= excellent ? 'excellent' : score >= good ? 'good' : score >= pass ? 'pass' : 'poor';
}

/**
 * Each department's month by the definitions of `departmentScoreSchema`, from the facts of the
 * cases with an event in it; `now` decides which unsigned dispatches are already late.
 */
export function scoreDepartments(
  facts: readonly CaseScoreFacts[],
  month: InstantSpan,
  now: string,
  settings: ScoringSettings,
  calendar: WorkingCalendar,
): DepartmentScore[] {
  const tallies = new Map<string, Tally>();
  const tally = (code: string) => {
    let found = tallies.get(code);
    if (!found) tallies.set(code, (found = emptyTally()));
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
        t.timelySign[1]++;
        if (byTime(d.signedAt, d.signDueAt)) t.timelySign[0]++;
      } else if (!byTime(now, d.signDueAt)) {
        t.timelySign[1]++;
      }
    }
    const lead = c.departmentCode;
    if (lead === null) continue;
    if (within(c.answeredAt, month)) {
      const t = tally(lead);
      t.onTime[1]++;
      if (byTime(c.answeredAt!, c.dueAt)) t.onTime[0]++;
      if (c.signedAt !== null) {
        const days = calendar.workingDaysBetween(cstDay(c.signedAt), cstDay(c.answeredAt!)) - c.pausedWorkingDays;
        t.workingDays.push(Math.max(0, days));
      }
    }
    const visit = c.followUp;
    if (visit && within(visit.at, month) && !(visit.satisfaction === 'unsatisfied' && !visit.attributable)) {
      const t = tally(lead);
      t.satisfaction[1]++;
      if (visit.satisfaction !== 'unsatisfied') t.satisfaction[0]++;
    }
    if (c.status === 'closed' && within(c.closedAt, month)) {
      const t = tally(lead);
      t.firstTime[1]++;
      if (c.round === 1) t.firstTime[0]++;
    }
    // Late against the deadline in force: answered after it, or not answered and it has passed
    // (a suspended case's deadline is still to move).
    const late =
      c.answeredAt !== null ? !byTime(c.answeredAt, c.dueAt) : c.status !== 'suspended' && !byTime(now, c.dueAt);
    if (c.signedAt !== null && within(c.dueAt, month) && late) tally(lead).overdue++;
  }

  const rows = [...tallies].map(([departmentCode, t]): DepartmentScore => {
    const rates = {
      timelySign: ratio(t.timelySign),
      onTime: ratio(t.onTime),
      satisfaction: ratio(t.satisfaction),
      firstTime: ratio(t.firstTime),
    };
    let weighted = 0;
    let weights = 0;
    for (const rate of scoreRateSchema.options) {
      const value = rates[rate].rate;
      if (value === null) continue;
      weighted += settings.weights[rate]! * value * 100;
      weights += settings.weights[rate]!;
    }
    const score = weights === 0 ? null : Math.round((weighted / weights) * 10) / 10;
    const average = t.workingDays.length === 0 ? null : t.workingDays.reduce((a, b) => a + b, 0) / t.workingDays.length;
    return {
      departmentCode,
      ...rates,
      averageWorkingDays: average === null ? null : Math.round(average * 10) / 10,
      overdue: t.overdue,
      returns: t.returns,
      returnsOverruled: t.returnsOverruled,
      score,
      tier: score === null || t.onTime[1] < settings.minimumCases ? null : tierOf(score, settings),
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
  const [facts, settings, calendar] = await Promise.all([
    ctx.store.serviceCases.scoreFacts(span),
    getScoringSettings(ctx),
    loadWorkingCalendar(ctx),
  ]);
  const { departmentCode } = caseScope(ctx);
  const departments = scoreDepartments(facts, span, now, settings, calendar).filter(
    (row) => departmentCode === null || row.departmentCode === departmentCode,
  );
  return { month, departments, settings, partial: Date.parse(now) < Date.parse(span.to), at: now };
}

/** A manager's new weights and thresholds, versioned (If-Match 0 before the first save) and audited. */
export async function saveScoringSettings(
  ctx: RuleContext,
  input: ScoringSettingsUpdate,
  ifMatch: number | null,
): Promise<ScoringSettings> {
  if (!can(ctx.user, 'case:supervise')) throw problems.forbidden();
  if (ifMatch === null) throw problems.preconditionRequired();
  const current = await getScoringSettings(ctx);
  if (ifMatch !== current.version) throw problems.versionConflict(current);
  const next: ScoringSettings = {
    ...input,
    updatedByName: ctx.user.displayName,
    updatedAt: toCstIso(ctx.now()),
    version: current.version + 1,
  };
  if (!(await ctx.store.scoringSettings.save(next, current.version))) {
    throw problems.versionConflict(await getScoringSettings(ctx));
  }
  await recordAudit(ctx, 'dictionary', 'scoring', 'update', current, next);
  return next;
}

/** A case's score facts, as both stores keep them (the SQL store in columns written from this). */
export function scoreFactsOf(c: ServiceCase): CaseScoreFacts {
  return {
    status: c.status,
    departmentCode: c.departmentCode,
    dispatches: c.dispatches.map((d) => ({
      departmentCode: d.departmentCode,
      at: d.at,
      signDueAt: d.signDueAt,
      signedAt: d.signedAt,
      returnedAt: d.returned?.at ?? null,
      returnDecision: d.returned?.decision ?? null,
    })),
    signedAt: c.signedAt,
    answeredAt: c.answeredAt,
    dueAt: c.dueAt,
    closedAt: c.closedAt,
    round: c.round,
    followUp: c.followUp && {
      at: c.followUp.at,
      satisfaction: c.followUp.satisfaction,
      attributable: c.followUp.attributable,
    },
    pausedWorkingDays: c.suspensions.reduce((days, s) => days + (s.pausedWorkingDays ?? 0), 0),
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
