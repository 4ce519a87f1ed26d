import { describe, expect, it } from 'vitest';
import { ruleContext } from '../../tests/utils/rule-context';
import { listAuditEvents } from './audit';
import { exportIntakeRecords, exportServiceCases } from './exports';

describe('exports', () => {
  it('page through what the list would show, and log the export once, with its filters and rows', async () => {
    const manager = ruleContext('manager');
    const query = { stage: ['landed' as const], sort: 'id', format: 'xlsx' as const };
    const first = await exportIntakeRecords(manager, { ...query, page: 1, pageSize: 1000 });
    expect(first.items.length).toBe(Math.min(1000, first.total));
    expect(first.items.every((r) => r.stage === 'landed')).toBe(true);
    await exportIntakeRecords(manager, { ...query, page: 2, pageSize: 1000 });
    const log = await listAuditEvents(manager, { entityType: 'export', page: 1, pageSize: 10 });
    expect(log.items).toHaveLength(1);
    expect(log.items[0]).toMatchObject({ entityId: 'intakeRecords', action: 'export', actorName: '王芳' });
    expect(log.items[0]!.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'format', to: 'xlsx' }),
        expect.objectContaining({ field: 'filters', to: 'sort=id&stage=landed' }),
        expect.objectContaining({ field: 'rowCount', to: first.total }),
      ]),
    );
    // The log of exports is for those who may export.
    expect((await listAuditEvents(ruleContext('officer'), { entityType: 'export', page: 1, pageSize: 10 })).total).toBe(
      0,
    );
  });

  it('keep a department to its own scope', async () => {
    const page = await exportServiceCases(ruleContext('liaison'), { page: 1, pageSize: 1000, format: 'csv' });
    expect(page.items.length).toBeGreaterThan(0);
    expect(
      page.items.every(
        (c) => c.departmentCode === 'dept.zjj' || c.assists.some((a) => a.departmentCode === 'dept.zjj'),
      ),
    ).toBe(true);
  });
});
