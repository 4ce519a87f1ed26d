import { describe, expect, it } from 'vitest';
import { lapsedBefore, lapsedWorkingDays } from '../../src/api/schemas/case-workflow';
import type { ServiceCase } from '../../src/api/schemas/service-cases';
import { problemOf } from '../../tests/utils/problem';
import { ruleContext, seeded } from '../../tests/utils/rule-context';
import { loadWorkingCalendar } from './calendar';
import { compareInstants } from './dates';
import {
  answerServiceCase,
  classifyServiceCase,
  createServiceCase,
  dispatchServiceCase,
  getServiceCase,
  listServiceCases,
  mergeServiceCase,
  remindServiceCase,
  reportServiceCaseAssist,
  requestServiceCaseAssist,
  requestServiceCaseExtension,
  signServiceCase,
  suspendServiceCase,
} from './service-cases';
import { caseOverview } from './stats';

/** The named user acting at a given moment in China. */
const at = (username: string, instant: string) => ({ ...ruleContext(username), now: () => new Date(instant) });
const WEDNESDAY = '2026-11-25T10:00:00+08:00';

function newCase(requesterName = '王某', instant = WEDNESDAY) {
  return createServiceCase(at('officer', instant), {
    monthId: 'SM-2026',
    requesterType: 'person',
    requesterName,
    enterpriseName: null,
    requesterPhone: '13900002222',
    categoryCode: 'cat.housing',
    title: '人才公寓申请进度',
    description: '希望尽快解决',
    priority: 'normal',
  });
}

/** A case dispatched to 住建局 and signed by its liaison. */
async function signedByZjj(instant = WEDNESDAY): Promise<ServiceCase> {
  const c = await newCase('王某', instant);
  const dispatched = await dispatchServiceCase(
    at('officer', instant),
    c.id,
    { departmentCode: 'dept.zjj', assigneeId: null },
    c.version,
  );
  return signServiceCase(at('liaison', instant), c.id, dispatched.version);
}

describe('主办 and 协办', () => {
  it('let the lead ask another department, which sees the case, reports within 3 working days, and then the lead answers', async () => {
    const signed = await signedByZjj();
    // 人社局 does not see 住建局's case until it is asked to assist.
    expect((await problemOf(() => getServiceCase(at('hrliaison', WEDNESDAY), signed.id))).status).toBe(404);
    const asked = await requestServiceCaseAssist(
      at('liaison', WEDNESDAY),
      signed.id,
      { departmentCode: 'dept.rsj', request: '请核实社保缴纳情况' },
      signed.version,
    );
    // Wednesday + 3 working days: Monday 30 November, 18:00.
    expect(asked.assists).toEqual([
      expect.objectContaining({ departmentCode: 'dept.rsj', dueAt: '2026-11-30T18:00:00+08:00', report: null }),
    ]);
    const hr = at('hrliaison', '2026-11-26T09:00:00+08:00');
    expect((await getServiceCase(hr, signed.id)).id).toBe(signed.id);
    const waiting = await listServiceCases(hr, { page: 1, pageSize: 50, view: 'assisting' });
    expect(waiting.items.map((c) => c.id)).toContain(signed.id);
    // Asked twice before it reports: refused on the field.
    const twice = await problemOf(() =>
      requestServiceCaseAssist(
        at('liaison', WEDNESDAY),
        signed.id,
        { departmentCode: 'dept.rsj', request: '再问' },
        asked.version,
      ),
    );
    expect(twice).toMatchObject({ status: 422, errors: [{ field: 'departmentCode', code: 'already_assisting' }] });
    // The lead does not answer before the report; the assisting department does nothing else.
    const early = await problemOf(() =>
      answerServiceCase(at('liaison', WEDNESDAY), signed.id, { countermeasure: '已办理' }, asked.version),
    );
    expect(early).toMatchObject({ status: 409, code: 'invalid_transition' });
    const notLead = await problemOf(() =>
      answerServiceCase(hr, signed.id, { countermeasure: '已办理' }, asked.version),
    );
    expect(notLead.status).toBe(403);
    const reported = await reportServiceCaseAssist(hr, signed.id, { report: '社保已连续缴纳 12 个月' }, asked.version);
    expect(reported.assists[0]!.report).toMatchObject({ text: '社保已连续缴纳 12 个月', byName: '赵磊' });
    expect(
      (await listServiceCases(hr, { page: 1, pageSize: 50, view: 'assisting' })).items.map((c) => c.id),
    ).not.toContain(signed.id);
    const answered = await answerServiceCase(
      at('liaison', '2026-11-26T11:00:00+08:00'),
      signed.id,
      { countermeasure: '经人社局核实，符合条件，已办理' },
      reported.version,
    );
    expect(answered.status).toBe('answered');
  });

  it('refuse the lead department itself as its own assistant', async () => {
    const signed = await signedByZjj();
    const self = await problemOf(() =>
      requestServiceCaseAssist(
        at('liaison', WEDNESDAY),
        signed.id,
        { departmentCode: 'dept.zjj', request: '自己' },
        signed.version,
      ),
    );
    expect(self).toMatchObject({ status: 422, errors: [{ field: 'departmentCode', code: 'lead_department' }] });
  });
});

