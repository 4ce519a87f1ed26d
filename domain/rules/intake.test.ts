import { describe, expect, it } from 'vitest';
import { ruleContext, seeded } from '../../tests/utils/rule-context';
import { listAuditEvents } from './audit';
import { advanceIntakeStage, createIntakeRecord, listIntakeRecords, reassignIntakeRecords } from './intake';
import { ProblemError } from './problem';
import { intakeBreakdown, intakeFunnel, intakeOverview, previousPeriod } from './stats';

const input = {
  kind: 'person' as const,
  name: '测试人才',
  organization: '东南大学',
  phone: '13800001111',
  channelCode: 'ch.university',
  eventCode: 'ev.tsinghua-week',
  tierCode: 'tier.engineer',
  industryCode: 'ind.semiconductor',
  townCode: 'town.hitech',
  officerId: 'u.officer',
  investment: null,
  note: '',
};

describe('intake records', () => {
  it('filters on the server, by several values of a facet and by text', async () => {
    const ctx = ruleContext('viewer');
    const page = await listIntakeRecords(ctx, {
      page: 1,
      pageSize: 20,
      channel: ['ch.event', 'ch.market'],
      town: ['town.huaqiao'],
    });
    const expected = [...seeded().intakeRecords.values()].filter(
      (r) => ['ch.event', 'ch.market'].includes(r.channelCode) && r.townCode === 'town.huaqiao',
    ).length;
    expect(page.total).toBe(expected);
    expect(page.items).toHaveLength(20);
    const byName = await listIntakeRecords(ctx, { page: 1, pageSize: 5, q: page.items[0]!.name });
    expect(byName.items.map((r) => r.id)).toContain(page.items[0]!.id);
  });

  it('sorts by a named field either way and rejects unknown fields', async () => {
    const ctx = ruleContext('viewer');
    const ascending = (await listIntakeRecords(ctx, { page: 1, pageSize: 50, sort: 'leadOn' })).items.map(
      (r) => r.stageDates.lead,
    );
    expect(ascending).toEqual([...ascending].sort());
    await expect(listIntakeRecords(ctx, { page: 1, pageSize: 5, sort: 'password' })).rejects.toThrow(ProblemError);
  });

  it('puts records without a value last, ascending or descending', async () => {
    const ctx = ruleContext('viewer');
    for (const sort of ['investment', '-investment']) {
      const all = (await listIntakeRecords(ctx, { page: 1, pageSize: 200, sort })).items;
      expect(all[0]!.investment).not.toBeNull();
    }
    const last = (await listIntakeRecords(ctx, { page: 31, pageSize: 200, sort: '-investment' })).items;
    expect(last.at(-1)!.investment).toBeNull();
  });

  it('checks that an event belongs to the chosen channel', async () => {
    const ctx = ruleContext('officer');
    await expect(createIntakeRecord(ctx, { ...input, channelCode: 'ch.market' })).rejects.toThrow(/eventCode/);
  });

  it('moves forward only, filling skipped stages with the same date', async () => {
    const ctx = ruleContext('officer');
    const created = await createIntakeRecord(ctx, input);
    expect(created).toMatchObject({ stage: 'lead', stageDates: { lead: '2026-11-25' } });
    const landed = await advanceIntakeStage(ctx, created.id, { stage: 'landed', on: '2026-11-25' }, 1);
    expect(landed.stageDates).toEqual({
      lead: '2026-11-25',
      negotiating: '2026-11-25',
      signed: '2026-11-25',
      landed: '2026-11-25',
    });
    await expect(advanceIntakeStage(ctx, created.id, { stage: 'signed', on: '2026-11-25' }, 2)).rejects.toThrow(
      ProblemError,
    );
  });
});

describe('intake statistics agree with the records they summarise', () => {
  it('the funnel counts every record at or past each stage', async () => {
    const ctx = ruleContext('viewer');
    const funnel = await intakeFunnel(ctx, { channel: ['ch.enterprise'] });
    const records = [...seeded().intakeRecords.values()].filter((r) => r.channelCode === 'ch.enterprise');
    expect(funnel.stages[0]).toEqual({ stage: 'lead', reached: records.length });
    expect(funnel.stages[3]).toEqual({ stage: 'landed', reached: records.filter((r) => r.stage === 'landed').length });
    const reached = funnel.stages.map((s) => s.reached);
    expect(reached).toEqual([...reached].sort((a, b) => b - a));
  });

  it('a breakdown adds up to the filtered list', async () => {
    const ctx = ruleContext('viewer');
    const breakdown = await intakeBreakdown(ctx, { tier: ['tier.strategic'] }, 'town');
    const total = (await listIntakeRecords(ctx, { page: 1, pageSize: 1, tier: ['tier.strategic'] })).total;
    expect(breakdown.rows.reduce((sum, row) => sum + row.total, 0)).toBe(total);
  });

  it('the overview compares with the period before and the same period last year', async () => {
    const overview = await intakeOverview(ruleContext('viewer'), { from: '2026-04-01', to: '2026-06-30' });
    const leads = (from: string, to: string) =>
      [...seeded().intakeRecords.values()].filter((r) => r.stageDates.lead >= from && r.stageDates.lead <= to).length;
    expect(overview.current.records).toBe(leads('2026-04-01', '2026-06-30'));
    expect(overview.previousPeriod?.totals.records).toBe(leads('2026-01-01', '2026-03-31'));
    expect(overview.samePeriodLastYear?.totals.records).toBe(leads('2025-04-01', '2025-06-30'));
  });
});

