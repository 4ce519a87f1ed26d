import { describe, expect, it } from 'vitest';
import { policyPatchSchema } from '../../src/api/schemas/policy-patches';
import { intakeRecordSchema } from '../../src/api/schemas/intake';
import { serviceCaseSchema } from '../../src/api/schemas/service-cases';
import { dictionariesSchema } from '../../src/api/schemas/dictionaries';
import { mockApi } from '../../tests/utils/mock-api';
import { generateDatabase } from './generate';
import { restoreSnapshot, takeSnapshot, trackChanges } from './persistence';

describe('demo data', () => {
  it('is the same every time for the same seed and day', () => {
    const a = generateDatabase({ anchor: '2026-03-01' });
    const b = generateDatabase({ anchor: '2026-03-01' });
    expect(JSON.stringify([...a.serviceCases.values()].slice(0, 50))).toBe(
      JSON.stringify([...b.serviceCases.values()].slice(0, 50)),
    );
    expect([...a.intakeRecords.keys()]).toEqual([...b.intakeRecords.keys()]);
  });

  it('has the volume the product is built for, all of it valid', () => {
    const db = mockApi.db;
    const years = new Set([...db.intakeRecords.values()].map((r) => r.stageDates.lead.slice(0, 4)));
    expect(db.intakeRecords.size).toBeGreaterThanOrEqual(5000);
    expect(years.size).toBeGreaterThanOrEqual(3);
    expect(new Set([...db.intakeRecords.values()].map((r) => r.channelCode)).size).toBe(6);
    expect(db.policyPatches.size).toBeGreaterThanOrEqual(60);
    expect(db.serviceMonths.size).toBe(3);
    expect(db.serviceCases.size).toBeGreaterThanOrEqual(3000);
    expect(() => dictionariesSchema.parse(db.dictionaries)).not.toThrow();
    for (const r of db.intakeRecords.values()) intakeRecordSchema.parse(r);
    for (const c of db.serviceCases.values()) serviceCaseSchema.parse(c);
    for (const p of db.policyPatches.values()) policyPatchSchema.parse(p);
  });

  it('survives a reload: only what changed is stored, and it comes back', () => {
    const db = trackChanges(generateDatabase({ anchor: '2026-03-01' }));
    const target = [...db.serviceCases.values()][5]!;
    db.serviceCases.set(target.id, { ...target, countermeasure: '已改', version: target.version + 1 });
    const snapshot = JSON.parse(JSON.stringify(takeSnapshot(db))) as ReturnType<typeof takeSnapshot>;
    expect(Object.keys(snapshot.changed.serviceCases ?? {})).toEqual([target.id]);
    expect(JSON.stringify(snapshot).length).toBeLessThan(100_000);
    const restored = restoreSnapshot(snapshot);
    expect(restored.serviceCases.get(target.id)).toMatchObject({ countermeasure: '已改', version: target.version + 1 });
    expect(restored.serviceCases.size).toBe(db.serviceCases.size);
  });

  it('keeps saved views across a reload, and a deleted one stays deleted', () => {
    const db = trackChanges(generateDatabase({ anchor: '2026-03-01' }));
    const shipped = [...db.savedViews.keys()][0]!;
    db.savedViews.delete(shipped);
    db.savedViews.set('SV-9', {
      id: 'SV-9',
      resource: 'intakeRecords',
      name: '陆家签约',
      search: 'town=town.lujia&stage=signed',
      shared: false,
      ownerId: 'u.officer',
      ownerName: '李娜',
      createdAt: '2026-03-01T09:00:00+08:00',
    });
    const restored = restoreSnapshot(JSON.parse(JSON.stringify(takeSnapshot(db))) as ReturnType<typeof takeSnapshot>);
    expect(restored.savedViews.get('SV-9')).toMatchObject({ name: '陆家签约', ownerId: 'u.officer' });
    expect(restored.savedViews.has(shipped)).toBe(false);
  });
});