describe('并单', () => {
  it('closes a duplicate into the case it repeats, which lists it, and counts the pair once', async () => {
    const original = await newCase('李某');
    const duplicate = await newCase('李某');
    const officer = at('officer', WEDNESDAY);
    const self = await problemOf(() =>
      mergeServiceCase(officer, duplicate.id, { intoId: duplicate.id }, duplicate.version),
    );
    expect(self).toMatchObject({ status: 422, errors: [{ field: 'intoId', code: 'same_case' }] });
    const nowhere = await problemOf(() =>
      mergeServiceCase(officer, duplicate.id, { intoId: 'SC-2026-9999' }, duplicate.version),
    );
    expect(nowhere).toMatchObject({
      status: 422,
      errors: [{ field: 'intoId', code: 'unknown_case', params: { ids: 'SC-2026-9999' } }],
    });
    // Only into a case of the same requester, received no later, still open.
    const stranger = await newCase('赵某');
    const otherRequester = await problemOf(() =>
      mergeServiceCase(officer, duplicate.id, { intoId: stranger.id }, duplicate.version),
    );
    expect(otherRequester).toMatchObject({ status: 422, errors: [{ field: 'intoId', code: 'other_requester' }] });
    const earlier = await newCase('李某', '2026-11-24T10:00:00+08:00');
    const later = await problemOf(() =>
      mergeServiceCase(officer, earlier.id, { intoId: original.id }, earlier.version),
    );
    expect(later).toMatchObject({ status: 422, errors: [{ field: 'intoId', code: 'later_case' }] });
    const closed = [...seeded().serviceCases.values()].find((c) => c.monthId === 'SM-2026' && c.status === 'closed')!;
    const repeat = await newCase(closed.requesterName);
    const intoClosed = await problemOf(() =>
      mergeServiceCase(officer, repeat.id, { intoId: closed.id }, repeat.version),
    );
    expect(intoClosed).toMatchObject({ status: 422, errors: [{ field: 'intoId', code: 'closed_case' }] });
    const before = await caseOverview(officer, 'SM-2026');
    // The number as typed, in any case.
    const merged = await mergeServiceCase(
      officer,
      duplicate.id,
      { intoId: ` ${original.id.toLowerCase()} ` },
      duplicate.version,
    );
    expect(merged).toMatchObject({ status: 'closed', mergedInto: original.id, stageDueAt: null });
    const into = await listServiceCases(officer, { page: 1, pageSize: 10, mergedInto: original.id });
    expect(into.items.map((c) => c.id)).toEqual([duplicate.id]);
    // Counted once: the duplicate leaves the month's received and open cases, and does not become "closed".
    const after = await caseOverview(officer, 'SM-2026');
    expect(after.total).toBe(before.total - 1);
    expect(after.closed).toBe(before.closed);
    // Nothing may be merged into a merged case.
    const third = await newCase('李某');
    const chained = await problemOf(() => mergeServiceCase(officer, third.id, { intoId: duplicate.id }, third.version));
    expect(chained).toMatchObject({
      status: 422,
      errors: [{ field: 'intoId', code: 'merged_case', params: { into: original.id } }],
    });
    // Nor is a case others were merged into merged on: it stays where they are counted.
    const first = await newCase('李某', '2026-11-24T09:00:00+08:00');
    const onward = await problemOf(async () =>
      mergeServiceCase(
        officer,
        original.id,
        { intoId: first.id },
        (await getServiceCase(officer, original.id)).version,
      ),
    );
    expect(onward).toMatchObject({
      status: 422,
      errors: [{ field: 'intoId', code: 'has_duplicates', params: { count: '1' } }],
    });
  });

  it('leaves no assisting department owing a report on a merged duplicate', async () => {
    const original = await newCase('周某');
    const duplicate = await newCase('周某');
    const officer = at('officer', WEDNESDAY);
    const dispatched = await dispatchServiceCase(
      officer,
      duplicate.id,
      { departmentCode: 'dept.zjj', assigneeId: null },
      duplicate.version,
    );
    const asked = await requestServiceCaseAssist(
      officer,
      duplicate.id,
      { departmentCode: 'dept.rsj', request: '请核实' },
      dispatched.version,
    );
    const merged = await mergeServiceCase(officer, duplicate.id, { intoId: original.id }, asked.version);
    // Kept, and withdrawn: the request stays in the case's story, and nothing is owed on it.
    expect(merged.assists).toEqual([
      expect.objectContaining({ departmentCode: 'dept.rsj', report: null, withdrawnAt: merged.closedAt }),
    ]);
    const owed = await listServiceCases(at('hrliaison', WEDNESDAY), { page: 1, pageSize: 200, view: 'assisting' });
    expect(owed.items.map((c) => c.id)).not.toContain(duplicate.id);
  });
});

