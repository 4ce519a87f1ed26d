import { describe, expect, it } from 'vitest';
import { ruleContext, seeded } from '../../tests/utils/rule-context';
import { advanceIntakeStage, createIntakeRecord, listIntakeRecords } from './intake';
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
