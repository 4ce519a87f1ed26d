import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api/api-error';
import { createApiClient } from '../../src/api/client';
import { endpoints } from '../../src/api/endpoints';
import { caseActionEndpoints } from '../../src/api/endpoints/service-cases';
import { can, TALENT_OFFICE_DEPARTMENT } from '../../src/api/permissions';
import type { User } from '../../src/api/schemas/auth';
import { caseActionRefusal, caseActionsFor, caseWorkflow } from '../../src/api/schemas/case-workflow';
import type { CaseAction, ServiceCase } from '../../src/api/schemas/service-cases';
import type { WorkingCalendar } from '../../src/lib/working-days';
import { sharedBackend } from '../../tests/utils/backend';
import { ruleContext, seeded } from '../../tests/utils/rule-context';
import { loadWorkingCalendar } from '../rules/calendar';
import * as lifecycle from '../rules/case-lifecycle';
import { addDays, cstDay, isoAt, toCstIso } from '../rules/dates';
import { ProblemError } from '../rules/problem';
import * as rules from '../rules/service-cases';

const actions = Object.keys(caseWorkflow) as CaseAction[];
const usernames = ['viewer', 'officer', 'manager', 'admin', 'liaison'] as const;
/** The shared tests' clock (`TEST_NOW`): Wednesday 25 November 2026, 10:00 in China. */
const NOW = Date.parse('2026-11-25T10:00:00+08:00');
const hoursAgo = (hours: number) => toCstIso(new Date(NOW - hours * 3_600_000));

const userNamed = (username: string): User => [...seeded().users.values()].find((u) => u.username === username)!;

/** A valid request body for each action: what is left to refuse is who asks and the case's state. */
function bodyOf(action: CaseAction, c: ServiceCase) {
  switch (action) {
    case 'dispatch':
      // 改派 goes to another department than the one holding the case.
      return { departmentCode: c.departmentCode === 'dept.kjj' ? 'dept.jyj' : 'dept.kjj', assigneeId: null };
    case 'sign':
      return {};
    case 'return':
    case 'suspend':
    case 'sendBack':
      return { reason: '不属于本单位职责范围' };
    case 'reviewReturn':
      return { decision: 'redispatch' as const, departmentCode: 'dept.kjj', note: '' };
    case 'assign':
      return { assigneeId: null };
    case 'resume':
    case 'accept':
      return { note: '' };
    case 'requestExtension':
      return { dueAt: isoAt(addDays(cstDay(c.dueAt), 7), 18), reason: '需协调上级部门审批' };
    case 'decideExtension':
      return { decision: 'approved' as const, note: '' };
    case 'answer':
      return { countermeasure: '已协调解决' };
    case 'followUp':
      return { satisfaction: 'satisfied' as const, attributable: false, note: '' };
    case 'remind':
      return { note: '请抓紧办理' };
    case 'supervise':
      return { deadline: '2026-12-01', note: '请加快办理' };
    case 'escalate':
      return { level: 'taskForce' as const, reason: '两轮未解决', deadline: '2026-12-04' };
    case 'prioritize':
      return { priority: c.priority === 'urgent' ? ('high' as const) : ('urgent' as const) };
    case 'requestAssist':
      return { departmentCode: 'dept.kjj', request: '请提供科技人才政策口径' };
    case 'reportAssist':
      return { report: '已核实，符合条件' };
    case 'merge':
      return { intoId: mergeTargetFor(c).id };
    case 'classify':
      return { commonality: 'common' as const };
  }
}

/**
 * The seeded case the situations' demands repeat (an open one, received before them): a duplicate
 * may be merged into it.
 */
const template = () =>
  [...seeded().serviceCases.values()].find(
    (c) =>
      c.categoryCode === 'cat.housing' &&
      c.status === 'inProgress' &&
      c.mergedInto === null &&
      c.receivedAt < hoursAgo(48),
  )!;
const mergeTargetFor = (c: ServiceCase) => {
  const target = template();
  expect([target.monthId, target.requesterName]).toEqual([c.monthId, c.requesterName]);
  return target;
};

