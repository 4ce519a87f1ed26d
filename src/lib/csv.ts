import { startsLikeFormula } from './export/sheet';

/**
 * CSV for Excel: UTF-8 with a byte-order mark (so Excel reads the Chinese), CRLF between rows,
 * every field quoted when it must be; a text field that begins like a formula (`=`, `+`, `-`, `@`,
 * tab, carriage return) is prefixed with `'` so that Excel shows it instead of running it.
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map(csvLine).join('\r\n')}\r\n`;
}

/** One row of CSV (without its line break), each field quoted when it must be and made inert. */
export function csvLine(fields: readonly string[]): string {
  return fields.map(field).join(',');
}

/** A number as the table shows it (a share with its %): never text, so never prefixed. */
const number = /^-?\d+(\.\d+)?%?$/;

function field(value: string): string {
  const inert = !number.test(value) && startsLikeFormula(value) ? `'${value}` : value;
  return /[",\r\n]/.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}

/** Saves the rows as a CSV file through the browser. */
export function downloadCsv(rows: readonly (readonly string[])[], fileName: string): void {
  const url = URL.createObjectURL(new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url));
}
