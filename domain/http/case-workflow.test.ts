import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api/api-error';
import { createApiClient } from '../../src/api/client';
import { endpoints } from '../../src/api/endpoints';
import { can, TALENT_OFFICE_DEPARTMENT } from '../../src/api/permissions';
import type { User } from '../../src/api/schemas/auth';
import {
  awaitsFollowUp,
  caseActionRefusal,
  caseActionsFor,
  caseWorkflow,
  setsDeadlines,
} from '../../src/api/schemas/case-workflow';
import type { CaseAction, ServiceCase } from '../../src/api/schemas/service-cases';
import { sharedBackend } from '../../tests/utils/backend';
import { ruleContext, seeded } from '../../tests/utils/rule-context';
import { ProblemError } from '../rules/problem';
import {
  answerServiceCase,
  assignServiceCase,
  closeServiceCase,
  followUpServiceCase,
  prioritizeServiceCase,
  superviseServiceCase,
} from '../rules/service-cases';

const actions = Object.keys(caseWorkflow) as CaseAction[];
const usernames = ['viewer', 'officer', 'manager', 'admin', 'liaison'] as const;
const FUTURE = '2026-12-05T18:00:00+08:00';

const userNamed = (username: string): User => [...seeded().users.values()].find((u) => u.username === username)!;

/** A valid request body for each action: what is left to refuse is who asks and the case's state. */
function bodyOf(action: CaseAction, user: User, serviceCase: ServiceCase) {
  switch (action) {
    case 'assign':
      // A department keeps the deadline it was given; the talent office sets a new one.
      return {
        departmentCode: 'dept.zjj',
        assigneeId: 'u.zjj-1',
        dueAt: setsDeadlines(user) ? FUTURE : serviceCase.dueAt,
      };
    case 'answer':
      return { countermeasure: '已协调解决' };
    case 'close':
      return { note: '' };
    case 'followUp':
      return { satisfaction: 'satisfied' as const, note: '' };
    case 'supervise':
      return { deadline: '2026-12-01', note: '请加快办理' };
    case 'prioritize':
      return { priority: serviceCase.priority === 'urgent' ? ('high' as const) : ('urgent' as const) };
  }
}

const endpointOf = {
  assign: 'assignServiceCase',
  answer: 'answerServiceCase',
  close: 'closeServiceCase',
  followUp: 'followUpServiceCase',
  supervise: 'superviseServiceCase',
  prioritize: 'prioritizeServiceCase',
} as const satisfies Record<CaseAction, keyof typeof endpoints>;

const rules = {
  assign: assignServiceCase,
  answer: answerServiceCase,
  close: closeServiceCase,
  followUp: followUpServiceCase,
  supervise: superviseServiceCase,
  prioritize: prioritizeServiceCase,
} as const satisfies Record<CaseAction, unknown>;

type Route = 'rules' | 'api';
type Attempt = (username: string, action: CaseAction, serviceCase: ServiceCase) => Promise<string>;

const succeeded = (before: ServiceCase, after: ServiceCase) =>
  after.version === before.version + 1 ? `ok → ${after.status}` : `ok, but version ${after.version}`;

