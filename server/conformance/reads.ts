import type { Database as DemoDatabase } from '../../mocks/data/database';
import { auditEntityTypeSchema } from '../../src/api/schemas/audit';
import { roleSchema } from '../../src/api/schemas/auth';
import { intakeKindSchema } from '../../src/api/schemas/intake';
import { patchStatusSchema } from '../../src/api/schemas/policy-patches';
import { savedViewResourceSchema } from '../../src/api/schemas/saved-views';
import { casePrioritySchema, caseQueueViewSchema, caseStatusSchema } from '../../src/api/schemas/service-cases';
import { intakeDimensionSchema } from '../../src/api/schemas/stats';
import { caseSortFields, intakeSortFields, patchSortFields, serviceRecordSortFields } from '../../domain/store';
import { highestSerials } from '../db/demo-data';
import type { Call } from './harness';

type Read = Omit<Call, 'token'>;
type Query = NonNullable<Call['query']>;

/** The page size of most lists: large enough to show orders and filters, small enough to stay quick. */
const PAGE = '100';

/** Both directions of every field: `field` and `-field`. */
const bothWays = (fields: readonly string[]) => fields.flatMap((field) => [field, `-${field}`]);

/**
 * Text searched with `q`: Chinese and Latin, any letter case, and LIKE's wildcards, which must
 * match themselves only. Some match only what the write sequence creates (`Émile`, `100%_`), so
 * they are empty before it and not after.
 */
export const searchTexts = [
  '张',
  '科技',
  '昆山 恒瑞',
  'IR-2026-000',
  'ir-2025-01',
  'Sc-2026-00',
  'pp-2024',
  '%',
  '_',
  '%_',
  '100%',
  '0%_p',
  '\\',
  "'",
  'émile',
  'ACME photonics',
  '𠮷',
  'ＺＥＮ',
  '  科技  ',
];

/** The ids the write sequence's first intake record, case and patch get (the next serials of 2026). */
export function nextIds(data: DemoDatabase) {
  const next = (ids: Iterable<string>, prefix: string, digits: number) =>
    `${prefix}${String((highestSerials(ids).get(prefix) ?? 0) + 1).padStart(digits, '0')}`;
  return {
    intake: next(data.intakeRecords.keys(), 'IR-2026-', 5),
    serviceCase: next(data.serviceCases.keys(), 'SC-2026-', 4),
    patch: next(data.policyPatches.keys(), 'PP-2026-', 3),
  };
}

/**
 * Every GET route of the contract with a representative set of queries, the same for every
 * reader: what a reader may not see answers 403 or 404, and that is compared too.
 */
