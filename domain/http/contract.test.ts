import { describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../src/api/client';
import { ApiError } from '../../src/api/api-error';
import { endpoints, type EndpointName } from '../../src/api/endpoints';
import { can } from '../../src/api/permissions';
import type { ServiceCase } from '../../src/api/schemas/service-cases';
import { roleSchema, type Role, type User } from '../../src/api/schemas/auth';
import { sharedBackend } from '../../tests/utils/backend';
import { addDays } from '../rules/dates';

/** A demand raised by a person, with personal data to mask. */
const newPersonCase = {
  monthId: 'SM-2026',
  requesterType: 'person',
  requesterName: '王某',
  enterpriseName: null,
  requesterPhone: '13900002222',
  categoryCode: 'cat.housing',
  title: '申请人才公寓',
  description: '希望尽快安排入住',
  priority: 'high',
} as const;

/** A demand as a row of an imported list: every cell text. */
function importRow({ monthId: _month, enterpriseName, ...fields }: typeof newPersonCase) {
  return { ...fields, enterpriseName: enterpriseName ?? '' };
}

function clientAs(username: string): ApiClient {
  const token = sharedBackend.token(username);
  return createApiClient({ baseUrl: 'http://localhost', getToken: () => token, fetch: sharedBackend.fetch });
}

/** The store as it is now, to see what a request wrote. */
const store = () => sharedBackend.backend().store;

const roleUser: Record<Role, string> = { viewer: 'viewer', officer: 'officer', manager: 'manager', admin: 'admin' };
/** Every demo user: a user of each role in the talent office, and the liaison (an officer of 住建局). */
const demoUsernames = [...Object.values(roleUser), 'liaison'];

function userNamed(username: string): User {
  return [...sharedBackend.seeded().users.values()].find((u) => u.username === username)!;
}

/**
 * A valid request for each case action. A lead department's action (sign, return, answer …) is
 * taken on a case the talent office dispatched to itself (直办) just before, so that it may.
 */
function caseActionCalls(openCase: (status: ServiceCase['status'], test?: (c: ServiceCase) => boolean) => ServiceCase) {
  type Call = (c: ApiClient) => Promise<ServiceCase>;
  const act =
    (action: Parameters<ApiClient['request']>[0], body: unknown, before?: Call): Call =>
    async (c) => {
      // Made ready by the talent office, whoever then takes the action (a refusal is the action's own).
      const target = before
        ? await before(clientAs('manager'))
        : openCase(action === 'dispatchServiceCase' ? 'new' : 'inProgress');
      return c.request(action as 'signServiceCase', {
        params: { id: target.id },
        body: body as never,
        ifMatch: target.version,
      });
    };
  const direct = act('dispatchServiceCase', { departmentCode: 'dept.rcb', assigneeId: null });
  const signed = act('signServiceCase', {}, direct);
  const returned = act('returnServiceCase', { reason: '不属于本单位职责' }, direct);
  const suspended = act('suspendServiceCase', { reason: '等待补充材料' }, signed);
  const extending: Call = async (c) => {
    const target = await signed(clientAs('manager'));
    return c.request('requestServiceCaseExtension', {
      params: { id: target.id },
      body: { dueAt: `${addDays(target.dueAt.slice(0, 10), 7)}T18:00:00+08:00`, reason: '需协调上级部门' },
      ifMatch: target.version,
    });
  };
  const ofStatus = (status: ServiceCase['status'], test?: (c: ServiceCase) => boolean) => async () =>
    openCase(status, test);
  return {
    dispatchServiceCase: act('dispatchServiceCase', { departmentCode: 'dept.zjj', assigneeId: 'u.liaison' }),
    signServiceCase: signed,
    returnServiceCase: returned,
    reviewReturnOfServiceCase: act(
      'reviewReturnOfServiceCase',
      { decision: 'redispatch', departmentCode: 'dept.zjj', note: '' },
      returned,
    ),
    assignServiceCase: act('assignServiceCase', { assigneeId: null }),
    suspendServiceCase: suspended,
    resumeServiceCase: act('resumeServiceCase', { note: '' }, suspended),
    requestServiceCaseExtension: extending,
    decideServiceCaseExtension: act('decideServiceCaseExtension', { decision: 'approved', note: '' }, extending),
    answerServiceCase: act('answerServiceCase', { countermeasure: '已协调' }, signed),
    acceptServiceCase: act('acceptServiceCase', { note: '' }, ofStatus('answered')),
    sendBackServiceCase: act('sendBackServiceCase', { reason: '请补充措施' }, ofStatus('answered')),
    followUpServiceCase: act(
      'followUpServiceCase',
      { satisfaction: 'satisfied', attributable: false, note: '' },
      ofStatus('visiting'),
    ),
    remindServiceCase: act('remindServiceCase', { note: '请抓紧办理' }),
    superviseServiceCase: act('superviseServiceCase', { deadline: '2026-12-01', note: '请加快办理' }),
    escalateServiceCase: act(
      'escalateServiceCase',
      { level: 'taskForce', reason: '两轮未解决', deadline: '2026-12-04' },
      ofStatus('inProgress', (c) => c.round > 1 && c.escalation === null),
    ),
    prioritizeServiceCase: act('prioritizeServiceCase', { priority: 'urgent' }, ofStatus('answered')),
    requestServiceCaseAssist: act(
      'requestServiceCaseAssist',
      { departmentCode: 'dept.zjj', request: '请核实住房情况' },
      signed,
    ),
    // 住建局 leads and asks the talent office to assist; the caller reports for it.
    reportServiceCaseAssist: act('reportServiceCaseAssist', { report: '经核实，符合人才认定条件' }, async (manager) => {
      const zjj = await act('dispatchServiceCase', { departmentCode: 'dept.zjj', assigneeId: null })(manager);
      const liaison = clientAs('liaison');
      const signedByZjj = await liaison.request('signServiceCase', {
        params: { id: zjj.id },
        body: {},
        ifMatch: zjj.version,
      });
      return liaison.request('requestServiceCaseAssist', {
        params: { id: zjj.id },
        body: { departmentCode: 'dept.rcb', request: '请确认人才层次' },
        ifMatch: signedByZjj.version,
      });
    }),
    // A repeat of an open case, from the same requester, registered after it.
    mergeServiceCase: async (c) => {
      const target = openCase('inProgress');
      const repeat = await clientAs('manager').request('createServiceCase', {
        body: { ...newPersonCase, monthId: target.monthId, requesterName: target.requesterName },
      });
      return c.request('mergeServiceCase', {
        params: { id: repeat.id },
        body: { intoId: target.id },
        ifMatch: repeat.version,
      });
    },
    classifyServiceCase: act('classifyServiceCase', { commonality: 'common' }, ofStatus('closed')),
  } satisfies Partial<Record<EndpointName, Call>>;
}

/** A valid request for every route of the contract; the client parses each answer with its schema. */
function sampleCalls(): { [N in EndpointName]: (client: ApiClient) => Promise<unknown> } {
  const db = sharedBackend.seeded();
  const openCase = (status: string, test: (c: ServiceCase) => boolean = () => true) =>
    [...db.serviceCases.values()].find((c) => c.status === status && c.monthId === 'SM-2026' && test(c))!;
  const record = [...db.intakeRecords.values()].find((r) => r.stage === 'lead')!;
  const patch = [...db.policyPatches.values()].find((p) => p.status === 'collected')!;
  const issued = [...db.policyPatches.values()].find((p) => p.status === 'issued')!;
  const unlinked = [...db.serviceCases.values()].find((c) => c.linkedPatchId === null)!;
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
    listHolidayYears: (c) => c.request('listHolidayYears'),
    saveHolidayYear: (c) =>
      c.request('saveHolidayYear', {
        params: { year: 2027 },
        body: { off: ['2027-01-01'], work: [], source: '测试' },
        ifMatch: 0,
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
          amendment: '',
          leadDepartmentCode: 'dept.zjj',
          demandCaseIds: [],
        },
      }),
    updatePolicyPatch: (c) =>
      c.request('updatePolicyPatch', {
        params: { id: patch.id },
        body: { ...patch, amendment: '测试条款' },
        ifMatch: patch.version,
      }),
    linkPolicyPatchCases: (c) =>
      c.request('linkPolicyPatchCases', {
        params: { id: patch.id },
        body: { link: [unlinked.id], unlink: [] },
        ifMatch: patch.version,
      }),
    recordPatchEffect: (c) =>
      c.request('recordPatchEffect', {
        params: { id: issued.id },
        body: { month: issued.issuedAt!.slice(0, 7), beneficiaries: 3, fundsDisbursed: 12.5 },
        ifMatch: issued.version,
      }),
    transitionPolicyPatch: (c) =>
      c.request('transitionPolicyPatch', {
        params: { id: patch.id },
        body: { status: 'drafting' },
        ifMatch: patch.version,
      }),
    patchOverview: (c) => c.request('patchOverview', { query: { policy: ['pol.housing'], year: 2026 } }),
    patchTreeCounts: (c) => c.request('patchTreeCounts', { query: { status: ['drafting'] } }),
    listServiceMonths: (c) => c.request('listServiceMonths'),
    listServiceRecords: (c) => c.request('listServiceRecords', { query: { month: 'SM-2026' } }),
    listServiceCases: (c) => c.request('listServiceCases', { query: { overdue: 'true', sort: '-priority' } }),
    getServiceCase: (c) => c.request('getServiceCase', { params: { id: openCase('closed').id } }),
    createServiceCase: (c) =>
      c.request('createServiceCase', {
        body: newPersonCase,
      }),
    importServiceCases: (c) =>
      c.request('importServiceCases', {
        body: {
          monthId: 'SM-2026',
          fileName: '需求清单.xlsx',
          dryRun: true,
          rows: [{ row: 2, ...importRow(newPersonCase) }],
        },
      }),
    ...caseActionCalls(openCase),
    caseQueueCounts: (c) => c.request('caseQueueCounts', { query: { month: 'SM-2026' } }),
    caseScores: (c) => c.request('caseScores', { query: { month: '2026-11' } }),
    getScoringSettings: (c) => c.request('getScoringSettings'),
    saveScoringSettings: (c) =>
      c.request('saveScoringSettings', {
        body: {
          weights: { timelySign: 10, onTime: 40, satisfaction: 30, firstTime: 20 },
          thresholds: { excellent: 95, good: 85, pass: 75 },
          minimumCases: 3,
        },
        ifMatch: 0,
      }),
    getKnowledgeBase: (c) => c.request('getKnowledgeBase'),
    exportIntakeRecords: (c) =>
      c.request('exportIntakeRecords', { query: { stage: ['landed'], format: 'xlsx', page: 1, pageSize: 1000 } }),
    exportServiceCases: (c) =>
      c.request('exportServiceCases', { query: { month: 'SM-2026', format: 'csv', page: 2, pageSize: 500 } }),
    exportServiceRecords: (c) =>
      c.request('exportServiceRecords', {
        query: { department: ['dept.rsj'], format: 'xlsx', page: 1, pageSize: 500 },
      }),
    exportPolicyPatches: (c) =>
      c.request('exportPolicyPatches', { query: { status: ['issued'], format: 'csv', page: 1, pageSize: 500 } }),
    saveKnowledgeBase: (c) =>
      c.request('saveKnowledgeBase', {
        body: {
          answers: [
            {
              id: 'KB-001',
              title: '人才公寓申请条件',
              categoryCode: 'cat.housing',
              policyCode: null,
              answer: '按规定办理',
            },
            { title: '新增答复', categoryCode: null, policyCode: 'pol.core', answer: '按人才新政办理' },
          ],
        },
        ifMatch: db.settings.has('knowledge') ? (db.settings.get('knowledge') as { version: number }).version : 0,
      }),
    caseOverview: (c) => c.request('caseOverview', { query: { month: 'SM-2026' } }),
    caseOversight: (c) =>
      c.request('caseOversight', { query: { month: 'SM-2026', department: ['dept.zjj', 'dept.rsj'] } }),
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

describe(`the API keeps the contract (${sharedBackend.label} store)`, () => {
  const names = Object.keys(endpoints) as EndpointName[];

  it.each(names)('%s answers what its schema says, for a role allowed to call it', async (name) => {
    const permission = endpoints[name].permission;
    const role = roleSchema.options.find((r) => !permission || can(userNamed(roleUser[r]), permission))!;
    await expect(sampleCalls()[name](clientAs(roleUser[role]))).resolves.toBeDefined();
  });

  const guarded = names.filter((name) => endpoints[name].permission);
  // Departments matter as well as roles: the liaison (an officer of 住建局) may not write intake.
  const denials = guarded.flatMap((name) =>
    demoUsernames
      .filter((username) => !can(userNamed(username), endpoints[name].permission!))
      .map((username) => [name, username] as const),
  );

  it('denies the liaison the intake records and every intake write, as the talent office’s staff are allowed', () => {
    const liaisonDenied = denials.filter(([, username]) => username === 'liaison').map(([name]) => name);
    expect(liaisonDenied).toEqual(
      expect.arrayContaining([
        'listIntakeRecords',
        'getIntakeRecord',
        'createIntakeRecord',
        'updateIntakeRecord',
        'advanceIntakeStage',
        'reassignIntakeRecords',
      ]),
    );
    // Exporting is a manager's (report:export), whatever the records.
    expect(denials.filter(([name, username]) => username === 'officer' && name.includes('Intake'))).toEqual([
      ['exportIntakeRecords', 'officer'],
    ]);
    expect(denials.filter(([name, username]) => username === 'viewer' && name.endsWith('IntakeRecords'))).toEqual([
      ['reassignIntakeRecords', 'viewer'],
      ['exportIntakeRecords', 'viewer'],
    ]);
  });

  it.each(denials)('%s answers 403 to %s', async (name, username) => {
    const call = sampleCalls()[name];
    const error = await call(clientAs(username)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 403, code: 'forbidden' });
  });

  it.each(names.filter((name) => endpoints[name].auth !== false))('%s answers 401 without a session', async (name) => {
    const anonymous = createApiClient({
      baseUrl: 'http://localhost',
      getToken: () => null,
      fetch: sharedBackend.fetch,
    });
    await expect(sampleCalls()[name](anonymous)).rejects.toMatchObject({ status: 401 });
  });

  it('refuses text that is not valid Unicode (half a surrogate pair) with 400, and stores nothing', async () => {
    const officer = clientAs('officer');
    const title = `人才公寓 \ud800 申请`;
    await expect(officer.request('createServiceCase', { body: { ...newPersonCase, title } })).rejects.toMatchObject({
      status: 400,
      code: 'bad_request',
    });
    const found = await officer.request('listServiceCases', { query: { q: '人才公寓', pageSize: 100 } });
    expect(found.items.some((c) => c.title.includes('\ufffd') || c.title === title)).toBe(false);
  });

  it('every route that updates a versioned resource demands If-Match', async () => {
    const client = clientAs('manager');
    const target = [...sharedBackend.seeded().serviceCases.values()].find((c) => c.status === 'inProgress')!;
    await expect(
      client.request('answerServiceCase', { params: { id: target.id }, body: { countermeasure: '已协调' } }),
    ).rejects.toMatchObject({ status: 428, code: 'precondition_required' });
  });
});

