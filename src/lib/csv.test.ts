import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('CSV for Excel', () => {
  it('starts with a BOM, quotes what needs it and keeps real numbers as numbers', () => {
    const csv = toCsv([
      ['部门', '得分'],
      ['住建局, 城建', '-12.5'],
      ['说 "明"', '90'],
    ]);
    expect(csv.startsWith('\uFEFF部门,得分\r\n')).toBe(true);
    expect(csv).toContain('"住建局, 城建",-12.5\r\n');
    expect(csv).toContain('"说 ""明""",90\r\n');
  });

  it('makes text that starts like a formula inert', () => {
    const csv = toCsv([['=HYPERLINK("x")', '+1+2', '@SUM(A1)', '-A1', '\tx']]);
    expect(csv).toBe('\uFEFF"\'=HYPERLINK(""x"")",\'+1+2,\'@SUM(A1),\'-A1,\'\tx\r\n');
  });
});
