import type ExcelJS from 'exceljs';
import {
  columnWidth,
  csvValue,
  inertText,
  numberFormats,
  sheetValue,
  type ExportAbout,
  type ExportColumn,
} from './sheet';

/** Rows looked at for a column's width: enough to be sensible, few enough to be quick. */
const WIDTH_SAMPLE = 200;

/**
 * The workbook of an export: the rows on a sheet named in Chinese, with a frozen header row, an
 * autofilter, typed cells and sensible widths; and a second sheet saying what was exported, with
 * which filters, by whom, when, and how many rows. `Excel` is exceljs, loaded on demand.
 */
export async function buildXlsx<T>(
  Excel: typeof ExcelJS,
  sheetName: string,
  columns: readonly ExportColumn<T>[],
  rows: readonly T[],
  about: ExportAbout,
): Promise<ArrayBuffer> {
  const workbook = new Excel.Workbook();
  workbook.creator = about.exportedBy;
  workbook.created = sheetValue('dateTime', about.exportedAt) as Date;
  // Excel allows 31 characters and none of []:*?/\ in a sheet's name.
  const sheet = workbook.addWorksheet(sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const sample = rows.slice(0, WIDTH_SAMPLE);
  sheet.columns = columns.map((column) => ({
    header: column.header,
    key: column.key,
    width: columnWidth(
      column.header,
      sample.map((row) => csvValue(column.kind, column.value(row))),
    ),
    style: { numFmt: numberFormats[column.kind] },
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(columns.map((column) => sheetValue(column.kind, column.value(row))));
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };

  const words = about.words;
  const notes = workbook.addWorksheet(words.sheet);
  notes.columns = [
    { key: 'label', width: 16 },
    { key: 'value', width: 60 },
  ];
  // A filter is what someone typed (a search, say): inert like any text.
  notes.addRows([
    [words.title, inertText(about.title)],
    ...(about.filters.length === 0
      ? [[words.filters, words.noFilters]]
      : about.filters.map(([label, value], i) => [i === 0 ? words.filters : '', inertText(`${label}：${value}`)])),
    [words.exportedBy, inertText(about.exportedBy)],
    [words.exportedAt, csvValue('dateTime', about.exportedAt)],
    [words.rowCount, about.rowCount],
  ]);
  notes.getColumn('label').font = { bold: true };
  // A Node or polyfilled Buffer in some builds: copied out as the plain ArrayBuffer a worker can hand over.
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}
