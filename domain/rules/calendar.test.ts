import { describe, expect, it } from 'vitest';
import { ruleContext } from '../../tests/utils/rule-context';
import { listAuditEvents } from './audit';
import { listHolidayYears, loadWorkingCalendar, saveHolidayYear } from './calendar';

const newYear = { off: ['2027-01-01', '2027-02-08'], work: ['2027-02-06'], source: '2027 年安排' };

describe('the holiday calendar as data', () => {
  it('enters a new year with If-Match 0, and deadlines count on it at once', async () => {
    const ctx = ruleContext('admin');
    expect((await loadWorkingCalendar(ctx)).isWorkingDay('2027-02-08')).toBe(true);
    const saved = await saveHolidayYear(ctx, 2027, newYear, 0);
    expect(saved).toMatchObject({ year: 2027, version: 1, updatedByName: ctx.user.displayName });
    const calendar = await loadWorkingCalendar(ctx);
    expect(calendar.covers(2027)).toBe(true);
    expect(calendar.isWorkingDay('2027-02-08')).toBe(false);
    expect(calendar.isWorkingDay('2027-02-06')).toBe(true); // a Saturday worked
    expect((await listHolidayYears(ctx)).map((y) => y.year)).toEqual([2023, 2024, 2025, 2026, 2027]);
    const history = await listAuditEvents(ctx, {
      page: 1,
      pageSize: 10,
      entityType: 'dictionary',
      entityId: 'holidays:2027',
    });
    expect(history.items[0]?.action).toBe('create');
  });

  it('refuses a stale version, and a second entry of a year already entered', async () => {
    const ctx = ruleContext('admin');
    const stale = { off: [], work: [], source: '' };
    await expect(saveHolidayYear(ctx, 2026, stale, 0)).rejects.toMatchObject({ problem: { status: 409 } });
    await saveHolidayYear(ctx, 2027, newYear, 0);
    await expect(saveHolidayYear(ctx, 2027, newYear, 0)).rejects.toMatchObject({ problem: { status: 409 } });
    await expect(saveHolidayYear(ctx, 2027, newYear, null)).rejects.toMatchObject({ problem: { status: 428 } });
    expect((await saveHolidayYear(ctx, 2027, { ...newYear, off: [] }, 1)).version).toBe(2);
  });

  it('refuses days of another year, weekends off, weekdays worked and days listed twice, naming each', async () => {
    const ctx = ruleContext('admin');
    const refused = saveHolidayYear(
      ctx,
      2027,
      { off: ['2026-12-31', '2027-01-02', '2027-01-01', '2027-01-01'], work: ['2027-01-04'], source: '' },
      0,
    );
    await expect(refused).rejects.toMatchObject({
      problem: {
        status: 422,
        errors: [
          { field: 'off.0', code: 'date_out_of_range' },
          { field: 'off.1', code: 'weekend_off' },
          { field: 'off.3', code: 'duplicate_day' },
          { field: 'work.0', code: 'weekday_work' },
        ],
      },
    });
    expect((await loadWorkingCalendar(ctx)).covers(2027)).toBe(false);
  });
});
