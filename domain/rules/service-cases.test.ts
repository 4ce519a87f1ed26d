import { describe, expect, it } from 'vitest';
import { problemOf } from '../../tests/utils/problem';
import { ruleContext, seeded } from '../../tests/utils/rule-context';
import type { ServiceCase } from '../../src/api/schemas/service-cases';
import { listAuditEvents } from './audit';
import {
  acceptServiceCase,
  answerServiceCase,
  assignServiceCase,
  createServiceCase,
  decideServiceCaseExtension,
  dispatchServiceCase,
  followUpServiceCase,
  getServiceCase,
  listServiceCases,
  requestServiceCaseExtension,
  resumeServiceCase,
  returnServiceCase,
  reviewReturnOfServiceCase,
  sendBackServiceCase,
  signServiceCase,
  superviseServiceCase,
  suspendServiceCase,
} from './service-cases';

/** The named user acting at a given moment in China. */
const at = (username: string, instant: string) => ({ ...ruleContext(username), now: () => new Date(instant) });

/** A demand the talent office registers (now, unless said), of a category (housing: 10 working days; schooling: 7). */
function newCase(categoryCode = 'cat.housing', instant = '2026-11-25T10:00:00+08:00') {
  return createServiceCase(at('officer', instant), {
    monthId: 'SM-2026',
    requesterType: 'person',
    requesterName: '王某',
    enterpriseName: null,
    requesterPhone: '13900002222',
    categoryCode,
    title: '测试需求',
    description: '希望尽快解决',
    priority: 'normal',
  });
}

/** Whether the case is among the overdue ones, as the list's filter counts at `now`. */
async function listedOverdue(id: string, now: Date) {
  const ctx = { ...ruleContext('manager'), now: () => now };
  const page = await listServiceCases(ctx, { page: 1, pageSize: 200, overdue: 'true', q: id });
  return page.items.some((c) => c.id === id);
}

