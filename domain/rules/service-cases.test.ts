import { describe, expect, it } from 'vitest';
import { awaitsFollowUp } from '../../src/api/schemas/case-workflow';
import { ruleContext, seeded } from '../../tests/utils/rule-context';
import { listAuditEvents } from './audit';
import { ProblemError } from './problem';
import type { ServiceCase } from '../../src/api/schemas/service-cases';
import {
  answerServiceCase,
  assignServiceCase,
  closeServiceCase,
  followUpServiceCase,
  getServiceCase,
  listServiceCases,
  superviseServiceCase,
} from './service-cases';

const future = '2026-12-05T18:00:00+08:00';

async function problemOf(run: () => Promise<unknown>) {
  try {
    await run();
  } catch (error) {
    if (error instanceof ProblemError) return error.problem;
    throw error;
  }
  throw new Error('expected a problem');
}

function newCase() {
  return [...seeded().serviceCases.values()].find((c) => c.status === 'new')!;
}

/** Whether the case is among the overdue ones, as the list's filter counts at `now`. */
async function listedOverdue(id: string, now: Date) {
  const ctx = { ...ruleContext('manager'), now: () => now };
  const page = await listServiceCases(ctx, { page: 1, pageSize: 200, overdue: 'true', q: id });
  return page.items.some((c) => c.id === id);
}

describe('service case workflow', () => {
  it('goes assign → answer → close, bumping the version and keeping each step in the history', async () => {
    const ctx = ruleContext('officer');
    const start = newCase();
    const assigned = await assignServiceCase(
      ctx,
      start.id,
      { departmentCode: 'dept.zjj', assigneeId: 'u.liaison', dueAt: future },
      1,
    );
    expect(assigned).toMatchObject({
      status: 'assigned',
      departmentCode: 'dept.zjj',
      assigneeName: '刘洋',
      version: 2,
    });
    const answered = await answerServiceCase(ctx, start.id, { countermeasure: '已安排人才公寓' }, 2);
    expect(answered).toMatchObject({ status: 'answered', countermeasure: '已安排人才公寓', version: 3 });
    const closed = await closeServiceCase(ctx, start.id, { note: '' }, 3);
    expect(closed.status).toBe('closed');
    expect(closed.closedAt).not.toBeNull();

    const events = await listAuditEvents(ctx, { page: 1, pageSize: 50, entityType: 'serviceCase', entityId: start.id });
    const history = events.items.reverse();
    expect(history.map((e) => e.action)).toEqual(['create', 'assign', 'answer', 'close']);
    expect(history[1]!.changes).toContainEqual({ field: 'status', from: 'new', to: 'assigned' });
    expect(history.every((e) => e.actorName)).toBe(true);
  });

  it('keeps the policy an answer cites, and refuses one the 1+N+X system does not have', async () => {
    const ctx = ruleContext('officer');
    const start = [...seeded().serviceCases.values()].find((c) => c.status === 'assigned')!;
    const unknown = await problemOf(() =>
      answerServiceCase(ctx, start.id, { countermeasure: '按政策办理', citedPolicyCode: 'pol.nowhere' }, start.version),
    );
    expect(unknown).toMatchObject({ status: 422, errors: [{ field: 'citedPolicyCode', code: 'unknown_code' }] });
    const answered = await answerServiceCase(
      ctx,
      start.id,
      { countermeasure: '按政策办理', citedPolicyCode: 'pol.housing.subsidy' },
      start.version,
    );
    expect(answered).toMatchObject({ status: 'answered', citedPolicyCode: 'pol.housing.subsidy' });
  });

  it('reopens a case when the follow-up visit finds the requester unsatisfied', async () => {
    const ctx = ruleContext('officer');
    const closed = [...seeded().serviceCases.values()].find((c) => awaitsFollowUp(c))!;
    const result = await followUpServiceCase(
      ctx,
      closed.id,
      { satisfaction: 'unsatisfied', note: '仍未解决' },
      closed.version,
    );
    expect(result).toMatchObject({ status: 'reopened', closedAt: null, followUp: { satisfaction: 'unsatisfied' } });
  });

  it('refuses a step the status does not allow, and a stale version', async () => {
    const ctx = ruleContext('officer');
    const start = newCase();
    expect(await problemOf(() => closeServiceCase(ctx, start.id, { note: '' }, 1))).toMatchObject({
      status: 409,
      code: 'invalid_transition',
    });
    const conflict = await problemOf(() =>
      assignServiceCase(ctx, start.id, { departmentCode: 'dept.zjj', assigneeId: null, dueAt: future }, 7),
    );
    expect(conflict).toMatchObject({ status: 409, code: 'version_conflict', current: { id: start.id, version: 1 } });
  });

  it('checks the assignee belongs to the department and the deadline lies ahead', async () => {
    const ctx = ruleContext('officer');
    const start = newCase();
    const problem = await problemOf(() =>
      assignServiceCase(
        ctx,
        start.id,
        { departmentCode: 'dept.jyj', assigneeId: 'u.liaison', dueAt: '2026-11-01T18:00:00+08:00' },
        1,
      ),
    );
    expect(problem.status).toBe(422);
    expect(problem.errors?.map((e) => e.field).sort()).toEqual(['assigneeId', 'dueAt']);
  });

  it('counts a supervised case overdue once its supervision deadline passes', async () => {
    const ctx = ruleContext('manager');
    const target = [...seeded().serviceCases.values()].find(
      (c) => c.status === 'assigned' && c.supervision === null && c.dueAt > '2026-11-26',
    )!;
    const tomorrow = new Date('2026-11-26T09:00:00+08:00');
    expect(await listedOverdue(target.id, tomorrow)).toBe(false);
    await superviseServiceCase(ctx, target.id, { deadline: '2026-11-25', note: '请今日办结' }, target.version);
    expect(await listedOverdue(target.id, ctx.now())).toBe(false);
    expect(await listedOverdue(target.id, tomorrow)).toBe(true);
  });
});

