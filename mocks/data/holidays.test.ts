import { describe, expect, it } from 'vitest';
import { officialHolidayYears } from './holidays';
import { isWeekend, workingCalendar } from '../../src/lib/working-days';

const calendar = workingCalendar(officialHolidayYears);

describe('working days', () => {
  it('keeps weekends and official holidays off, and 调休 weekend days on', () => {
    expect(calendar.isWorkingDay('2026-11-25')).toBe(true); // Wednesday
    expect(calendar.isWorkingDay('2026-11-28')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2026-10-01')).toBe(false); // 国庆
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true); // Saturday, 调休
    expect(calendar.isWorkingDay('2025-01-26')).toBe(true); // Sunday before 春节, 调休
    expect(calendar.isWorkingDay('2024-02-12')).toBe(false); // 春节
  });

  it('lists as days off only weekdays and as 调休 only weekend days, each in its own year', () => {
    for (const { year, off, work } of officialHolidayYears) {
      for (const day of off) expect(isWeekend(day), day).toBe(false);
      for (const day of work) expect(isWeekend(day), day).toBe(true);
      for (const day of [...off, ...work]) expect(day.startsWith(`${year}-`), day).toBe(true);
    }
    expect([2023, 2024, 2025, 2026].every((year) => calendar.covers(year))).toBe(true);
  });

  it('counts deadlines in working days over the National Day holiday', () => {
    // Wed 30 Sep 2026 + 3 working days: 1–7 Oct off, 8 Oct (Thu), 9 Oct (Fri), 10 Oct (Sat, 调休).
    expect(calendar.addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
    expect(calendar.workingDaysBetween('2026-09-30', '2026-10-10')).toBe(3);
    expect(calendar.addWorkingDays('2026-10-03', 0)).toBe('2026-10-08');
  });

  it('carries a 7-working-day deadline across the Spring Festival of 2026, 调休 Saturdays included', () => {
    // Dispatched Thu 12 Feb: 13 Feb (Fri), 14 Feb (Sat, 调休); 15–23 Feb off; 24, 25, 26, 27 Feb,
    // 28 Feb (Sat, 调休) — the seventh.
    expect(calendar.addWorkingDays('2026-02-12', 7)).toBe('2026-02-28');
    expect(calendar.workingDaysBetween('2026-02-12', '2026-02-28')).toBe(7);
    // Without the arrangement the same count would end before the holiday is over.
    expect(workingCalendar([]).addWorkingDays('2026-02-12', 7)).toBe('2026-02-23');
  });

  it('counts only weekends as days off in a year no arrangement covers', () => {
    const bare = workingCalendar(officialHolidayYears);
    expect(bare.covers(2027)).toBe(false);
    expect(bare.isWorkingDay('2027-01-01')).toBe(true); // a Friday: 元旦 not yet entered
    const entered = workingCalendar([...officialHolidayYears, { year: 2027, off: ['2027-01-01'], work: [] }]);
    expect(entered.isWorkingDay('2027-01-01')).toBe(false);
    expect(entered.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
  });
});
