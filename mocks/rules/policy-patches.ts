import { can } from '../../src/api/permissions';
import type { Page } from '../../src/api/schemas/common';
import {
  patchApprovalStatuses,
  patchStatusSchema,
  patchTransitions,
  type PolicyPatch,
  type PolicyPatchCreate,
  type PolicyPatchListQuery,
  type PolicyPatchTransition,
} from '../../src/api/schemas/policy-patches';
import { recordAudit } from './audit';
import type { RuleContext } from './context';
import { toCstIso } from './dates';
import { matchesAny, matchesText, paginate, sortItems, type SortAccessors } from './list';
import { problems } from './problem';
import { checkReferences } from './references';
import { checkVersion } from './versioning';

const sortAccessors: SortAccessors<PolicyPatch> = {
  id: (p) => p.id,
  title: (p) => p.title,
  status: (p) => patchStatusSchema.options.indexOf(p.status),
  // Instants sort as moments, whatever offset they were written with.
  collectedAt: (p) => Date.parse(p.collectedAt),
  issuedAt: (p) => (p.issuedAt === null ? null : Date.parse(p.issuedAt)),
  updatedAt: (p) => Date.parse(p.updatedAt),
};

export function listPolicyPatches(ctx: RuleContext, query: PolicyPatchListQuery): Page<PolicyPatch> {
  const filtered = [...ctx.db.policyPatches.values()].filter(
    (p) =>
      matchesAny(query.status, p.status) &&
      matchesAny(query.policy, p.policyCode) &&
      matchesAny(query.department, p.leadDepartmentCode) &&
      matchesText(query.q, p.id, p.title, p.blockage),
  );
  return paginate(sortItems(filtered, query.sort, sortAccessors, '-collectedAt'), query.page, query.pageSize);
}

export function getPolicyPatch(ctx: RuleContext, id: string): PolicyPatch {
  const patch = ctx.db.policyPatches.get(id);
  if (!patch) throw problems.notFound(`Policy patch ${id}`);
  return patch;
}

export function createPolicyPatch(ctx: RuleContext, input: PolicyPatchCreate): PolicyPatch {
  const unknownCases = input.demandCaseIds.filter((id) => !ctx.db.serviceCases.has(id));
  checkReferences(
    ctx.db,
    [
      ['policyCode', 'policies', input.policyCode],
      ['leadDepartmentCode', 'departments', input.leadDepartmentCode],
    ],
    unknownCases.length > 0 ? [{ field: 'demandCaseIds', message: `unknown cases: ${unknownCases.join(', ')}` }] : [],
  );
  const now = toCstIso(ctx.now());
  const year = now.slice(0, 4);
  const serial = ctx.db.policyPatches.size + 1;
  const patch: PolicyPatch = {
    ...input,
    id: `PP-${year}-${String(serial).padStart(3, '0')}`,
    status: 'collected',
    proposedById: ctx.user.id,
    collectedAt: now,
    issuedAt: null,
    statusHistory: [{ status: 'collected', at: now, byName: ctx.user.displayName }],
    effect: null,
    updatedAt: now,
    version: 1,
  };
  ctx.db.policyPatches.set(patch.id, patch);
  for (const id of input.demandCaseIds) {
    const demand = ctx.db.serviceCases.get(id)!;
    if (demand.linkedPatchId === null)
      ctx.db.serviceCases.set(id, { ...demand, linkedPatchId: patch.id, version: demand.version + 1 });
  }
  recordAudit(ctx, 'policyPatch', patch.id, 'create', null, patch);
  return patch;
}

export function transitionPolicyPatch(
  ctx: RuleContext,
  id: string,
  input: PolicyPatchTransition,
  ifMatch: number | null,
): PolicyPatch {
  const current = getPolicyPatch(ctx, id);
  checkVersion(current, ifMatch, (p) => p);
  if (!patchTransitions[current.status].includes(input.status)) {
    throw problems.invalidTransition(`A patch in ${current.status} cannot move to ${input.status}`);
  }
  if (patchApprovalStatuses.includes(input.status) && !can(ctx.user, 'patch:approve')) {
    throw problems.forbidden('Issuing a patch needs a manager');
  }
  if (input.status === 'evaluating' && !input.effect) {
    throw problems.validation([
      { field: 'effect', code: 'effect_required', message: 'an evaluation records the effect' },
    ]);
  }
  const now = toCstIso(ctx.now());
  const next: PolicyPatch = {
    ...current,
    status: input.status,
    issuedAt: input.status === 'issued' ? now : current.issuedAt,
    effect: input.effect ?? current.effect,
    statusHistory: [...current.statusHistory, { status: input.status, at: now, byName: ctx.user.displayName }],
    version: current.version + 1,
    updatedAt: now,
  };
  ctx.db.policyPatches.set(id, next);
  recordAudit(ctx, 'policyPatch', id, 'transition', current, next);
  return next;
}
