import { hasVisibleText, type FieldError, type Page } from '../../src/api/schemas/common';
import type { Dictionaries } from '../../src/api/schemas/dictionaries';
import {
  patchEffectStatuses,
  patchMoveBetween,
  patchMoveRefusal,
  patchWorkflow,
  worksOnPatch,
} from '../../src/api/schemas/patch-workflow';
import {
  patchAgeLimits,
  patchAgeSchema,
  patchInProgressStatuses,
  type PatchEffectMonth,
  type PolicyPatch,
  type PolicyPatchCreate,
  type PolicyPatchFilter,
  type PolicyPatchLinks,
  type PolicyPatchListQuery,
  type PolicyPatchTransition,
  type PolicyPatchUpdate,
} from '../../src/api/schemas/policy-patches';
import type { ServiceCase } from '../../src/api/schemas/service-cases';
import { patchSortFields, type PatchQuery, type Picked } from '../store';
import { recordAudit } from './audit';
import type { RuleContext } from './context';
import { toCstIso } from './dates';
import { problems } from './problem';
import { checkReferences } from './references';
import { caseScope } from './scope';
import { parseSort } from './sorting';
import { checkVersion, saveVersioned } from './versioning';

const DAY_MS = 86_400_000;

/** A policy and every policy under it in the 1+N+X tree. */
export function policyBranch(dictionaries: Dictionaries, code: string): string[] {
  const branch = [code];
  for (let i = 0; i < branch.length; i++) {
    for (const policy of dictionaries.policies) if (policy.parentCode === branch[i]) branch.push(policy.code);
  }
  return branch;
}

/** The table's filters as the store applies them: a policy's whole branch, an age as the span it was collected in. */
export async function patchQuery(ctx: RuleContext, filter: PolicyPatchFilter): Promise<PatchQuery> {
  const dictionaries = await ctx.store.dictionaries.get();
  const now = ctx.now().getTime();
  const daysAgo = (days: number) => toCstIso(new Date(now - days * DAY_MS));
  return {
    status: filter.status,
    department: filter.department,
    q: filter.q,
    policy: filter.policy && [...new Set(filter.policy.flatMap((code) => policyBranch(dictionaries, code)))],
    // A patch is d days old from d to d+1 days after it was collected: at most 30 days old means
    // collected less than 31 days ago; at least 31 days old, 31 days ago or earlier.
    collected: filter.age?.map((age) => {
      const index = patchAgeSchema.options.indexOf(age);
      const oldest = patchAgeLimits[age];
      const youngest = index === 0 ? 0 : patchAgeLimits[patchAgeSchema.options[index - 1]!] + 1;
      return {
        after: oldest === Infinity ? null : daysAgo(oldest + 1),
        until: youngest === 0 ? null : daysAgo(youngest),
      };
    }),
  };
}

/**
 * A patch as this reader may see it: a department's officer sees the demands of their own
 * department among those linked (and how many there are in all), never another's case ids.
 */
async function presentPatches(ctx: RuleContext, patches: PolicyPatch[]): Promise<PolicyPatch[]> {
  const { departmentCode } = caseScope(ctx);
  if (departmentCode === null) return patches;
  const cases = await ctx.store.serviceCases.getMany([...new Set(patches.flatMap((p) => p.demandCaseIds))]);
  const own = new Set(cases.filter((c) => c.departmentCode === departmentCode).map((c) => c.id));
  return patches.map((patch) => ({ ...patch, demandCaseIds: patch.demandCaseIds.filter((id) => own.has(id)) }));
}

export async function presentPolicyPatch(ctx: RuleContext, patch: PolicyPatch): Promise<PolicyPatch> {
  return (await presentPatches(ctx, [patch]))[0]!;
}

export async function listPolicyPatches(
  ctx: RuleContext,
  query: PolicyPatchListQuery & Picked,
): Promise<Page<PolicyPatch>> {
  const page = await ctx.store.policyPatches.list(
    { ...(await patchQuery(ctx, query)), id: query.id, page: query.page, pageSize: query.pageSize },
    parseSort(query.sort, patchSortFields, '-collectedAt'),
  );
  return { ...page, items: await presentPatches(ctx, page.items) };
}

export async function getPolicyPatch(ctx: RuleContext, id: string): Promise<PolicyPatch> {
  const patch = await ctx.store.policyPatches.get(id);
  if (!patch) throw problems.notFound(`Policy patch ${id}`);
  return patch;
}

/**
 * The demands named by `ids`, each in the caller's data scope: a case outside it is as unknown
 * to them as a missing one. Answers the cases and the field errors.
 */
async function demandsInScope(
  ctx: RuleContext,
  field: string,
  ids: readonly string[],
): Promise<{ cases: ServiceCase[]; errors: FieldError[] }> {
  const { departmentCode } = caseScope(ctx);
  const found = await ctx.store.serviceCases.getMany([...new Set(ids)]);
  const cases = found.filter((c) => departmentCode === null || c.departmentCode === departmentCode);
  const known = new Set(cases.map((c) => c.id));
  const unknown = [...new Set(ids)].filter((id) => !known.has(id));
  return {
    cases,
    errors:
      unknown.length > 0
        ? [
            {
              field,
              code: 'unknown_case',
              params: { ids: unknown.join('、') },
              message: `unknown cases: ${unknown.join(', ')}`,
            },
          ]
        : [],
  };
}

