import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api/api-error';
import { createApiClient } from '../../src/api/client';
import { can } from '../../src/api/permissions';
import type { User } from '../../src/api/schemas/auth';
import {
  patchMoveBetween,
  patchMoveRefusal,
  patchMovesFor,
  patchWorkflow,
  type PatchMove,
} from '../../src/api/schemas/patch-workflow';
import { patchStatusSchema, type PatchStatus, type PolicyPatch } from '../../src/api/schemas/policy-patches';
import { sharedBackend } from '../../tests/utils/backend';
import { ruleContext, seeded } from '../../tests/utils/rule-context';
import { ProblemError } from '../rules/problem';
import { transitionPolicyPatch } from '../rules/policy-patches';

const usernames = ['viewer', 'officer', 'manager', 'admin', 'liaison'] as const;
const userNamed = (username: string): User => [...seeded().users.values()].find((u) => u.username === username)!;

type Route = 'rules' | 'api';

/** Tries to move the patch to `to` (with a reason): `ok → status`, or the problem's status and code. */
async function attempt(route: Route, username: string, patch: PolicyPatch, to: PatchStatus): Promise<string> {
  const body = { status: to, note: '依据征求意见修改' };
  try {
    if (route === 'rules') {
      const after = await transitionPolicyPatch(ruleContext(username), patch.id, body, patch.version);
      return `ok → ${after.status}`;
    }
    const token = sharedBackend.token(username);
    const client = createApiClient({ baseUrl: 'http://localhost', getToken: () => token, fetch: sharedBackend.fetch });
    const after = await client.request('transitionPolicyPatch', {
      params: { id: patch.id },
      body,
      ifMatch: patch.version,
    });
    return `ok → ${after.status}`;
  } catch (error) {
    if (error instanceof ProblemError) return `${error.problem.status} ${error.problem.code}`;
    if (error instanceof ApiError) return `${error.status} ${error.code}`;
    throw error;
  }
}

/**
 * What the workflow table says of the attempt. The API refuses a role without `patch:propose`
 * before it looks at the patch; a move the workflow lacks is a conflict with the patch's state.
 */
function expected(route: Route, user: User, patch: PolicyPatch, to: PatchStatus): string {
  if (route === 'api' && !can(user, 'patch:propose')) return '403 forbidden';
  const move = patchMoveBetween(patch.status, to);
  if (move === null) return '409 invalid_transition';
  const refusal = patchMoveRefusal(user, patch, move);
  if (refusal !== null) return '403 forbidden';
  const needs = patchWorkflow[move].needs;
  if (needs === 'clause' && !patch.amendment.trim()) return '422 validation_failed';
  if (needs === 'effect' && patch.effects.length === 0) return '422 validation_failed';
  return `ok → ${to}`;
}

/**
 * A patch in every status, led by 住建局 (the liaison's department) and by another: a copy of a
 * patch of that lead put in the status (an issued one with its effect when there is one), and an
 * issued patch with no effect reported yet.
 */
