import { tz, TZDate, tzOffset } from '@date-fns/tz';
import {
  addMonths as addMonthsFns,
  differenceInCalendarMonths,
  endOfMonth,
  endOfQuarter,
  format,
  startOfQuarter,
} from 'date-fns';

/**
 * The one calendar of the app and of the mock backend. Two kinds of value, never mixed:
 * - a day (`YYYY-MM-DD`): a calendar date in China, with no time of day and no zone; day
 *   arithmetic works on the date itself, so no machine's time zone can move it;
 * - an instant (ISO 8601 with an offset, e.g. `2026-11-25T10:00:00+08:00`): compared as a point
 *   in time, never as text, since `…T01:00:00Z` and `…T09:00:00+08:00` are the same moment.
 */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

export type Day = string;
/** Both ends included. */
export interface Span {
  from: Day;
  to: Day;
}

const DAY_MS = 86_400_000;
const inChina = tz(CHINA_TIME_ZONE);

function dayNumber(day: Day): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;
}

function fromDayNumber(n: number): Day {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** A day as a midnight in China, for date-fns' month and quarter rules. */
function chinaMidnight(day: Day): TZDate {
  return new TZDate(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), CHINA_TIME_ZONE);
}

function toDay(date: Date): Day {
  return format(date, 'yyyy-MM-dd', { in: inChina });
}

// ── Days ────────────────────────────────────────────────────────────────────────────────────

export function addDays(day: Day, days: number): Day {
  return fromDayNumber(dayNumber(day) + days);
}

/** Calendar days from `from` to `to` (0 for the same day); the time of an instant is ignored. */
export function daysBetween(from: Day, to: Day): number {
  return dayNumber(to.slice(0, 10)) - dayNumber(from.slice(0, 10));
}

