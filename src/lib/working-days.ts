import type { Day } from './calendar';

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
  /** The last working day before `day`. */
  previousWorkingDay(day: Day): Day;
}

const DAY_MS = 86_400_000;
const dayNumber = (day: Day) =>
  Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;
/** Monday to Friday by day number (day 0, 1970-01-01, was a Thursday). */
const isWeekday = (n: number) => (((n % 7) + 7 + 4) % 7) % 6 !== 0;

export const isWeekend = (day: Day) => !isWeekday(dayNumber(day));

/**
 * Counting works on day numbers, each day's standing worked out once: deadlines are counted for
 * every action of thousands of generated cases, and text dates are slow to step through.
 */
export function workingCalendar(arrangements: readonly HolidayArrangement[]): WorkingCalendar {
  const off = new Set(arrangements.flatMap((a) => a.off).map(dayNumber));
  const work = new Set(arrangements.flatMap((a) => a.work).map(dayNumber));
  const years = new Set(arrangements.map((a) => a.year));
  const working = (n: number) => work.has(n) || (!off.has(n) && isWeekday(n));
  const days = new Map<number, Day>();
  const toDay = (n: number) => {
    let day = days.get(n);
    if (day === undefined) days.set(n, (day = new Date(n * DAY_MS).toISOString().slice(0, 10)));
    return day;
  };

  return {
    covers: (year) => years.has(year),
    isWorkingDay: (day) => working(dayNumber(day)),
    addWorkingDays(day, n) {
      let current = dayNumber(day);
      let left = n;
      if (left === 0) {
        while (!working(current)) current++;
        return toDay(current);
      }
      while (left > 0) {
        current++;
        if (working(current)) left--;
      }
      return toDay(current);
    },
    previousWorkingDay(day) {
      let before = dayNumber(day) - 1;
      while (!working(before)) before--;
      return toDay(before);
    },
    workingDaysBetween(from, to) {
      let count = 0;
      const last = dayNumber(to);
      for (let d = dayNumber(from) + 1; d <= last; d++) if (working(d)) count++;
      return count;
    },
  };
}
