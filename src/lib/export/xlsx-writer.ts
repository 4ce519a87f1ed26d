import { Zip, ZipDeflate } from 'fflate';
import {
  columnWidth,
  csvValue,
  numberFormats,
  sheetValue,
  startsLikeFormula,
  type CellKind,
  type CellValue,
  type ExportAbout,
} from './sheet';

/** A column as the writer needs it: the header and the kind of its cells (the cells come as values). */
export interface SheetColumn {
  header: string;
  kind: CellKind;
}

/** What a workbook holds besides its rows. */
export interface WorkbookParts {
  /** The workbook's title and author, as its properties say. */
  title: string;
  creator: string;
  createdAt: string;
  /** A second sheet of label–value lines: what was exported, or how to fill in a template. */
  notes?: { sheetName: string; lines: readonly (readonly (string | number)[])[] };
  /** Drop-down lists of allowed values on columns (from 0) of the rows' sheet, rows 2 to `rows` + 1. */
  lists?: readonly { column: number; values: readonly string[]; rows: number }[];
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Rows looked at for a column's width: enough to be sensible, few enough to be quick. */
const WIDTH_SAMPLE = 200;
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOCUMENT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * The cell styles, by index: 0 plain text, 1 a bold header, then one per kind with its number
 * format (custom formats are numbered from 164).
 */
const kinds: CellKind[] = ['text', 'integer', 'decimal', 'percent', 'date', 'dateTime'];
const styleOf = Object.fromEntries(kinds.map((kind, i) => [kind, i + 2])) as Record<CellKind, number>;

/** Characters XML 1.0 cannot hold (control characters but tab and line breaks; lone surrogates): dropped. */
const notXml =
  // eslint-disable-next-line no-control-regex -- these are exactly the characters to drop
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const xmlText = (text: string) => text.replace(notXml, '').replace(/[&<>"]/g, (c) => escapes[c]!);

/** A, B, …, Z, AA, … for the column at `index` (from 0). */
function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Days since 1899-12-30, Excel's serial date, of a wall-clock time written as if it were UTC. */
const serialDate = (date: Date) => date.getTime() / 86_400_000 + 25_569;

/** One cell's XML, or nothing for an empty one. */
function cellXml(ref: string, kind: CellKind, value: CellValue, style = styleOf[kind]): string {
  const typed = sheetValue(kind, value);
  if (typed === null) return '';
  if (typed instanceof Date) return `<c r="${ref}" s="${style}"><v>${serialDate(typed)}</v></c>`;
  if (typeof typed === 'number') return Number.isFinite(typed) ? `<c r="${ref}" s="${style}"><v>${typed}</v></c>` : '';
  // Text that looks like a formula keeps its value and is marked to stay text, even when edited.
  const shown = startsLikeFormula(typed) ? QUOTED : style;
  return `<c r="${ref}" s="${shown}" t="inlineStr"><is><t xml:space="preserve">${xmlText(typed)}</t></is></c>`;
}

/** A row of text (or counts) in the given styles: a header, a line of the second sheet. */
function textRow(row: number, cells: readonly (string | number)[], style: (column: number) => number): string {
  const xml = cells
    .map((cell, i) =>
      cellXml(`${columnLetters(i)}${row}`, typeof cell === 'number' ? 'integer' : 'text', cell, style(i)),
    )
    .join('');
  return `<row r="${row}">${xml}</row>`;
}

const PLAIN = 0;
const BOLD = 1;
/** Text, marked to stay text (the quote prefix): after the kinds' styles. */
const QUOTED = kinds.length + 2;

const stylesXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${MAIN}"><numFmts count="${kinds.length}">${kinds
  .map((kind, i) => `<numFmt numFmtId="${164 + i}" formatCode="${xmlText(numberFormats[kind] ?? 'General')}"/>`)
  .join(
    '',
  )}</numFmts><fonts count="2"><font><sz val="11"/><name val="等线"/><family val="2"/></font><font><b/><sz val="11"/><name val="等线"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${kinds.length + 3}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>${kinds
  .map((_, i) => `<xf numFmtId="${164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`)
  .join(
    '',
  )}<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" quotePrefix="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** Excel allows 31 characters, none of []:*?/\ and no apostrophe at either end in a sheet's name. */
const sheetTitle = (name: string) =>
  name
    .replace(/[[\]:*?/\\]+/g, ' ')
    .replace(/^[\s']+|[\s']+$/g, '')
    .slice(0, 31) || 'Sheet1';

/**
 * An XLSX workbook written as its rows arrive, compressed as it goes: a large export never holds
 * the whole sheet as objects, only its compressed bytes. The rows go on a sheet named in Chinese
 * with a bold, frozen header row, an autofilter, typed cells (numbers as numbers, dates as dates,
 * text made inert) and widths from the first rows; a second sheet says what was exported, with
 * which filters, by whom, when, and how many rows.
 */
export class XlsxWriter {
  private readonly chunks: Uint8Array[] = [];
  private readonly zip: Zip;
  private readonly encoder = new TextEncoder();
  private sheet: ZipDeflate | null = null;
  private rowCount = 0;
  private failure: Error | null = null;
  private done: ((blob: Blob) => void) | null = null;

  private readonly sheetName: string;
  private readonly columns: readonly SheetColumn[];

  constructor(sheetName: string, columns: readonly SheetColumn[]) {
    this.sheetName = sheetName;
    this.columns = columns;
    this.zip = new Zip((error, data, final) => {
      if (error) this.failure = error;
      else this.chunks.push(data);
      if (final) this.done?.(new Blob(this.chunks as BlobPart[], { type: XLSX_TYPE }));
    });
  }

  /** Adds rows of cell values, one value per column. */
  addRows(rows: readonly (readonly CellValue[])[]): void {
    if (!this.sheet) this.begin(rows.slice(0, WIDTH_SAMPLE));
    let xml = '';
    for (const row of rows) {
      const n = ++this.rowCount + 1;
      let cells = '';
      for (let i = 0; i < this.columns.length; i++) {
        cells += cellXml(`${letters[i] ?? columnLetters(i)}${n}`, this.columns[i]!.kind, row[i] ?? null);
      }
      xml += `<row r="${n}">${cells}</row>`;
    }
    this.sheet!.push(this.encoder.encode(xml));
  }

  /** Ends the rows, writes the second sheet and the workbook's parts: the file. */
  finish(parts: WorkbookParts): Promise<Blob> {
    if (!this.sheet) this.begin([]);
    const last = `${columnLetters(Math.max(0, this.columns.length - 1))}${this.rowCount + 1}`;
    this.sheet!.push(
      this.encoder.encode(`</sheetData><autoFilter ref="A1:${last}"/>${listsXml(parts.lists ?? [])}</worksheet>`),
      true,
    );
    const { notes } = parts;
    if (notes) {
      this.file(
        'xl/worksheets/sheet2.xml',
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="${MAIN}"><cols><col min="1" max="1" width="16" customWidth="1"/><col min="2" max="2" width="60" customWidth="1"/></cols><sheetData>${notes.lines
          .map((line, i) => textRow(i + 1, line, (column) => (column === 0 ? BOLD : PLAIN)))
          .join('')}</sheetData></worksheet>`,
      );
    }
    const sheets = [sheetTitle(this.sheetName), ...(notes ? [sheetTitle(notes.sheetName)] : [])];
    this.file(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="${MAIN}" xmlns:r="${RELS}"><bookViews><workbookView/></bookViews><sheets>${sheets
        .map((name, i) => `<sheet name="${xmlText(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join(
          '',
        )}</sheets><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'${xmlText(
        sheets[0]!.replace(/'/g, "''"),
      )}'!$A$1:$${last.replace(/(\d+)$/, '$$$1')}</definedName></definedNames></workbook>`,
    );
    this.file(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="${PACKAGE_RELS}">${sheets
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="${DOCUMENT}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join(
          '',
        )}<Relationship Id="rId${sheets.length + 1}" Type="${DOCUMENT}/styles" Target="styles.xml"/></Relationships>`,
    );
    this.file('xl/styles.xml', stylesXml);
    this.file(
      'docProps/core.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${xmlText(
        parts.title,
      )}</dc:title><dc:creator>${xmlText(parts.creator)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${new Date(
        parts.createdAt,
      ).toISOString()}</dcterms:created></cp:coreProperties>`,
    );
    this.file(
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="${PACKAGE_RELS}"><Relationship Id="rId1" Type="${DOCUMENT}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
    );
    this.file(
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join(
          '',
        )}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`,
    );
    return new Promise<Blob>((resolve, reject) => {
      this.done = resolve;
      this.zip.end();
      if (this.failure) reject(this.failure);
    });
  }

  /** Opens the rows' sheet: the frozen header row, widths from the first rows. */
  private begin(sample: readonly (readonly CellValue[])[]) {
    this.sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 6 });
    this.zip.add(this.sheet);
    const widths = this.columns.map((column, i) =>
      columnWidth(
        column.header,
        sample.map((row) => csvValue(column.kind, row[i] ?? null)),
      ),
    );
    this.sheet.push(
      this.encoder.encode(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="${MAIN}" xmlns:r="${RELS}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>${
          // <cols> may not be empty.
          widths.length === 0
            ? ''
            : `<cols>${widths
                .map(
                  (width, i) =>
                    `<col min="${i + 1}" max="${i + 1}" width="${width}" style="${styleOf[this.columns[i]!.kind]}" customWidth="1"/>`,
                )
                .join('')}</cols>`
        }<sheetData>${textRow(
          1,
          this.columns.map((column) => column.header),
          () => BOLD,
        )}`,
      ),
    );
  }

  /** A whole small part, stored compressed. */
  private file(name: string, xml: string) {
    const part = new ZipDeflate(name, { level: 6 });
    this.zip.add(part);
    part.push(this.encoder.encode(xml), true);
  }
}