describe('data scope and masking', () => {
  it('shows a liaison of 住建局 only the cases assigned to 住建局', async () => {
    const page = await listServiceCases(ruleContext('liaison'), { page: 1, pageSize: 200 });
    const expected = [...seeded().serviceCases.values()].filter((c) => c.departmentCode === 'dept.zjj').length;
    expect(page.total).toBe(expected);
    expect(page.items.every((c) => c.departmentCode === 'dept.zjj')).toBe(true);
  });

  it('answers "not found" for a case outside the scope, so its existence does not leak', async () => {
    const ctx = ruleContext('liaison');
    const other = [...seeded().serviceCases.values()].find((c) => c.departmentCode === 'dept.jyj')!;
    expect(await problemOf(() => getServiceCase(ctx, other.id))).toMatchObject({ status: 404 });
  });

  it('lets only the talent office send a case to another department', async () => {
    const ctx = ruleContext('liaison');
    const own = [...seeded().serviceCases.values()].find(
      (c) => c.departmentCode === 'dept.zjj' && c.status === 'assigned',
    )!;
    const problem = await problemOf(() =>
      assignServiceCase(ctx, own.id, { departmentCode: 'dept.jyj', assigneeId: null, dueAt: future }, own.version),
    );
    expect(problem.status).toBe(403);
  });

  it('masks phone, ID number and address for a viewer and for nobody else', async () => {
    const person = async (username: string) =>
      (await listServiceCases(ruleContext(username), { page: 1, pageSize: 50, sort: 'id' })).items.find(
        (c) => c.requesterType === 'person',
      )!;
    const viewer = await person('viewer');
    const officer = await person('officer');
    expect(viewer.id).toBe(officer.id);
    expect(officer.requesterPhone).toMatch(/^1\d{10}$/);
    expect(viewer.requesterPhone).toBe(`${officer.requesterPhone.slice(0, 3)}****${officer.requesterPhone.slice(-4)}`);
    expect(viewer.requesterIdNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect(viewer.requesterAddress).toMatch(/\*{4}$/);
  });
});

describe('deadlines: the talent office sets them, a department keeps them', () => {
  const ownAssigned = (test: (c: ServiceCase) => boolean = () => true) =>
    [...seeded().serviceCases.values()].find(
      (c) => c.departmentCode === 'dept.zjj' && c.status === 'assigned' && test(c),
    )!;
  const reassign = (username: string, target: ServiceCase, dueAt: string) =>
    assignServiceCase(
      ruleContext(username),
      target.id,
      { departmentCode: 'dept.zjj', assigneeId: 'u.zjj-2', dueAt },
      target.version,
    );

  it('lets the liaison hand its case to a colleague with the deadline unchanged, in any offset', async () => {
    const target = ownAssigned((c) => c.assigneeId !== 'u.zjj-2');
    const handed = await reassign('liaison', target, target.dueAt);
    expect(handed).toMatchObject({ assigneeId: 'u.zjj-2', dueAt: target.dueAt, version: target.version + 1 });
    // The same instant written in UTC is the same deadline.
    const again = await reassign('liaison', handed, new Date(target.dueAt).toISOString());
    expect(again).toMatchObject({ dueAt: target.dueAt, version: target.version + 2 });
  });

  it('refuses the liaison a moved deadline with 403, and stores nothing', async () => {
    const target = ownAssigned();
    const later = new Date(Date.parse(target.dueAt) + 86_400_000).toISOString();
    expect(await problemOf(() => reassign('liaison', target, later))).toMatchObject({
      status: 403,
      code: 'forbidden',
      detail: expect.stringContaining('deadline'),
    });
    // The same wall-clock time at +14:00 is six hours earlier: a move, however alike the text.
    const sameText = target.dueAt.replace('+08:00', '+14:00');
    expect(await problemOf(() => reassign('liaison', target, sameText))).toMatchObject({ status: 403 });
    expect(await ruleContext('liaison').store.serviceCases.get(target.id)).toEqual(target);
  });

  it('keeps a deadline that has passed without complaint; a moved one must lie ahead, for the talent office too', async () => {
    const overdue = ownAssigned((c) => Date.parse(c.dueAt) < Date.parse('2026-11-25T10:00:00+08:00'));
    const kept = await reassign('liaison', overdue, overdue.dueAt);
    expect(kept.dueAt).toBe(overdue.dueAt);
    const byOffice = await reassign('officer', kept, kept.dueAt);
    expect(byOffice.dueAt).toBe(overdue.dueAt);
    const movedIntoPast = new Date(Date.parse(overdue.dueAt) - 3_600_000).toISOString();
    expect(await problemOf(() => reassign('officer', byOffice, movedIntoPast))).toMatchObject({
      status: 422,
      errors: [expect.objectContaining({ field: 'dueAt', code: 'not_future' })],
    });
    const moved = await reassign('officer', byOffice, future);
    expect(moved.dueAt).toBe(future);
  });
});

describe('instants compared as instants', () => {
  it('finds a case overdue by its due moment, whatever offset the due time was written with', async () => {
    const ctx = ruleContext('manager');
    const start = newCase();
    // 03:00 Z is 11:00 in China: still to come at 10:00, though as text it sorts before "…T10:00:00+08:00".
    const assigned = await assignServiceCase(
      ctx,
      start.id,
      { departmentCode: 'dept.zjj', assigneeId: null, dueAt: '2026-11-25T03:00:00Z' },
      start.version,
    );
    expect(assigned.dueAt).toBe('2026-11-25T11:00:00+08:00');
    expect(await listedOverdue(start.id, new Date('2026-11-25T10:59:00+08:00'))).toBe(false);
    expect(await listedOverdue(start.id, new Date('2026-11-25T11:01:00+08:00'))).toBe(true);
  });
});