describe('改派', () => {
  it('ends what the department it leaves had in hand: its suspension, its pending extension, the new lead’s own 协办', async () => {
    const signed = await signedByZjj();
    const liaison = at('liaison', WEDNESDAY);
    const asked = await requestServiceCaseAssist(
      liaison,
      signed.id,
      { departmentCode: 'dept.rsj', request: '请核实社保缴纳情况' },
      signed.version,
    );
    const extending = await requestServiceCaseExtension(
      liaison,
      signed.id,
      { dueAt: '2026-12-15T18:00:00+08:00', reason: '需要补充材料' },
      asked.version,
    );
    const suspended = await suspendServiceCase(liaison, signed.id, { reason: '等待申请人补充材料' }, extending.version);
    const friday = at('officer', '2026-11-27T10:00:00+08:00');
    const sent = await dispatchServiceCase(
      friday,
      signed.id,
      { departmentCode: 'dept.rsj', assigneeId: null },
      suspended.version,
    );
    expect(sent.suspensions.at(-1)).toMatchObject({ resumedAt: '2026-11-27T10:00:00+08:00', pausedWorkingDays: 2 });
    expect(sent.extensions.at(-1)).toMatchObject({ decision: 'withdrawn', decidedByName: '李娜' });
    // 人社局 leads now: its request to assist is withdrawn, so it may answer once it signs.
    expect(sent.assists).toEqual([
      expect.objectContaining({ departmentCode: 'dept.rsj', report: null, withdrawnAt: '2026-11-27T10:00:00+08:00' }),
    ]);
    const hr = at('hrliaison', '2026-11-27T11:00:00+08:00');
    const hrSigned = await signServiceCase(hr, signed.id, sent.version);
    const answered = await answerServiceCase(
      hr,
      signed.id,
      { countermeasure: '已核实并办理', citedPolicyCode: null },
      hrSigned.version,
    );
    // Its time runs from its own signing: the suspension before was 住建局's.
    expect(answered).toMatchObject({ status: 'answered', handlingWorkingDays: 0 });
  });
});

