import { strFromU8, unzipSync } from 'fflate';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CsvWriter } from './csv-writer';
import type { CellValue, ExportAbout, ExportColumn } from './sheet';
import { exportParts, writeXlsx } from './xlsx-writer';

interface Row {
  id: string;
  name: string;
  investment: number | null;
  landedOn: string | null;
  updatedAt: string;
  rate: number;
}

const columns: ExportColumn<Row>[] = [
  { key: 'id', header: '编号', kind: 'text', value: (r) => r.id },
  { key: 'name', header: '姓名/项目', kind: 'text', value: (r) => r.name },
  { key: 'investment', header: '投资额（万元）', kind: 'decimal', value: (r) => r.investment },
  { key: 'landedOn', header: '落户日期', kind: 'date', value: (r) => r.landedOn },
  { key: 'updatedAt', header: '更新时间', kind: 'dateTime', value: (r) => r.updatedAt },
  { key: 'rate', header: '转化率', kind: 'percent', value: (r) => r.rate },
];
const rows: Row[] = [
  {
    id: 'IR-2026-0001',
    name: '王小明',
    investment: 1200.5,
    landedOn: '2026-03-02',
    updatedAt: '2026-11-25T09:05:00+08:00',
    rate: 0.25,
  },
  {
    id: 'IR-2026-0002',
    name: '=HYPERLINK("http://evil","点我")',
    investment: null,
    landedOn: null,
    updatedAt: '2026-11-25T23:30:00+08:00',
    rate: 0,
  },
  {
    id: 'IR-2026-0003',
    name: '-1+2',
    investment: -3,
    landedOn: '2026-01-01',
    // An instant written in UTC: midnight of New Year's Day in China.
    updatedAt: '2025-12-31T16:00:00Z',
    rate: 1,
  },
];
const about: ExportAbout = {
  title: '人才招引记录',
  filters: [
    ['渠道', '校园招聘、人才活动'],
    ['搜索', '@SUM(A1)'],
  ],
  exportedBy: '王芳',
  exportedAt: '2026-11-25T10:00:00+08:00',
  rowCount: rows.length,
  words: {
    sheet: '导出说明',
    title: '导出内容',
    filters: '筛选条件',
    noFilters: '无',
    exportedBy: '导出人',
    exportedAt: '导出时间',
    rowCount: '行数',
  },
};

/** The rows as the page hands them to the writers: cell values, column by column. */
const cells: CellValue[][] = rows.map((row) => columns.map((column) => column.value(row)));

async function readBack(blob: Blob) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await blob.arrayBuffer());
  return workbook;
}

/** The cells a workbook marks with Excel's quote prefix (text that stays text), from its XML. */
async function quotePrefixed(blob: Blob): Promise<string[]> {
  const parts = unzipSync(new Uint8Array(await blob.arrayBuffer()));
  const styles = strFromU8(parts['xl/styles.xml']!).split('<cellXfs')[1]!;
  const xfs = [...styles.matchAll(/<xf [^>]*\/>/g)].map(([xf]) => xf);
  return [...strFromU8(parts['xl/worksheets/sheet1.xml']!).matchAll(/<c r="([A-Z]+\d+)" s="(\d+)"/g)]
    .filter(([, , style]) => xfs[Number(style)]!.includes('quotePrefix="1"'))
    .map(([, ref]) => ref!);
}

