import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '../../src/api/endpoints';
import { BULK_FILTER_LIMIT, type IntakeRecord } from '../../src/api/schemas/intake';
import type { ServiceCase } from '../../src/api/schemas/service-cases';
import { DEMO_PASSWORD } from '../../mocks/data/reference';
import { toCstIso } from '../../domain/rules/dates';
import {
  ask,
  at,
  demoUsers,
  describeCall,
  generateDemoData,
  NOW,
  openBackends,
  signIn,
  tokenOf,
  type Answer,
  type Backends,
  type Call,
  type Pair,
} from './harness';
import { nextIds, readMatrix } from './reads';

/**
 * One conformance suite for every backend: the mock's in-memory store and the server's SQL
 * store (embedded PostgreSQL, or the server named by DATABASE_URL) answer the same requests,
 * through the same rules and dispatcher, from the same data on the same clock. Ids and instants
 * are then deterministic, so every answer must be equal exactly: status, content type, the
 * 401 challenge and the parsed body, the mock's answer being the reference.
 *
 * Audit event ids are compared exactly too, although the two stores number them differently
 * (the SQL store from a sequence, which a rolled-back transaction does not give back; the memory
 * store from a counter its undo log restores). They agree as long as no transaction rolls back
 * after appending an event, and none here does: every refused write below is refused by a check
 * that runs before the first audit append.
 */

const data = generateDemoData();
const created = nextIds(data);
const reads = readMatrix(data);
const database = process.env.DATABASE_URL ? 'PostgreSQL server' : 'embedded PostgreSQL';

let backends: Backends;

beforeAll(async () => {
  backends = await openBackends();
  for (const user of demoUsers) await signIn(backends, `u.${user}`, tokenOf(user));
  // Users whose sessions the writes end (a role change, a deactivation, a logout).
  await signIn(backends, 'u.rcb-1', tokenOf('rcb-1'));
  await signIn(backends, 'u.zjj-2', tokenOf('zjj-2'));
  await signIn(backends, 'u.officer', tokenOf('officer', 2));
});
afterAll(() => backends?.close());

/**
 * Sends one request to both backends (by default on the fixed clock), expects the same answer
 * and one the contract allows, and returns it.
 */
async function both(call: Call, pair: Pair = backends): Promise<Answer> {
  const [memory, sql] = await Promise.all([ask(pair.memory, call), ask(pair.sql, call)]);
  // Soft: a write sequence goes on (with the mock's answer) after a difference, so one
  // difference fails its own test, not every step after it.
  expect.soft(sql, describeCall(call)).toEqual(memory);
  // What both answer is what the contract promises.
  if (memory.status < 300 && memory.status !== 204) {
    const parsed = endpoints[call.name].response.safeParse(memory.body);
    expect.soft(parsed.error?.issues, `${describeCall(call)}: the answer breaks the contract`).toBeUndefined();
  }
  return memory;
}

const unauthenticated = (answer: Answer) =>
  expect(answer).toMatchObject({ status: 401, body: { code: 'unauthenticated' }, challenge: 'Bearer realm="api"' });

/** Every read of the matrix, asked by every demo user. */
const readCases = demoUsers.flatMap((user) =>
  reads.map((read) => {
    const call: Call = { ...read, token: tokenOf(user) };
    return [`${user} ${describeCall(call)}`, call] as const;
  }),
);

const compareReads = () => {
  // Or every read would be the same 401 on both.
  it('every demo user is signed in', async () => {
    for (const user of demoUsers) expect((await both({ name: 'me', token: tokenOf(user) })).status).toBe(200);
  });
  it.each(readCases)('%s', async (_name, call) => {
    await both(call);
  });
};