function situations(): { name: string; patch: PolicyPatch }[] {
  const all = [...seeded().policyPatches.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const leads = [
    { lead: '住建局', test: (p: PolicyPatch) => p.leadDepartmentCode === 'dept.zjj' },
    { lead: 'another', test: (p: PolicyPatch) => p.leadDepartmentCode !== 'dept.zjj' },
  ];
  const found = leads.flatMap(({ lead, test }) => {
    const base = all.find((p) => test(p) && p.effects.length > 0) ?? all.find(test)!;
    return patchStatusSchema.options.map((status) => ({
      name: `${status}, led by ${lead}`,
      patch: {
        ...base,
        status,
        issuedAt: status === 'issued' || status === 'evaluating' ? (base.issuedAt ?? base.collectedAt) : null,
      },
    }));
  });
  const issued = all.find((p) => p.status === 'issued')!;
  return [...found, { name: 'issued, no effect reported yet', patch: { ...issued, effects: [] } }];
}

describe(`the patch workflow, walked through its table (${sharedBackend.label} store)`, () => {
  it('gives each user the moves the office agreed on', () => {
    const [viewer, officer, manager, liaison] = ['viewer', 'officer', 'manager', 'liaison'].map(userNamed) as [
      User,
      User,
      User,
      User,
    ];
    const led = (status: PatchStatus, leadDepartmentCode = 'dept.zjj') => ({ status, leadDepartmentCode });
    expect(patchMovesFor(viewer, led('drafting'))).toEqual([]);
    expect(patchMovesFor(officer, led('consultation'))).toEqual(['redraft', 'submit']);
    expect(patchMovesFor(officer, led('review'))).toEqual([]);
    expect(patchMovesFor(manager, led('review'))).toEqual(['sendBack', 'issue', 'withdraw']);
    expect(patchMovesFor(manager, led('issued'))).toEqual(['evaluate']);
    expect(patchMovesFor(liaison, led('collected'))).toEqual(['draft']);
    expect(patchMovesFor(liaison, led('collected', 'dept.rsj'))).toEqual([]);
    expect(patchMovesFor(manager, led('withdrawn'))).toEqual([]);
    expect(patchMovesFor(manager, led('evaluating'))).toEqual([]);
  });

  it('has patches in every status in the demo data', () => {
    const statuses = new Set([...seeded().policyPatches.values()].map((p) => p.status));
    expect([...statuses].sort()).toEqual([...patchStatusSchema.options].sort());
  });

  const combinations = (['rules', 'api'] as const).flatMap((route) =>
    usernames.map((username) => [route, username] as const),
  );
  it.each(combinations)(
    'through the %s, %s: every move to every status succeeds or is refused as the table says',
    async (route, username) => {
      const user = userNamed(username);
      const actual: Record<string, string> = {};
      const wanted: Record<string, string> = {};
      const { store } = ruleContext('admin');
      for (const [i, { name, patch: template }] of situations().entries()) {
        for (const to of patchStatusSchema.options) {
          if (to === template.status) continue;
          // Each attempt on a copy of its own, so a success changes nothing another attempt meets.
          const patch = { ...template, id: `${template.id}-${i}-${to}` };
          await store.policyPatches.insert(patch);
          const cell = `${name} → ${to}`;
          wanted[cell] = expected(route, user, patch, to);
          actual[cell] = await attempt(route, username, patch, to);
        }
      }
      expect(actual).toEqual(wanted);
      // The matrix exercised successes and each kind of refusal.
      const outcomes = new Set(Object.values(actual).map((o) => o.split(' ')[0]));
      if (can(user, 'patch:propose')) expect([...outcomes]).toEqual(expect.arrayContaining(['ok', '409']));
      else expect(outcomes).toEqual(new Set(route === 'api' ? ['403'] : ['403', '409']));
      if (username === 'manager') expect(outcomes).toContain('422');
    },
  );

  it('keeps the reason of a move that needs one, and refuses the move without it', async () => {
    const ctx = ruleContext('manager');
    const review = [...seeded().policyPatches.values()].find((p) => p.status === 'review')!;
    const missing = await transitionPolicyPatch(ctx, review.id, { status: 'withdrawn' }, review.version).catch(
      (e: unknown) => e,
    );
    expect(missing).toBeInstanceOf(ProblemError);
    expect((missing as ProblemError).problem).toMatchObject({ status: 422, errors: [{ code: 'note_required' }] });
    const withdrawn = await transitionPolicyPatch(
      ctx,
      review.id,
      { status: 'withdrawn', note: '已纳入省级政策统一调整' },
      review.version,
    );
    expect(withdrawn.statusHistory.at(-1)).toMatchObject({
      status: 'withdrawn',
      byName: '王芳',
      note: '已纳入省级政策统一调整',
    });
    expect(withdrawn.version).toBe(review.version + 1);
  });

  it('names every move once per pair of statuses', () => {
    const pairs = (Object.keys(patchWorkflow) as PatchMove[]).flatMap((move) =>
      patchWorkflow[move].from.map((from) => `${from}→${patchWorkflow[move].to}`),
    );
    expect(new Set(pairs).size).toBe(pairs.length);
  });
});