type RuleCall = (
  ctx: ReturnType<typeof ruleContext>,
  id: string,
  body: unknown,
  ifMatch: number,
) => Promise<ServiceCase>;
const ruleOf: Record<CaseAction, RuleCall> = {
  dispatch: rules.dispatchServiceCase as RuleCall,
  sign: (ctx, id, _body, ifMatch) => rules.signServiceCase(ctx, id, ifMatch),
  return: rules.returnServiceCase as RuleCall,
  reviewReturn: rules.reviewReturnOfServiceCase as RuleCall,
  assign: rules.assignServiceCase as RuleCall,
  suspend: rules.suspendServiceCase as RuleCall,
  resume: rules.resumeServiceCase as RuleCall,
  requestExtension: rules.requestServiceCaseExtension as RuleCall,
  decideExtension: rules.decideServiceCaseExtension as RuleCall,
  answer: rules.answerServiceCase as RuleCall,
  accept: rules.acceptServiceCase as RuleCall,
  sendBack: rules.sendBackServiceCase as RuleCall,
  followUp: rules.followUpServiceCase as RuleCall,
  remind: rules.remindServiceCase as RuleCall,
  supervise: rules.superviseServiceCase as RuleCall,
  escalate: rules.escalateServiceCase as RuleCall,
  prioritize: rules.prioritizeServiceCase as RuleCall,
  requestAssist: rules.requestServiceCaseAssist as RuleCall,
  reportAssist: rules.reportServiceCaseAssist as RuleCall,
  merge: rules.mergeServiceCase as RuleCall,
  classify: rules.classifyServiceCase as RuleCall,
};

type Route = 'rules' | 'api';
type Attempt = (username: string, action: CaseAction, serviceCase: ServiceCase) => Promise<string>;

const succeeded = (before: ServiceCase, after: ServiceCase) =>
  after.version === before.version + 1 ? `ok → ${after.status}` : `ok, but version ${after.version}`;

const attempts: Record<Route, Attempt> = {
  rules: async (username, action, serviceCase) => {
    const ctx = ruleContext(username);
    try {
      return succeeded(
        serviceCase,
        await ruleOf[action](ctx, serviceCase.id, bodyOf(action, serviceCase), serviceCase.version),
      );
    } catch (error) {
      if (error instanceof ProblemError) return `${error.problem.status} ${error.problem.code}`;
      throw error;
    }
  },
  api: async (username, action, serviceCase) => {
    const token = sharedBackend.token(username);
    const client = createApiClient({ baseUrl: 'http://localhost', getToken: () => token, fetch: sharedBackend.fetch });
    try {
      const after = await client.request(caseActionEndpoints[action], {
        params: { id: serviceCase.id },
        body: bodyOf(action, serviceCase) as never,
        ifMatch: serviceCase.version,
      });
      return succeeded(serviceCase, after);
    } catch (error) {
      if (error instanceof ApiError) return `${error.status} ${error.code}`;
      throw error;
    }
  },
};

/** Where a successful action leaves the case: the table's status, or for a visit, what it found. */
function statusAfter(action: CaseAction, c: ServiceCase): string {
  if (action === 'followUp') return 'closed'; // satisfied
  return caseWorkflow[action].to ?? c.status;
}

/**
 * What the workflow table says of the attempt. A case outside the user's scope does not exist for
 * them (404), except that the API refuses a role the route's permission lacks before it looks.
 */
function expected(route: Route, user: User, action: CaseAction, serviceCase: ServiceCase): string {
  const inScope =
    user.departmentCode === TALENT_OFFICE_DEPARTMENT ||
    serviceCase.departmentCode === user.departmentCode ||
    serviceCase.assists.some((a) => a.departmentCode === user.departmentCode);
  const permission = endpoints[caseActionEndpoints[action]].permission!;
  if (route === 'api' && !can(user, permission)) return '403 forbidden';
  if (!inScope) return '404 not_found';
  const refusal = caseActionRefusal(user, serviceCase, action);
  if (refusal === 'role' || refusal === 'department') return '403 forbidden';
  if (refusal !== null) return '409 invalid_transition';
  return `ok → ${statusAfter(action, serviceCase)}`;
}

/** A demand as registered two days ago, under a test id. */
function registered(template: ServiceCase, id: string, calendar: WorkingCalendar): ServiceCase {
  return lifecycle.registerCase({ ...template, id }, { now: hoursAgo(48), calendar, timeLimitDays: 10 });
}

type Step = (c: ServiceCase, move: lifecycle.CaseMove) => Partial<ServiceCase>;
const dispatchTo =
  (code: string): Step =>
  (c, m) =>
    lifecycle.dispatchCase(c, m, code, null);
const sign: Step = (c, m) => lifecycle.signCase(c, m);
const returned: Step = (c, m) => lifecycle.returnCase(c, m, '不属于本单位职责');
const upheld: Step = (c, m) =>
  lifecycle.reviewReturnCase(c, m, { decision: 'uphold', note: '请签收办理', departmentCode: '' });
