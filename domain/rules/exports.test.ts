import { describe, expect, it } from 'vitest';
import { ruleContext, seeded } from '../../tests/utils/rule-context';
import { maskPhone } from './masking';
import { problemOf } from '../../tests/utils/problem';
import { listAuditEvents } from './audit';
import { exportIntakeRecords, exportPolicyPatches, exportServiceCases, exportServiceRecords } from './exports';

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

  it('export only the rows picked, and only those of them the filters select', async () => {
    const manager = ruleContext('manager');
    const all = await exportIntakeRecords(manager, { page: 1, pageSize: 1000, format: 'csv', sort: 'id' });
    const landed = all.items.find((r) => r.stage === 'landed')!;
    const lead = all.items.find((r) => r.stage === 'lead')!;
    const picked = [landed.id, lead.id, 'IR-0000-00000'];
    const page = await exportIntakeRecords(manager, { page: 1, pageSize: 500, format: 'csv', id: picked });
    expect(page.items.map((r) => r.id).sort()).toEqual([landed.id, lead.id].sort());
    const within = await exportIntakeRecords(manager, {
      page: 1,
      pageSize: 500,
      format: 'csv',
      id: picked,
      stage: ['landed'],
    });
    expect(within.items.map((r) => r.id)).toEqual([landed.id]);
    const log = await listAuditEvents(manager, { entityType: 'export', page: 1, pageSize: 1 });
    expect(log.items[0]!.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'filters', to: `id=${picked.join('&id=')}&stage=landed` }),
        expect.objectContaining({ field: 'rowCount', to: 1 }),
      ]),
    );
  });

  it('export the services delivered, searched by title or enterprise, and log them', async () => {
    const manager = ruleContext('manager');
    const every = await exportServiceRecords(manager, { page: 1, pageSize: 1000, format: 'xlsx' });
    const sample = every.items[0]!;
    const word = sample.enterpriseName.slice(0, 4);
    const found = await exportServiceRecords(manager, { page: 1, pageSize: 1000, format: 'xlsx', q: word });
    expect(found.items.length).toBeGreaterThan(0);
    expect(found.items.every((r) => r.title.includes(word) || r.enterpriseName.includes(word))).toBe(true);
    // Every service is on the one page, so the search's count can be checked against all of them.
    expect(every.items).toHaveLength(every.total);
    expect(found.total).toBe(
      every.items.filter((r) => r.title.includes(word) || r.enterpriseName.includes(word)).length,
    );
    const log = await listAuditEvents(manager, { entityType: 'export', page: 1, pageSize: 1 });
    expect(log.items[0]).toMatchObject({ entityId: 'serviceRecords', action: 'export' });
  });

  it('export patches as the list shows them: a department sees only its own linked demands', async () => {
    const page = await exportPolicyPatches(ruleContext('liaison'), { page: 1, pageSize: 1000, format: 'xlsx' });
    const linked = page.items.flatMap((p) => p.demandCaseIds);
    expect(linked.length).toBeGreaterThan(0);
    const manager = ruleContext('manager');
    const cases = await exportServiceCases(manager, {
      page: 1,
      pageSize: 1000,
      format: 'csv',
      id: linked.slice(0, 500),
    });
    expect(cases.items.every((c) => c.departmentCode === 'dept.zjj')).toBe(true);
    const whole = await exportPolicyPatches(manager, { page: 1, pageSize: 1000, format: 'xlsx' });
    expect(whole.items.flatMap((p) => p.demandCaseIds).length).toBeGreaterThan(linked.length);
  });

  it('export no intake record to a department, whatever its right to export', async () => {
    const liaison = ruleContext('liaison');
    expect(await problemOf(() => exportIntakeRecords(liaison, { page: 1, pageSize: 10, format: 'csv' }))).toMatchObject(
      { status: 403 },
    );
  });

  it('give a reader without the right to personal data the masked rows, as the lists do', async () => {
    // The API lets only managers and admins export; the rows themselves are masked by the reader's rights.
    const viewer = ruleContext('viewer');
    const cases = await exportServiceCases(viewer, { page: 1, pageSize: 200, format: 'xlsx' });
    expect(cases.items.length).toBeGreaterThan(0);
    for (const c of cases.items)
      expect(c.requesterPhone).toBe(maskPhone(seeded().serviceCases.get(c.id)!.requesterPhone));
    const records = await exportIntakeRecords(viewer, { page: 1, pageSize: 200, format: 'csv' });
    const withPhone = records.items.filter((r) => seeded().intakeRecords.get(r.id)!.phone !== '');
    expect(withPhone.length).toBeGreaterThan(0);
    for (const r of withPhone) expect(r.phone).toBe(maskPhone(seeded().intakeRecords.get(r.id)!.phone));
    // A manager's export holds them whole.
    const whole = await exportServiceCases(ruleContext('manager'), { page: 1, pageSize: 1, format: 'xlsx' });
    expect(whole.items[0]!.requesterPhone).toBe(seeded().serviceCases.get(whole.items[0]!.id)!.requesterPhone);
  });
});
