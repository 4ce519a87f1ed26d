import { describe, expect, it } from 'vitest';
import { defaultPeriod, parsePeriod, recentPeriods, trailingYear } from './report-period';

describe('report periods', () => {
  it('read a month and a quarter as days, and nothing else', () => {
    expect(parsePeriod('2026-02')).toMatchObject({
      kind: 'month',
      from: '2026-02-01',
      to: '2026-02-28',
      months: ['2026-02'],
    });
    expect(parsePeriod('2024-02')!.to).toBe('2024-02-29');
    expect(parsePeriod('2026-Q4')).toMatchObject({
      kind: 'quarter',
      from: '2026-10-01',
      to: '2026-12-31',
      months: ['2026-10', '2026-11', '2026-12'],
    });
    for (const bad of ['2026-13', '2026-Q5', '2026-1', 'Q3', '', undefined]) expect(parsePeriod(bad)).toBeNull();
  });

  it('offer the recent months and quarters across a new year, and open on the last month ended', () => {
    expect(recentPeriods('month', '2026-01-15', 3).map((p) => p.id)).toEqual(['2026-01', '2025-12', '2025-11']);
    expect(recentPeriods('quarter', '2026-02-01', 3).map((p) => p.id)).toEqual(['2026-Q1', '2025-Q4', '2025-Q3']);
    expect(defaultPeriod('2026-01-05').id).toBe('2025-12');
    expect(trailingYear(parsePeriod('2026-Q1')!)).toEqual({ from: '2025-04-01', to: '2026-03-31' });
  });
});