describe('previousPeriod (环比)', () => {
  it('compares whole months with the months before', async () => {
    expect(previousPeriod('2026-04-01', '2026-06-30')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(previousPeriod('2026-03-01', '2026-03-31')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(previousPeriod('2026-01-01', '2026-12-31')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });

  it('compares any other range with as many days before', async () => {
    expect(previousPeriod('2026-11-16', '2026-11-25')).toEqual({ from: '2026-11-06', to: '2026-11-15' });
  });
});

describe('bulk reassignment, set-based', () => {
  it('stores a batch record by record as compare-and-set, naming those another request changed', async () => {
    const records = ruleContext('officer').store.intakeRecords;
    const [a, b] = [...seeded().intakeRecords.values()].slice(0, 2).map((r) => structuredClone(r));
    expect(await records.update({ ...b!, note: '他人修改', version: b!.version + 1 }, b!.version)).toBe(true);
    const refused = await records.updateMany([
      { ...a!, note: '批量', version: a!.version + 1 },
      { ...b!, note: '批量', version: b!.version + 1 },
    ]);
    expect(refused).toEqual([b!.id]);
    expect(await records.get(a!.id)).toMatchObject({ note: '批量', version: a!.version + 1 });
    expect(await records.get(b!.id)).toMatchObject({ note: '他人修改', version: b!.version + 1 });
    expect((await records.getMany([b!.id, 'IR-0000-00000', a!.id])).map((r) => r.id)).toEqual([b!.id, a!.id]);
  });

  it('reassigns every record a filter matches, each with its own version and history entry', async () => {
    const ctx = ruleContext('officer');
    const matching = [...seeded().intakeRecords.values()]
      .filter((r) => r.townCode === 'town.lujia' && r.stage === 'signed')
      .map((r) => structuredClone(r));
    const moving = matching.filter((r) => r.officerId !== 'u.manager');
    expect(moving.length).toBeGreaterThan(10);
    const result = await reassignIntakeRecords(ctx, {
      filter: { town: ['town.lujia'], stage: ['signed'] },
      officerId: 'u.manager',
    });
    expect(result).toEqual({ updated: moving.length });
    const after = await ctx.store.intakeRecords.getMany(matching.map((r) => r.id));
    expect(after.every((r) => r.officerId === 'u.manager' && r.officerName === '王芳')).toBe(true);
    const moved = after.filter((r) => moving.some((m) => m.id === r.id));
    expect(moved.every((r) => r.version === moving.find((m) => m.id === r.id)!.version + 1)).toBe(true);
    const history = await listAuditEvents(ctx, {
      page: 1,
      pageSize: 10,
      entityType: 'intakeRecord',
      entityId: moving[0]!.id,
    });
    expect(history.items[0]).toMatchObject({ action: 'reassign', actorId: 'u.officer' });
    expect(history.items[0]!.changes).toEqual(
      expect.arrayContaining([{ field: 'officerId', from: moving[0]!.officerId, to: 'u.manager' }]),
    );
  });

  it('changes nothing when one record changed meanwhile: 409 with that record as it is now', async () => {
    const ctx = ruleContext('officer');
    const ids = [...seeded().intakeRecords.values()]
      .filter((r) => r.officerId !== 'u.manager')
      .slice(0, 3)
      .map((r) => r.id);
    const before = await ctx.store.intakeRecords.getMany(ids);
    const outcome = await ctx.store
      .transaction(async (store) => {
        // Another request edits the second record between the bulk action's read and its write.
        const racing = {
          ...store,
          intakeRecords: {
            ...store.intakeRecords,
            getMany: async (wanted: readonly string[]) => {
              const found = await store.intakeRecords.getMany(wanted);
              const victim = found[1]!;
              await store.intakeRecords.update(
                { ...victim, note: '同时修改', version: victim.version + 1 },
                victim.version,
              );
              return found;
            },
          },
        };
        return reassignIntakeRecords({ ...ctx, store: racing }, { ids, officerId: 'u.manager' });
      })
      .catch((error: unknown) => error);
    expect(outcome).toBeInstanceOf(ProblemError);
    expect((outcome as ProblemError).problem).toMatchObject({ status: 409, current: { id: ids[1], note: '同时修改' } });
    // The transaction undid everything, the racing edit included (it ran inside it here).
    expect(await ctx.store.intakeRecords.getMany(ids)).toEqual(before);
  });
});