/** Months later (or earlier); a day past the end of the target month becomes its last day. */
export function addMonths(day: Day, months: number): Day {
  return toDay(addMonthsFns(chinaMidnight(day), months));
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function lastDayOfMonth(day: Day): Day {
  return toDay(endOfMonth(chinaMidnight(day)));
}

/**
 * The same date `years` later or earlier. 29 February has no twin in a common year: as the start
 * of a span it becomes 1 March (the day after 28 February), as the end 28 February; and the last
 * day of February as an end stays the last day of February, so whole months map to whole months.
 */
export function shiftYears(day: Day, years: number, role: 'start' | 'end' = 'end'): Day {
  const year = Number(day.slice(0, 4)) + years;
  const monthDay = day.slice(5, 10);
  if (monthDay === '02-29' && !isLeapYear(year)) return role === 'start' ? `${year}-03-01` : `${year}-02-28`;
  if (monthDay === '02-28' && role === 'end' && isLeapYear(year) && !isLeapYear(year - years)) return `${year}-02-29`;
  return `${String(year).padStart(4, '0')}-${monthDay}`;
}

export const minDay = (a: Day, b: Day): Day => (a <= b ? a : b);

export function inSpan(day: Day | null | undefined, span: Partial<Span>): boolean {
  if (!day) return false;
  const d = day.slice(0, 10);
  return (!span.from || d >= span.from) && (!span.to || d <= span.to);
}

// ── Spans: month, quarter, year ─────────────────────────────────────────────────────────────

export function monthSpan(day: Day): Span {
  return { from: `${day.slice(0, 7)}-01`, to: lastDayOfMonth(day) };
}

export function quarterSpan(day: Day): Span {
  const date = chinaMidnight(day);
  return { from: toDay(startOfQuarter(date)), to: toDay(endOfQuarter(date)) };
}

export function yearSpan(day: Day): Span {
  return { from: `${day.slice(0, 4)}-01-01`, to: `${day.slice(0, 4)}-12-31` };
}

/** `YYYY-MM` to that month's span. */
export function spanOfMonth(month: string): Span {
  return monthSpan(`${month}-01`);
}

/** The number of whole calendar months a span covers, or null when it does not cover whole months. */
export function wholeMonths(span: Span): number | null {
  if (!span.from.endsWith('-01') || lastDayOfMonth(span.to) !== span.to) return null;
  return differenceInCalendarMonths(chinaMidnight(span.to), chinaMidnight(span.from), { in: inChina }) + 1;
}

/**
 * The span just before (环比): whole calendar months give as many months before (a quarter, the
 * quarter before; a year, the year before); any other span the same number of days before.
 */
export function previousSpan(span: Span): Span {
  const months = wholeMonths(span);
  if (months !== null) return { from: addMonths(span.from, -months), to: addDays(span.from, -1) };
  const length = daysBetween(span.from, span.to) + 1;
  return { from: addDays(span.from, -length), to: addDays(span.from, -1) };
}

/** The same span a year earlier (同比). */
export function spanYearBefore(span: Span): Span {
  return { from: shiftYears(span.from, -1, 'start'), to: shiftYears(span.to, -1, 'end') };
}

/** The part of a span up to `today` (included); null when the span has not begun. */
export function elapsedPart(span: Span, today: Day): Span | null {
  if (span.from > today) return null;
  return { from: span.from, to: minDay(span.to, today) };
}

export interface SpanComparison {
  /** What is counted: the elapsed part of the period; null when it lies wholly in the future. */
  measured: Span | null;
  /** The same elapsed part of the period before (环比). */
  previous: Span | null;
  /** The same elapsed part a year earlier (同比). */
  yearBefore: Span | null;
  /** The day within each comparison span that corresponds to `today`, for maturing cohorts. */
  previousAsOf: Day | null;
  yearBeforeAsOf: Day | null;
  /** The period has not ended, so the comparisons are of like parts, not of whole periods. */
  partial: boolean;
}

/**
 * 同比 and 环比 of a period that may not have ended: the elapsed part (1 Jan–25 Nov) against the
 * same elapsed part of the comparison period (1 Jan–25 Nov last year; this month's 1st–25th
 * against last month's 1st–25th), never against the whole of it. A future period has none.
 */
export function compareSpans(period: Span, today: Day): SpanComparison {
  const measured = elapsedPart(period, today);
  if (!measured) {
    return {
      measured: null,
      previous: null,
      yearBefore: null,
      previousAsOf: null,
      yearBeforeAsOf: null,
      partial: false,
    };
  }
  const partial = measured.to < period.to;
  const before = previousSpan(period);
  const months = wholeMonths(period);
  let previous: Span;
  let previousAsOf: Day;
  if (months !== null) {
    previous = partial ? { from: before.from, to: addMonths(measured.to, -months) } : before;
    previousAsOf = addMonths(today, -months);
  } else {
    const shift = daysBetween(before.from, period.from);
    previous = { from: before.from, to: addDays(measured.to, -shift) };
    previousAsOf = addDays(today, -shift);
  }
  return {
    measured,
    previous,
    yearBefore: spanYearBefore(measured),
    previousAsOf,
    yearBeforeAsOf: shiftYears(today, -1),
    partial,
  };
}

// ── Instants ────────────────────────────────────────────────────────────────────────────────

function instantMs(instant: string | Date): number {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Not an instant: ${String(instant)}`);
  return ms;
}

/** Negative, zero or positive as `a` is before, at or after `b`, whatever their offsets. */
export function compareInstants(a: string | Date, b: string | Date): number {
  return instantMs(a) - instantMs(b);
}

/** Days (fractional) from one instant to another. */
export function elapsedDays(from: string | Date, to: string | Date): number {
  return (instantMs(to) - instantMs(from)) / DAY_MS;
}

/** China's UTC offset at an instant, in minutes (+480 in every demo year), from the zone database. */
function chinaOffsetMinutes(ms: number): number {
  // Memoised by the hour (zone changes fall on whole hours): the mock data asks ~20,000 times.
  const hour = Math.floor(ms / 3_600_000);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    if (offsetByHour.size > 100_000) offsetByHour.clear();
    offset = tzOffset(CHINA_TIME_ZONE, new Date(ms));
    offsetByHour.set(hour, offset);
  }
  return offset;
}
const offsetByHour = new Map<number, number>();

function offsetText(minutes: number): string {
  let text = offsetTexts.get(minutes);
  if (text === undefined) {
    const abs = Math.abs(minutes);
    text = `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
    offsetTexts.set(minutes, text);
  }
  return text;
}
const offsetTexts = new Map<number, string>();

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as ISO 8601 in China Standard Time, e.g. `2026-11-25T10:00:00+08:00`. */
export function toChinaIso(instant: string | Date): string {
  const ms = instantMs(instant);
  const offset = chinaOffsetMinutes(ms);
  return `${new Date(ms + offset * 60_000).toISOString().slice(0, 19)}${offsetText(offset)}`;
}

/** The calendar day in China of an instant. */
export function chinaDay(instant: string | Date): Day {
  return toChinaIso(instant).slice(0, 10);
}

/** A wall-clock time in China on `day`, as an instant with its offset. */
export function chinaIsoAt(day: Day, hour: number, minute = 0): string {
  const wallClock = (dayNumber(day) * 24 * 60 + hour * 60 + minute) * 60_000;
  const offset = chinaOffsetMinutes(wallClock - 8 * 3_600_000);
  // Standard time (every day since 1991) on a whole wall-clock time: the text is the wall clock itself.
  if (
    offset === 480 &&
    day.length === 10 &&
    hour >= 0 &&
    hour < 24 &&
    minute >= 0 &&
    minute < 60 &&
    Number.isInteger(hour + minute)
  ) {
    return `${day}T${pad(hour)}:${pad(minute)}:00+08:00`;
  }
  return toChinaIso(new Date(wallClock - offset * 60_000));
}

/** Today's date in China, whatever the machine's time zone. */
export function todayInChina(now: Date = new Date()): Day {
  return chinaDay(now);
}
