import { csvLine } from '../csv';
import { csvValue, type CellValue } from './sheet';
import type { SheetColumn } from './xlsx-writer';

/**
 * A CSV file written as its rows arrive: UTF-8 with a byte-order mark (Excel then reads the
 * Chinese), CRLF line breaks, values as the table shows them, text that begins like a formula
 * made inert. The file is held as encoded bytes, never as one long string.
 */
export class CsvWriter {
  private readonly parts: BlobPart[];
  private readonly encoder = new TextEncoder();
  private readonly columns: readonly SheetColumn[];

  constructor(columns: readonly SheetColumn[]) {
    this.columns = columns;
    this.parts = [this.encoder.encode(`\uFEFF${csvLine(columns.map((column) => column.header))}\r\n`)];
  }

  /** Adds rows of cell values, one value per column. */
  addRows(rows: readonly (readonly CellValue[])[]): void {
    let text = '';
    for (const row of rows) {
      text += `${csvLine(this.columns.map((column, i) => csvValue(column.kind, row[i] ?? null)))}\r\n`;
    }
    this.parts.push(this.encoder.encode(text));
  }

  /** The file. */
  finish(): Blob {
    return new Blob(this.parts, { type: 'text/csv;charset=utf-8' });
  }
}
