import { toChinaIso } from '../calendar';

/**
 * A table as it is exported: the columns as shown, in the order shown, each with its Chinese
 * header and the kind of value its cells hold, so a spreadsheet gets numbers as numbers and dates
 * as dates, never text that looks like them.
 */
export type CellKind = 'text' | 'integer' | 'decimal' | 'percent' | 'date' | 'dateTime';

export type CellValue = string | number | null;

export interface ExportColumn<T> {
  key: string;
  /** The header as the table shows it; a unit goes in it (投资额（万元）), not in the cells. */
  header: string;
  kind: CellKind;
  value: (row: T) => CellValue;
}

/**
 * How a table column's cells go into a file: the kind and value of each cell, under the column's
 * label unless it names its own header; a column shown as two facts (a name over its organization)
 * exports as two columns.
 */
export interface ColumnExport<T> {
  kind: CellKind;
  value: (row: T) => CellValue;
  header?: string;
  key?: string;
}

/** What the second sheet says of an export: what, which filters, who, when, how many rows. */
export interface ExportAbout {
  title: string;
  filters: readonly (readonly [label: string, value: string])[];
  exportedBy: string;
  /** An instant in China time, `2026-11-25T10:00:00+08:00`. */
  exportedAt: string;
  rowCount: number;
  /** The second sheet's words, in the user's language. */
  words: {
    sheet: string;
    title: string;
    filters: string;
    noFilters: string;
    exportedBy: string;
    exportedAt: string;
    rowCount: string;
  };
}

/**
 * Text that begins like a formula (`=`, `+`, `-`, `@`, tab, carriage return): a spreadsheet must
 * keep it text. The workbook marks such a cell as text to stay text (Excel's quote prefix, which
 * keeps the value as written); CSV has no such mark, so `toCsv` puts a `'` before it.
 */
export const startsLikeFormula = (text: string) => /^[=+\-@\t\r]/.test(text);

/** A day as it is; an instant, in whatever offset it was written, as it reads in China. */
const inChina = (value: string) => (value.length > 10 ? toChinaIso(value) : value);

/** `2026-11-25` or an instant (`2026-11-25T02:00:00Z`) as the wall-clock parts in China. */
function wallClock(text: string): [number, number, number, number, number] {
  const value = inChina(text);
  const [y, m, d] = [value.slice(0, 4), value.slice(5, 7), value.slice(8, 10)].map(Number) as [number, number, number];
  return value.length > 10 ? [y, m, d, Number(value.slice(11, 13)), Number(value.slice(14, 16))] : [y, m, d, 0, 0];
}

/**
 * A cell's value for a spreadsheet: numbers as numbers, dates as the day and time they show in
 * China (a spreadsheet's dates have no time zone, so the wall clock is written as if it were UTC),
 * text as it is (the workbook keeps it from running, see `startsLikeFormula`).
 */
export function sheetValue(kind: CellKind, value: CellValue): string | number | Date | null {
  if (value === null || value === '') return null;
  switch (kind) {
    case 'text':
      return String(value);
    case 'integer':
    case 'decimal':
    case 'percent':
      return typeof value === 'number' ? value : Number(value);
    case 'date':
    case 'dateTime': {
      const [y, m, d, h, mi] = wallClock(String(value));
      // A date column holds the day alone, even when its value is an instant.
      return kind === 'date' ? new Date(Date.UTC(y, m - 1, d)) : new Date(Date.UTC(y, m - 1, d, h, mi));
    }
  }
}

/** A cell as CSV text: numbers plain, dates as they read in China, text as it is (`toCsv` makes it inert). */
export function csvValue(kind: CellKind, value: CellValue): string {
  if (value === null) return '';
  switch (kind) {
    case 'date':
      return inChina(String(value)).slice(0, 10);
    case 'dateTime': {
      const local = inChina(String(value));
      return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
    }
    case 'percent':
      return typeof value === 'number' ? `${(value * 100).toFixed(1)}%` : String(value);
    default:
      return String(value);
  }
}

/** The Excel number format of each kind. */
export const numberFormats: Record<CellKind, string | undefined> = {
  text: '@',
  integer: '#,##0',
  decimal: '#,##0.00',
  percent: '0.0%',
  date: 'yyyy-mm-dd',
  dateTime: 'yyyy-mm-dd hh:mm',
};

/** A column's width in characters: its header and its longest cells (CJK counted double), within bounds. */
export function columnWidth(header: string, samples: readonly string[]): number {
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u2E80-\uFFEF]/.test(ch) ? 2 : 1), 0);
  return Math.min(60, Math.max(8, ...[header, ...samples].map(width)) + 2);
}