const answered: Step = (c, m) => lifecycle.answerCase(c, m, '已协调解决', null);
const accepted: Step = (_c, m) => lifecycle.acceptCase(m);
const assistedBy =
  (code: string): Step =>
  (c, m) =>
    lifecycle.requestAssist(c, m, code, '请协助核实');

/** Each situation as the lifecycle's own steps from registration, an hour apart. */
const situations: Record<string, Step[]> = {
  new: [],
  'dispatched to 住建局': [dispatchTo('dept.zjj')],
  'dispatched again after an overruled return': [dispatchTo('dept.zjj'), returned, upheld],
  'returned by 住建局': [dispatchTo('dept.zjj'), returned],
  'in progress at 住建局': [dispatchTo('dept.zjj'), sign],
  'in progress, an extension pending': [
    dispatchTo('dept.zjj'),
    sign,
    (c, m) => lifecycle.requestExtension(c, m, isoAt(addDays(cstDay(c.dueAt), 5), 18), '等待材料'),
  ],
  suspended: [dispatchTo('dept.zjj'), sign, (c, m) => lifecycle.suspendCase(c, m, '等待申请人补充材料')],
  answered: [dispatchTo('dept.zjj'), sign, answered],
  'awaiting its visit': [dispatchTo('dept.zjj'), sign, answered, accepted],
  closed: [
    dispatchTo('dept.zjj'),
    sign,
    answered,
    accepted,
    (c, m) => lifecycle.followUpCase(c, m, { satisfaction: 'satisfied', attributable: false, note: '' }),
  ],
  'redone after an unsatisfied visit': [
    dispatchTo('dept.zjj'),
    sign,
    answered,
    accepted,
    (c, m) => lifecycle.followUpCase(c, m, { satisfaction: 'unsatisfied', attributable: true, note: '' }),
  ],
  "another department's, dispatched": [dispatchTo('dept.rsj')],
  "another department's, in progress": [dispatchTo('dept.rsj'), sign],
  'the talent office’s own (直办), in progress': [dispatchTo(TALENT_OFFICE_DEPARTMENT), sign],
  'in progress at 住建局, awaiting 人社局’s assistance': [dispatchTo('dept.zjj'), sign, assistedBy('dept.rsj')],
  '人社局’s, 住建局 asked to assist': [dispatchTo('dept.rsj'), sign, assistedBy('dept.zjj')],
  '人社局’s, 住建局 has reported': [
    dispatchTo('dept.rsj'),
    sign,
    assistedBy('dept.zjj'),
    (c, m) => lifecycle.reportAssist(c, m, 'dept.zjj', '已核实住房情况'),
  ],
  'merged into another case': [(c, m) => lifecycle.mergeCase(c, m, mergeTargetFor(c).id)],
};

/** One case of every situation for every action (a success changes nothing another attempt meets), stored. */
async function cases(calendar: WorkingCalendar): Promise<Map<string, ServiceCase[]>> {
  const repeated = template();
  const store = sharedBackend.backend().store;
  const found = new Map<string, ServiceCase[]>();
  let n = 0;
  for (const [name, steps] of Object.entries(situations)) {
    const list: ServiceCase[] = [];
    for (let i = 0; i < actions.length; i++) {
      let c = registered(repeated, `SC-T-${String(++n).padStart(4, '0')}`, calendar);
      steps.forEach((step, i) => {
        const move = { now: hoursAgo(47 - i), actor: userNamed('officer'), calendar, timeLimitDays: 10 };
        c = { ...c, ...step(c, move), version: c.version + 1, updatedAt: move.now };
      });
      await store.serviceCases.insert(c);
      list.push(c);
    }
    found.set(name, list);
  }
  return found;
}

