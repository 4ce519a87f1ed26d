import type { FieldError } from '../../src/api/schemas/common';
import type { HolidayYear, HolidayYearUpdate } from '../../src/api/schemas/calendar';
import { isWeekend, workingCalendar, type WorkingCalendar } from '../../src/lib/working-days';
import { recordAudit } from './audit';
import type { Backend, RuleContext } from './context';
import { toCstIso } from './dates';
import { problems } from './problem';

/** The working-day calendar as the administrator keeps it now (read once per request). */
export async function loadWorkingCalendar(ctx: Backend): Promise<WorkingCalendar> {
  return workingCalendar(await ctx.store.holidays.list());
}

export function listHolidayYears(ctx: RuleContext): Promise<HolidayYear[]> {
  return ctx.store.holidays.list();
}

/** What is wrong with an arrangement for `year`: a day of another year, off on a weekend, worked on a weekday, twice. */
function arrangementErrors(year: number, input: HolidayYearUpdate): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const check = (field: 'off' | 'work', days: readonly string[]) =>
    days.forEach((day, i) => {
      const at = `${field}.${i}`;
      if (!day.startsWith(`${year}-`)) {
        errors.push({
          field: at,
          code: 'date_out_of_range',
          params: { from: `${year}-01-01`, to: `${year}-12-31` },
          message: `must be in ${year}`,
        });
      } else if (seen.has(day)) {
        errors.push({ field: at, code: 'duplicate_day', params: { day }, message: `${day} is listed twice` });
      } else if (field === 'off' && isWeekend(day)) {
        // A weekend is off anyway: listing it would hide a typing mistake.
        errors.push({ field: at, code: 'weekend_off', params: { day }, message: `${day} is a weekend day` });
      } else if (field === 'work' && !isWeekend(day)) {
        errors.push({ field: at, code: 'weekday_work', params: { day }, message: `${day} is a weekday` });
      }
      seen.add(day);
    });
  check('off', input.off);
  check('work', input.work);
  return errors;
}

/**
 * Enters or replaces a year's arrangement. A year not yet entered has version 0, so If-Match 0
 * creates it and two administrators entering the same year do not overwrite each other.
 */
export async function saveHolidayYear(
  ctx: RuleContext,
  year: number,
  input: HolidayYearUpdate,
  ifMatch: number | null,
): Promise<HolidayYear> {
  if (ifMatch === null) throw problems.preconditionRequired();
  const errors = arrangementErrors(year, input);
  if (errors.length > 0) throw problems.validation(errors);
  const current = (await ctx.store.holidays.list()).find((y) => y.year === year) ?? null;
  if (ifMatch !== (current?.version ?? 0)) throw problems.versionConflict(current);
  const next: HolidayYear = {
    year,
    off: [...input.off].sort(),
    work: [...input.work].sort(),
    source: input.source,
    updatedAt: toCstIso(ctx.now()),
    updatedByName: ctx.user.displayName,
    version: ifMatch + 1,
  };
  if (!(await ctx.store.holidays.save(next, ifMatch))) {
    throw problems.versionConflict((await ctx.store.holidays.list()).find((y) => y.year === year) ?? null);
  }
  await recordAudit(ctx, 'dictionary', `holidays:${year}`, current ? 'update' : 'create', current, next);
  return next;
}
