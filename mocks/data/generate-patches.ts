import type { PatchStatus, PolicyPatch } from '../../src/api/schemas/policy-patches';
import type { ServiceCase } from '../../src/api/schemas/service-cases';
import { addDays, isoAt } from '../../domain/rules/dates';
import { chinaDay as dayOf } from '../../src/lib/calendar';
import type { GeneratorContext } from './generator-context';
import { patchBlockages } from './phrases';
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
  for (let i = 1; i <= 72; i++) {
    const policy = pick(patchable);
    const root = policy.parentCode === 'pol.core' ? policy.code : policy.parentCode!;
    const categoryCode = rootCategory[root] ?? pick(demandCategories).code;
    const related = caseList.filter((c) => c.categoryCode === categoryCode);
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
      history.push({ status: flow[s]!, at: isoAt(day, 10), byName: pick(officeOfficers).displayName });
      if (flow[s] === 'issued') issuedAt = isoAt(day, 10);
    }
    if (withdrawn && reach < 4) {
      day = addDays(day, 12);
      if (day <= anchor)
        history.push({ status: 'withdrawn', at: isoAt(day, 10), byName: users.get('u.manager')!.displayName });
    }
    const status = history.at(-1)!.status;
    const id = `PP-${collected.slice(0, 4)}-${String(i).padStart(3, '0')}`;
    const blockage = pick(patchBlockages[categoryCode] ?? patchBlockages['cat.project']!);
    const patch: PolicyPatch = {
      id,
      title: `关于${blockage.replace(/。$/, '')}的政策补丁`.slice(0, 96),
      policyCode: policy.code,
      blockage,
      leadDepartmentCode: categoryDepartment[categoryCode] ?? 'dept.rcb',
      status,
      demandCaseIds: demands.map((c) => c.id),
      proposedById: pick(officeOfficers).id,
      collectedAt: isoAt(collected, 10),
      issuedAt,
      statusHistory: history,
      effect:
        status === 'evaluating'
          ? {
              beneficiaries: faker.number.int({ min: 20, max: 1500 }),
              fundsDisbursed: faker.number.int({ min: 50, max: 5000 }),
              assessedOn: dayOf(history.at(-1)!.at),
            }
          : null,
      updatedAt: history.at(-1)!.at,
      version: 1,
    };
    policyPatches.set(id, patch);
    for (const demand of demands) demand.linkedPatchId ??= id;
  }

  return policyPatches;
}

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
