/**
 * A report's period: a calendar month (`2026-10`, 月报) or quarter (`2026-Q3`, 季报), as days in
 * China. The picker offers the ones that have ended; the current one is offered too, marked as
 * running, since a manager may want its figures so far.
 */
export interface ReportPeriod {
  id: string;
  kind: 'month' | 'quarter';
  year: number;
  /** The month (1–12) or the quarter (1–4). */
  index: number;
  from: string;
  to: string;
  /** The months the period spans, `YYYY-MM`. */
  months: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function parsePeriod(id: string | undefined): ReportPeriod | null {
  const month = id && /^(\d{4})-(0[1-9]|1[0-2])$/.exec(id);
  if (month) return spanOf('month', Number(month[1]), Number(month[2]));
  const quarter = id && /^(\d{4})-Q([1-4])$/.exec(id);
  if (quarter) return spanOf('quarter', Number(quarter[1]), Number(quarter[2]));
  return null;
}

function spanOf(kind: ReportPeriod['kind'], year: number, index: number): ReportPeriod {
  const first = kind === 'month' ? index : (index - 1) * 3 + 1;
  const last = kind === 'month' ? index : first + 2;
  const months = Array.from({ length: last - first + 1 }, (_, i) => `${year}-${pad(first + i)}`);
  return {
    id: kind === 'month' ? `${year}-${pad(index)}` : `${year}-Q${index}`,
    kind,
    year,
    index,
    from: `${year}-${pad(first)}-01`,
    to: `${year}-${pad(last)}-${pad(lastDay(year, last))}`,
    months,
  };
}

/** The periods to pick from, newest first: the last `count` months or quarters up to the one `today` is in. */
export function recentPeriods(kind: ReportPeriod['kind'], today: string, count: number): ReportPeriod[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const step = kind === 'month' ? 1 : 3;
  const start = kind === 'month' ? month : Math.floor((month - 1) / 3) * 3 + 1;
  return Array.from({ length: count }, (_, i) => {
    const total = year * 12 + (start - 1) - i * step;
    const y = Math.floor(total / 12);
    const m = (total % 12) + 1;
    return spanOf(kind, y, kind === 'month' ? m : Math.floor((m - 1) / 3) + 1);
  });
}

/** The period a report opens on: the last month that has ended. */
export function defaultPeriod(today: string): ReportPeriod {
  return recentPeriods('month', today, 2)[1]!;
}

/** The months of the twelve that end with the period's last month, for a trend. */
export function trailingYear(period: ReportPeriod): { from: string; to: string } {
  const [year, month] = period.months.at(-1)!.split('-').map(Number) as [number, number];
  const total = year * 12 + month - 1 - 11;
  return { from: `${Math.floor(total / 12)}-${pad((total % 12) + 1)}-01`, to: period.to };
}
