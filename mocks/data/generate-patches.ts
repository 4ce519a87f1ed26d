import type { PatchEffectMonth, PatchStatus, PolicyPatch } from '../../src/api/schemas/policy-patches';
import type { ServiceCase } from '../../src/api/schemas/service-cases';
import { addDays, isoAt } from '../../domain/rules/dates';
import { chinaDay as dayOf, daysBetween } from '../../src/lib/calendar';
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
    // Demands of one service month reveal a blockage together.
    const month = pick(related).monthId;
    const demands = faker.helpers
      .arrayElements(
        related.filter((c) => c.monthId === month),
        { min: 1, max: 4 },
      )
      .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
    const first = demands[0]!;
    const proposed = addDays(dayOf(first.receivedAt), faker.number.int({ min: 3, max: 20 }));
    const collected = proposed > anchor ? anchor : proposed;
    // Most patches go on through the stages as time allows; most recent ones are still on their
    // way (stopped at a stage before issue), and an old one that stopped was withdrawn, saying why.
    const recent = daysBetween(collected, anchor) < 120;
    const stops = faker.number.float() < (recent ? 0.8 : 0.12);
    let reach = stops ? faker.number.int({ min: 0, max: 3 }) : flow.length - 1;
    const history: PolicyPatch['statusHistory'] = [];
    let day = collected;
    let issuedAt: string | null = null;
    for (let s = 0; s <= reach; s++) {
      // An issued patch is evaluated once it has been in force for a few months.
      // A patch stopped at a recent stage got there in the time there was.
      const room = stops ? Math.max(1, Math.floor(daysBetween(collected, anchor) / (reach + 1))) : 40;
      const gap =
        flow[s] === 'evaluating' ? { min: 90, max: 360 } : { min: Math.min(6, room), max: Math.min(40, room) };
      if (s > 0) day = addDays(day, faker.number.int(gap));
      if (day > anchor) {
        reach = s - 1;
        break;
      }
      // Issuing is a manager's move; the others an officer's of the talent office.
      const by = flow[s] === 'issued' ? users.get('u.manager')! : pick(officeOfficers);
      history.push({ status: flow[s]!, at: isoAt(day, 10), byName: by.displayName, note: null });
      if (flow[s] === 'issued') issuedAt = isoAt(day, 10);
    }
    const withdrawnOn = addDays(day, faker.number.int({ min: 20, max: 60 }));
    if (stops && addDays(withdrawnOn, 90) <= anchor) {
      history.push({
        status: 'withdrawn',
        at: isoAt(withdrawnOn, 10),
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
  const scale = faker.number.int({ min: 1, max: 12 });
  for (let month = first, n = 1; month <= last; month = nextMonth(month), n++) {
    const beneficiaries = faker.number.int({ min: 0, max: scale * Math.min(n, 4) });
    effects.push({
      month,
      beneficiaries,
      fundsDisbursed: Math.round(beneficiaries * faker.number.float({ min: 0.2, max: 2 }) * 10) / 10,
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
