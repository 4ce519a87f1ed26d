import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  chinaDay,
  chinaIsoAt,
  compareInstants,
  compareSpans,
  daysBetween,
  elapsedDays,
  monthSpan,
  previousSpan,
  quarterSpan,
  shiftYears,
  spanYearBefore,
  toChinaIso,
  todayInChina,
  yearSpan,
} from './calendar';

describe('days', () => {
  it('adds days across months, years and 29 February', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('moves by months, keeping to the end of a shorter month', () => {
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2026-11-25', -3)).toBe('2026-08-25');
  });

  it('shifts years with 29 February as the start or the end of a span', () => {
    expect(shiftYears('2024-02-29', -1, 'end')).toBe('2023-02-28');
    expect(shiftYears('2024-02-29', -1, 'start')).toBe('2023-03-01');
    expect(shiftYears('2025-02-28', -1, 'end')).toBe('2024-02-29');
    expect(shiftYears('2026-11-25', -1)).toBe('2025-11-25');
    expect(spanYearBefore({ from: '2024-02-01', to: '2024-02-29' })).toEqual({ from: '2023-02-01', to: '2023-02-28' });
    expect(spanYearBefore({ from: '2025-02-01', to: '2025-02-28' })).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });
});

describe('spans', () => {
  it('gives whole months, quarters and years', () => {
    expect(monthSpan('2024-02-10')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(quarterSpan('2026-11-25')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(quarterSpan('2026-01-01')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(yearSpan('2026-11-25')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('takes the period before as whole months, or as many days', () => {
    expect(previousSpan({ from: '2026-03-01', to: '2026-03-31' })).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(previousSpan({ from: '2026-10-01', to: '2026-12-31' })).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(previousSpan({ from: '2026-01-01', to: '2026-12-31' })).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(previousSpan({ from: '2026-11-10', to: '2026-11-19' })).toEqual({ from: '2026-10-31', to: '2026-11-09' });
  });

  it('compares the elapsed part of this year with the same part of last year, not all of it', () => {
    const c = compareSpans(yearSpan('2026-11-25'), '2026-11-25');
    expect(c.measured).toEqual({ from: '2026-01-01', to: '2026-11-25' });
    expect(c.yearBefore).toEqual({ from: '2025-01-01', to: '2025-11-25' });
    expect(c.previous).toEqual({ from: '2025-01-01', to: '2025-11-25' });
    expect(c.partial).toBe(true);
  });

  it('compares this month so far with the same days of last month', () => {
    const c = compareSpans(monthSpan('2026-11-25'), '2026-11-25');
    expect(c.previous).toEqual({ from: '2026-10-01', to: '2026-10-25' });
    expect(c.previousAsOf).toBe('2026-10-25');
    expect(c.yearBefore).toEqual({ from: '2025-11-01', to: '2025-11-25' });
  });

  it('compares a finished period whole, and a future one not at all', () => {
    const past = compareSpans({ from: '2025-01-01', to: '2025-12-31' }, '2026-11-25');
    expect(past.partial).toBe(false);
    expect(past.yearBefore).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    const future = compareSpans({ from: '2027-01-01', to: '2027-03-31' }, '2026-11-25');
    expect(future).toMatchObject({ measured: null, previous: null, yearBefore: null });
  });

  it('compares a custom range so far with as many days just before', () => {
    const c = compareSpans({ from: '2026-11-20', to: '2026-11-29' }, '2026-11-25');
    expect(c.measured).toEqual({ from: '2026-11-20', to: '2026-11-25' });
    expect(c.previous).toEqual({ from: '2026-11-10', to: '2026-11-15' });
  });
});

describe('instants', () => {
  it('compares instants as moments, not as text', () => {
    // As text the UTC one sorts first; as moments they are equal, and 09:30 Z is later.
    expect(compareInstants('2026-11-25T01:00:00Z', '2026-11-25T09:00:00+08:00')).toBe(0);
    expect(compareInstants('2026-11-25T01:30:00Z', '2026-11-25T09:00:00+08:00')).toBeGreaterThan(0);
    expect(elapsedDays('2026-11-24T12:00:00+08:00', '2026-11-25T04:00:00Z')).toBe(1);
  });

  it('finds the day in China, whatever the machine’s zone', () => {
    expect(chinaDay('2026-11-25T17:00:00Z')).toBe('2026-11-26');
    expect(todayInChina(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
    expect(toChinaIso(new Date('2026-11-25T02:00:00Z'))).toBe('2026-11-25T10:00:00+08:00');
    expect(chinaIsoAt('2026-11-25', 18)).toBe('2026-11-25T18:00:00+08:00');
  });
});