describe(`conformance: memory store and SQL store (${database})`, () => {
  it('asks every read a distinct question', () => {
    expect(new Set(readCases.map(([name]) => name)).size).toBe(readCases.length);
  });

  describe('signing in with a password answers the same', () => {
    it.each([
      ['the right password', 'viewer', DEMO_PASSWORD],
      ['the right password, name with spaces', '  manager ', DEMO_PASSWORD],
      ['a wrong password', 'viewer', 'not-the-password'],
      ['an unknown user', 'nobody', DEMO_PASSWORD],
    ])('%s', async (_case, username, password) => {
      const call: Call = { name: 'login', body: { username, password } };
      const [memory, sql] = await Promise.all([ask(backends.memory, call), ask(backends.sql, call)]);
      if (memory.status !== 200) {
        expect(memory).toMatchObject({ status: 401, body: { code: 'invalid_credentials' } });
        expect(sql).toEqual(memory);
        return;
      }
      // Each backend makes its own random token: compare everything but the token, and that
      // each token signs its user in on its own backend.
      const { token: memoryToken, ...memorySession } = memory.body;
      const { token: sqlToken, ...sqlSession } = sql.body;
      expect({ ...sql, body: sqlSession }).toEqual({ ...memory, body: memorySession });
      expect(memoryToken).toMatch(/^[A-Za-z0-9._~+/=-]{16,256}$/);
      expect(sqlToken).toMatch(/^[A-Za-z0-9._~+/=-]{16,256}$/);
      const [memoryMe, sqlMe] = await Promise.all([
        ask(backends.memory, { name: 'me', token: memoryToken }),
        ask(backends.sql, { name: 'me', token: sqlToken }),
      ]);
      expect(memoryMe).toMatchObject({ status: 200, body: { username: username.trim() } });
      expect(sqlMe).toEqual(memoryMe);
    });
  });

  describe('reads before the writes', compareReads);

  // The contract's days run from year 0000 (zod's ISO date); PostgreSQL's `date` has no year 0.
  describe('days of year 0000, valid for the contract', () => {
    it.each(
      (
        [
          ['listIntakeRecords', { from: '0000-01-01' }],
          ['listIntakeRecords', { to: '0000-12-31' }],
          ['listIntakeRecords', { landedFrom: '0000-06-01' }],
          ['intakeOverview', { from: '0000-01-01', to: '0000-12-31' }],
          ['intakeBreakdown', { dimension: 'month', from: '0000-01-01', to: '2000-12-31' }],
          ['intakeTrend', { from: '0000-06-01' }],
        ] as const
      ).map(([name, query]): [string, Call] => {
        const call: Call = { name, query, token: tokenOf('manager') };
        return [describeCall(call), call];
      }),
    )('%s', async (_name, call) => {
      await both(call);
    });
  });

  describe('a sequence of writes, applied to both in the same order', () => {
    const as = (user: string, session = 1) => tokenOf(user, session);
    const firstIntake = (test: (r: IntakeRecord) => boolean) => [...data.intakeRecords.values()].find(test)!;
    const firstCase = (test: (c: ServiceCase) => boolean) => [...data.serviceCases.values()].find(test)!;

    const negotiating = firstIntake((r) => r.stage === 'negotiating');
    const lead = firstIntake((r) => r.stage === 'lead' && r.officerId !== 'u.manager');
    const managers = firstIntake((r) => r.officerId === 'u.manager' && r.stage !== 'landed');
    const unassigned = firstCase((c) => c.status === 'new' && c.monthId === 'SM-2026');
    const otherDepartment = firstCase((c) => c.departmentCode === 'dept.rsj' && c.status === 'inProgress');
    const linked = firstCase((c) => c.linkedPatchId !== null);
    const unlinked = firstCase((c) => c.linkedPatchId === null && c.monthId === 'SM-2026' && c.id !== unassigned.id);
    const visited = firstCase((c) => c.status === 'closed' && c.followUp?.satisfaction === 'satisfied');
    const reviewed = [...data.policyPatches.values()].find((p) => p.status === 'review')!;

    const intakeInput = {
      kind: 'project',
      name: 'Dr. Émile Zola 100%_plan 光电项目',
      organization: 'ACME Photonics GmbH 昆山',
      phone: '13800001111',
      channelCode: 'ch.event',
      eventCode: 'ev.startup-week',
      tierCode: 'tier.leader',
      industryCode: 'ind.optoelectronics',
      townCode: 'town.huaqiao',
      officerId: 'u.officer',
      investment: 1234.56,
      note: '来自创业周',
    };
    const caseInput = {
      monthId: 'SM-2026',
      requesterType: 'person',
      requesterName: 'Anna Müller 王',
      enterpriseName: null,
      requesterPhone: '13900002222',
      categoryCode: 'cat.housing',
      title: 'VIP 人才公寓 50%_quota',
      description: '希望尽快安排入住',
      priority: 'urgent',
    };

    /** A demand list as read from a file: the demand registered below again, a new one, a broken one. */
    const { monthId: _month, ...caseFields } = caseInput;
    const importRows = [
      { row: 2, ...caseFields, enterpriseName: '' },
      { ...caseFields, row: 3, enterpriseName: '', title: '导入的需求 % _', requesterPhone: '13900003333' },
      {
        ...caseFields,
        row: 4,
        enterpriseName: '',
        requesterPhone: '139',
        categoryCode: 'cat.unknown',
        priority: '特急',
      },
    ];

    /** What the writes made, as the answers said (both alike), for the steps after them. */
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON bodies
    const made: Record<string, any> = {};
    const version = (key: string) => made[key].version as number;

    interface Step {
      title: string;
      status: number;
      /** The request; it may first make what it needs (through `both`, compared as well). */
      call: () => Call | Promise<Call>;
      /** Keeps the answer's body under this name (the resource it answered). */
      keep?: string;
      check?: (answer: Answer) => void;
    }
    const step = (
      title: string,
      status: number,
      call: Step['call'],
      more: Pick<Step, 'keep' | 'check'> = {},
    ): Step => ({
      title,
      status,
      call,
      ...more,
    });

    const steps: Step[] = [
      // The intake register.
      step('a viewer may not create an intake record', 403, () => ({
        name: 'createIntakeRecord',
        token: as('viewer'),
        body: intakeInput,
      })),
      step("another department's officer may not create an intake record", 403, () => ({
        name: 'createIntakeRecord',
        token: as('liaison'),
        body: intakeInput,
      })),
      step(
        'a record breaking the rules is refused with every reason',
        422,
        () => ({
          name: 'createIntakeRecord',
          token: as('officer'),
          body: {
            ...intakeInput,
            kind: 'person',
            eventCode: 'ev.tsinghua-week',
            officerId: 'u.admin',
            townCode: 'town.atlantis',
          },
        }),
        {
          check: (answer) =>
            expect(answer.body.errors.map((error: { code: string }) => error.code)).toEqual([
              'inactive_assignee',
              'event_channel',
              'investment_person',
              'unknown_code',
            ]),
        },
      ),
      step('a record failing the schema is refused', 422, () => ({
        name: 'createIntakeRecord',
        token: as('officer'),
        body: { ...intakeInput, phone: '12345', name: '   ' },
      })),
      step(
        'an officer creates an intake record',
        201,
        () => ({
          name: 'createIntakeRecord',
          token: as('officer'),
          body: intakeInput,
        }),
        {
          keep: 'record',
          check: (answer) => expect(answer.body).toMatchObject({ id: created.intake, stage: 'lead', version: 1 }),
        },
      ),
      step(
        'a viewer reads the new record with its phone masked',
        200,
        () => ({ name: 'getIntakeRecord', token: as('viewer'), params: { id: created.intake } }),
        { check: (answer) => expect(answer.body.phone).toBe('138****1111') },
      ),
      step('an update without If-Match is refused', 428, () => ({
        name: 'updateIntakeRecord',
        token: as('officer'),
        params: { id: created.intake },
        body: intakeInput,
      })),
      step('an update with an If-Match that is no version is refused', 400, () => ({
        name: 'updateIntakeRecord',
        token: as('officer'),
        params: { id: created.intake },
        body: intakeInput,
        ifMatch: 'abc',
      })),
      step(
        'an update with the right version is stored',
        200,
        () => ({
          name: 'updateIntakeRecord',
          token: as('officer'),
          params: { id: created.intake },
          body: { ...intakeInput, name: 'Émile ZOLA 100%_plan', officerId: 'u.rcb-2', investment: 2000.05, note: '改' },
          ifMatch: `"${version('record')}"`,
        }),
        { keep: 'record' },
      ),
      step(
        'an update with a stale version answers 409 with the current record',
        409,
        () => ({
          name: 'updateIntakeRecord',
          token: as('officer'),
          params: { id: created.intake },
          body: intakeInput,
          ifMatch: version('record') - 1,
        }),
        {
          check: (answer) =>
            expect(answer.body).toMatchObject({
              code: 'version_conflict',
              current: { id: created.intake, version: 2 },
            }),
        },
      ),
      step('an update of a missing record answers 404', 404, () => ({
        name: 'updateIntakeRecord',
        token: as('officer'),
        params: { id: 'IR-1999-00001' },
        body: intakeInput,
        ifMatch: 1,
      })),
      step('a stage is not moved before the previous stage date', 422, () => ({
        name: 'advanceIntakeStage',
        token: as('officer'),
        params: { id: created.intake },
        body: { stage: 'signed', on: '2026-11-24' },
        ifMatch: version('record'),
      })),
      step('a stage is not moved to a day after today', 422, () => ({
        name: 'advanceIntakeStage',
        token: as('officer'),
        params: { id: created.intake },
        body: { stage: 'signed', on: '2026-11-26' },
        ifMatch: version('record'),
      })),
      step(
        'the new record moves to signed, skipping negotiation',
        200,
        () => ({
          name: 'advanceIntakeStage',
          token: as('manager'),
          params: { id: created.intake },
          body: { stage: 'signed', on: '2026-11-25' },
          ifMatch: version('record'),
        }),
        { keep: 'record' },
      ),
      step('a record does not move back', 409, () => ({
        name: 'advanceIntakeStage',
        token: as('officer'),
        params: { id: created.intake },
        body: { stage: 'negotiating', on: '2026-11-25' },
        ifMatch: version('record'),
      })),
      step(
        'the new record lands (with its investment, today)',
        200,
        () => ({
          name: 'advanceIntakeStage',
          token: as('officer'),
          params: { id: created.intake },
          body: { stage: 'landed', on: '2026-11-25' },
          ifMatch: version('record'),
        }),
        { keep: 'record' },
      ),
      step('a generated record in negotiation is signed', 200, () => ({
        name: 'advanceIntakeStage',
        token: as('officer'),
        params: { id: negotiating.id },
        body: { stage: 'signed', on: '2026-11-25' },
        ifMatch: negotiating.version,
      })),
      step('a generated lead lands at once', 200, () => ({
        name: 'advanceIntakeStage',
        token: as('officer'),
        params: { id: lead.id },
        body: { stage: 'landed', on: '2026-11-25' },
        ifMatch: lead.version,
      })),
      step(
        'records picked by id go to another officer (those already theirs unchanged)',
        200,
        () => ({
          name: 'reassignIntakeRecords',
          token: as('officer'),
          body: { ids: [created.intake, lead.id, managers.id, lead.id], officerId: 'u.manager' },
        }),
        { check: (answer) => expect(answer.body).toEqual({ updated: 2 }) },
      ),
      step('a reassignment naming an unknown record changes nothing', 422, () => ({
        name: 'reassignIntakeRecords',
        token: as('officer'),
        body: { ids: [negotiating.id, 'IR-1999-00001', 'IR-1999-00002'], officerId: 'u.rcb-3' },
      })),
      step('records are not given to an administrator', 422, () => ({
        name: 'reassignIntakeRecords',
        token: as('officer'),
        body: { ids: [negotiating.id], officerId: 'u.admin' },
      })),
      step(
        `a filter matching more than ${BULK_FILTER_LIMIT} records is refused`,
        422,
        () => ({
          name: 'reassignIntakeRecords',
          token: as('manager'),
          body: { filter: { from: '2020-01-01' }, officerId: 'u.rcb-3' },
        }),
        { check: (answer) => expect(answer.body.errors[0].code).toBe('bulk_limit') },
      ),
      step(
        'every record a filter matches goes to another officer',
        200,
        () => ({
          name: 'reassignIntakeRecords',
          token: as('manager'),
          body: {
            filter: { town: ['town.huaqiao', 'town.etdz'], stage: ['lead', 'negotiating'], q: '科技' },
            officerId: 'u.rcb-3',
          },
        }),
        { check: (answer) => expect(answer.body.updated).toBeGreaterThan(0) },
      ),
      step(
        'a filter with a LIKE wildcard matches only itself',
        200,
        () => ({
          name: 'reassignIntakeRecords',
          token: as('manager'),
          body: { filter: { q: '%' }, officerId: 'u.rcb-3' },
        }),
        { check: (answer) => expect(answer.body).toEqual({ updated: 1 }) },
      ),

      // Names beyond the basic plane and in the fullwidth forms: code-point order (PostgreSQL's
      // COLLATE "C") puts U+FF08 （ before U+20BB7 𠮷, UTF-16 order the other way round.
      ...['𠮷田 Yoshida', '（外籍）Smith', 'ｚｅｎ 全角'].map((name) =>
        step(`a record named ${name} is created`, 201, () => ({
          name: 'createIntakeRecord',
          token: as('officer'),
          body: { ...intakeInput, name },
        })),
      ),
      step('the list sorted by name (descending: those names first)', 200, () => ({
        name: 'listIntakeRecords',
        token: as('officer'),
        query: { sort: '-name', pageSize: '5' },
      })),

      // Investments with fractions of a cent, landed today: summed exactly (as PostgreSQL sums
      // numeric), 0.035 rounds to 0.04; a float sum (0.034999…) would round to 0.03.
      ...[0.03, 0.005].map((investment, i) =>
        step(`a project with an investment of ${investment} is created and lands`, 200, async () => {
          const record = await both({
            name: 'createIntakeRecord',
            token: as('officer'),
            body: { ...intakeInput, name: `half-cent ${i}`, investment },
          });
          return {
            name: 'advanceIntakeStage',
            token: as('officer'),
            params: { id: record.body.id },
            body: { stage: 'landed', on: '2026-11-25' },
            ifMatch: record.body.version,
          };
        }),
      ),
      step("today's landed investment of those projects", 200, () => ({
        name: 'intakeOverview',
        token: as('manager'),
        query: { from: '2026-11-25', to: '2026-11-25', investmentMax: '1' },
      })),
      step("today's landings of those projects by channel", 200, () => ({
        name: 'intakeBreakdown',
        token: as('manager'),
        query: { from: '2026-11-25', to: '2026-11-25', investmentMax: '1', dimension: 'channel' },
      })),

      // Service cases, through their workflow.
      step('a viewer may not register a demand', 403, () => ({
        name: 'createServiceCase',
        token: as('viewer'),
        body: caseInput,
      })),
      step('only the talent office registers demands', 403, () => ({
        name: 'createServiceCase',
        token: as('liaison'),
        body: caseInput,
      })),
      step('a demand in an unknown month is refused', 422, () => ({
        name: 'createServiceCase',
        token: as('officer'),
        body: { ...caseInput, monthId: 'SM-1999', categoryCode: 'cat.unknown' },
      })),
      step(
        'an officer registers a demand',
        201,
        () => ({
          name: 'createServiceCase',
          token: as('officer'),
          body: caseInput,
        }),
        {
          keep: 'case',
          check: (answer) => expect(answer.body).toMatchObject({ id: created.serviceCase, status: 'new' }),
        },
      ),
      step(
        'a manager registers an enterprise demand',
        201,
        () => ({
          name: 'createServiceCase',
          token: as('manager'),
          body: {
            ...caseInput,
            requesterType: 'enterprise',
            enterpriseName: 'ACME Photonics GmbH',
            categoryCode: 'cat.financing',
            title: '首贷 Guarantee 渠道',
            priority: 'low',
          },
        }),
        { keep: 'case2' },
      ),
      // The hotline lifecycle: 派单, 退单 and 异议审核, 签收, 延期, 办结, 审核, 回访 and 重办.
      step('a department does not see a demand not dispatched to it', 404, () => ({
        name: 'dispatchServiceCase',
        token: as('liaison'),
        params: { id: created.serviceCase },
        body: { departmentCode: 'dept.zjj', assigneeId: null },
        ifMatch: version('case'),
      })),
      step('a case is not dispatched to someone outside the department', 422, () => ({
        name: 'dispatchServiceCase',
        token: as('officer'),
        params: { id: created.serviceCase },
        body: { departmentCode: 'dept.zjj', assigneeId: 'u.rcb-2' },
        ifMatch: version('case'),
      })),
      step('a case is not dispatched to a department the dictionary lacks', 422, () => ({
        name: 'dispatchServiceCase',
        token: as('officer'),
        params: { id: created.serviceCase },
        body: { departmentCode: 'dept.nowhere', assigneeId: null },
        ifMatch: version('case'),
      })),
      step(
        'the officer dispatches the case to 住建局, to sign by the next working day',
        200,
        () => ({
          name: 'dispatchServiceCase',
          token: as('officer'),
          params: { id: created.serviceCase },
          body: { departmentCode: 'dept.zjj', assigneeId: null },
          ifMatch: version('case'),
        }),
        {
          keep: 'case',
          check: (answer) =>
            expect(answer.body).toMatchObject({ status: 'dispatched', stageDueAt: '2026-11-26T18:00:00+08:00' }),
        },
      ),
      step('a return needs a reason', 422, () => ({
        name: 'returnServiceCase',
        token: as('liaison'),
        params: { id: created.serviceCase },
        body: { reason: ' \u200b ' },
        ifMatch: version('case'),
      })),
      step(
        'the liaison returns the case',
        200,
        () => ({
          name: 'returnServiceCase',
          token: as('liaison'),
          params: { id: created.serviceCase },
          body: { reason: '应由属地板块办理 <b>50%</b>' },
          ifMatch: version('case'),
        }),
        { keep: 'case' },
      ),
      step('a department does not decide a return', 403, () => ({
        name: 'reviewReturnOfServiceCase',
        token: as('liaison'),
        params: { id: created.serviceCase },
        body: { decision: 'uphold', note: '自审' },
        ifMatch: version('case'),
      })),
      step('a return is not sent back to the department that returned it', 422, () => ({
        name: 'reviewReturnOfServiceCase',
        token: as('officer'),
        params: { id: created.serviceCase },
        body: { decision: 'redispatch', departmentCode: 'dept.zjj', note: '' },
        ifMatch: version('case'),
      })),
      step(
        'the officer overrules the objection: 住建局 keeps the case',
        200,
        () => ({
          name: 'reviewReturnOfServiceCase',
          token: as('officer'),
          params: { id: created.serviceCase },
          body: { decision: 'uphold', note: '人才安居属住建局职责' },
          ifMatch: version('case'),
        }),
        { keep: 'case', check: (answer) => expect(answer.body).toMatchObject({ status: 'dispatched' }) },
      ),
      step('the liaison may not return it again', 409, () => ({
        name: 'returnServiceCase',
        token: as('liaison'),
        params: { id: created.serviceCase },
        body: { reason: '仍有异议' },
        ifMatch: version('case'),
      })),
      step('the talent office does not sign for a department', 403, () => ({
        name: 'signServiceCase',
        token: as('officer'),
        params: { id: created.serviceCase },
        body: {},
        ifMatch: version('case'),
      })),
      step(
        'the liaison signs: ten working days for housing',
        200,
        () => ({
          name: 'signServiceCase',
          token: as('liaison'),
          params: { id: created.serviceCase },
          body: {},
          ifMatch: version('case'),
        }),
        {
          keep: 'case',
          check: (answer) =>
            expect(answer.body).toMatchObject({ status: 'inProgress', dueAt: '2026-12-09T18:00:00+08:00' }),
        },
      ),
      step(
        'the liaison gives the case to a colleague, the deadline kept',
        200,
        () => ({
          name: 'assignServiceCase',
          token: as('liaison'),
          params: { id: created.serviceCase },
          body: { assigneeId: 'u.zjj-1' },
          ifMatch: version('case'),
        }),
        { keep: 'case', check: (answer) => expect(answer.body.dueAt).toBe('2026-12-09T18:00:00+08:00') },
      ),
      step('an extension to an earlier deadline is refused', 422, () => ({
        name: 'requestServiceCaseExtension',
        token: as('liaison'),
        params: { id: created.serviceCase },
        body: { dueAt: '2026-12-09T09:59:59Z', reason: '等待材料' },
        ifMatch: version('case'),
      })),
      step(
        'the liaison asks for an extension in UTC, stored in China time',
        200,
        () => ({
          name: 'requestServiceCaseExtension',
          token: as('liaison'),
          params: { id: created.serviceCase },
          body: { dueAt: '2026-12-20T02:00:00Z', reason: '需协调不动产登记中心' },
          ifMatch: version('case'),
        }),
        {
          keep: 'case',
          check: (answer) =>
            expect(answer.body.extensions[0]).toMatchObject({
              requestedDueAt: '2026-12-20T10:00:00+08:00',
              decision: null,
            }),
        },
      ),
      step('an officer may not decide an extension', 403, () => ({
        name: 'decideServiceCaseExtension',
        token: as('officer'),
        params: { id: created.serviceCase },
        body: { decision: 'approved', note: '' },
        ifMatch: version('case'),
      })),
      step(
        'the manager approves it: the new deadline stands',
        200,
        () => ({
          name: 'decideServiceCaseExtension',
          token: as('manager'),
          params: { id: created.serviceCase },
          body: { decision: 'approved', note: '同意' },
          ifMatch: version('case'),
        }),
        { keep: 'case', check: (answer) => expect(answer.body.dueAt).toBe('2026-12-20T10:00:00+08:00') },
      ),
      step('no extension is left to decide', 409, () => ({
        name: 'decideServiceCaseExtension',
        token: as('manager'),
        params: { id: created.serviceCase },
        body: { decision: 'refused', note: '' },
        ifMatch: version('case'),
      })),
      step(
        'the liaison answers the case',
        200,
        () => ({
          name: 'answerServiceCase',
          token: as('liaison'),
          params: { id: created.serviceCase },
          body: { countermeasure: '已协调人才公寓 B 栋 12%_房源' },
          ifMatch: version('case'),
        }),
        { keep: 'case' },
      ),
      step("the liaison does not see another department's case", 404, () => ({
        name: 'answerServiceCase',
        token: as('liaison'),
        params: { id: otherDepartment.id },
        body: { countermeasure: '越权' },
        ifMatch: otherDepartment.version,
      })),
      step(
        'an answer with a stale version answers 409 with the current case',
        409,
        () => ({
          name: 'answerServiceCase',
          token: as('officer'),
          params: { id: created.serviceCase },
          body: { countermeasure: '重复' },
          ifMatch: version('case') - 1,
        }),
        { check: (answer) => expect(answer.body.current).toMatchObject({ status: 'answered' }) },
      ),
      step('a department does not accept its own answer', 403, () => ({
        name: 'acceptServiceCase',
        token: as('liaison'),
        params: { id: created.serviceCase },
        body: {},
        ifMatch: version('case'),
      })),
      step(
        'the officer accepts the answer',
        200,
        () => ({
          name: 'acceptServiceCase',
          token: as('officer'),
          params: { id: created.serviceCase },
          body: {},
          ifMatch: version('case'),
        }),
        { keep: 'case', check: (answer) => expect(answer.body).toMatchObject({ status: 'visiting' }) },
      ),
      step('an accepted answer is not accepted again', 409, () => ({
        name: 'acceptServiceCase',
        token: as('officer'),
        params: { id: created.serviceCase },
        body: { note: '再次' },
        ifMatch: version('case'),
      })),
      step('the liaison records no follow-up visit', 403, () => ({
        name: 'followUpServiceCase',
        token: as('liaison'),
        params: { id: created.serviceCase },
        body: { satisfaction: 'satisfied', note: '' },
        ifMatch: version('case'),
      })),
      step('a closed case awaits no other visit', 409, () => ({
        name: 'followUpServiceCase',
        token: as('officer'),
        params: { id: visited.id },
        body: { satisfaction: 'satisfied', note: '' },
        ifMatch: visited.version,
      })),
      step(
        'an unsatisfied visit the department caused redoes the case, with a new deadline',
        200,
        () => ({
          name: 'followUpServiceCase',
          token: as('officer'),
          params: { id: created.serviceCase },
          body: { satisfaction: 'unsatisfied', attributable: true, note: '房源太远' },
          ifMatch: version('case'),
        }),
        {
          keep: 'case',
          check: (answer) =>
            expect(answer.body).toMatchObject({
              status: 'inProgress',
              round: 2,
              closedAt: null,
              dueAt: '2026-12-09T18:00:00+08:00',
            }),
        },
      ),
      step('an officer may not supervise', 403, () => ({
        name: 'superviseServiceCase',
        token: as('officer'),
        params: { id: created.serviceCase },
        body: { deadline: '2026-12-01', note: '督办' },
        ifMatch: version('case'),
      })),
      step('a supervision deadline is not in the past', 422, () => ({
        name: 'superviseServiceCase',
        token: as('manager'),
        params: { id: created.serviceCase },
        body: { deadline: '2026-11-24', note: '督办' },
        ifMatch: version('case'),
      })),
      step(
        'the manager supervises the redone case',
        200,
        () => ({
          name: 'superviseServiceCase',
          token: as('manager'),
          params: { id: created.serviceCase },
          body: { deadline: '2026-12-01', note: '限期解决 ASAP' },
          ifMatch: version('case'),
        }),
        { keep: 'case' },
      ),
      step('a viewer sends no reminder', 403, () => ({
        name: 'remindServiceCase',
        token: as('viewer'),
        params: { id: created.serviceCase },
        body: { note: '催办' },
        ifMatch: version('case'),
      })),
      step(
        'the officer reminds 住建局',
        200,
        () => ({
          name: 'remindServiceCase',
          token: as('officer'),
          params: { id: created.serviceCase },
          body: { note: '请于本周内反馈' },
          ifMatch: version('case'),
        }),
        {
          keep: 'case',
          check: (answer) =>
            expect(answer.body.notices.map((n: { kind: string }) => n.kind)).toEqual(['supervision', 'reminder']),
        },
      ),
      // 调整优先级: the talent office's, on open cases only; the deadline stays.
      step('the liaison may not change a priority', 403, () => ({
        name: 'prioritizeServiceCase',
        token: as('liaison'),
        params: { id: created.serviceCase },
        body: { priority: 'low' },
        ifMatch: version('case'),
      })),
      step('a viewer may not change a priority', 403, () => ({
        name: 'prioritizeServiceCase',
        token: as('viewer'),
        params: { id: created.serviceCase },
        body: { priority: 'low' },
        ifMatch: version('case'),
      })),
      step('a priority outside the scale is refused', 422, () => ({
        name: 'prioritizeServiceCase',
        token: as('officer'),
        params: { id: created.serviceCase },
        body: { priority: 'critical' },
        ifMatch: version('case'),
      })),
      step('a priority change needs If-Match', 428, () => ({
        name: 'prioritizeServiceCase',
        token: as('officer'),
        params: { id: created.serviceCase },
        body: { priority: 'high' },
      })),
      step(
        'the officer lowers the redone case to high, its status and deadline kept',
        200,
        () => ({
          name: 'prioritizeServiceCase',
          token: as('officer'),
          params: { id: created.serviceCase },
          body: { priority: 'high' },
          ifMatch: version('case'),
        }),
        {
          keep: 'case',
          check: (answer) =>
            expect(answer.body).toMatchObject({
              priority: 'high',
              status: 'inProgress',
              dueAt: '2026-12-09T18:00:00+08:00',
            }),
        },
      ),
      step(
        'the change is in the case history as "prioritize"',
        200,
        () => ({
          name: 'listAuditEvents',
          token: as('manager'),
          query: { entityType: 'serviceCase', entityId: created.serviceCase, pageSize: '1' },
        }),
        {
          check: (answer) =>
            expect(answer.body.items[0]).toMatchObject({
              action: 'prioritize',
              changes: [{ field: 'priority', from: 'urgent', to: 'high' }],
            }),
        },
      ),
      step('a closed case keeps its priority', 409, () => ({
        name: 'prioritizeServiceCase',
        token: as('manager'),
        params: { id: visited.id },
        body: { priority: visited.priority === 'urgent' ? 'low' : 'urgent' },
        ifMatch: visited.version,
      })),
      step('the manager supervises a case of another department, due today', 200, () => ({
        name: 'superviseServiceCase',
        token: as('manager'),
        params: { id: otherDepartment.id },
        body: { deadline: '2026-11-25', note: '今日办结' },
        ifMatch: otherDepartment.version,
      })),
      step('a new demand is dispatched to a department without an assignee', 200, () => ({
        name: 'dispatchServiceCase',
        token: as('officer'),
        params: { id: unassigned.id },
        body: { departmentCode: 'dept.rsj', assigneeId: null },
        ifMatch: unassigned.version,
      })),
      // The talent office answers the second demand itself (直办): it is its lead department.
      step(
        'the talent office dispatches a demand to itself',
        200,
        () => ({
          name: 'dispatchServiceCase',
          token: as('officer'),
          params: { id: made.case2.id },
          body: { departmentCode: 'dept.rcb', assigneeId: 'u.officer' },
          ifMatch: version('case2'),
        }),
        { keep: 'case2' },
      ),
      step(
        'and signs for it',
        200,
        () => ({
          name: 'signServiceCase',
          token: as('officer'),
          params: { id: made.case2.id },
          body: {},
          ifMatch: version('case2'),
        }),
        { keep: 'case2' },
      ),
      // A due time in year 9999 (year 10000 in China time) is a typing mistake the contract refuses.
      step('an extension to year 9999 is refused', 422, () => ({
        name: 'requestServiceCaseExtension',
        token: as('officer'),
        params: { id: made.case2.id },
        body: { dueAt: '9999-12-31T20:00:00Z', reason: '等待' },
        ifMatch: version('case2'),
      })),
      step('both stores agree whether that case is overdue', 200, () => ({
        name: 'listServiceCases',
        token: as('officer'),
        query: { q: made.case2.id, overdue: 'true' },
      })),
      step(
        'the case is suspended while the requester is awaited',
        200,
        () => ({
          name: 'suspendServiceCase',
          token: as('officer'),
          params: { id: made.case2.id },
          body: { reason: '等待企业补充材料' },
          ifMatch: version('case2'),
        }),
        {
          keep: 'case2',
          check: (answer) => expect(answer.body).toMatchObject({ status: 'suspended', stageDueAt: null }),
        },
      ),
      step('a suspended case is not answered', 409, () => ({
        name: 'answerServiceCase',
        token: as('officer'),
        params: { id: made.case2.id },
        body: { countermeasure: '已办' },
        ifMatch: version('case2'),
      })),
      step(
        'and resumed the same day, its deadline unmoved',
        200,
        () => ({
          name: 'resumeServiceCase',
          token: as('officer'),
          params: { id: made.case2.id },
          body: {},
          ifMatch: version('case2'),
        }),
        { keep: 'case2', check: (answer) => expect(answer.body).toMatchObject({ status: 'inProgress' }) },
      ),
      step('a viewer reads the case with personal data masked', 200, () => ({
        name: 'getServiceCase',
        token: as('viewer'),
        params: { id: created.serviceCase },
      })),

      // Policy patches.
      step('a viewer may not propose a patch', 403, () => ({
        name: 'createPolicyPatch',
        token: as('viewer'),
        body: {
          title: 'x',
          policyCode: 'pol.housing',
          blockage: 'y',
          leadDepartmentCode: 'dept.zjj',
          demandCaseIds: [],
        },
      })),
      step('a patch naming an unknown demand is refused', 422, () => ({
        name: 'createPolicyPatch',
        token: as('officer'),
        body: {
          title: '未知需求',
          policyCode: 'pol.housing',
          blockage: '梗阻',
          leadDepartmentCode: 'dept.zjj',
          demandCaseIds: [created.serviceCase, 'SC-1999-0001'],
        },
      })),
      step('a patch naming a demand already linked to another patch is refused', 422, () => ({
        name: 'createPolicyPatch',
        token: as('officer'),
        body: {
          title: '已关联需求',
          policyCode: 'pol.housing',
          blockage: '梗阻',
          leadDepartmentCode: 'dept.zjj',
          demandCaseIds: [created.serviceCase, linked.id],
        },
      })),
      step(
        'an officer proposes a patch linking demands (one named twice)',
        201,
        () => ({
          name: 'createPolicyPatch',
          token: as('officer'),
          body: {
            title: '𠮷 关于人才公寓 50%_quota 的政策补丁 (Latin)',
            policyCode: 'pol.housing.rental',
            blockage: '人才公寓申请流程过长，ACME 类企业无法 100% 覆盖。',
            leadDepartmentCode: 'dept.zjj',
            demandCaseIds: [created.serviceCase, made.case2.id, created.serviceCase],
          },
        }),
        {
          keep: 'patch',
          check: (answer) =>
            expect(answer.body).toMatchObject({ id: created.patch, status: 'collected', demandCount: 2 }),
        },
      ),
      step('the liaison proposes a patch too', 201, () => ({
        name: 'createPolicyPatch',
        token: as('liaison'),
        body: {
          title: '（试点）住建局补丁',
          policyCode: 'pol.housing',
          blockage: '租房补贴发放周期长',
          leadDepartmentCode: 'dept.zjj',
          demandCaseIds: [],
        },
      })),
      step('the liaison may not propose a patch another department leads', 403, () => ({
        name: 'createPolicyPatch',
        token: as('liaison'),
        body: {
          title: '人社局补丁',
          policyCode: 'pol.skilled',
          blockage: '梗阻',
          leadDepartmentCode: 'dept.rsj',
          demandCaseIds: [],
        },
      })),
      step(
        'the officer drafts the clause',
        200,
        () => ({
          name: 'updatePolicyPatch',
          token: as('officer'),
          params: { id: created.patch },
          body: {
            title: '关于人才公寓续租的政策补丁',
            policyCode: 'pol.housing.rental',
            blockage: '人才公寓租期上限三年。',
            amendment: '租期上限延长至5年 =SUM(A1) <b>',
            leadDepartmentCode: 'dept.zjj',
          },
          ifMatch: version('patch'),
        }),
        { keep: 'patch' },
      ),
      step(
        'the officer links another demand and unlinks one',
        200,
        () => ({
          name: 'linkPolicyPatchCases',
          token: as('officer'),
          params: { id: created.patch },
          body: { link: [unlinked.id], unlink: [made.case2.id] },
          ifMatch: version('patch'),
        }),
        { keep: 'patch', check: (answer) => expect(answer.body.demandCount).toBe(2) },
      ),
      step("the liaison may not link another department's demand: to them it does not exist", 422, () => ({
        name: 'linkPolicyPatchCases',
        token: as('liaison'),
        params: { id: created.patch },
        body: { link: [otherDepartment.id] },
        ifMatch: version('patch'),
      })),
      step('the liaison reads the patch with their own demands only', 200, () => ({
        name: 'getPolicyPatch',
        token: as('liaison'),
        params: { id: created.patch },
      })),
      ...(['drafting', 'consultation', 'review'] as const).map((status) =>
        step(
          `the patch moves to ${status}`,
          200,
          () => ({
            name: 'transitionPolicyPatch',
            token: as('officer'),
            params: { id: created.patch },
            body: { status },
            ifMatch: version('patch'),
          }),
          { keep: 'patch' },
        ),
      ),
      step('an officer may not issue a patch', 403, () => ({
        name: 'transitionPolicyPatch',
        token: as('officer'),
        params: { id: created.patch },
        body: { status: 'issued' },
        ifMatch: version('patch'),
      })),
      step('sending a patch back without a reason is refused', 422, () => ({
        name: 'transitionPolicyPatch',
        token: as('manager'),
        params: { id: created.patch },
        body: { status: 'drafting', note: '   ' },
        ifMatch: version('patch'),
      })),
      step(
        'the manager issues the patch',
        200,
        () => ({
          name: 'transitionPolicyPatch',
          token: as('manager'),
          params: { id: created.patch },
          body: { status: 'issued' },
          ifMatch: version('patch'),
        }),
        { keep: 'patch' },
      ),
      step('an issued patch is no longer edited', 409, () => ({
        name: 'updatePolicyPatch',
        token: as('officer'),
        params: { id: created.patch },
        body: {
          title: 'x',
          policyCode: 'pol.housing.rental',
          blockage: 'y',
          amendment: '',
          leadDepartmentCode: 'dept.zjj',
        },
        ifMatch: version('patch'),
      })),
      step('an evaluation before any effect is reported is refused', 422, () => ({
        name: 'transitionPolicyPatch',
        token: as('officer'),
        params: { id: created.patch },
        body: { status: 'evaluating' },
        ifMatch: version('patch'),
      })),
      step('an effect for a month before the issue is refused', 422, () => ({
        name: 'recordPatchEffect',
        token: as('officer'),
        params: { id: created.patch },
        body: { month: '2026-01', beneficiaries: 1, fundsDisbursed: 1 },
        ifMatch: version('patch'),
      })),
      step(
        "the month's effect is reported",
        200,
        () => ({
          name: 'recordPatchEffect',
          token: as('officer'),
          params: { id: created.patch },
          body: { month: '2026-11', beneficiaries: 12, fundsDisbursed: 88.8 },
          ifMatch: version('patch'),
        }),
        { keep: 'patch' },
      ),
      step(
        'the patch is evaluated',
        200,
        () => ({
          name: 'transitionPolicyPatch',
          token: as('officer'),
          params: { id: created.patch },
          body: { status: 'evaluating' },
          ifMatch: version('patch'),
        }),
        { keep: 'patch' },
      ),
      step('an evaluated patch goes nowhere', 409, () => ({
        name: 'transitionPolicyPatch',
        token: as('manager'),
        params: { id: created.patch },
        body: { status: 'drafting' },
        ifMatch: version('patch'),
      })),
      step(
        'a transition with a stale version answers 409 with the current patch',
        409,
        () => ({
          name: 'transitionPolicyPatch',
          token: as('manager'),
          params: { id: created.patch },
          body: { status: 'withdrawn' },
          ifMatch: 1,
        }),
        { check: (answer) => expect(answer.body.current).toMatchObject({ status: 'evaluating' }) },
      ),
      step('an officer may not withdraw a patch', 403, () => ({
        name: 'transitionPolicyPatch',
        token: as('officer'),
        params: { id: reviewed.id },
        body: { status: 'withdrawn', note: '不再需要' },
        ifMatch: reviewed.version,
      })),
      step('the manager withdraws a patch in review, saying why', 200, () => ({
        name: 'transitionPolicyPatch',
        token: as('manager'),
        params: { id: reviewed.id },
        body: { status: 'withdrawn', note: '已纳入省级政策统一调整' },
        ifMatch: reviewed.version,
      })),
      step('a missing patch answers 404', 404, () => ({
        name: 'transitionPolicyPatch',
        token: as('manager'),
        params: { id: 'PP-1999-001' },
        body: { status: 'drafting' },
        ifMatch: 1,
      })),

      // Saved views.
      step(
        'an officer saves a private view',
        201,
        () => ({
          name: 'createSavedView',
          token: as('officer'),
          body: { resource: 'intakeRecords', name: '我的 Latin 视图', search: 'stage=lead&q=%25', shared: false },
        }),
        { keep: 'privateView' },
      ),
      step('a second view of the same name is refused (and its number given back)', 422, () => ({
        name: 'createSavedView',
        token: as('officer'),
        body: { resource: 'intakeRecords', name: ' 我的 Latin 视图 ', search: '', shared: true },
      })),
      step(
        'an officer shares a view',
        201,
        () => ({
          name: 'createSavedView',
          token: as('officer'),
          body: {
            resource: 'serviceCases',
            name: 'Overdue 督办',
            search: 'overdue=true&supervised=true',
            shared: true,
          },
        }),
        { keep: 'sharedView' },
      ),
      step('another owner may use the same name', 201, () => ({
        name: 'createSavedView',
        token: as('manager'),
        body: { resource: 'serviceCases', name: 'Overdue 督办', search: 'overdue=true', shared: false },
      })),
      ...['（全角）视图', '𠮷 视图', 'zz 视图'].map((name) =>
        step(`the officer saves a view named ${name}`, 201, () => ({
          name: 'createSavedView',
          token: as('officer'),
          body: { resource: 'policyPatches', name, search: 'sort=title', shared: true },
        })),
      ),
      step('a view whose body is not JSON is refused', 400, () => ({
        name: 'createSavedView',
        token: as('officer'),
        rawBody: '{"resource": ',
      })),
      step("the manager may not delete the officer's shared view", 403, () => ({
        name: 'deleteSavedView',
        token: as('manager'),
        params: { id: made.sharedView.id },
      })),
      step("the manager does not see the officer's private view", 404, () => ({
        name: 'deleteSavedView',
        token: as('manager'),
        params: { id: made.privateView.id },
      })),
      step('the officer deletes the private view', 204, () => ({
        name: 'deleteSavedView',
        token: as('officer'),
        params: { id: made.privateView.id },
      })),
      step('a deleted view is gone', 404, () => ({
        name: 'deleteSavedView',
        token: as('officer'),
        params: { id: made.privateView.id },
      })),
      step("the officer may not delete the manager's shared view", 403, () => ({
        name: 'deleteSavedView',
        token: as('officer'),
        params: { id: 'SV-1' },
      })),

      // Users: a role change ends the user's sessions.
      step('a user signed in reads themselves', 200, () => ({ name: 'me', token: as('rcb-1') })),
      step('a manager may not change users', 403, () => ({
        name: 'updateUser',
        token: as('manager'),
        params: { id: 'u.rcb-1' },
        body: { role: 'viewer', departmentCode: 'dept.rcb', active: true },
        ifMatch: 1,
      })),
      step('a user change without If-Match is refused', 428, () => ({
        name: 'updateUser',
        token: as('admin'),
        params: { id: 'u.rcb-1' },
        body: { role: 'viewer', departmentCode: 'dept.rcb', active: true },
      })),
      step(
        'a user change with a stale version answers 409 with the current user',
        409,
        () => ({
          name: 'updateUser',
          token: as('admin'),
          params: { id: 'u.rcb-1' },
          body: { role: 'viewer', departmentCode: 'dept.rcb', active: true },
          ifMatch: 7,
        }),
        { check: (answer) => expect(answer.body.current).toMatchObject({ id: 'u.rcb-1', version: 1 }) },
      ),
      step("the admin changes an officer's role", 200, () => ({
        name: 'updateUser',
        token: as('admin'),
        params: { id: 'u.rcb-1' },
        body: { role: 'viewer', departmentCode: 'dept.rcb', active: true },
        ifMatch: 1,
      })),
      step("the changed user's session has ended", 401, () => ({ name: 'me', token: as('rcb-1') }), {
        check: unauthenticated,
      }),
      step('a viewer is no assignee of intake records', 422, () => ({
        name: 'reassignIntakeRecords',
        token: as('officer'),
        body: { ids: [negotiating.id], officerId: 'u.rcb-1' },
      })),
      step('the admin may not remove their own rights', 422, () => ({
        name: 'updateUser',
        token: as('admin'),
        params: { id: 'u.admin' },
        body: { role: 'manager', departmentCode: 'dept.rcb', active: true },
        ifMatch: 1,
      })),
      step('a missing user answers 404', 404, () => ({
        name: 'updateUser',
        token: as('admin'),
        params: { id: 'u.nobody' },
        body: { role: 'viewer', departmentCode: 'dept.rcb', active: true },
        ifMatch: 1,
      })),
      step('a user is not moved to an unknown department', 422, () => ({
        name: 'updateUser',
        token: as('admin'),
        params: { id: 'u.zjj-2' },
        body: { role: 'officer', departmentCode: 'dept.nowhere', active: true },
        ifMatch: 1,
      })),
      step('the admin deactivates a user', 200, () => ({
        name: 'updateUser',
        token: as('admin'),
        params: { id: 'u.zjj-2' },
        body: { role: 'officer', departmentCode: 'dept.zjj', active: false },
        ifMatch: 1,
      })),
      step("the deactivated user's session has ended", 401, () => ({ name: 'listOfficers', token: as('zjj-2') }), {
        check: unauthenticated,
      }),
      step('a change of nothing keeps the sessions', 200, () => ({
        name: 'updateUser',
        token: as('admin'),
        params: { id: 'u.liaison' },
        body: { role: 'officer', departmentCode: 'dept.zjj', active: true },
        ifMatch: 1,
      })),
      step('the liaison is still signed in', 200, () => ({ name: 'me', token: as('liaison') })),

      // Dictionaries.
      step('a manager may not change dictionaries', 403, () => ({
        name: 'updateDictionaryEntry',
        token: as('manager'),
        params: { kind: 'channels', code: 'ch.market' },
        body: { name: '市场', nameEn: 'Market', order: 1, active: true },
      })),
      step('the admin renames and reorders a channel', 200, () => ({
        name: 'updateDictionaryEntry',
        token: as('admin'),
        params: { kind: 'channels', code: 'ch.market' },
        body: { name: ' 市场化引才 Market ', nameEn: 'Market-based', order: 9, active: true },
      })),
      step('an unknown dictionary answers 404', 404, () => ({
        name: 'updateDictionaryEntry',
        token: as('admin'),
        params: { kind: 'planets', code: 'ch.market' },
        body: { name: '市场', nameEn: 'Market', order: 1, active: true },
      })),
      step('an unknown entry answers 404', 404, () => ({
        name: 'updateDictionaryEntry',
        token: as('admin'),
        params: { kind: 'towns', code: 'town.atlantis' },
        body: { name: '市场', nameEn: 'Market', order: 1, active: true },
      })),
      step('the admin deactivates a town', 200, () => ({
        name: 'updateDictionaryEntry',
        token: as('admin'),
        params: { kind: 'towns', code: 'town.zhouzhuang' },
        body: { name: '周庄镇', nameEn: 'Zhouzhuang', order: 11, active: false },
      })),
      step('a record in the deactivated town is refused', 422, () => ({
        name: 'createIntakeRecord',
        token: as('officer'),
        body: { ...intakeInput, townCode: 'town.zhouzhuang' },
      })),
      step('the next record gets the next number', 201, () => ({
        name: 'createIntakeRecord',
        token: as('manager'),
        body: { ...intakeInput, kind: 'person', investment: null, eventCode: null, channelCode: 'ch.market' },
      })),

      // A demand list imported: checked, then written once.
      step('a department liaison may not import a demand list', 403, () => ({
        name: 'importServiceCases',
        token: as('liaison'),
        body: { monthId: 'SM-2026', fileName: '住建局.xlsx', dryRun: true, rows: importRows },
      })),
      step(
        'a dry run checks each row, finds the demand registered above, and writes nothing',
        200,
        () => ({
          name: 'importServiceCases',
          token: as('officer'),
          body: { monthId: 'SM-2026', fileName: '住建局.xlsx', dryRun: true, rows: importRows },
        }),
        {
          check: (answer) =>
            expect(answer.body).toMatchObject({
              valid: 1,
              created: [],
              duplicates: [{ row: 2, caseId: created.serviceCase, sameAsRow: null }],
            }),
        },
      ),
      step('the import registers the new row', 200, () => ({
        name: 'importServiceCases',
        token: as('officer'),
        body: { monthId: 'SM-2026', fileName: '住建局.xlsx', dryRun: false, rows: importRows },
      })),
      step(
        'the same list again creates nothing',
        200,
        () => ({
          name: 'importServiceCases',
          token: as('manager'),
          body: { monthId: 'SM-2026', fileName: '住建局.xlsx', dryRun: false, rows: importRows },
        }),
        { check: (answer) => expect(answer.body).toMatchObject({ valid: 0, created: [] }) },
      ),
      step('the imports are in the log', 200, () => ({
        name: 'listAuditEvents',
        token: as('officer'),
        query: { entityType: 'import' },
      })),

      // Signing out.
      step('a second session of the officer works', 200, () => ({ name: 'me', token: as('officer', 2) })),
      step('the officer signs out of the second session', 204, () => ({ name: 'logout', token: as('officer', 2) })),
      step('the ended session answers 401', 401, () => ({ name: 'me', token: as('officer', 2) }), {
        check: unauthenticated,
      }),
      step("the officer's first session goes on", 200, () => ({ name: 'me', token: as('officer') })),
      step('signing out needs a session', 401, () => ({ name: 'logout' })),
      step('a malformed token answers 401', 401, () => ({ name: 'me', token: 'not a token!' })),
    ];

    it.each(steps)('$title', async ({ status, call, keep, check }) => {
      const answer = await both(await call());
      expect(answer.status, JSON.stringify(answer.body)).toBe(status);
      if (keep) made[keep] = answer.body;
      check?.(answer);
    });

    it('a deactivated user cannot sign in, on either backend', async () => {
      const call: Call = { name: 'login', body: { username: 'zjj2', password: DEMO_PASSWORD } };
      const answer = await both(call);
      expect(answer).toMatchObject({ status: 401, body: { code: 'invalid_credentials' } });
    });

    it('a user signed in again after a role change holds the new role', async () => {
      await signIn(backends, 'u.rcb-1', tokenOf('rcb-1', 2));
      const me = await both({ name: 'me', token: tokenOf('rcb-1', 2) });
      expect(me.body).toMatchObject({ role: 'viewer', version: 2 });
      await both({ name: 'listIntakeRecords', token: tokenOf('rcb-1', 2), query: { sort: 'id', pageSize: '50' } });
    });
  });

  describe('reads after the writes', compareReads);

  describe('on a later clock, sessions age and cases fall overdue alike', () => {
    const minutes = (n: number) => toCstIso(new Date(NOW.getTime() + n * 60_000));

    it('a session is kept alive by requests and ends after two idle hours', async () => {
      const token = tokenOf('manager', 'idle');
      await signIn(backends, 'u.manager', token);
      const me: Call = { name: 'me', token };
      // Each request more than a minute after the last one is written down as the last seen.
      expect((await both(me, at(backends, minutes(90)))).status).toBe(200);
      expect((await both(me, at(backends, minutes(90 + 119)))).status).toBe(200);
      unauthenticated(await both(me, at(backends, minutes(90 + 119 + 120))));
      // The ended session is gone, not merely idle.
      unauthenticated(await both(me, at(backends, minutes(90 + 119))));
    });

    it('a session ends at its expiry, however recently used', async () => {
      const token = tokenOf('manager', 'expiring');
      await signIn(backends, 'u.manager', token, { signedInAt: minutes(-60), expiresAt: minutes(30) });
      const me: Call = { name: 'me', token };
      expect((await both(me, at(backends, minutes(29)))).status).toBe(200);
      unauthenticated(await both(me, at(backends, minutes(30))));
    });

    // The created case is redone, due 2026-12-09 18:00 and supervised until 2026-12-01 23:59.
    const clocks = [
      '2026-12-01T23:59:00+08:00',
      '2026-12-01T23:59:01+08:00',
      '2026-12-09T18:00:00+08:00',
      '2026-12-09T10:00:01Z',
      '2027-03-01T00:00:00+08:00',
    ];
    const overdueReads: Call['query'][] = [
      { overdue: 'true', pageSize: '200' },
      { overdue: 'false', sort: '-dueAt', pageSize: '50' },
      { overdue: 'true', supervised: 'true', pageSize: '200' },
      { overdue: 'true', month: 'SM-2026', department: 'dept.zjj', pageSize: '200' },
      { view: 'dueSoon', pageSize: '200' },
      { view: 'overdue', sort: '-dueAt', pageSize: '200' },
      { view: 'mine', pageSize: '200' },
    ];
    it.each(clocks.flatMap((clock) => ['manager', 'liaison'].map((user) => [clock, user] as const)))(
      'at %s the %s sees the same overdue and due-soon cases, queue counts, figures and oversight',
      async (clock, user) => {
        const later = at(backends, clock);
        const token = tokenOf(user, `at-${Date.parse(clock)}`);
        await signIn(later, `u.${user}`, token, { signedInAt: toCstIso(new Date(clock)) });
        for (const query of overdueReads) await both({ name: 'listServiceCases', token, query }, later);
        await both({ name: 'caseOverview', token }, later);
        await both({ name: 'caseQueueCounts', token }, later);
        await both({ name: 'caseQueueCounts', token, query: { month: 'SM-2026' } }, later);
        await both({ name: 'caseOverview', token, query: { month: 'SM-2026' } }, later);
        await both({ name: 'caseOversight', token }, later);
        await both({ name: 'caseOversight', token, query: { month: 'SM-2026', department: 'dept.zjj' } }, later);
        // In the liaison's department too: the liaison gave it to a colleague there.
        const found = await both({ name: 'getServiceCase', token, params: { id: created.serviceCase } }, later);
        expect(found.status).toBe(200);
      },
    );
  });
});
