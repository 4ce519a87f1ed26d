import { describe, expect, it } from 'vitest';
import { ruleContext, seeded } from '../../tests/utils/rule-context';
import { caseOverview, intakeBreakdown, intakeOverview } from './stats';

const records = () => [...seeded().intakeRecords.values()];
const count = (pick: (r: ReturnType<typeof records>[number]) => boolean) => records().filter(pick).length;
const within = (day: string | null, from: string, to: string) => day !== null && day >= from && day <= to;

describe('intake overview: comparisons of like with like', () => {
  it('counts this year up to today and compares with last year up to the same day, not all of it', async () => {
    const overview = await intakeOverview(ruleContext('viewer'), { from: '2026-01-01', to: '2026-12-31' });
    expect(overview.measured).toEqual({ from: '2026-01-01', to: '2026-11-25' });
    expect(overview.samePeriodLastYear?.period).toEqual({ from: '2025-01-01', to: '2025-11-25' });
    expect(overview.samePeriodLastYear?.totals.landed).toBe(
      count((r) => within(r.stageDates.landed, '2025-01-01', '2025-11-25')),
    );
    expect(overview.samePeriodLastYear?.totals.landed).toBeLessThan(
      count((r) => within(r.stageDates.landed, '2025-01-01', '2025-12-31')),
    );
  });

  it('compares this month so far with the same days of last month', async () => {
    const overview = await intakeOverview(ruleContext('viewer'), { from: '2026-11-01', to: '2026-11-30' });
    expect(overview.previousPeriod?.period).toEqual({ from: '2026-10-01', to: '2026-10-25' });
    expect(overview.previousPeriod?.totals.records).toBe(
      count((r) => within(r.stageDates.lead, '2026-10-01', '2026-10-25')),
    );
  });

  it('has nothing to compare for a period wholly in the future', async () => {
    const overview = await intakeOverview(ruleContext('viewer'), { from: '2027-01-01', to: '2027-03-31' });
    expect(overview).toMatchObject({ measured: null, previousPeriod: null, samePeriodLastYear: null });
    expect(overview.current.landed).toBe(0);
  });

  it('counts a comparison cohort at the same age: last year’s leads as they stood a year ago', async () => {
    const overview = await intakeOverview(ruleContext('viewer'), { from: '2026-01-01', to: '2026-12-31' });
    const lastYear = overview.samePeriodLastYear!;
    expect(lastYear.asOf).toBe('2025-11-25');
    const leads = records().filter((r) => within(r.stageDates.lead, '2025-01-01', '2025-11-25'));
    const landedThen = leads.filter((r) => r.stageDates.landed !== null && r.stageDates.landed <= '2025-11-25');
    const landedNow = leads.filter((r) => r.stage === 'landed');
    expect(lastYear.totals.cohortLanded).toBe(landedThen.length);
    expect(landedNow.length).toBeGreaterThan(landedThen.length);
  });
});

describe('intake breakdown: both definitions, adding up to the overview', () => {
  it('gives the cohort by lead date and the landings by landing date, as the overview counts them', async () => {
    const ctx = ruleContext('viewer');
    const filter = { from: '2026-01-01', to: '2026-11-25', town: ['town.huaqiao'] };
    const overview = await intakeOverview(ctx, filter);
    for (const dimension of ['channel', 'tier', 'month'] as const) {
      const { rows } = await intakeBreakdown(ctx, filter, dimension);
      expect(rows.reduce((s, r) => s + r.landings, 0)).toBe(overview.current.landed);
      expect(rows.reduce((s, r) => s + r.landed, 0)).toBe(overview.current.cohortLanded);
      expect(rows.reduce((s, r) => s + r.total, 0)).toBe(overview.current.records);
    }
    expect(overview.current.landed).not.toBe(overview.current.cohortLanded);
  });

  it('keys landings by landing month in the month breakdown', async () => {
    const { rows } = await intakeBreakdown(ruleContext('viewer'), { from: '2026-10-01', to: '2026-10-31' }, 'month');
    const september = rows.find((r) => r.key === '2026-09');
    expect(september).toBeUndefined();
    const october = rows.find((r) => r.key === '2026-10')!;
    expect(october.landings).toBe(count((r) => within(r.stageDates.landed, '2026-10-01', '2026-10-31')));
  });
});

describe('case overview scope', () => {
  it('names the department a liaison’s case figures are scoped to; the talent office’s are all', async () => {
    expect((await caseOverview(ruleContext('liaison'), undefined)).scopeDepartmentCode).toBe('dept.zjj');
    expect((await caseOverview(ruleContext('manager'), undefined)).scopeDepartmentCode).toBeNull();
  });
});