describe('共性/个性', () => {
  it('puts a shared demand in the pool policy patches draw on', async () => {
    const c = await newCase('周某');
    const officer = at('officer', WEDNESDAY);
    const tagged = await classifyServiceCase(officer, c.id, { commonality: 'common' }, c.version);
    expect(tagged.commonality).toBe('common');
    const pool = await listServiceCases(officer, { page: 1, pageSize: 500, view: 'pool' });
    expect(pool.items.map((p) => p.id)).toContain(c.id);
    expect(pool.items.every((p) => p.commonality === 'common' && p.linkedPatchId === null)).toBe(true);
  });
});

describe('催办通知书', () => {
  it('is written once a department’s deadline has lapsed by 5 working days, not before', async () => {
    // Dispatched on Monday 16 November: 住建局 was to sign by Tuesday 17th, 18:00.
    const c = await newCase('陈某', '2026-11-16T09:00:00+08:00');
    const dispatched = await dispatchServiceCase(
      at('officer', '2026-11-16T09:00:00+08:00'),
      c.id,
      { departmentCode: 'dept.zjj', assigneeId: null },
      c.version,
    );
    expect(dispatched.stageDueAt).toBe('2026-11-17T18:00:00+08:00');
    // Monday 23rd: lapsed by 4 working days (18, 19, 20, 23).
    const early = await problemOf(() =>
      remindServiceCase(
        at('officer', '2026-11-23T10:00:00+08:00'),
        c.id,
        { note: '请签收', formal: true },
        dispatched.version,
      ),
    );
    expect(early).toMatchObject({ status: 409, code: 'invalid_transition' });
    const waiting = await listServiceCases(at('officer', '2026-11-24T10:00:00+08:00'), {
      page: 1,
      pageSize: 500,
      view: 'lapsed',
    });
    expect(waiting.items.map((x) => x.id)).toContain(c.id);
    const reminded = await remindServiceCase(
      at('officer', '2026-11-24T10:00:00+08:00'),
      c.id,
      { note: '逾期未签收，请部门负责人督促', formal: true },
      dispatched.version,
    );
    expect(reminded.notices.at(-1)).toMatchObject({
      kind: 'lapseNotice',
      departmentCode: 'dept.zjj',
      lapsedDueAt: '2026-11-17T18:00:00+08:00',
    });
    // One written notice per lapsed deadline; plain reminders as often as needed.
    const again = await problemOf(() =>
      remindServiceCase(
        at('officer', '2026-11-25T10:00:00+08:00'),
        c.id,
        { note: '再次', formal: true },
        reminded.version,
      ),
    );
    expect(again).toMatchObject({ status: 409, detail: expect.stringContaining('already') });
    const lapsed = await listServiceCases(at('officer', '2026-11-24T10:00:00+08:00'), {
      page: 1,
      pageSize: 500,
      view: 'lapsed',
    });
    // Its notice written, it no longer waits in the view (and the bell) for one.
    expect(lapsed.items.map((x) => x.id)).not.toContain(c.id);
  });

  it('agrees with the queue view on where "lapsed" starts, over weekends and National Day', async () => {
    const calendar = await loadWorkingCalendar(ruleContext('officer'));
    for (const now of ['2026-11-25T10:00:00+08:00', '2026-11-30T09:00:00+08:00', '2026-10-09T09:00:00+08:00']) {
      const bound = lapsedBefore(now, calendar);
      for (let back = 1; back <= 20; back++) {
        const day = new Date(Date.parse(now) - back * 86_400_000).toISOString().slice(0, 10);
        const stageDueAt = `${day}T18:00:00+08:00`;
        const days = lapsedWorkingDays({ status: 'inProgress', stageDueAt }, now, calendar);
        expect(days >= 5, `${stageDueAt} at ${now}`).toBe(compareInstants(stageDueAt, bound) < 0);
      }
    }
  });
});
