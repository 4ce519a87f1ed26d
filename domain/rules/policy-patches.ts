import { can } from '../../src/api/permissions';
import type { Page } from '../../src/api/schemas/common';
import {
  patchApprovalStatuses,
  patchTransitions,
  type PolicyPatch,
  type PolicyPatchCreate,
  type PolicyPatchListQuery,
  type PolicyPatchTransition,
} from '../../src/api/schemas/policy-patches';
import { recordAudit } from './audit';
import type { RuleContext } from './context';
import { toCstIso } from './dates';
import { problems } from './problem';
import { checkReferences } from './references';
import { caseScope } from './scope';
import { checkVersion, saveVersioned } from './versioning';
import { parseSort } from './sorting';
import { patchSortFields } from '../store';

export function listPolicyPatches(ctx: RuleContext, query: PolicyPatchListQuery): Promise<Page<PolicyPatch>> {
  return ctx.store.policyPatches.list(query, parseSort(query.sort, patchSortFields, '-collectedAt'));
}

export async function getPolicyPatch(ctx: RuleContext, id: string): Promise<PolicyPatch> {
  const patch = await ctx.store.policyPatches.get(id);
  if (!patch) throw problems.notFound(`Policy patch ${id}`);
  return patch;
}

export async function createPolicyPatch(ctx: RuleContext, input: PolicyPatchCreate): Promise<PolicyPatch> {
  // A case outside the proposer's scope is as unknown to them as a missing one.
  const { departmentCode } = caseScope(ctx);
  const unknownCases: string[] = [];
  for (const id of new Set(input.demandCaseIds)) {
    const demand = await ctx.store.serviceCases.get(id);
    if (!demand || (departmentCode !== null && demand.departmentCode !== departmentCode)) unknownCases.push(id);
  }
  checkReferences(
    await ctx.store.dictionaries.get(),
    [
      ['policyCode', 'policies', input.policyCode],
      ['leadDepartmentCode', 'departments', input.leadDepartmentCode],
    ],
    unknownCases.length > 0 ? [{ field: 'demandCaseIds', message: `unknown cases: ${unknownCases.join(', ')}` }] : [],
  );
  const now = toCstIso(ctx.now());
  const prefix = `PP-${now.slice(0, 4)}-`;
  const serial = await ctx.store.nextSerial(prefix);
  const patch: PolicyPatch = {
    ...input,
    id: `${prefix}${String(serial).padStart(3, '0')}`,
    status: 'collected',
    proposedById: ctx.user.id,
    collectedAt: now,
    issuedAt: null,
    statusHistory: [{ status: 'collected', at: now, byName: ctx.user.displayName }],
    effect: null,
    updatedAt: now,
    version: 1,
  };
  await ctx.store.policyPatches.insert(patch);
  for (const id of new Set(input.demandCaseIds)) {
    const demand = (await ctx.store.serviceCases.get(id))!;
    if (demand.linkedPatchId !== null) continue;
    const linked = { ...demand, linkedPatchId: patch.id, version: demand.version + 1, updatedAt: now };
    await saveVersioned(ctx.store.serviceCases, demand, linked, (c) => c);
    await recordAudit(ctx, 'serviceCase', id, 'link', demand, linked);
  }
  await recordAudit(ctx, 'policyPatch', patch.id, 'create', null, patch);
  return patch;
}

export async function transitionPolicyPatch(
  ctx: RuleContext,
  id: string,
  input: PolicyPatchTransition,
  ifMatch: number | null,
): Promise<PolicyPatch> {
  const current = await getPolicyPatch(ctx, id);
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
  await saveVersioned(ctx.store.policyPatches, current, next, (p) => p);
  await recordAudit(ctx, 'policyPatch', id, 'transition', current, next);
  return next;
}
