import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportParts, writeXlsx } from '../export/xlsx-writer';
import { MAX_FILE_BYTES, parseCsv, readSheetFile, SheetFileError } from './read-sheet';

const problemOf = (run: Promise<unknown>) =>
  run.then(
    () => 'read',
    (error: unknown) => (error instanceof SheetFileError ? error.problem : String(error)),
  );

describe('reading a demand list file', () => {
  it('reads the first sheet of a workbook Excel-style (shared strings, numbers, gaps), with row numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('需求清单');
    sheet.addRow(['申请人', '联系电话', '需求标题']);
    sheet.addRow(['张三', 13800001111, '人才公寓申请']);
    sheet.addRow([]);
    sheet.getCell('A4').value = { richText: [{ text: '李' }, { text: '四' }] };
    sheet.getCell('C4').value = '子女入学';
    workbook.addWorksheet('第二页').addRow(['不读']);
    const rows = await readSheetFile(new Blob([await workbook.xlsx.writeBuffer()]), 100);
    expect(rows).toEqual([
      { row: 1, cells: ['申请人', '联系电话', '需求标题'] },
      { row: 2, cells: ['张三', '13800001111', '人才公寓申请'] },
      { row: 4, cells: ['李四', '', '子女入学'] },
    ]);
  });

  it('reads the app’s own workbooks (inline strings) back', async () => {
    const about = {
      title: 't',
      filters: [],
      exportedBy: 'x',
      exportedAt: '2026-11-25T10:00:00+08:00',
      rowCount: 1,
      words: {
        sheet: '说明',
        title: 't',
        filters: 'f',
        noFilters: 'n',
        exportedBy: 'e',
        exportedAt: 'a',
        rowCount: 'r',
      },
    };
    const blob = await writeXlsx(
      '需求清单',
      [{ header: '需求标题', kind: 'text' }],
      [['=1+1 不是公式']],
      exportParts(about),
    );
    expect(await readSheetFile(blob, 10)).toEqual([
      { row: 1, cells: ['需求标题'] },
      { row: 2, cells: ['=1+1 不是公式'] },
    ]);
  });

  it('reads CSV in UTF-8 (with or without BOM) and in GB18030, quotes and line breaks included', async () => {
    const csv = '\uFEFF申请人,需求描述\r\n"王, 五","一行\n两行，""引号"""\r\n赵六,普通\r\n';
    expect(await readSheetFile(new Blob([csv]), 10)).toEqual([
      { row: 1, cells: ['申请人', '需求描述'] },
      { row: 2, cells: ['王, 五', '一行\n两行，"引号"'] },
      // Numbered as Excel shows it: the line break inside row 2's cell does not start a row.
      { row: 3, cells: ['赵六', '普通'] },
    ]);
    // "申请人,需求标题 / 张三,人才公寓申请" as older Excel saves CSV in China.
    const gb18030 = new Uint8Array([
      201, 234, 199, 235, 200, 203, 44, 208, 232, 199, 243, 177, 234, 204, 226, 13, 10, 213, 197, 200, 253, 44, 200,
      203, 178, 197, 185, 171, 212, 162, 201, 234, 199, 235, 13, 10,
    ]);
    expect(await readSheetFile(new Blob([gb18030]), 10)).toEqual([
      { row: 1, cells: ['申请人', '需求标题'] },
      { row: 2, cells: ['张三', '人才公寓申请'] },
    ]);
    expect(parseCsv('a,b\nc')).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 2, cells: ['c'] },
    ]);
  });

  it('refuses what it cannot read, saying why', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(await problemOf(readSheetFile(new Blob([png]), 10))).toBe('notSpreadsheet');
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(await problemOf(readSheetFile(new Blob([ole]), 10))).toBe('encrypted');
    expect(await problemOf(readSheetFile(new Blob(['申请人,需求标题\r\n,\r\n']), 10))).toBe('empty');
    expect(await problemOf(readSheetFile(new Blob(['']), 10))).toBe('empty');
    expect(await problemOf(readSheetFile(new Blob(['标题\n1\n2\n3\n']), 2))).toBe('tooManyRows');
    expect(await problemOf(readSheetFile(new Blob([new Uint8Array(MAX_FILE_BYTES + 1)]), 10))).toBe('tooLarge');
    const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    expect(await problemOf(readSheetFile(new Blob([broken]), 10))).toBe('unreadable');
  });
});