/** A demand is linked to one patch at most: linking it to another is refused, naming the patch. */
function alreadyLinked(field: string, cases: readonly ServiceCase[], patchId: string | null): FieldError[] {
  const linked = cases.filter((c) => c.linkedPatchId !== null && c.linkedPatchId !== patchId);
  return linked.length === 0
    ? []
    : [
        {
          field,
          code: 'already_linked',
          params: { ids: linked.map((c) => `${c.id}→${c.linkedPatchId}`).join('、') },
          message: `already linked to another patch: ${linked.map((c) => `${c.id} (${c.linkedPatchId})`).join(', ')}`,
        },
      ];
}

/** Sets each case's link to `patchId` (or clears it), versioned and audited. */
async function setCaseLinks(ctx: RuleContext, cases: readonly ServiceCase[], patchId: string | null, now: string) {
  for (const demand of cases) {
    const linked = { ...demand, linkedPatchId: patchId, version: demand.version + 1, updatedAt: now };
    await saveVersioned(ctx.store.serviceCases, demand, linked, (c) => c);
    await recordAudit(ctx, 'serviceCase', demand.id, patchId === null ? 'unlink' : 'link', demand, linked);
  }
}

async function checkPatchReferences(ctx: RuleContext, input: PolicyPatchUpdate, extra: FieldError[] = []) {
  checkReferences(
    await ctx.store.dictionaries.get(),
    [
      ['policyCode', 'policies', input.policyCode],
      ['leadDepartmentCode', 'departments', input.leadDepartmentCode],
    ],
    extra,
  );
}

export async function createPolicyPatch(ctx: RuleContext, input: PolicyPatchCreate): Promise<PolicyPatch> {
  const { demandCaseIds, ...fields } = input;
  const { cases, errors } = await demandsInScope(ctx, 'demandCaseIds', demandCaseIds);
  await checkPatchReferences(ctx, fields, [...errors, ...alreadyLinked('demandCaseIds', cases, null)]);
  // A department's officer proposes patches their own department leads; the talent office any.
  if (!worksOnPatch(ctx.user, fields)) throw problems.forbidden('A department proposes the patches it leads');
  const now = toCstIso(ctx.now());
  const prefix = `PP-${now.slice(0, 4)}-`;
  const serial = await ctx.store.nextSerial(prefix);
  const ids = cases.map((c) => c.id).sort();
  const patch: PolicyPatch = {
    ...fields,
    id: `${prefix}${String(serial).padStart(3, '0')}`,
    status: 'collected',
    demandCaseIds: ids,
    demandCount: ids.length,
    proposedById: ctx.user.id,
    collectedAt: now,
    issuedAt: null,
    statusHistory: [{ status: 'collected', at: now, byName: ctx.user.displayName, note: null }],
    effects: [],
    updatedAt: now,
    version: 1,
  };
  await ctx.store.policyPatches.insert(patch);
  await setCaseLinks(ctx, cases, patch.id, now);
  await recordAudit(ctx, 'policyPatch', patch.id, 'create', null, patch);
  return patch;
}

/** A patch the caller may change: it exists, it is at the version they edited, and they work on it. */
async function patchToChange(ctx: RuleContext, id: string, ifMatch: number | null): Promise<PolicyPatch> {
  const current = await getPolicyPatch(ctx, id);
  await checkPatchVersion(ctx, current, ifMatch);
  if (!worksOnPatch(ctx.user, current)) {
    throw problems.forbidden('Only the talent office and the lead department change a patch');
  }
  return current;
}

/** As `checkVersion`, with the patch in the 409 presented to the caller (their demands only). */
async function checkPatchVersion(ctx: RuleContext, current: PolicyPatch, ifMatch: number | null) {
  const presented = ifMatch !== null && ifMatch !== current.version ? await presentPolicyPatch(ctx, current) : current;
  checkVersion(current, ifMatch, () => presented);
}

async function savePatch(ctx: RuleContext, action: string, current: PolicyPatch, next: PolicyPatch) {
  await saveVersioned(ctx.store.policyPatches, current, next, (p) => p);
  await recordAudit(ctx, 'policyPatch', current.id, action, current, next);
  return next;
}

export async function updatePolicyPatch(
  ctx: RuleContext,
  id: string,
  input: PolicyPatchUpdate,
  ifMatch: number | null,
): Promise<PolicyPatch> {
  const current = await patchToChange(ctx, id, ifMatch);
  if (!patchInProgressStatuses.includes(current.status)) {
    throw problems.invalidTransition(`A patch ${current.status} is no longer edited`);
  }
  await checkPatchReferences(ctx, input);
  // A department works on the patches it leads, and may not hand one to another.
  if (!worksOnPatch(ctx.user, input)) throw problems.forbidden('A department may not hand its patch to another');
  const now = toCstIso(ctx.now());
  return savePatch(ctx, 'update', current, { ...current, ...input, version: current.version + 1, updatedAt: now });
}

