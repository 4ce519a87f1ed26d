import { addDays, type Day } from './calendar';

/**
 * One year's holiday arrangement (国务院办公厅关于部分节假日安排的通知): weekdays that are days
 * off (`off`) and weekend days that are working days (调休, `work`). Kept as data an
 * administrator edits; a year without one counts only its weekends as days off.
 */
export interface HolidayArrangement {
  year: number;
  off: readonly Day[];
  work: readonly Day[];
}

export interface WorkingCalendar {
  /** Whether the year has an arrangement (otherwise only weekends are days off). */
  covers(year: number): boolean;
  isWorkingDay(day: Day): boolean;
  /** The working day `n` working days after `day` (n ≥ 0; 0 gives `day` itself if it is one, else the next). */
  addWorkingDays(day: Day, n: number): Day;
  /** Working days after `from` up to and including `to` (0 when `to` is not later). */
  workingDaysBetween(from: Day, to: Day): number;
}

export const isWeekend = (day: Day) => [0, 6].includes(new Date(`${day.slice(0, 10)}T00:00:00Z`).getUTCDay());

export function workingCalendar(arrangements: readonly HolidayArrangement[]): WorkingCalendar {
  const off = new Set(arrangements.flatMap((a) => a.off));
  const work = new Set(arrangements.flatMap((a) => a.work));
  const years = new Set(arrangements.map((a) => a.year));

  const isWorkingDay = (day: Day) => {
    const d = day.slice(0, 10);
    if (work.has(d)) return true;
    if (off.has(d)) return false;
    return !isWeekend(d);
  };

  return {
    covers: (year) => years.has(year),
    isWorkingDay,
    addWorkingDays(day, n) {
      let current = day.slice(0, 10);
      let left = n;
      if (left === 0) {
        while (!isWorkingDay(current)) current = addDays(current, 1);
        return current;
      }
      while (left > 0) {
        current = addDays(current, 1);
        if (isWorkingDay(current)) left--;
      }
      return current;
    },
    workingDaysBetween(from, to) {
      let count = 0;
      for (let d = addDays(from.slice(0, 10), 1); d <= to.slice(0, 10); d = addDays(d, 1)) if (isWorkingDay(d)) count++;
      return count;
    },
  };
}
