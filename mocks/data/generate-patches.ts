import type { PatchEffectMonth, PatchStatus, PolicyPatch } from '../../src/api/schemas/policy-patches';
import type { ServiceCase } from '../../src/api/schemas/service-cases';
import { addDays, isoAt } from '../../domain/rules/dates';
import { chinaDay as dayOf } from '../../src/lib/calendar';
import type { GeneratorContext } from './generator-context';
import { patchBlockages, patchWithdrawals } from './phrases';
import { categoryDepartment, demandCategories, policies } from './reference';

/** Policy patches, each revealed by some demands (which are linked to it). */
export function generatePolicyPatches(
  { faker, pick, anchor, users, officeOfficers }: GeneratorContext,
  serviceCases: Map<string, ServiceCase>,
) {
  // Policy patches, each revealed by some demands.
  const policyPatches = new Map<string, PolicyPatch>();
  const patchable = policies.filter((p) => p.level !== 'core');
  const caseList = [...serviceCases.values()];
  const flow: PatchStatus[] = ['collected', 'drafting', 'consultation', 'review', 'issued', 'evaluating'];
  // A demand is linked to one patch at most.
  const linked = new Set<string>();
  for (let i = 1; i <= 72; i++) {
    const policy = pick(patchable);
    const root = policy.parentCode === 'pol.core' ? policy.code : policy.parentCode!;
    const categoryCode = rootCategory[root] ?? pick(demandCategories).code;
    const related = caseList.filter((c) => c.categoryCode === categoryCode && !linked.has(c.id));
    const demands = faker.helpers
      .arrayElements(related, { min: 1, max: 4 })
      .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
    const first = demands[0]!;
    const proposed = addDays(dayOf(first.receivedAt), faker.number.int({ min: 3, max: 20 }));
    const collected = proposed > anchor ? anchor : proposed;
    const withdrawn = faker.number.float() < 0.08;
    let reach = faker.number.int({ min: 0, max: flow.length - 1 });
    const history: PolicyPatch['statusHistory'] = [];
    let day = collected;
    let issuedAt: string | null = null;
    for (let s = 0; s <= reach; s++) {
      if (s > 0) day = addDays(day, faker.number.int({ min: 10, max: 45 }));
      if (day > anchor) {
        reach = s - 1;
        break;
      }
      history.push({ status: flow[s]!, at: isoAt(day, 10), byName: pick(officeOfficers).displayName, note: null });
      if (flow[s] === 'issued') issuedAt = isoAt(day, 10);
    }
    if (withdrawn && reach < 4) {
      day = addDays(day, 12);
      if (day <= anchor)
        history.push({
          status: 'withdrawn',
          at: isoAt(day, 10),
          byName: users.get('u.manager')!.displayName,
          note: pick(patchWithdrawals),
        });
    }
    const status = history.at(-1)!.status;
    const id = `PP-${collected.slice(0, 4)}-${String(i).padStart(3, '0')}`;
    const { blockage, amendment } = pick(patchBlockages[categoryCode] ?? patchBlockages['cat.project']!);
    const patch: PolicyPatch = {
      id,
      title: `关于${blockage.replace(/。$/, '')}的政策补丁`.slice(0, 96),
      policyCode: policy.code,
      blockage,
      // The clause is written from drafting on.
      amendment: status === 'collected' || (status === 'withdrawn' && history.length === 2) ? '' : amendment,
      leadDepartmentCode: categoryDepartment[categoryCode] ?? 'dept.rcb',
      status,
      demandCaseIds: demands.map((c) => c.id).sort(),
      demandCount: demands.length,
      proposedById: pick(officeOfficers).id,
      collectedAt: isoAt(collected, 10),
      issuedAt,
      statusHistory: history,
      effects: issuedAt === null ? [] : monthlyEffects(faker, issuedAt.slice(0, 7), anchor.slice(0, 7)),
      updatedAt: history.at(-1)!.at,
      version: 1,
    };
    policyPatches.set(id, patch);
    for (const demand of demands) {
      demand.linkedPatchId = id;
      linked.add(demand.id);
    }
  }

  return policyPatches;
}

/**
 * The effect reported for each month from the issue to `last` (the current month, to date): a
 * patch helps a few people at first, more as word spreads.
 */
function monthlyEffects(faker: GeneratorContext['faker'], first: string, last: string): PatchEffectMonth[] {
  const effects: PatchEffectMonth[] = [];
  const scale = faker.number.int({ min: 5, max: 60 });
  for (let month = first, n = 1; month <= last; month = nextMonth(month), n++) {
    const beneficiaries = faker.number.int({ min: 0, max: scale * Math.min(n, 4) });
    effects.push({
      month,
      beneficiaries,
      fundsDisbursed: Math.round(beneficiaries * faker.number.float({ min: 0.5, max: 4 }) * 10) / 10,
    });
  }
  return effects;
}

const nextMonth = (month: string) => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
};

const rootCategory: Record<string, string> = {
  'pol.housing': 'cat.housing',
  'pol.schooling': 'cat.schooling',
  'pol.healthcare': 'cat.healthcare',
  'pol.finance': 'cat.financing',
  'pol.certification': 'cat.certification',
  'pol.project': 'cat.project',
  'pol.skilled': 'cat.payout',
  'pol.young': 'cat.payout',
};
