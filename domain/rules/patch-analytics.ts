import type { Dictionaries } from '../../src/api/schemas/dictionaries';
import {
  patchAgeLimits,
  patchAgeSchema,
  patchInProgressStatuses,
  patchStatusSchema,
  type PatchAge,
  type PatchEffectMonth,
  type PatchStatus,
  type PolicyPatchFilter,
} from '../../src/api/schemas/policy-patches';
import type { PatchOverview, PatchOverviewQuery, PatchTreeCounts } from '../../src/api/schemas/stats';
import type { PatchFacts } from '../store';
import type { RuleContext } from './context';
import { toCstIso } from './dates';
import { patchQuery } from './policy-patches';
import { nearestRank } from './stats';

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (instants). */
const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY_MS;
const tenths = (days: number | null) => (days === null ? null : Math.round(days * 10) / 10);

/** The age bucket of a patch collected at `collectedAt`, seen at `now`. */
export function patchAgeOf(collectedAt: string, now: Date): PatchAge {
  const days = Math.floor(daysBetween(collectedAt, now.toISOString()));
  return patchAgeSchema.options.find((age) => days <= patchAgeLimits[age])!;
}

/** The specialised policy (N) a policy belongs to; the core policy (1) is a branch of its own. */
function branchOf(dictionaries: Dictionaries, code: string): string {
  const policy = dictionaries.policies.find((p) => p.code === code);
  if (!policy || policy.level !== 'rule' || policy.parentCode === null) return code;
  return policy.parentCode;
}

/** Median and P90 (nearest rank) of days from the first demand to the issue. */
function demandToIssue(facts: readonly PatchFacts[]) {
  const days = facts
    .filter((f) => f.issuedAt !== null && f.firstDemandAt !== null)
    .map((f) => daysBetween(f.firstDemandAt!, f.issuedAt!))
    .sort((a, b) => a - b);
  return { count: days.length, medianDays: tenths(nearestRank(days, 0.5)), p90Days: tenths(nearestRank(days, 0.9)) };
}

function sumEffects(effects: readonly PatchEffectMonth[]) {
  return effects.reduce(
    (sum, e) => ({
      beneficiaries: sum.beneficiaries + e.beneficiaries,
      fundsDisbursed: Math.round((sum.fundsDisbursed + e.fundsDisbursed) * 100) / 100,
    }),
    { beneficiaries: 0, fundsDisbursed: 0 },
  );
}

/**
 * The patch analytics over the patches of a branch of the policy tree and of lead departments.
 * The store answers each patch's facts (a few hundred a year); every figure is counted here, so
 * both backends count alike.
 */
export async function patchOverview(ctx: RuleContext, query: PatchOverviewQuery): Promise<PatchOverview> {
  const now = ctx.now();
  const year = query.year ?? Number(toCstIso(now).slice(0, 4));
  const facts = await ctx.store.policyPatches.facts(
    await patchQuery(ctx, { policy: query.policy, department: query.department }),
  );
  const dictionaries = await ctx.store.dictionaries.get();
  const issuedInYear = (f: PatchFacts) => f.issuedAt !== null && f.issuedAt.startsWith(`${year}-`);
  const inProgress = facts.filter((f) => patchInProgressStatuses.includes(f.status));

  const countBy = <K>(items: readonly PatchFacts[], key: (f: PatchFacts) => K) => {
    const counts = new Map<K, number>();
    for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
    return counts;
  };
  const byStatus = countBy(facts, (f) => f.status);
  const aging = countBy(inProgress, (f) => `${patchAgeOf(f.collectedAt, now)} ${f.status}`);

  const branches = dictionaries.policies.filter((p) => p.level !== 'rule');
  const byPolicy = countBy(facts, (f) => f.policyCode);
  const byPolicyThisYear = countBy(facts.filter(issuedInYear), (f) => f.policyCode);

  const months = new Map<string, PatchEffectMonth>();
  for (const effect of facts.flatMap((f) => f.effects)) {
    const sum = months.get(effect.month) ?? { month: effect.month, beneficiaries: 0, fundsDisbursed: 0 };
    months.set(effect.month, { month: effect.month, ...sumEffects([sum, effect]) });
  }

  return {
    year,
    byStatus: patchStatusSchema.options.map((status) => ({ status, count: byStatus.get(status) ?? 0 })),
    inProgress: inProgress.length,
    issuedInYear: facts.filter(issuedInYear).length,
    demandToIssue: demandToIssue(facts.filter(issuedInYear)),
    aging: patchAgeSchema.options.flatMap((age) =>
      patchInProgressStatuses.map((status) => ({ age, status, count: aging.get(`${age} ${status}`) ?? 0 })),
    ),
    byBranch: branches.map(({ code }) => {
      const inBranch = facts.filter((f) => branchOf(dictionaries, f.policyCode) === code);
      const timing = demandToIssue(inBranch.filter(issuedInYear));
      return {
        policyCode: code,
        patches: inBranch.length,
        issuedInYear: inBranch.filter(issuedInYear).length,
        medianDaysDemandToIssue: timing.medianDays,
        p90DaysDemandToIssue: timing.p90Days,
        ...sumEffects(inBranch.flatMap((f) => f.effects)),
      };
    }),
    byPolicy: [...byPolicy]
      .map(([policyCode, count]) => ({ policyCode, count, issuedInYear: byPolicyThisYear.get(policyCode) ?? 0 }))
      .sort((a, b) => b.count - a.count || (a.policyCode < b.policyCode ? -1 : 1)),
    waitingDemands: inProgress.reduce((sum, f) => sum + f.demandCount, 0),
    effectByMonth: [...months.values()].sort((a, b) => (a.month < b.month ? -1 : 1)),
    effect: sumEffects(facts.flatMap((f) => f.effects)),
  };
}

/** The policy tree's counts: the patches matching the table's filters (the policy apart) per policy and status. */
export async function patchTreeCounts(
  ctx: RuleContext,
  filter: Omit<PolicyPatchFilter, 'policy'>,
): Promise<PatchTreeCounts> {
  const facts = await ctx.store.policyPatches.facts(await patchQuery(ctx, filter));
  const counts = new Map<string, { policyCode: string; status: PatchStatus; count: number }>();
  for (const { policyCode, status } of facts) {
    const key = `${policyCode} ${status}`;
    const entry = counts.get(key) ?? { policyCode, status, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) =>
    a.policyCode === b.policyCode
      ? patchStatusSchema.options.indexOf(a.status) - patchStatusSchema.options.indexOf(b.status)
      : a.policyCode < b.policyCode
        ? -1
        : 1,
  );
}
