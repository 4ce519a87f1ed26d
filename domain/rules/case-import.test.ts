import { describe, expect, it } from 'vitest';
import type { CaseImportRow } from '../../src/api/schemas/case-import';
import { problemOf } from '../../tests/utils/problem';
import { ruleContext, seeded } from '../../tests/utils/rule-context';
import { listAuditEvents } from './audit';
import { importServiceCases } from './case-import';
import { listServiceCases } from './service-cases';

const row = (n: number, fields: Partial<CaseImportRow> = {}): CaseImportRow => ({
  row: n,
  requesterType: 'enterprise',
  requesterName: '陈经理',
  enterpriseName: '昆山导入测试科技有限公司',
  requesterPhone: '13800001111',
  categoryCode: 'cat.housing',
  title: `导入需求 ${n}`,
  description: '人才公寓申请，三人入住',
  priority: 'normal',
  ...fields,
});

/** How many cases the month holds, as the office's list counts them. */
const monthTotal = async () =>
  (await listServiceCases(ruleContext('officer'), { month: 'SM-2026', page: 1, pageSize: 1 })).total;

describe('importing a demand list', () => {
  it('checks every row, finds duplicates in the month and in the file, and writes nothing on a dry run', async () => {
    const office = ruleContext('officer');
    const existing = [...seeded().serviceCases.values()].find((c) => c.monthId === 'SM-2026')!;
    const rows = [
      row(2),
      row(3, { requesterPhone: '1380000', categoryCode: 'cat.nonsense' }),
      row(4, { title: '   ' }),
      row(5, {
        requesterPhone: existing.requesterPhone,
        title: ` ${existing.title} `,
        description: existing.description.toUpperCase(),
      }),
      row(6, { title: '导入需求 2' }),
      row(7, { priority: '特急', requesterType: '单位' }),
    ];
    const before = await monthTotal();
    const result = await importServiceCases(office, {
      monthId: 'SM-2026',
      fileName: '住建局.xlsx',
      dryRun: true,
      rows,
    });
    expect(result).toMatchObject({ dryRun: true, total: 6, valid: 1, created: [] });
    expect(result.duplicates).toEqual([
      { row: 5, caseId: existing.id, sameAsRow: null },
      { row: 6, caseId: null, sameAsRow: 2 },
    ]);
    expect(result.problems.map(({ row, field, code, value }) => ({ row, field, code, value }))).toEqual([
      { row: 3, field: 'requesterPhone', code: 'invalid_format', value: '1380000' },
      { row: 3, field: 'categoryCode', code: 'unknown_code', value: 'cat.nonsense' },
      { row: 4, field: 'title', code: 'too_small', value: '   ' },
      { row: 7, field: 'requesterType', code: 'invalid_value', value: '单位' },
      { row: 7, field: 'priority', code: 'invalid_value', value: '特急' },
    ]);
    expect(await monthTotal()).toBe(before);
  });

  it('registers the valid new rows once: the same file again creates nothing, and each import is logged', async () => {
    const office = ruleContext('officer');
    const rows = [row(2), row(3), row(4, { categoryCode: 'cat.nonsense' })];
    const first = await importServiceCases(office, {
      monthId: 'SM-2026',
      fileName: '住建局.xlsx',
      dryRun: false,
      rows,
    });
    expect(first.created).toHaveLength(2);
    const created = await office.store.serviceCases.getMany(first.created);
    expect(created.map((c) => [c.title, c.status, c.enterpriseName])).toEqual([
      ['导入需求 2', 'new', '昆山导入测试科技有限公司'],
      ['导入需求 3', 'new', '昆山导入测试科技有限公司'],
    ]);
    const again = await importServiceCases(office, {
      monthId: 'SM-2026',
      fileName: '住建局.xlsx',
      dryRun: false,
      rows,
    });
    expect(again.created).toEqual([]);
    expect(again.duplicates.map((d) => d.caseId)).toEqual(first.created);
    const log = await listAuditEvents(office, { entityType: 'import', page: 1, pageSize: 10 });
    expect(log.items.map((e) => e.changes.find((c) => c.field === 'created')?.to)).toEqual([0, 2]);
    expect(log.items[0]).toMatchObject({ entityId: 'SM-2026', action: 'import' });
    // Each case's own history says it was registered, as one typed in would.
    const history = await listAuditEvents(office, {
      entityType: 'serviceCase',
      entityId: first.created[0],
      page: 1,
      pageSize: 5,
    });
    expect(history.items.map((e) => e.action)).toEqual(['create']);
  });

  it('is the talent office’s: another department is refused, and an unknown month is a field error', async () => {
    const liaison = ruleContext('liaison');
    expect(
      await problemOf(() =>
        importServiceCases(liaison, { monthId: 'SM-2026', fileName: 'a.csv', dryRun: true, rows: [row(2)] }),
      ),
    ).toMatchObject({ status: 403 });
    expect(
      await problemOf(() =>
        importServiceCases(ruleContext('officer'), {
          monthId: 'SM-1999',
          fileName: 'a.csv',
          dryRun: true,
          rows: [row(2)],
        }),
      ),
    ).toMatchObject({ status: 422, errors: [{ field: 'monthId', code: 'unknown_code' }] });
  });
});
