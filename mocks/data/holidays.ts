import type { HolidayYear } from '../../src/api/schemas/calendar';
import { addDays } from '../../src/lib/calendar';

/**
 * The State Council's holiday arrangements for the years the demo data spans, as first loaded
 * into an empty database (demo or not); an administrator keeps them up to date from then on.
 */
const arrangements: Record<number, { off: string[]; work: string[] }> = {
  2023: {
    off: [
      '01-02',
      ...range('01-23', '01-27'),
      '04-05',
      ...range('05-01', '05-03'),
      '06-22',
      '06-23',
      '09-29',
      ...range('10-02', '10-06'),
    ],
    work: ['01-28', '01-29', '04-23', '05-06', '06-25', '10-07', '10-08'],
  },
  2024: {
    off: [
      '01-01',
      ...range('02-12', '02-16'),
      '04-04',
      '04-05',
      ...range('05-01', '05-03'),
      '06-10',
      '09-16',
      '09-17',
      ...range('10-01', '10-04'),
      '10-07',
    ],
    work: ['02-04', '02-18', '04-07', '04-28', '05-11', '09-14', '09-29', '10-12'],
  },
  2025: {
    off: [
      '01-01',
      ...range('01-28', '01-31'),
      '02-03',
      '02-04',
      '04-04',
      '05-01',
      '05-02',
      '05-05',
      '06-02',
      ...range('10-01', '10-03'),
      ...range('10-06', '10-08'),
    ],
    work: ['01-26', '02-08', '04-27', '09-28', '10-11'],
  },
  2026: {
    off: [
      '01-01',
      '01-02',
      ...range('02-16', '02-20'),
      '02-23',
      '04-06',
      '05-01',
      '05-04',
      '05-05',
      '06-19',
      '09-25',
      '10-01',
      '10-02',
      ...range('10-05', '10-07'),
    ],
    work: ['01-04', '02-14', '02-28', '05-09', '09-20', '10-10'],
  },
};

function range(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = `2000-${from}`; d <= `2000-${to}`; d = addDays(d, 1)) days.push(d.slice(5));
  return days;
}

export const officialHolidayYears: HolidayYear[] = Object.entries(arrangements).map(([year, { off, work }]) => ({
  year: Number(year),
  off: off.map((md) => `${year}-${md}`),
  work: work.map((md) => `${year}-${md}`),
  source: `国务院办公厅关于${year}年部分节假日安排的通知`,
  updatedAt: null,
  updatedByName: null,
  version: 1,
}));