describe(`the case workflow, walked through its table (${sharedBackend.label} store)`, () => {
  it('gives each user the actions the office agreed on', async () => {
    const calendar = await loadWorkingCalendar(sharedBackend.backend());
    const all = await cases(calendar);
    const first = (name: string) => all.get(name)![0]!;
    const [viewer, officer, manager, liaison] = ['viewer', 'officer', 'manager', 'liaison'].map(userNamed) as [
      User,
      User,
      User,
      User,
    ];
    expect(caseActionsFor(viewer, first('in progress at 住建局'))).toEqual([]);
    expect(caseActionsFor(officer, first('new'))).toEqual(['dispatch', 'prioritize', 'merge', 'classify']);
    expect(caseActionsFor(liaison, first('dispatched to 住建局'))).toEqual([
      'sign',
      'return',
      'assign',
      'requestAssist',
    ]);
    expect(caseActionsFor(liaison, first('dispatched again after an overruled return'))).toEqual([
      'sign',
      'assign',
      'requestAssist',
    ]);
    expect(caseActionsFor(officer, first('dispatched to 住建局'))).toEqual([
      'dispatch',
      'assign',
      'remind',
      'prioritize',
      'requestAssist',
      'merge',
      'classify',
    ]);
    expect(caseActionsFor(officer, first('returned by 住建局'))).toEqual([
      'reviewReturn',
      'prioritize',
      'merge',
      'classify',
    ]);
    expect(caseActionsFor(liaison, first('returned by 住建局'))).toEqual([]);
    expect(caseActionsFor(liaison, first('in progress at 住建局'))).toEqual([
      'assign',
      'suspend',
      'requestExtension',
      'answer',
      'requestAssist',
    ]);
    expect(caseActionsFor(manager, first('in progress, an extension pending'))).toEqual([
      'dispatch',
      'assign',
      'decideExtension',
      'remind',
      'supervise',
      'prioritize',
      'requestAssist',
      'classify',
    ]);
    expect(caseActionsFor(liaison, first('in progress, an extension pending'))).toEqual([
      'assign',
      'suspend',
      'answer',
      'requestAssist',
    ]);
    expect(caseActionsFor(liaison, first('suspended'))).toEqual([
      'assign',
      'resume',
      'requestExtension',
      'requestAssist',
    ]);
    expect(caseActionsFor(officer, first('answered'))).toEqual(['accept', 'sendBack', 'prioritize', 'classify']);
    expect(caseActionsFor(officer, first('awaiting its visit'))).toEqual(['followUp', 'prioritize', 'classify']);
    // Closed, it may still be tagged 共性 for the patch pool; nothing else.
    expect(caseActionsFor(manager, first('closed'))).toEqual(['classify']);
    expect(caseActionsFor(officer, first('merged into another case'))).toEqual(['classify']);
    // 提级: after two rounds, or once a department has returned the case.
    expect(caseActionsFor(manager, first('redone after an unsatisfied visit'))).toContain('escalate');
    expect(caseActionsFor(manager, first('dispatched again after an overruled return'))).toContain('escalate');
    expect(caseActionsFor(manager, first('in progress at 住建局'))).not.toContain('escalate');
    // The talent office answering directly is the lead department of its own case.
    expect(caseActionsFor(officer, first('the talent office’s own (直办), in progress'))).toEqual([
      'dispatch',
      'assign',
      'suspend',
      'requestExtension',
      'answer',
      'remind',
      'prioritize',
      'requestAssist',
      'classify',
    ]);
    // 主办 and 协办: the lead answers once every assisting department has reported; an assisting
    // department reports, and does nothing else.
    expect(caseActionsFor(liaison, first('in progress at 住建局, awaiting 人社局’s assistance'))).toEqual([
      'assign',
      'suspend',
      'requestExtension',
      'requestAssist',
    ]);
    expect(caseActionsFor(liaison, first('人社局’s, 住建局 asked to assist'))).toEqual(['reportAssist']);
    expect(caseActionsFor(liaison, first('人社局’s, 住建局 has reported'))).toEqual([]);
  });

  const combinations = (['rules', 'api'] as const).flatMap((route) =>
    usernames.map((username) => [route, username] as const),
  );
  it.each(combinations)(
    'through the %s, %s: every action in every state succeeds or is refused as the table says',
    async (route, username) => {
      const user = userNamed(username);
      const calendar = await loadWorkingCalendar(sharedBackend.backend());
      const actual: Record<string, string> = {};
      const wanted: Record<string, string> = {};
      for (const [situation, list] of await cases(calendar)) {
        for (const [i, action] of actions.entries()) {
          const serviceCase = list[i]!;
          const cell = `${situation}: ${action}`;
          wanted[cell] = expected(route, user, action, serviceCase);
          actual[cell] = await attempts[route](username, action, serviceCase);
        }
      }
      expect(actual).toEqual(wanted);
      // The table allows something to everyone who triages: the oracle is not refusing everything.
      const done = Object.values(actual).filter((cell) => cell.startsWith('ok')).length;
      if (can(user, 'case:triage')) expect(done).toBeGreaterThan(10);
    },
  );
});