describe('an XLSX export, read back with exceljs', () => {
  it('has the headers in order, numbers as numbers, dates as dates, and no formula anywhere', async () => {
    const workbook = await readBack(await writeXlsx('招引记录', columns, cells, exportParts(about)));
    const sheet = workbook.getWorksheet('招引记录')!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...columns.map((c) => c.header)]);
    expect(sheet.rowCount).toBe(rows.length + 1);
    const first = sheet.getRow(2);
    expect(first.getCell(3).value).toBe(1200.5);
    expect(first.getCell(3).type).toBe(ExcelJS.ValueType.Number);
    // The day and time as they read in China.
    expect(first.getCell(4).value).toEqual(new Date(Date.UTC(2026, 2, 2)));
    expect(first.getCell(4).numFmt).toBe('yyyy-mm-dd');
    expect(first.getCell(5).value).toEqual(new Date(Date.UTC(2026, 10, 25, 9, 5)));
    expect(first.getCell(6).value).toBe(0.25);
    expect(first.getCell(6).numFmt).toBe('0.0%');
    // Empty stays empty; a negative number stays a number.
    expect(sheet.getRow(3).getCell(3).value).toBeNull();
    expect(sheet.getRow(4).getCell(3).value).toBe(-3);
    // An instant in another offset reads as the time in China.
    expect(sheet.getRow(4).getCell(5).value).toEqual(new Date(Date.UTC(2026, 0, 1, 0, 0)));
    // A date column fed an instant holds the day alone.
    const days = await readBack(
      await writeXlsx(
        '日期',
        [{ header: '受理日期', kind: 'date' }],
        [['2026-11-25T23:30:00+08:00']],
        exportParts(about),
      ),
    );
    expect(days.worksheets[0]!.getRow(2).getCell(1).value).toEqual(new Date(Date.UTC(2026, 10, 25)));
    // Text that begins like a formula is text, kept as written and marked to stay text when edited.
    const hostile = sheet.getRow(3).getCell(2);
    expect(hostile.type).toBe(ExcelJS.ValueType.String);
    expect(hostile.value).toBe('=HYPERLINK("http://evil","点我")');
    expect(sheet.getRow(4).getCell(2).value).toBe('-1+2');
    const marked = await quotePrefixed(await writeXlsx('招引记录', columns, cells, exportParts(about)));
    expect(marked).toEqual(['B3', 'B4']);
    sheet.eachRow((row) =>
      row.eachCell((cell) => expect(cell.type, String(cell.address)).not.toBe(ExcelJS.ValueType.Formula)),
    );
  });

  it('freezes the header, filters it, sizes its columns and records what was exported', async () => {
    const workbook = await readBack(await writeXlsx('招引记录', columns, cells, exportParts(about)));
    const sheet = workbook.getWorksheet('招引记录')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getColumn(2).width).toBeGreaterThan(sheet.getColumn(6).width!);
    const notes = workbook.getWorksheet('导出说明')!;
    const lines = notes
      .getSheetValues()
      .slice(1)
      .map((r) => (r as unknown[]).slice(1));
    expect(lines).toEqual([
      ['导出内容', '人才招引记录'],
      ['筛选条件', '渠道：校园招聘、人才活动'],
      // A further filter's line leaves the label cell empty (no cell, not an empty text).
      [undefined, '搜索：@SUM(A1)'],
      ['导出人', '王芳'],
      ['导出时间', '2026-11-25 10:00'],
      ['行数', 3],
    ]);
  });
  it('keeps markup-like and control characters from breaking the file', async () => {
    const text: ExportColumn<string>[] = [{ key: 'note', header: '备注 <b>&"', kind: 'text', value: (v) => v }];
    const hostile = [
      '<script>alert(1)</script> & "引号"',
      'bell\u0007 and nul\u0000 gone',
      '换行\n保留',
      '\uD83D lone',
    ];
    const workbook = await readBack(
      await writeXlsx(
        '招引[记录]:*?/\\',
        text,
        hostile.map((v) => [v]),
        exportParts({ ...about, rowCount: hostile.length }),
      ),
    );
    // A sheet name without the characters Excel forbids.
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('招引 记录');
    expect(sheet.getRow(1).getCell(1).value).toBe('备注 <b>&"');
    expect(sheet.getColumn(1).values.slice(2)).toEqual([
      '<script>alert(1)</script> & "引号"',
      'bell and nul gone',
      '换行\n保留',
      ' lone',
    ]);
    expect(workbook.creator).toBe('王芳');
  });
});

describe('a CSV export, read back with papaparse', () => {
  it('starts with a BOM, keeps the values as the table shows them and runs no formula', async () => {
    const writer = new CsvWriter(columns);
    writer.addRows(cells.slice(0, 1));
    writer.addRows(cells.slice(1));
    const bytes = new Uint8Array(await writer.finish().arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual([
      columns.map((c) => c.header),
      ['IR-2026-0001', '王小明', '1200.5', '2026-03-02', '2026-11-25 09:05', '25.0%'],
      ['IR-2026-0002', '\'=HYPERLINK("http://evil","点我")', '', '', '2026-11-25 23:30', '0.0%'],
      ['IR-2026-0003', "'-1+2", '-3', '2026-01-01', '2026-01-01 00:00', '100.0%'],
    ]);
  });
});
