import { describe, expect, it } from 'vitest';
import type { PolicyPatch } from '../../src/api/schemas/policy-patches';
import { problemOf } from '../../tests/utils/problem';
import { ruleContext, seeded } from '../../tests/utils/rule-context';
import { listAuditEvents } from './audit';
import { patchAgeOf, patchOverview, patchTreeCounts } from './patch-analytics';
import {
  createPolicyPatch,
  getPolicyPatch,
  linkPolicyPatchCases,
  listPolicyPatches,
  presentPolicyPatch,
  recordPatchEffect,
  transitionPolicyPatch,
  updatePolicyPatch,
} from './policy-patches';

const cases = () => [...seeded().serviceCases.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
const patches = () => [...seeded().policyPatches.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
const unlinkedOf = (department: string) => cases().filter((c) => c.departmentCode === department && !c.linkedPatchId);
const draft = {
  title: '关于人才公寓续租的政策补丁',
  policyCode: 'pol.housing.rental',
  blockage: '人才公寓租期上限三年，创业周期较长的团队无法续租。',
  amendment: '',
  leadDepartmentCode: 'dept.zjj',
};

describe('linking demands to policy patches', () => {
  it('proposes a patch from two demands and links both to it, each with its history', async () => {
    const [a, b] = unlinkedOf('dept.zjj');
    const patch = await createPolicyPatch(ruleContext('officer'), { ...draft, demandCaseIds: [b!.id, a!.id] });
    expect(patch).toMatchObject({ status: 'collected', demandCaseIds: [a!.id, b!.id].sort(), demandCount: 2 });
    const ctx = ruleContext('officer');
    for (const id of [a!.id, b!.id]) {
      expect((await ctx.store.serviceCases.get(id))!.linkedPatchId).toBe(patch.id);
      const history = await listAuditEvents(ctx, { entityType: 'serviceCase', entityId: id, page: 1, pageSize: 10 });
      expect(history.items[0]).toMatchObject({ action: 'link', changes: [{ field: 'linkedPatchId', to: patch.id }] });
    }
  });

  it("lets a department's officer link only their department's demands, to patches their department leads", async () => {
    const liaison = ruleContext('liaison');
    const own = unlinkedOf('dept.zjj')[0]!;
    const other = unlinkedOf('dept.rsj')[0]!;
    const foreign = await problemOf(() => createPolicyPatch(liaison, { ...draft, demandCaseIds: [own.id, other.id] }));
    // Another department's case is as unknown to them as a missing one.
    expect(foreign).toMatchObject({ status: 422, errors: [{ field: 'demandCaseIds', code: 'unknown_case' }] });
    expect(foreign.detail).toContain(other.id);
    const notLed = await problemOf(() =>
      createPolicyPatch(liaison, { ...draft, leadDepartmentCode: 'dept.rsj', demandCaseIds: [own.id] }),
    );
    expect(notLed).toMatchObject({ status: 403 });
    const ledByOthers = patches().find((p) => p.status === 'drafting' && p.leadDepartmentCode !== 'dept.zjj')!;
    expect(
      await problemOf(() =>
        linkPolicyPatchCases(liaison, ledByOthers.id, { link: [own.id], unlink: [] }, ledByOthers.version),
      ),
    ).toMatchObject({ status: 403 });
    // Nothing was written.
    expect((await liaison.store.serviceCases.get(own.id))!.linkedPatchId).toBeNull();
  });

  it('refuses a demand already linked to another patch and an unlink of a demand not linked, writing nothing', async () => {
    const ctx = ruleContext('officer');
    const [target, elsewhere] = patches().filter((p) => p.status === 'drafting');
    const taken = elsewhere!.demandCaseIds[0]!;
    const free = unlinkedOf('dept.zjj')[0]!;
    const problem = await problemOf(() =>
      linkPolicyPatchCases(ctx, target!.id, { link: [taken, free.id], unlink: [free.id] }, target!.version),
    );
    expect(problem).toMatchObject({ status: 422 });
    expect(problem.errors!.map((e) => e.code).sort()).toEqual(['already_linked', 'not_linked']);
    expect((await ctx.store.serviceCases.get(free.id))!.linkedPatchId).toBeNull();
    expect((await getPolicyPatch(ctx, target!.id)).version).toBe(target!.version);
  });

  it('links and unlinks, keeping the patch and the cases consistent', async () => {
    const ctx = ruleContext('manager');
    const patch = patches().find((p) => p.status === 'consultation' && p.demandCaseIds.length >= 1)!;
    const [gone] = patch.demandCaseIds;
    const added = unlinkedOf('dept.rsj')[0]!;
    const after = await linkPolicyPatchCases(ctx, patch.id, { link: [added.id], unlink: [gone!] }, patch.version);
    expect(after.demandCaseIds).toContain(added.id);
    expect(after.demandCaseIds).not.toContain(gone);
    expect(after.demandCount).toBe(patch.demandCount);
    expect((await ctx.store.serviceCases.get(gone!))!.linkedPatchId).toBeNull();
    expect((await ctx.store.serviceCases.get(added.id))!.linkedPatchId).toBe(patch.id);
  });

  it("shows a department's officer only their own department's demands of a patch, in it and in its history", async () => {
    const liaison = ruleContext('liaison');
    const manager = ruleContext('manager');
    // A patch in progress naming a demand of 住建局 and one of 人社局.
    const patch = patches().find((p) => p.status === 'drafting')!;
    const [ownCase] = unlinkedOf('dept.zjj');
    const [otherCase] = unlinkedOf('dept.rsj');
    const linked = await linkPolicyPatchCases(
      manager,
      patch.id,
      { link: [ownCase!.id, otherCase!.id], unlink: [] },
      patch.version,
    );
    const own = linked.demandCaseIds.filter((id) => seeded().serviceCases.get(id)!.departmentCode === 'dept.zjj');
    expect(own).toContain(ownCase!.id);

    const seen = await presentPolicyPatch(liaison, linked);
    expect(seen.demandCaseIds).toEqual(own);
    expect(seen.demandCaseIds).not.toContain(otherCase!.id);
    expect(seen.demandCount).toBe(linked.demandCount);
    const listed = await listPolicyPatches(liaison, { page: 1, pageSize: 200, q: patch.id });
    expect(listed.items[0]!.demandCaseIds).toEqual(own);

    const history = await listAuditEvents(liaison, {
      entityType: 'policyPatch',
      entityId: patch.id,
      page: 1,
      pageSize: 10,
    });
    expect(history.items[0]!.changes.map((c) => c.field)).toEqual(['demandCount']);
    const full = await listAuditEvents(manager, {
      entityType: 'policyPatch',
      entityId: patch.id,
      page: 1,
      pageSize: 10,
    });
    expect(full.items[0]!.changes.map((c) => c.field)).toEqual(['demandCaseIds', 'demandCount']);
  });
});

describe('what a probe of the API found', () => {
  it("refuses a department's officer handing their patch to another department", async () => {
    const liaison = ruleContext('liaison');
    const own = patches().find((p) => p.leadDepartmentCode === 'dept.zjj' && p.status === 'drafting');
    const patch = own ?? (await createPolicyPatch(liaison, { ...draft, demandCaseIds: [] }));
    expect(
      await problemOf(() =>
        updatePolicyPatch(liaison, patch.id, { ...patch, leadDepartmentCode: 'dept.rsj' }, patch.version),
      ),
    ).toMatchObject({ status: 403 });
  });

  it('releases the demands of a withdrawn patch, but gives it no new ones', async () => {
    const ctx = ruleContext('manager');
    const withdrawn = patches().find((p) => p.status === 'withdrawn' && p.demandCaseIds.length > 0)!;
    const free = unlinkedOf('dept.zjj')[0]!;
    expect(
      await problemOf(() =>
        linkPolicyPatchCases(ctx, withdrawn.id, { link: [free.id], unlink: [] }, withdrawn.version),
      ),
    ).toMatchObject({ status: 409, code: 'invalid_transition' });
    const [released] = withdrawn.demandCaseIds;
    const after = await linkPolicyPatchCases(ctx, withdrawn.id, { link: [], unlink: [released!] }, withdrawn.version);
    expect(after.demandCaseIds).not.toContain(released);
    expect((await ctx.store.serviceCases.get(released!))!.linkedPatchId).toBeNull();
  });

  it('writes nothing when linking what is linked already', async () => {
    const ctx = ruleContext('manager');
    const patch = patches().find((p) => p.status === 'drafting' && p.demandCaseIds.length > 0)!;
    const same = await linkPolicyPatchCases(
      ctx,
      patch.id,
      { link: [patch.demandCaseIds[0]!], unlink: [] },
      patch.version,
    );
    expect(same.version).toBe(patch.version);
    const history = await listAuditEvents(ctx, {
      entityType: 'policyPatch',
      entityId: patch.id,
      page: 1,
      pageSize: 10,
    });
    expect(history.total).toBe(0);
  });

  it('takes a reason of invisible characters for no reason', async () => {
    const ctx = ruleContext('manager');
    const review = patches().find((p) => p.status === 'review')!;
    expect(
      await problemOf(() =>
        transitionPolicyPatch(ctx, review.id, { status: 'withdrawn', note: '\u200b\u200e ' }, review.version),
      ),
    ).toMatchObject({ status: 422, errors: [{ code: 'note_required' }] });
  });
});

describe('editing a patch and reporting its effect', () => {
  it('edits a patch in progress, not one issued', async () => {
    const ctx = ruleContext('officer');
    const drafting = patches().find((p) => p.status === 'drafting')!;
    const edited = await updatePolicyPatch(
      ctx,
      drafting.id,
      { ...drafting, amendment: '租期延长至五年。' },
      drafting.version,
    );
    expect(edited).toMatchObject({ amendment: '租期延长至五年。', version: drafting.version + 1 });
    const issued = patches().find((p) => p.status === 'issued')!;
    expect(await problemOf(() => updatePolicyPatch(ctx, issued.id, issued, issued.version))).toMatchObject({
      status: 409,
      code: 'invalid_transition',
    });
  });

  it("records a month's effect from the month of issue to this one, replacing a month reported again", async () => {
    const ctx = ruleContext('officer');
    const issued = patches().find((p) => p.status === 'issued')!;
    const month = issued.issuedAt!.slice(0, 7);
    const first = await recordPatchEffect(
      ctx,
      issued.id,
      { month, beneficiaries: 7, fundsDisbursed: 21.5 },
      issued.version,
    );
    const again = await recordPatchEffect(
      ctx,
      issued.id,
      { month, beneficiaries: 9, fundsDisbursed: 30 },
      first.version,
    );
    expect(again.effects.filter((e) => e.month === month)).toEqual([{ month, beneficiaries: 9, fundsDisbursed: 30 }]);
    expect(again.effects.length).toBe(issued.effects.length + (issued.effects.some((e) => e.month === month) ? 0 : 1));
    for (const early of ['2019-01', '2026-12']) {
      expect(
        await problemOf(() =>
          recordPatchEffect(ctx, issued.id, { month: early, beneficiaries: 1, fundsDisbursed: 1 }, again.version),
        ),
      ).toMatchObject({ status: 422, errors: [{ code: 'month_out_of_range' }] });
    }
  });
});

describe('patch filters and analytics', () => {
  it('matches a node of the policy tree with its whole branch, and an age by when the patch was collected', async () => {
    const ctx = ruleContext('manager');
    const branch = await listPolicyPatches(ctx, { page: 1, pageSize: 200, policy: ['pol.housing'] });
    const housing = patches().filter((p) => p.policyCode.startsWith('pol.housing'));
    expect(branch.total).toBe(housing.length);
    expect(new Set(branch.items.map((p) => p.policyCode)).size).toBeGreaterThan(1);

    const young = await listPolicyPatches(ctx, { page: 1, pageSize: 200, age: ['d30', 'older'] });
    const now = ctx.now();
    const expected = patches().filter((p) => ['d30', 'older'].includes(patchAgeOf(p.collectedAt, now)));
    expect(young.items.map((p) => p.id).sort()).toEqual(expected.map((p) => p.id));
  });

  it('counts the tree per policy and status under the other filters', async () => {
    const ctx = ruleContext('viewer');
    const counts = await patchTreeCounts(ctx, { department: ['dept.zjj'] });
    const led = patches().filter((p) => p.leadDepartmentCode === 'dept.zjj');
    expect(counts.reduce((sum, c) => sum + c.count, 0)).toBe(led.length);
    for (const { policyCode, status, count } of counts) {
      expect(count).toBe(led.filter((p) => p.policyCode === policyCode && p.status === status).length);
    }
  });

  it('figures the patches as the definitions say', async () => {
    const ctx = ruleContext('viewer');
    const overview = await patchOverview(ctx, { year: 2026 });
    const all = patches();
    const firstDemand = (p: PolicyPatch) =>
      p.demandCaseIds.map((id) => seeded().serviceCases.get(id)!.receivedAt).sort()[0]!;
    // Over the patches issued in the year asked for.
    const days = all
      .filter((p) => p.issuedAt?.startsWith('2026-'))
      .map((p) => (Date.parse(p.issuedAt!) - Date.parse(firstDemand(p))) / 86_400_000)
      .sort((a, b) => a - b);
    const rank = (p: number) => Math.round(days[Math.max(1, Math.ceil(p * days.length)) - 1]! * 10) / 10;
    expect(overview.demandToIssue).toEqual({ count: days.length, medianDays: rank(0.5), p90Days: rank(0.9) });
    expect(overview.issuedInYear).toBe(all.filter((p) => p.issuedAt?.startsWith('2026-')).length);
    expect(overview.inProgress).toBe(
      all.filter((p) => ['collected', 'drafting', 'consultation', 'review'].includes(p.status)).length,
    );
    expect(overview.aging.reduce((sum, a) => sum + a.count, 0)).toBe(overview.inProgress);
    expect(overview.waitingDemands).toBe(
      all
        .filter((p) => ['collected', 'drafting', 'consultation', 'review'].includes(p.status))
        .reduce((sum, p) => sum + p.demandCaseIds.length, 0),
    );
    const beneficiaries = all.flatMap((p) => p.effects).reduce((sum, e) => sum + e.beneficiaries, 0);
    expect(overview.effect.beneficiaries).toBe(beneficiaries);
    expect(overview.effectByMonth.reduce((sum, m) => sum + m.beneficiaries, 0)).toBe(beneficiaries);
    expect(overview.byBranch.reduce((sum, b) => sum + b.patches, 0)).toBe(all.length);
    const housing = overview.byBranch.find((b) => b.policyCode === 'pol.housing')!;
    expect(housing.patches).toBe(all.filter((p) => p.policyCode.startsWith('pol.housing')).length);
    expect(overview.byPolicy[0]!.count).toBe(Math.max(...overview.byPolicy.map((p) => p.count)));

    // The tree's selection narrows the figures.
    const branch = await patchOverview(ctx, { year: 2026, policy: ['pol.housing'] });
    expect(branch.byStatus.reduce((sum, s) => sum + s.count, 0)).toBe(housing.patches);
  });
});
