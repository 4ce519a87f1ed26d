import { unzipSync } from 'fflate';

/** The largest file taken: a month's list is a few hundred rows, far below it. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** The most a workbook's parts may unpack to (a small file that unpacks to gigabytes is refused). */
const MAX_UNPACKED_BYTES = 60 * 1024 * 1024;

export type SheetFileProblem = 'notSpreadsheet' | 'encrypted' | 'tooLarge' | 'empty' | 'tooManyRows' | 'unreadable';

/** Why a file cannot be read as a list, for the user in their words. */
export class SheetFileError extends Error {
  readonly problem: SheetFileProblem;
  constructor(problem: SheetFileProblem) {
    super(problem);
    this.problem = problem;
  }
}

/** A row of the file with its number as a spreadsheet shows it (the header is row 1). */
export interface SheetRow {
  row: number;
  cells: string[];
}

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** An OLE compound file: a password-protected workbook (encrypted inside one), or the old .xls. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * The rows of the first sheet of an .xlsx, or of a .csv (UTF-8, with or without BOM, or GB18030
 * as older Excel writes it), as text, empty rows left out; at most `maxRows` data rows after the
 * header. A file that is none of these, encrypted, empty or too large is refused with the reason.
 */
export async function readSheetFile(file: Blob, maxRows: number): Promise<SheetRow[]> {
  if (file.size > MAX_FILE_BYTES) throw new SheetFileError('tooLarge');
  const bytes = new Uint8Array(await file.arrayBuffer());
  let rows: SheetRow[];
  if (startsWith(bytes, ZIP)) rows = readXlsx(bytes);
  else if (startsWith(bytes, OLE)) throw new SheetFileError('encrypted');
  else rows = parseCsv(decodeText(bytes));
  const filled = rows.filter((r) => r.cells.some((cell) => cell.trim() !== ''));
  if (filled.length < 2) throw new SheetFileError('empty');
  if (filled.length - 1 > maxRows) throw new SheetFileError('tooManyRows');
  return filled;
}

/** UTF-8 when the bytes are UTF-8, else GB18030 (what Excel in China writes as "CSV"); binary is no CSV. */
function decodeText(bytes: Uint8Array): string {
  if (bytes.includes(0)) throw new SheetFileError('notSpreadsheet');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  return text.replace(/^\uFEFF/, '');
}

/**
 * CSV as RFC 4180 reads it: commas, quotes doubled inside quoted fields, CRLF or LF between rows.
 * Rows are numbered as a spreadsheet numbers them: a quoted cell's line breaks stay in its row.
 */
export function parseCsv(text: string): SheetRow[] {
  const rows: SheetRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      rows.push({ row: rows.length + 1, cells });
      cells = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || cells.length > 0) rows.push({ row: rows.length + 1, cells: [...cells, cell] });
  return rows;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function xml(files: Record<string, Uint8Array>, path: string): Document | null {
  const part = files[path];
  if (!part) return null;
  const doc = new DOMParser().parseFromString(new TextDecoder().decode(part), 'application/xml');
  if (doc.getElementsByTagName('parsererror').length > 0) throw new SheetFileError('unreadable');
  return doc;
}

/** The text of a string item: its runs' text, the phonetic guide (rPh) left out. */
const itemText = (item: Element) =>
  [...item.getElementsByTagNameNS(MAIN, 't')]
    .filter((t) => (t.parentNode as Element | null)?.localName !== 'rPh')
    .map((t) => t.textContent ?? '')
    .join('');

/** `B12` → column 1 (from 0). */
function columnOf(ref: string): number {
  let column = 0;
  for (const ch of ref.replace(/\d+$/, '')) column = column * 26 + (ch.charCodeAt(0) - 64);
  return column - 1;
}

/** The first sheet of a workbook, each cell as the text it holds (numbers as written, booleans as TRUE/FALSE). */
function readXlsx(bytes: Uint8Array): SheetRow[] {
  let files: Record<string, Uint8Array>;
  let unpacked = 0;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        unpacked += file.originalSize;
        if (unpacked > MAX_UNPACKED_BYTES) throw new SheetFileError('tooLarge');
        return file.name.endsWith('.xml') || file.name.endsWith('.rels');
      },
    });
  } catch (error) {
    throw error instanceof SheetFileError ? error : new SheetFileError('unreadable');
  }
  const workbook = xml(files, 'xl/workbook.xml');
  if (!workbook) throw new SheetFileError('notSpreadsheet');
  const firstSheet = workbook.getElementsByTagNameNS(MAIN, 'sheet')[0];
  const relId = firstSheet?.getAttributeNS(RELS, 'id');
  const rels = xml(files, 'xl/_rels/workbook.xml.rels');
  const target = [...(rels?.getElementsByTagName('Relationship') ?? [])]
    .find((r) => r.getAttribute('Id') === relId)
    ?.getAttribute('Target');
  if (!target) throw new SheetFileError('unreadable');
  const sheet = xml(files, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  if (!sheet) throw new SheetFileError('unreadable');
  const shared = [...(xml(files, 'xl/sharedStrings.xml')?.getElementsByTagNameNS(MAIN, 'si') ?? [])].map(itemText);

  return [...sheet.getElementsByTagNameNS(MAIN, 'row')].map((rowElement, index) => {
    const cells: string[] = [];
    let next = 0;
    for (const c of rowElement.getElementsByTagNameNS(MAIN, 'c')) {
      const ref = c.getAttribute('r');
      const column = ref ? columnOf(ref) : next;
      next = column + 1;
      const type = c.getAttribute('t');
      const value = c.getElementsByTagNameNS(MAIN, 'v')[0]?.textContent ?? '';
      cells[column] =
        type === 's'
          ? (shared[Number(value)] ?? '')
          : type === 'inlineStr'
            ? itemText(c.getElementsByTagNameNS(MAIN, 'is')[0] ?? c)
            : type === 'b'
              ? value === '1'
                ? 'TRUE'
                : 'FALSE'
              : value;
    }
    return { row: Number(rowElement.getAttribute('r') ?? index + 1), cells: Array.from(cells, (cell) => cell ?? '') };
  });
}