const attempts: Record<Route, Attempt> = {
  rules: async (username, action, serviceCase) => {
    const ctx = ruleContext(username);
    const run = rules[action] as (c: typeof ctx, id: string, body: unknown, ifMatch: number) => Promise<ServiceCase>;
    try {
      return succeeded(
        serviceCase,
        await run(ctx, serviceCase.id, bodyOf(action, ctx.user, serviceCase), serviceCase.version),
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
      const after = await client.request(endpointOf[action], {
        params: { id: serviceCase.id },
        body: bodyOf(action, userNamed(username), serviceCase) as never,
        ifMatch: serviceCase.version,
      });
      return succeeded(serviceCase, after);
    } catch (error) {
      if (error instanceof ApiError) return `${error.status} ${error.code}`;
      throw error;
    }
  },
};

/**
 * What the workflow table says of the attempt. A case outside the user's scope does not exist for
 * them (404), except that the API refuses a role the route's permission lacks before it looks.
 */
function expected(route: Route, user: User, action: CaseAction, serviceCase: ServiceCase): string {
  const inScope =
    user.departmentCode === TALENT_OFFICE_DEPARTMENT || serviceCase.departmentCode === user.departmentCode;
  if (!inScope) {
    const permission = endpoints[endpointOf[action]].permission!;
    return route === 'api' && !can(user, permission) ? '403 forbidden' : '404 not_found';
  }
  const refusal = caseActionRefusal(user, serviceCase, action);
  if (refusal === 'status') return '409 invalid_transition';
  if (refusal !== null) return '403 forbidden';
  return `ok → ${caseWorkflow[action].to ?? serviceCase.status}`;
}

interface Situation {
  name: string;
  pick: (c: ServiceCase) => boolean;
}

const ofDepartment = (code: string | null, test: (c: ServiceCase) => boolean) => (c: ServiceCase) =>
  c.departmentCode === code && test(c);
const closedAwaiting = (c: ServiceCase) => c.status === 'closed' && awaitsFollowUp(c);
const situations: Situation[] = [
  { name: 'new', pick: ofDepartment(null, (c) => c.status === 'new') },
  { name: 'assigned', pick: ofDepartment('dept.zjj', (c) => c.status === 'assigned') },
  { name: 'answered', pick: ofDepartment('dept.zjj', (c) => c.status === 'answered') },
  { name: 'closed, awaiting its follow-up', pick: ofDepartment('dept.zjj', closedAwaiting) },
  { name: 'closed, visited', pick: ofDepartment('dept.zjj', (c) => c.status === 'closed' && !awaitsFollowUp(c)) },
  { name: "another department's, assigned", pick: ofDepartment('dept.rsj', (c) => c.status === 'assigned') },
  { name: "another department's, answered", pick: ofDepartment('dept.rsj', (c) => c.status === 'answered') },
  { name: "another department's, closed", pick: ofDepartment('dept.rsj', closedAwaiting) },
];

/**
 * A case of every situation for every action (each action its own case, so a success changes
 * nothing another attempt meets), and reopened ones made by an unsatisfied follow-up visit.
 */
async function cases(): Promise<Map<string, ServiceCase[]>> {
  const all = [...seeded().serviceCases.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const found = new Map(situations.map((s) => [s.name, all.filter(s.pick).slice(0, actions.length)]));
  const admin = ruleContext('admin');
  const toReopen = all.filter(ofDepartment('dept.zjj', closedAwaiting)).slice(actions.length, 2 * actions.length);
  const reopened: ServiceCase[] = [];
  for (const c of toReopen) {
    const visit = { satisfaction: 'unsatisfied' as const, note: '仍未解决' };
    reopened.push(await followUpServiceCase(admin, c.id, visit, c.version));
  }
  found.set('reopened', reopened);
  for (const [name, list] of found) expect(list, name).toHaveLength(actions.length);
  return found;
}

describe(`the case workflow, walked through its table (${sharedBackend.label} store)`, () => {
  it('gives each user the actions the office agreed on', () => {
    const [viewer, officer, manager, liaison] = ['viewer', 'officer', 'manager', 'liaison'].map(userNamed) as [
      User,
      User,
      User,
      User,
    ];
    const at = (status: ServiceCase['status'], followUp: ServiceCase['followUp'] = null) => ({ status, followUp });
    expect(caseActionsFor(viewer, at('assigned'))).toEqual([]);
    expect(caseActionsFor(officer, at('answered'))).toEqual(['assign', 'close', 'prioritize']);
    expect(caseActionsFor(manager, at('reopened'))).toEqual(['assign', 'answer', 'supervise', 'prioritize']);
    expect(caseActionsFor(liaison, at('assigned'))).toEqual(['assign', 'answer']);
    expect(caseActionsFor(liaison, at('answered'))).toEqual(['assign']);
    expect(caseActionsFor(liaison, at('closed'))).toEqual([]);
    const visited = { satisfaction: 'satisfied' as const, note: '', byName: '王芳', at: '2026-11-20T10:00:00+08:00' };
    expect(caseActionsFor(officer, at('closed'))).toEqual(['followUp']);
    expect(caseActionsFor(officer, at('closed', visited))).toEqual([]);
    expect(caseActionsFor(officer, at('closed', { ...visited, satisfaction: 'unsatisfied' }))).toEqual(['followUp']);
  });

  const combinations = (['rules', 'api'] as const).flatMap((route) =>
    usernames.map((username) => [route, username] as const),
  );
  it.each(combinations)(
    'through the %s, %s: every action in every state succeeds or is refused as the table says',
    async (route, username) => {
      const user = userNamed(username);
      const actual: Record<string, string> = {};
      const wanted: Record<string, string> = {};
      for (const [situation, list] of await cases()) {
        for (const [i, action] of actions.entries()) {
          const serviceCase = list[i]!;
          const cell = `${situation}: ${action}`;
          wanted[cell] = expected(route, user, action, serviceCase);
          actual[cell] = await attempts[route](username, action, serviceCase);
        }
      }
      expect(actual).toEqual(wanted);
    },
  );
});