describe('personal data and history over the API', () => {
  const maskedPhone = /^\d{3}\*{4}\d{4}$/;

  it('gives the liaison intake figures but not the records, their history or their writes', async () => {
    const liaison = clientAs('liaison');
    await expect(liaison.request('intakeOverview', { query: {} })).resolves.toHaveProperty('current');
    await expect(liaison.request('intakeBreakdown', { query: { dimension: 'channel' } })).resolves.toHaveProperty(
      'rows',
    );
    await expect(liaison.request('listIntakeRecords', { query: { pageSize: 50 } })).rejects.toMatchObject({
      status: 403,
    });
    const viewerPage = await clientAs('viewer').request('listIntakeRecords', { query: { pageSize: 50 } });
    expect(viewerPage.items.every((r) => maskedPhone.test(r.phone))).toBe(true);
    const one = viewerPage.items[0]!;
    await expect(liaison.request('getIntakeRecord', { params: { id: one.id } })).rejects.toMatchObject({ status: 403 });
    const history = await liaison.request('listAuditEvents', {
      query: { entityType: 'intakeRecord', entityId: one.id },
    });
    expect(history.items).toEqual([]);
    const officerView = await clientAs('officer').request('getIntakeRecord', { params: { id: one.id } });
    expect(officerView.phone).toMatch(/^1\d{10}$/);
    await expect(
      liaison.request('updateIntakeRecord', {
        params: { id: one.id },
        body: { ...officerView, note: '住建局改' },
        ifMatch: officerView.version,
      }),
    ).rejects.toMatchObject({ status: 403 });
    expect((await store().intakeRecords.get(one.id))!.note).not.toBe('住建局改');
  });

  it('masks a changed phone in an intake record’s history for the viewer; the liaison gets no history', async () => {
    const record = [...sharedBackend.seeded().intakeRecords.values()].find((r) => r.stage === 'lead')!;
    const officer = clientAs('officer');
    const full = await officer.request('getIntakeRecord', { params: { id: record.id } });
    const {
      id: _id,
      stage: _s,
      stageDates: _d,
      officerName: _o,
      createdAt: _c,
      updatedAt: _u,
      version,
      ...input
    } = full;
    await officer.request('updateIntakeRecord', {
      params: { id: record.id },
      body: { ...input, phone: '13912345678' },
      ifMatch: version,
    });
    const history = (username: string) =>
      clientAs(username).request('listAuditEvents', { query: { entityType: 'intakeRecord', entityId: record.id } });
    const phoneChange = (events: Awaited<ReturnType<typeof history>>) =>
      events.items.flatMap((e) => e.changes).find((c) => c.field === 'phone')!;
    expect(phoneChange(await history('officer'))).toMatchObject({ from: record.phone, to: '13912345678' });
    const change = phoneChange(await history('viewer'));
    expect(change.to).toBe('139****5678');
    expect(String(change.from)).toMatch(maskedPhone);
    expect(JSON.stringify(await history('viewer'))).not.toContain(record.phone);
    expect((await history('liaison')).items).toEqual([]);
  });

  it('masks personal data of a case’s history for a viewer', async () => {
    const created = await clientAs('officer').request('createServiceCase', {
      body: newPersonCase,
    });
    const events = await clientAs('viewer').request('listAuditEvents', {
      query: { entityType: 'serviceCase', entityId: created.id },
    });
    expect(events.items[0]!.changes.find((c) => c.field === 'requesterPhone')).toMatchObject({
      from: null,
      to: '139****2222',
    });
    expect(JSON.stringify(events)).not.toContain('13900002222');
  });

  it('shows the history of users and dictionaries to administrators only', async () => {
    const admin = clientAs('admin');
    await admin.request('updateDictionaryEntry', {
      params: { kind: 'channels', code: 'ch.market' },
      body: { name: '市场猎才', nameEn: 'Headhunting', order: 2, active: true },
    });
    expect((await admin.request('listAuditEvents', { query: { entityType: 'dictionary' } })).total).toBeGreaterThan(0);
    for (const reader of ['manager', 'viewer', 'liaison']) {
      const client = clientAs(reader);
      expect((await client.request('listAuditEvents', { query: { entityType: 'dictionary' } })).total).toBe(0);
      const all = await client.request('listAuditEvents', { query: { pageSize: 100 } });
      expect(all.items.some((e) => e.entityType === 'user' || e.entityType === 'dictionary')).toBe(false);
    }
  });
});