export async function transitionPolicyPatch(
  ctx: RuleContext,
  id: string,
  input: PolicyPatchTransition,
  ifMatch: number | null,
): Promise<PolicyPatch> {
  const current = await getPolicyPatch(ctx, id);
  await checkPatchVersion(ctx, current, ifMatch);
  const move = patchMoveBetween(current.status, input.status);
  if (move === null) throw problems.invalidTransition(`A patch in ${current.status} cannot move to ${input.status}`);
  const refusal = patchMoveRefusal(ctx.user, current, move);
  if (refusal === 'role') throw problems.forbidden(`Moving a patch to ${input.status} needs a manager`);
  if (refusal === 'department') {
    throw problems.forbidden('Only the talent office and the lead department move a patch');
  }
  const step = patchWorkflow[move];
  const note = input.note !== undefined && hasVisibleText(input.note) ? input.note.trim() : null;
  if (step.needs === 'note' && note === null) {
    throw problems.validation([{ field: 'note', code: 'note_required', message: 'this move needs a reason' }]);
  }
  if (step.needs === 'clause' && !hasVisibleText(current.amendment)) {
    throw problems.validation([
      { field: 'amendment', code: 'clause_required', message: 'the clause is drafted before it goes out for comment' },
    ]);
  }
  if (step.needs === 'effect' && current.effects.length === 0) {
    throw problems.validation([
      { field: 'effects', code: 'effect_required', message: 'an evaluation needs the effect of a month reported' },
    ]);
  }
  const now = toCstIso(ctx.now());
  return savePatch(ctx, 'transition', current, {
    ...current,
    status: step.to,
    issuedAt: step.to === 'issued' ? now : current.issuedAt,
    statusHistory: [...current.statusHistory, { status: step.to, at: now, byName: ctx.user.displayName, note }],
    version: current.version + 1,
    updatedAt: now,
  });
}

export async function linkPolicyPatchCases(
  ctx: RuleContext,
  id: string,
  input: PolicyPatchLinks,
  ifMatch: number | null,
): Promise<PolicyPatch> {
  const current = await patchToChange(ctx, id, ifMatch);
  // A withdrawn patch takes no more demands; its demands may still be released for another.
  if (current.status === 'withdrawn' && input.link.length > 0) {
    throw problems.invalidTransition('A withdrawn patch takes no demands');
  }
  const toLink = await demandsInScope(ctx, 'link', input.link);
  const toUnlink = await demandsInScope(ctx, 'unlink', input.unlink);
  const notLinked = toUnlink.cases.filter((c) => c.linkedPatchId !== current.id).map((c) => c.id);
  const errors = [
    ...toLink.errors,
    ...alreadyLinked('link', toLink.cases, current.id),
    ...toUnlink.errors,
    ...(notLinked.length > 0
      ? [
          {
            field: 'unlink',
            code: 'not_linked',
            params: { ids: notLinked.join('、') },
            message: `not linked to ${current.id}: ${notLinked.join(', ')}`,
          },
        ]
      : []),
  ];
  if (errors.length > 0) throw problems.validation(errors);
  const linking = toLink.cases.filter((c) => c.linkedPatchId !== current.id);
  // Linking what is linked already changes nothing, and is not recorded as a change.
  if (linking.length === 0 && toUnlink.cases.length === 0) return current;
  const now = toCstIso(ctx.now());
  await setCaseLinks(ctx, linking, current.id, now);
  await setCaseLinks(ctx, toUnlink.cases, null, now);
  const unlinked = new Set(toUnlink.cases.map((c) => c.id));
  const ids = [...new Set([...current.demandCaseIds, ...linking.map((c) => c.id)])]
    .filter((caseId) => !unlinked.has(caseId))
    .sort();
  return savePatch(ctx, 'linkDemands', current, {
    ...current,
    demandCaseIds: ids,
    demandCount: ids.length,
    version: current.version + 1,
    updatedAt: now,
  });
}

export async function recordPatchEffect(
  ctx: RuleContext,
  id: string,
  input: PatchEffectMonth,
  ifMatch: number | null,
): Promise<PolicyPatch> {
  const current = await patchToChange(ctx, id, ifMatch);
  if (!patchEffectStatuses.includes(current.status) || current.issuedAt === null) {
    throw problems.invalidTransition('Only an issued patch has an effect to report');
  }
  const thisMonth = toCstIso(ctx.now()).slice(0, 7);
  const issuedMonth = current.issuedAt.slice(0, 7);
  if (input.month < issuedMonth || input.month > thisMonth) {
    throw problems.validation([
      {
        field: 'month',
        code: 'month_out_of_range',
        params: { from: issuedMonth, to: thisMonth },
        message: `a month from the issue (${issuedMonth}) to this one (${thisMonth})`,
      },
    ]);
  }
  const effects = [...current.effects.filter((e) => e.month !== input.month), input].sort((a, b) =>
    a.month.localeCompare(b.month),
  );
  const now = toCstIso(ctx.now());
  return savePatch(ctx, 'effect', current, { ...current, effects, version: current.version + 1, updatedAt: now });
}