export function readMatrix(data: DemoDatabase): Read[] {
  const reads: Read[] = [];
  const created = nextIds(data);
  const add = (name: Call['name'], query?: Query, params?: Record<string, string>) =>
    reads.push({ name, query, params });

  const intake = [...data.intakeRecords.values()];
  const cases = [...data.serviceCases.values()];
  const patches = [...data.policyPatches.values()];
  const { dictionaries } = data;
  const codes = <T extends { code: string }>(list: T[], count: number) => list.slice(0, count).map((e) => e.code);
  const lastPage = (total: number, pageSize: number) => String(Math.ceil(total / pageSize));

  // Who is asking, users, officers, reference data, the service months.
  add('me');
  add('listUsers');
  for (const role of roleSchema.options) add('listUsers', { role });
  add('listUsers', { departmentCode: 'dept.zjj' });
  add('listUsers', { role: 'officer', departmentCode: 'dept.rcb' });
  add('listOfficers');
  add('getDictionaries');
  add('listServiceMonths');

  // The intake register: every sort both ways (first and last page, where empty values go),
  // every filter alone, filters together, and pages past the end.
  const intakePages = lastPage(intake.length, Number(PAGE));
  for (const sort of bothWays(intakeSortFields)) {
    add('listIntakeRecords', { sort, pageSize: PAGE });
    add('listIntakeRecords', { sort, pageSize: PAGE, page: intakePages });
  }
  const intakeFilters: Query[] = [
    {},
    { channel: 'ch.event' },
    { channel: codes(dictionaries.channels, 3) },
    { stage: 'landed' },
    { stage: ['lead', 'signed'] },
    { tier: 'tier.strategic' },
    { industry: codes(dictionaries.industries, 4) },
    { town: ['town.zhouzhuang', 'town.lujia'] },
    { event: 'ev.startup-week' },
    { event: codes(dictionaries.events, 5) },
    { officer: 'u.officer' },
    { officer: ['u.rcb-1', 'u.rcb-2', 'u.manager'] },
    { channel: 'ch.nonexistent' },
    { from: '2026-01-01', to: '2026-06-30' },
    { from: '2026-11-01' },
    { to: '2024-03-31' },
    { from: '2026-11-25', to: '2026-11-25' },
    { landedFrom: '2026-06-01', landedTo: '9999-12-31' },
    { landedFrom: '2025-01-01', landedTo: '2025-12-31' },
    { landedFrom: '2026-11-01' },
    { landedTo: '2024-06-30' },
    { investmentMin: '500' },
    { investmentMax: '100' },
    { investmentMin: '99.5', investmentMax: '1500.25' },
    { investmentMin: '0' },
    ...intakeKindSchema.options.map((kind) => ({ kind })),
    { hasEvent: 'true' },
    ...searchTexts.map((q) => ({ q })),
    {
      channel: ['ch.event', 'ch.university'],
      stage: ['signed', 'landed'],
      from: '2025-01-01',
      to: '2026-11-30',
      kind: 'project',
      investmentMin: '50',
      q: '科技',
    },
    { hasEvent: 'true', landedFrom: '2026-01-01', town: 'town.huaqiao', sort: 'officer' },
  ];
  for (const filter of intakeFilters) add('listIntakeRecords', { ...filter, pageSize: PAGE });
  add('listIntakeRecords', { page: '999', pageSize: '50' });
  add('listIntakeRecords', { stage: 'landed', page: '3', pageSize: '7', sort: '-investment' });
  add('listIntakeRecords', { q: '张', page: '2', pageSize: '25', sort: 'name' });
  add('listIntakeRecords', { sort: 'phone' });
  add('listIntakeRecords', { stage: 'won' });
  add('listIntakeRecords', { investmentMin: '-1' });
  add('listIntakeRecords', { pageSize: '500' });

  const lead = intake.find((r) => r.stage === 'lead')!;
  const landedProject = intake.find((r) => r.stage === 'landed' && r.kind === 'project')!;
  add('getIntakeRecord', undefined, { id: lead.id });
  add('getIntakeRecord', undefined, { id: landedProject.id });
  add('getIntakeRecord', undefined, { id: created.intake });
  add('getIntakeRecord', undefined, { id: 'IR-1999-00001' });

  // Intake figures, with and without filters.
  const statFilters: Query[] = [
    {},
    { from: '2026-01-01', to: '2026-06-30' },
    { channel: ['ch.event', 'ch.platform'], kind: 'project', investmentMin: '100' },
    { town: 'town.huaqiao', hasEvent: 'true', landedFrom: '2025-06-01' },
    { tier: ['tier.leader', 'tier.engineer'], industry: 'ind.ai', officer: ['u.officer', 'u.rcb-2'] },
  ];
  const overviewPeriods: Query[] = [
    { from: '2026-10-01', to: '2026-10-31' },
    { from: '2026-11-01', to: '2026-11-30' },
    { from: '2025-11-10', to: '2026-02-14' },
    { from: '2024-07-01' },
    { from: '2027-01-01', to: '2027-03-31' },
    { from: '2026-11-25', to: '2026-11-25' },
    { landedFrom: '2026-06-01', landedTo: '9999-12-31' },
  ];
  for (const filter of [...statFilters, ...overviewPeriods]) add('intakeOverview', filter);
  for (const dimension of intakeDimensionSchema.options) {
    for (const filter of statFilters.slice(0, 4)) add('intakeBreakdown', { ...filter, dimension });
  }
  add('intakeBreakdown', { dimension: 'landed' });
  for (const filter of statFilters) add('intakeFunnel', filter);
  add('intakeFunnel', { stage: ['signed', 'landed'], officer: 'u.officer' });
  for (const filter of statFilters) add('intakeTrend', filter);
  add('intakeTrend', { to: '2025-12-31' });
  for (const year of ['2024', '2025', '2026', '2027']) add('intakeTargets', { year });
  add('intakeTargets', {});

  // Policy patches.
  for (const sort of bothWays(patchSortFields)) add('listPolicyPatches', { sort, pageSize: '100' });
  const patchFilters: Query[] = [
    {},
    { status: 'collected' },
    { status: patchStatusSchema.options.slice(3) },
    { policy: ['pol.housing', 'pol.housing.subsidy', 'pol.project.grant'] },
    { department: 'dept.zjj' },
    { department: ['dept.rsj', 'dept.kjj'], status: ['drafting', 'review'] },
    { q: '补贴' },
    { q: patches[0]!.blockage.slice(2, 8) },
    { q: 'pp-2026' },
    { q: '%' },
    { q: '_' },
    { q: 'Latin' },
    { page: '99' },
    { page: '3', pageSize: '5', sort: 'title' },
    { policy: 'pol.core' },
    { policy: 'pol.finance', age: ['d90', 'older'] },
    { age: 'd30' },
    { age: ['d180'], status: ['drafting', 'consultation'] },
  ];
  for (const filter of patchFilters) add('listPolicyPatches', filter);
  // The tree counts under the table's other filters (the policy, page and order apart).
  const treeFilters = new Map<string, Query>();
  for (const { policy: _policy, page: _page, pageSize: _size, sort: _sort, ...rest } of patchFilters) {
    treeFilters.set(JSON.stringify(rest), rest);
  }
  for (const filter of treeFilters.values()) add('patchTreeCounts', filter);
  add('listPolicyPatches', { sort: 'blockage' });
  add('getPolicyPatch', undefined, { id: patches[0]!.id });
  add('getPolicyPatch', undefined, { id: created.patch });
  add('getPolicyPatch', undefined, { id: 'PP-1999-001' });
  add('patchOverview');
  add('patchOverview', { year: '2025' });
  add('patchOverview', { policy: 'pol.housing', department: ['dept.zjj', 'dept.rsj'] });
  add('patchOverview', { policy: 'pol.core', year: '2026' });

  // The service lists of the months.
  for (const sort of bothWays(serviceRecordSortFields)) add('listServiceRecords', { sort, pageSize: PAGE });
  for (const filter of [
    {},
    { month: 'SM-2026' },
    { month: 'SM-2025', department: ['dept.jyj', 'dept.town-zhoushi'], pageSize: PAGE },
    { department: 'dept.zjj', sort: 'participants' },
    { page: '40', pageSize: '20' },
    ...searchTexts.map((q) => ({ q })),
    { q: '对接', month: 'SM-2026', sort: 'participants' },
  ] satisfies Query[])
    add('listServiceRecords', filter);

  // Service cases, in each reader's data scope.
  const casePages = lastPage(cases.length, Number(PAGE));
  for (const sort of bothWays(caseSortFields)) {
    add('listServiceCases', { sort, pageSize: PAGE });
    add('listServiceCases', { sort, pageSize: PAGE, page: casePages });
  }
  const someCase = cases.find((c) => c.enterpriseName !== null && c.departmentCode === 'dept.zjj')!;
  const caseFilters: Query[] = [
    {},
    { month: 'SM-2026' },
    { month: 'SM-1999' },
    { status: 'new' },
    { status: ['dispatched', 'returned', 'inProgress', 'suspended'] },
    { status: ['answered', 'visiting'] },
    { priority: 'urgent' },
    { priority: casePrioritySchema.options.slice(0, 2) },
    { category: ['cat.housing', 'cat.visa'] },
    { department: 'dept.zjj' },
    { department: ['dept.rsj', 'dept.zjj', 'dept.kjj'] },
    { assignee: 'u.liaison' },
    { assignee: ['u.zjj-1', 'u.zjj-2', 'u.rsj-1'] },
    { overdue: 'true' },
    { overdue: 'false' },
    { supervised: 'true' },
    { supervised: 'false' },
    { overdue: 'true', supervised: 'true' },
    ...searchTexts.map((q) => ({ q })),
    { q: someCase.requesterName },
    { q: someCase.enterpriseName!.slice(2, 6) },
    { q: someCase.title.slice(0, 3) },
    {
      month: 'SM-2026',
      status: caseStatusSchema.options.filter((s) => s !== 'closed'),
      overdue: 'true',
      sort: '-priority',
    },
    { department: 'dept.zjj', overdue: 'false', supervised: 'false', q: '入学', sort: '-receivedAt' },
  ];
  for (const filter of caseFilters) add('listServiceCases', { pageSize: PAGE, ...filter });
  // The queue views (relative to the reader and the clock), alone and with other filters.
  for (const view of caseQueueViewSchema.options) {
    add('listServiceCases', { view, pageSize: PAGE });
    add('listServiceCases', { view, month: 'SM-2026', sort: '-dueAt', pageSize: PAGE });
    add('listServiceCases', { view, department: 'dept.zjj', priority: ['high', 'urgent'], overdue: 'false' });
    add('listServiceCases', { view, status: ['inProgress', 'closed'], supervised: 'true', q: '科技' });
    add('listServiceCases', { view, sort: 'stageDueAt', pageSize: PAGE });
  }
  add('listServiceCases', { view: 'mine', assignee: 'u.liaison', page: '2', pageSize: '5' });
  add('listServiceCases', { view: 'nonsense' });
  add('listServiceCases', { page: '500' });
  add('listServiceCases', { page: '4', pageSize: '13', sort: '-dueAt', department: 'dept.zjj' });
  add('listServiceCases', { overdue: 'maybe' });
  add('listServiceCases', { sort: 'title' });

  const zjjCase = cases.find((c) => c.departmentCode === 'dept.zjj' && c.status !== 'closed')!;
  const otherCase = cases.find((c) => c.departmentCode === 'dept.rsj')!;
  const newCase = cases.find((c) => c.status === 'new')!;
  for (const id of [zjjCase.id, otherCase.id, newCase.id, created.serviceCase, 'SC-1999-0001'])
    add('getServiceCase', undefined, { id });

  add('caseQueueCounts');
  // Department scores: the live month, an older one, one with nothing, and a month that is not one.
  for (const month of ['2026-11', '2026-10', '2025-10', '2024-09', '2030-01', '2026-13']) add('caseScores', { month });
  add('caseScores');
  add('getScoringSettings');
  for (const month of [...data.serviceMonths.keys(), 'SM-1999']) add('caseQueueCounts', { month });
  add('caseOverview');
  for (const month of [...data.serviceMonths.keys(), 'SM-1999']) add('caseOverview', { month });
  // Oversight: a month's daily flow and the resolution figures, alone and filtered as the list is.
  add('caseOversight');
  for (const month of [...data.serviceMonths.keys(), 'SM-1999']) add('caseOversight', { month });
  const oversightFilters: Query[] = [
    { month: 'SM-2026', department: ['dept.zjj', 'dept.rsj'] },
    { month: 'SM-2025', category: 'cat.housing' },
    { department: 'dept.zjj', category: ['cat.housing', 'cat.visa', 'cat.schooling'] },
    { department: 'dept.kjj' },
    { category: 'cat.nonexistent' },
    { month: '' },
  ];
  for (const filter of oversightFilters) add('caseOversight', filter);

  // Saved views and the audit trail.
  for (const resource of savedViewResourceSchema.options) add('listSavedViews', { resource });
  add('listSavedViews', {});

  add('listAuditEvents', { pageSize: PAGE });
  for (const entityType of auditEntityTypeSchema.options) add('listAuditEvents', { entityType, pageSize: PAGE });
  const auditedIds = [
    zjjCase.id,
    otherCase.id,
    created.serviceCase,
    created.intake,
    intake.find((r) => r.stage === 'negotiating')!.id,
    created.patch,
    patches.find((p) => p.status === 'review')!.id,
    'u.rcb-1',
    'channels:ch.market',
  ];
  for (const entityId of auditedIds) add('listAuditEvents', { entityId });
  add('listAuditEvents', { entityType: 'serviceCase', entityId: zjjCase.id });
  add('listAuditEvents', { entityType: 'policyPatch', entityId: zjjCase.id });
  add('listAuditEvents', { page: '3', pageSize: '7', entityType: 'serviceCase' });
  add('listAuditEvents', { page: '1000', pageSize: '50' });
  add('listAuditEvents', { entityType: 'session' });

  // Exports page through the lists' rules, the rows picked by id within the filters; each first page is logged.
  const pickedIntake = intake.slice(0, 3).map((r) => r.id);
  add('exportIntakeRecords', { format: 'xlsx', id: pickedIntake, sort: 'id' });
  add('exportIntakeRecords', { format: 'csv', id: pickedIntake, stage: 'landed', page: '2', pageSize: '1' });
  add('exportIntakeRecords', { format: 'pdf' });
  add('exportServiceCases', { format: 'xlsx', id: [zjjCase.id, cases[1]!.id, 'SC-0000-0000'], page: '2' });
  add('exportServiceCases', { format: 'csv', month: 'SM-2026', view: 'overdue', pageSize: '1000', page: '2' });
  add('exportServiceRecords', { format: 'csv', q: '对接', department: 'dept.zjj', page: '2' });
  add('exportPolicyPatches', { format: 'xlsx', id: patches.slice(0, 2).map((p) => p.id), page: '2' });
  add('exportPolicyPatches', { format: 'xlsx', pageSize: '1001' });
  add('listAuditEvents', { entityType: 'export', pageSize: '10' });

  return reads;
}
