import { describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../src/api/client';
import { ApiError } from '../src/api/api-error';
import { endpoints, type EndpointName } from '../src/api/endpoints';
import { can } from '../src/api/permissions';
import { roleSchema, type Role } from '../src/api/schemas/auth';
import { mockApi } from '../tests/utils/mock-api';
import { addDays } from './rules/dates';

function clientAs(username: string): ApiClient {
  const { token } = mockApi.signIn(username);
  return createApiClient({ baseUrl: 'http://localhost', getToken: () => token });
}

const roleUser: Record<Role, string> = { viewer: 'viewer', officer: 'officer', manager: 'manager', admin: 'admin' };

/** A valid request for every route of the contract; the client parses each answer with its schema. */
function sampleCalls(): { [N in EndpointName]: (client: ApiClient) => Promise<unknown> } {
  const db = mockApi.db;
  const openCase = (status: string) =>
    [...db.serviceCases.values()].find((c) => c.status === status && c.monthId === 'SM-2026')!;
  const record = [...db.intakeRecords.values()].find((r) => r.stage === 'lead')!;
  const patch = [...db.policyPatches.values()].find((p) => p.status === 'collected')!;
  const future = `${addDays('2026-11-25', 10)}T18:00:00+08:00`;
  const intakeInput = {
    kind: 'person' as const,
    name: '测试人才',
    organization: '苏州大学',
    phone: '13800001111',
    channelCode: 'ch.event',
    eventCode: 'ev.startup-week',
    tierCode: 'tier.young',
    industryCode: 'ind.ai',
    townCode: 'town.huaqiao',
    officerId: 'u.officer',
    investment: null,
    note: '',
  };
  return {
    login: (c) => c.request('login', { body: { username: 'viewer', password: 'demo1234' } }),
    logout: (c) => c.request('logout'),
    me: (c) => c.request('me'),
    listUsers: (c) => c.request('listUsers'),
    updateUser: (c) =>
      c.request('updateUser', {
        params: { id: 'u.viewer' },
        body: { role: 'officer', departmentCode: 'dept.rcb', active: true },
        ifMatch: 1,
      }),
    listOfficers: (c) => c.request('listOfficers'),
    getDictionaries: (c) => c.request('getDictionaries'),
    updateDictionaryEntry: (c) =>
      c.request('updateDictionaryEntry', {
        params: { kind: 'channels', code: 'ch.market' },
        body: { name: '市场猎才', nameEn: 'Headhunting', order: 2, active: true },
      }),
    listIntakeRecords: (c) => c.request('listIntakeRecords', { query: { stage: ['landed'], sort: '-investment' } }),
    getIntakeRecord: (c) => c.request('getIntakeRecord', { params: { id: record.id } }),
    createIntakeRecord: (c) => c.request('createIntakeRecord', { body: intakeInput }),
    updateIntakeRecord: (c) =>
      c.request('updateIntakeRecord', {
        params: { id: record.id },
        body: { ...intakeInput, note: '更新' },
        ifMatch: record.version,
      }),
    advanceIntakeStage: (c) =>
      c.request('advanceIntakeStage', {
        params: { id: record.id },
        body: { stage: 'negotiating', on: '2026-11-25' },
        ifMatch: record.version,
      }),
    reassignIntakeRecords: (c) =>
      c.request('reassignIntakeRecords', { body: { ids: [record.id], officerId: 'u.manager' } }),
    intakeOverview: (c) => c.request('intakeOverview', { query: { from: '2026-01-01', to: '2026-06-30' } }),
    intakeBreakdown: (c) => c.request('intakeBreakdown', { query: { dimension: 'town' } }),
    intakeFunnel: (c) => c.request('intakeFunnel', { query: { channel: ['ch.university'] } }),
    intakeTrend: (c) => c.request('intakeTrend', { query: { from: '2026-01-01', to: '2026-06-30' } }),
    intakeTargets: (c) => c.request('intakeTargets', { query: { year: 2025 } }),
    listPolicyPatches: (c) => c.request('listPolicyPatches', { query: { status: ['issued', 'evaluating'] } }),
    getPolicyPatch: (c) => c.request('getPolicyPatch', { params: { id: patch.id } }),
    createPolicyPatch: (c) =>
      c.request('createPolicyPatch', {
        body: {
          title: '测试补丁',
          policyCode: 'pol.housing',
          blockage: '测试梗阻',
          leadDepartmentCode: 'dept.zjj',
          demandCaseIds: [],
        },
      }),
    transitionPolicyPatch: (c) =>
      c.request('transitionPolicyPatch', {
        params: { id: patch.id },
        body: { status: 'drafting' },
        ifMatch: patch.version,
      }),
    patchOverview: (c) => c.request('patchOverview'),
    listServiceMonths: (c) => c.request('listServiceMonths'),
    listServiceRecords: (c) => c.request('listServiceRecords', { query: { month: 'SM-2026' } }),
    listServiceCases: (c) => c.request('listServiceCases', { query: { overdue: 'true', sort: '-priority' } }),
    getServiceCase: (c) => c.request('getServiceCase', { params: { id: openCase('closed').id } }),
    createServiceCase: (c) =>
      c.request('createServiceCase', {
        body: {
          monthId: 'SM-2026',
          requesterType: 'person',
          requesterName: '王某',
          enterpriseName: null,
          requesterPhone: '13900002222',
          categoryCode: 'cat.housing',
          title: '申请人才公寓',
          description: '希望尽快安排入住',
          priority: 'high',
        },
      }),
    assignServiceCase: (c) => {
      const target = openCase('new');
      return c.request('assignServiceCase', {
        params: { id: target.id },
        body: { departmentCode: 'dept.zjj', assigneeId: 'u.liaison', dueAt: future },
        ifMatch: target.version,
      });
    },
    answerServiceCase: (c) => {
      const target = openCase('assigned');
      return c.request('answerServiceCase', {
        params: { id: target.id },
        body: { countermeasure: '已协调' },
        ifMatch: target.version,
      });
    },
    closeServiceCase: (c) => {
      const target = openCase('answered');
      return c.request('closeServiceCase', { params: { id: target.id }, body: { note: '' }, ifMatch: target.version });
    },
    followUpServiceCase: (c) => {
      const target = openCase('closed');
      return c.request('followUpServiceCase', {
        params: { id: target.id },
        body: { satisfaction: 'satisfied', note: '' },
        ifMatch: target.version,
      });
    },
    superviseServiceCase: (c) => {
      const target = openCase('assigned');
      return c.request('superviseServiceCase', {
        params: { id: target.id },
        body: { deadline: '2026-12-01', note: '请加快办理' },
        ifMatch: target.version,
      });
    },
    caseOverview: (c) => c.request('caseOverview', { query: { month: 'SM-2026' } }),
    listSavedViews: (c) => c.request('listSavedViews', { query: { resource: 'intakeRecords' } }),
    createSavedView: (c) =>
      c.request('createSavedView', {
        body: { resource: 'intakeRecords', name: '我的视图', search: 'stage=lead', shared: false },
      }),
    deleteSavedView: async (c) => {
      const own = await c.request('createSavedView', {
        body: { resource: 'intakeRecords', name: '临时视图', search: '', shared: false },
      });
      return c.request('deleteSavedView', { params: { id: own.id } });
    },
    listAuditEvents: (c) => c.request('listAuditEvents', { query: { entityType: 'serviceCase' } }),
  };
}

describe('the mock API keeps the contract', () => {
  const names = Object.keys(endpoints) as EndpointName[];

  it.each(names)('%s answers what its schema says, for a role allowed to call it', async (name) => {
    const permission = endpoints[name].permission;
    const role = roleSchema.options.find((r) => !permission || can(r, permission))!;
    await expect(sampleCalls()[name](clientAs(roleUser[role]))).resolves.toBeDefined();
  });

  const guarded = names.filter((name) => endpoints[name].permission);
  const denials = guarded.flatMap((name) =>
    roleSchema.options.filter((role) => !can(role, endpoints[name].permission!)).map((role) => [name, role] as const),
  );

  it.each(denials)('%s answers 403 to a %s', async (name, role) => {
    const call = sampleCalls()[name];
    const error = await call(clientAs(roleUser[role])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 403, code: 'forbidden' });
  });

  it.each(names.filter((name) => endpoints[name].auth !== false))('%s answers 401 without a session', async (name) => {
    const anonymous = createApiClient({ baseUrl: 'http://localhost', getToken: () => null });
    await expect(sampleCalls()[name](anonymous)).rejects.toMatchObject({ status: 401 });
  });

  it('every route that updates a versioned resource demands If-Match', async () => {
    const client = clientAs('manager');
    const target = [...mockApi.db.serviceCases.values()].find((c) => c.status === 'assigned')!;
    await expect(
      client.request('answerServiceCase', { params: { id: target.id }, body: { countermeasure: '已协调' } }),
    ).rejects.toMatchObject({ status: 428, code: 'precondition_required' });
  });
});