/** The column letters of the first columns, worked out once. */
const letters = Array.from({ length: 64 }, (_, i) => columnLetters(i));

/** An export's parts: its record of itself on the second sheet (导出说明). */
export function exportParts(about: ExportAbout): WorkbookParts {
  const { words } = about;
  return {
    title: about.title,
    creator: about.exportedBy,
    createdAt: about.exportedAt,
    notes: {
      sheetName: words.sheet,
      lines: [
        [words.title, about.title],
        ...(about.filters.length === 0
          ? [[words.filters, words.noFilters]]
          : about.filters.map(([label, value], i) => [i === 0 ? words.filters : '', `${label}：${value}`])),
        [words.exportedBy, about.exportedBy],
        [words.exportedAt, csvValue('dateTime', about.exportedAt)],
        [words.rowCount, about.rowCount],
      ],
    },
  };
}

/**
 * Drop-down lists on the rows' sheet. Excel takes a list written in the rule of at most 255
 * characters, its values without commas; a longer list is left out rather than cut.
 */
function listsXml(lists: NonNullable<WorkbookParts['lists']>): string {
  const rules = lists.flatMap(({ column, values, rows }) => {
    const formula = `"${values.map((v) => v.replace(/"/g, '""')).join(',')}"`;
    if (formula.length > 255 || values.some((v) => v.includes(','))) return [];
    const letter = columnLetters(column);
    return [
      `<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="${letter}2:${letter}${rows + 1}"><formula1>${xmlText(formula)}</formula1></dataValidation>`,
    ];
  });
  return rules.length === 0 ? '' : `<dataValidations count="${rules.length}">${rules.join('')}</dataValidations>`;
}

/** A whole workbook at once, for rows already at hand. */
export function writeXlsx(
  sheetName: string,
  columns: readonly SheetColumn[],
  rows: readonly (readonly CellValue[])[],
  parts: WorkbookParts,
): Promise<Blob> {
  const writer = new XlsxWriter(sheetName, columns);
  for (let i = 0; i < rows.length; i += 1000) writer.addRows(rows.slice(i, i + 1000));
  return writer.finish(parts);
}