describe('a demand from dispatch to 结案, the hotline way', () => {
  it('goes through a return, an overruled objection, an extension, the answer, its acceptance and the visit', async () => {
    const start = await newCase('cat.housing', '2026-11-23T08:30:00+08:00');
    // Monday 23 November 2026: dispatched to 住建局, to sign by 18:00 the next working day.
    let c: ServiceCase = await dispatchServiceCase(
      at('officer', '2026-11-23T09:00:00+08:00'),
      start.id,
      { departmentCode: 'dept.zjj', assigneeId: null },
      start.version,
    );
    expect(c).toMatchObject({
      status: 'dispatched',
      departmentCode: 'dept.zjj',
      stageDueAt: '2026-11-24T18:00:00+08:00',
    });
    c = await returnServiceCase(
      at('liaison', '2026-11-23T11:00:00+08:00'),
      c.id,
      { reason: '应由属地板块办理' },
      c.version,
    );
    expect(c).toMatchObject({ status: 'returned', stageDueAt: '2026-11-24T18:00:00+08:00' });
    expect(c.dispatches[0]!.returned).toMatchObject({ reason: '应由属地板块办理', byName: '刘洋' });
    // The objection is overruled: back to 住建局, which may not return it again.
    c = await reviewReturnOfServiceCase(
      at('officer', '2026-11-23T15:00:00+08:00'),
      c.id,
      { decision: 'uphold', note: '人才安居属住建局职责' },
      c.version,
    );
    expect(c).toMatchObject({ status: 'dispatched', departmentCode: 'dept.zjj' });
    expect(c.dispatches.map((d) => [d.upheld, d.returned?.decision ?? null])).toEqual([
      [false, 'uphold'],
      [true, null],
    ]);
    expect(
      await problemOf(() =>
        returnServiceCase(at('liaison', '2026-11-23T16:00:00+08:00'), c.id, { reason: '仍有异议' }, c.version),
      ),
    ).toMatchObject({ status: 409, code: 'invalid_transition' });
    // Signed Tuesday: the clock starts, 10 working days for housing → Tuesday 8 December.
    c = await signServiceCase(at('liaison', '2026-11-24T09:30:00+08:00'), c.id, c.version);
    expect(c).toMatchObject({
      status: 'inProgress',
      signedAt: '2026-11-24T09:30:00+08:00',
      assigneeId: 'u.liaison',
      dueAt: '2026-12-08T18:00:00+08:00',
      stageDueAt: '2026-12-08T18:00:00+08:00',
    });
    c = await requestServiceCaseExtension(
      at('liaison', '2026-12-04T10:00:00+08:00'),
      c.id,
      { dueAt: '2026-12-15T18:00:00+08:00', reason: '需协调不动产登记中心' },
      c.version,
    );
    // An officer may not decide it; a manager approves it and the deadline moves.
    expect(
      await problemOf(() =>
        decideServiceCaseExtension(
          at('officer', '2026-12-04T11:00:00+08:00'),
          c.id,
          { decision: 'approved', note: '' },
          c.version,
        ),
      ),
    ).toMatchObject({ status: 403 });
    c = await decideServiceCaseExtension(
      at('manager', '2026-12-04T11:00:00+08:00'),
      c.id,
      { decision: 'approved', note: '' },
      c.version,
    );
    expect(c).toMatchObject({ dueAt: '2026-12-15T18:00:00+08:00', stageDueAt: '2026-12-15T18:00:00+08:00' });
    expect(c.extensions[0]).toMatchObject({
      decision: 'approved',
      decidedByName: '王芳',
      previousDueAt: '2026-12-08T18:00:00+08:00',
    });
    c = await answerServiceCase(
      at('liaison', '2026-12-14T16:00:00+08:00'),
      c.id,
      { countermeasure: '已安排人才公寓' },
      c.version,
    );
    expect(c).toMatchObject({
      status: 'answered',
      answeredAt: '2026-12-14T16:00:00+08:00',
      stageDueAt: '2026-12-15T18:00:00+08:00',
    });
    c = await acceptServiceCase(at('officer', '2026-12-15T09:00:00+08:00'), c.id, { note: '' }, c.version);
    expect(c).toMatchObject({ status: 'visiting', stageDueAt: '2026-12-18T18:00:00+08:00' });
    c = await followUpServiceCase(
      at('officer', '2026-12-16T10:00:00+08:00'),
      c.id,
      { satisfaction: 'satisfied', attributable: false, note: '' },
      c.version,
    );
    expect(c).toMatchObject({ status: 'closed', closedAt: '2026-12-16T10:00:00+08:00', stageDueAt: null, round: 1 });

    const events = await listAuditEvents(ruleContext('officer'), {
      page: 1,
      pageSize: 50,
      entityType: 'serviceCase',
      entityId: start.id,
    });
    expect(events.items.reverse().map((e) => e.action)).toEqual([
      'create',
      'dispatch',
      'return',
      'reviewReturn',
      'sign',
      'requestExtension',
      'decideExtension',
      'answer',
      'accept',
      'followUp',
    ]);
  });

  it('redoes a case (重办) when the requester is unsatisfied for a reason the department caused', async () => {
    const start = await newCase('cat.schooling');
    let c = await dispatchServiceCase(
      ruleContext('officer'),
      start.id,
      { departmentCode: 'dept.zjj', assigneeId: 'u.liaison' },
      start.version,
    );
    c = await signServiceCase(ruleContext('liaison'), c.id, c.version);
    c = await answerServiceCase(ruleContext('liaison'), c.id, { countermeasure: '已协调' }, c.version);
    // Sent back once: the department works on against the same deadline.
    c = await sendBackServiceCase(ruleContext('officer'), c.id, { reason: '未说明办理时限' }, c.version);
    expect(c).toMatchObject({ status: 'inProgress', sentBack: { reason: '未说明办理时限' }, round: 1 });
    c = await answerServiceCase(ruleContext('liaison'), c.id, { countermeasure: '已协调，12月底前入学' }, c.version);
    c = await acceptServiceCase(ruleContext('officer'), c.id, { note: '' }, c.version);
    expect(c.sentBack).toBeNull();
    c = await followUpServiceCase(
      at('officer', '2026-11-26T10:00:00+08:00'),
      c.id,
      { satisfaction: 'unsatisfied', attributable: true, note: '仍未落实' },
      c.version,
    );
    // A new round, with the category's 7 working days from the visit: Thursday 26 Nov → Monday 7 Dec.
    expect(c).toMatchObject({ status: 'inProgress', round: 2, closedAt: null, dueAt: '2026-12-07T18:00:00+08:00' });
  });

  it('closes a case when the requester is unsatisfied for a reason outside the department', async () => {
    const visiting = [...seeded().serviceCases.values()].find((c) => c.status === 'visiting')!;
    const c = await followUpServiceCase(
      ruleContext('officer'),
      visiting.id,
      { satisfaction: 'unsatisfied', attributable: false, note: '政策不支持' },
      visiting.version,
    );
    expect(c).toMatchObject({
      status: 'closed',
      round: visiting.round,
      followUp: { satisfaction: 'unsatisfied', attributable: false },
    });
  });

  it('keeps the policy an answer cites, and refuses one the 1+N+X system does not have', async () => {
    const start = [...seeded().serviceCases.values()].find(
      (c) => c.status === 'inProgress' && c.departmentCode === 'dept.zjj',
    )!;
    const ctx = ruleContext('liaison');
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
});

describe('time in working days', () => {
  it('carries a deadline across the Spring Festival, 调休 Saturdays counted', async () => {
    const start = await newCase('cat.schooling');
    let c = await dispatchServiceCase(
      at('officer', '2026-02-11T09:00:00+08:00'),
      start.id,
      { departmentCode: 'dept.zjj', assigneeId: null },
      start.version,
    );
    // Thu 12 Feb signed: 13 (Fri), 14 (Sat, 调休), then 15–23 off, 24–27, and 28 (Sat, 调休) is the seventh.
    c = await signServiceCase(at('liaison', '2026-02-12T10:00:00+08:00'), c.id, c.version);
    expect(c.dueAt).toBe('2026-02-28T18:00:00+08:00');
  });

  it('stops the clock while suspended and moves the deadline by the working days it waited', async () => {
    const start = await newCase('cat.schooling');
    let c = await dispatchServiceCase(
      at('officer', '2026-11-23T09:00:00+08:00'),
      start.id,
      { departmentCode: 'dept.zjj', assigneeId: null },
      start.version,
    );
    c = await signServiceCase(at('liaison', '2026-11-23T10:00:00+08:00'), c.id, c.version);
    expect(c.dueAt).toBe('2026-12-02T18:00:00+08:00');
    c = await suspendServiceCase(
      at('liaison', '2026-11-25T10:00:00+08:00'),
      c.id,
      { reason: '等待申请人补充材料' },
      c.version,
    );
    expect(c).toMatchObject({ status: 'suspended', stageDueAt: null });
    expect(await listedOverdue(c.id, new Date('2026-12-03T10:00:00+08:00'))).toBe(false);
    // Wednesday to the next Wednesday: five working days.
    c = await resumeServiceCase(at('liaison', '2026-12-02T09:00:00+08:00'), c.id, { note: '' }, c.version);
    expect(c).toMatchObject({
      status: 'inProgress',
      dueAt: '2026-12-09T18:00:00+08:00',
      stageDueAt: '2026-12-09T18:00:00+08:00',
    });
    expect(c.suspensions[0]).toMatchObject({ pausedWorkingDays: 5, resumedAt: '2026-12-02T09:00:00+08:00' });
    // Answered on Friday 4 December: nine working days from signing, less the five suspended.
    c = await answerServiceCase(
      at('liaison', '2026-12-04T16:00:00+08:00'),
      c.id,
      { countermeasure: '已协调入学' },
      c.version,
    );
    expect(c.handlingWorkingDays).toBe(4);
  });

  it('takes an extension request only by the working day before the deadline, and only for a later one', async () => {
    const start = await newCase('cat.schooling');
    let c = await dispatchServiceCase(
      at('officer', '2026-11-23T09:00:00+08:00'),
      start.id,
      { departmentCode: 'dept.zjj', assigneeId: null },
      start.version,
    );
    c = await signServiceCase(at('liaison', '2026-11-23T10:00:00+08:00'), c.id, c.version);
    // Due Wednesday 2 December: the last day to ask is Tuesday 1 December.
    const ask = (instant: string, dueAt: string) =>
      requestServiceCaseExtension(at('liaison', instant), c.id, { dueAt, reason: '等待材料' }, c.version);
    expect(await problemOf(() => ask('2026-12-02T09:00:00+08:00', '2026-12-09T18:00:00+08:00'))).toMatchObject({
      status: 409,
      detail: expect.stringContaining('2026-12-01'),
    });
    expect(await problemOf(() => ask('2026-11-30T09:00:00+08:00', '2026-12-01T18:00:00+08:00'))).toMatchObject({
      status: 422,
      errors: [expect.objectContaining({ field: 'dueAt', code: 'not_later' })],
    });
    // At most one more time limit (schooling: 7 working days) past the deadline: to 11 December.
    expect(await problemOf(() => ask('2026-11-30T09:00:00+08:00', '2026-12-14T18:00:00+08:00'))).toMatchObject({
      status: 422,
      errors: [
        expect.objectContaining({
          field: 'dueAt',
          code: 'extension_too_long',
          params: { latest: '2026-12-11', days: 7 },
        }),
      ],
    });
    c = await ask('2026-12-01T17:00:00+08:00', '2026-12-09T18:00:00+08:00');
    // A second request waits for the first to be decided.
    expect(await problemOf(() => ask('2026-12-01T17:30:00+08:00', '2026-12-10T18:00:00+08:00'))).toMatchObject({
      status: 409,
      detail: expect.stringContaining('already'),
    });
    c = await decideServiceCaseExtension(
      ruleContext('manager'),
      c.id,
      { decision: 'refused', note: '请按期办结' },
      c.version,
    );
    expect(c).toMatchObject({ dueAt: '2026-12-02T18:00:00+08:00' });
    expect(c.extensions[0]).toMatchObject({ decision: 'refused', decisionNote: '请按期办结' });
  });

  it('counts a supervised case overdue once its supervision deadline passes', async () => {
    const ctx = ruleContext('manager');
    const target = [...seeded().serviceCases.values()].find(
      (c) =>
        c.status === 'inProgress' &&
        c.supervision === null &&
        c.escalation === null &&
        c.stageDueAt !== null &&
        c.stageDueAt > '2026-11-27',
    )!;
    const tomorrow = new Date('2026-11-26T09:00:00+08:00');
    expect(await listedOverdue(target.id, tomorrow)).toBe(false);
    const supervised = await superviseServiceCase(
      ctx,
      target.id,
      { deadline: '2026-11-25', note: '请今日办结' },
      target.version,
    );
    expect(supervised.notices.at(-1)).toMatchObject({
      kind: 'supervision',
      note: '请今日办结',
      departmentCode: target.departmentCode,
    });
    expect(await listedOverdue(target.id, ctx.now())).toBe(false);
    expect(await listedOverdue(target.id, tomorrow)).toBe(true);
  });
});

describe('data scope and masking', () => {
  it('shows a liaison of 住建局 only the cases 住建局 leads or is asked to assist with', async () => {
    const page = await listServiceCases(ruleContext('liaison'), { page: 1, pageSize: 200 });
    const involves = (c: ServiceCase) =>
      c.departmentCode === 'dept.zjj' || c.assists.some((a) => a.departmentCode === 'dept.zjj');
    const expected = [...seeded().serviceCases.values()].filter(involves).length;
    expect(page.total).toBe(expected);
    expect(page.items.every(involves)).toBe(true);
    expect([...seeded().serviceCases.values()].some((c) => involves(c) && c.departmentCode !== 'dept.zjj')).toBe(true);
  });

  it('answers "not found" for a case outside the scope, so its existence does not leak', async () => {
    const ctx = ruleContext('liaison');
    const other = [...seeded().serviceCases.values()].find((c) => c.departmentCode === 'dept.jyj')!;
    expect(await problemOf(() => getServiceCase(ctx, other.id))).toMatchObject({ status: 404 });
  });

  it('lets only the talent office dispatch, and a department name only its own officers', async () => {
    const own = [...seeded().serviceCases.values()].find(
      (c) => c.departmentCode === 'dept.zjj' && c.status === 'inProgress',
    )!;
    const liaison = ruleContext('liaison');
    expect(
      await problemOf(() =>
        dispatchServiceCase(liaison, own.id, { departmentCode: 'dept.jyj', assigneeId: null }, own.version),
      ),
    ).toMatchObject({ status: 403 });
    expect(
      await problemOf(() => assignServiceCase(liaison, own.id, { assigneeId: 'u.jyj-1' }, own.version)),
    ).toMatchObject({
      status: 422,
      errors: [expect.objectContaining({ field: 'assigneeId', code: 'inactive_assignee' })],
    });
    const handed = await assignServiceCase(liaison, own.id, { assigneeId: 'u.zjj-2' }, own.version);
    expect(handed).toMatchObject({ assigneeId: 'u.zjj-2', dueAt: own.dueAt });
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

  it('refuses a stale version with the case as it is now', async () => {
    const start = await newCase();
    const conflict = await problemOf(() =>
      dispatchServiceCase(ruleContext('officer'), start.id, { departmentCode: 'dept.zjj', assigneeId: null }, 7),
    );
    expect(conflict).toMatchObject({ status: 409, code: 'version_conflict', current: { id: start.id, version: 1 } });
  });
});
