import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, signIn, signOut } from './helpers';

const records = (page: Page) => page.getByRole('region', { name: '招引记录' });

/** Opens 导出, picks the rows and the format, and answers the downloaded file's path and name. */
async function exportAs(page: Page, format: RegExp, rows: RegExp = /^当前筛选结果/) {
  await page.getByRole('button', { name: '导出', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '导出' });
  await dialog.getByRole('radio', { name: rows }).check();
  await dialog.getByRole('radio', { name: format }).check();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '开始导出' }).click();
  const file = await download;
  return { path: (await file.path())!, name: file.suggestedFilename() };
}

test('a manager exports the filtered intake table to Excel and CSV: exactly its rows, its columns, typed', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, 'manager', '/intake?stage=landed&sort=id');
  const table = records(page);
  const totalText = await table.getByText(/^共 [\d,]+ 条$/).innerText();
  const total = Number(totalText.replace(/\D/g, ''));
  expect(total).toBeGreaterThan(20);
  // The data columns as shown (not the row picker's, nor the row actions').
  const headers = (await table.getByRole('columnheader').allInnerTexts())
    .map((h) => h.trim())
    .filter((h) => h && h !== '操作');
  const firstId = (await table.getByRole('row').nth(1).getByRole('cell').nth(1).innerText()).trim();

  const xlsx = await exportAs(page, /^Excel/);
  expect(xlsx.name).toMatch(/^招引记录-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(xlsx.path)) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('招引记录')!;
  expect(sheet.rowCount).toBe(total + 1);
  const exportedHeaders = (sheet.getRow(1).values as string[]).slice(1);
  // The table's columns in its order; the name column brings its organization along.
  expect(exportedHeaders.filter((h) => h !== '单位 / 来源')).toEqual(headers);
  const stage = exportedHeaders.indexOf('阶段') + 1;
  const landedOn = exportedHeaders.indexOf('落户日期') + 1;
  const investment = exportedHeaders.indexOf('投资额（万元）') + 1;
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    expect(row.getCell(stage).value).toBe('落户');
    expect(row.getCell(landedOn).value).toBeInstanceOf(Date);
    const amount = row.getCell(investment).value;
    expect(amount === null || typeof amount === 'number').toBe(true);
  });
  expect((sheet.getRow(2).values as unknown[])[1]).toBe(firstId);
  const about = workbook.getWorksheet('导出说明')!;
  expect(about.getSheetValues().flat()).toEqual(
    expect.arrayContaining(['导出人', '王芳', '行数', total, '导出范围：当前筛选结果', '阶段：落户']),
  );

  const csv = await exportAs(page, /^CSV/);
  const text = await readFile(csv.path, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
  expect(parsed.data).toHaveLength(total + 1);
  expect(parsed.data[1]![0]).toBe(firstId);
  await expect(page.getByRole('dialog', { name: '导出' })).toBeHidden();
});

test('the export shows its progress and can be cancelled; an officer has no export', async ({ page }) => {
  await signIn(page, 'manager', '/intake');
  await page.getByRole('button', { name: '导出', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '导出' });
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: '开始导出' }).click();
  await expect(dialog.getByRole('progressbar', { name: '导出进度' })).toBeVisible();
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('已取消导出').first()).toBeVisible();

  await signOut(page, 'manager');
  await signIn(page, 'officer', '/intake');
  await expect(records(page).getByText(/^共 [\d,]+ 条$/)).toBeVisible();
  await expect(page.getByRole('button', { name: '导出', exact: true })).toHaveCount(0);
});

test('a manager exports only the rows picked in the countermeasures, and every patch whatever the filter', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, 'manager', '/service-cases?tab=measures');
  const measures = page.getByRole('region', { name: '对策清单' });
  const rows = measures.getByRole('row');
  await expect(rows.nth(2)).toBeVisible();
  const picked = [];
  for (const n of [1, 2]) {
    const id = (await rows.nth(n).getByRole('cell').nth(1).innerText()).trim();
    await measures.getByRole('checkbox', { name: `选择 ${id}` }).check();
    picked.push(id);
  }
  const csv = await exportAs(page, /^CSV/, /^仅选中的行（2 行）/);
  expect(csv.name).toMatch(/^对策清单-\d{4}-\d{2}-\d{2}\.csv$/);
  const parsed = Papa.parse<string[]>((await readFile(csv.path, 'utf8')).slice(1), { skipEmptyLines: true });
  expect(parsed.data[0]!.slice(0, 2)).toEqual(['编号', '需求']);
  expect(
    parsed.data
      .slice(1)
      .map((row) => row[0])
      .sort(),
  ).toEqual(picked.sort());

  await page.goto('/policy-patches?status=issued');
  const patches = page.getByRole('region', { name: '补丁清单' });
  const filtered = Number((await patches.getByText(/^共 [\d,]+ 条$/).innerText()).replace(/\D/g, ''));
  const everything = await page.evaluate(async () => {
    const token = (JSON.parse(localStorage.getItem('tod.session')!) as { token: string }).token;
    const answer = await fetch('/api/v1/policy-patches?pageSize=1', { headers: { authorization: `Bearer ${token}` } });
    return ((await answer.json()) as { total: number }).total;
  });
  expect(everything).toBeGreaterThan(filtered);
  const xlsx = await exportAs(page, /^Excel/, /^全部记录/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(xlsx.path)) as unknown as ArrayBuffer);
  expect(workbook.getWorksheet('补丁清单')!.rowCount).toBe(everything + 1);
  expect(workbook.getWorksheet('导出说明')!.getSheetValues().flat()).toEqual(
    expect.arrayContaining(['导出范围：全部记录（忽略筛选）']),
  );
});

test('a manager downloads a chart as PNG and SVG, and its numbers as CSV; a viewer sees no download', async ({
  page,
}) => {
  await signIn(page, 'manager', '/');
  const card = page.getByRole('region', { name: '月度趋势（按渠道，已落户）' });
  await expect(card.locator('svg.recharts-surface')).toBeVisible();
  const download = async (label: string) => {
    await card.getByRole('button', { name: '下载图表：月度趋势（按渠道，已落户）' }).click();
    const file = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: label }).click();
    const done = await file;
    return { name: done.suggestedFilename(), bytes: await readFile((await done.path())!) };
  };

  const png = await download('图片（PNG）');
  expect(png.name).toBe('月度趋势（按渠道，已落户）.png');
  expect([...png.bytes.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  // Twice the drawn size: the width is in the IHDR chunk.
  const box = (await card.locator('svg.recharts-surface').boundingBox())!;
  expect(png.bytes.readUInt32BE(16)).toBe(Math.round(box.width) * 2);

  const svg = (await download('矢量图（SVG）')).bytes.toString('utf8');
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(svg).toContain('月度趋势（按渠道，已落户）');
  // Colours resolved: a file has no theme variables.
  expect(svg).not.toContain('var(--');

  const csv = (await download('数据（CSV）')).bytes.toString('utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
  await card.getByRole('button', { name: '以表格查看' }).click();
  const tableRows = await card.getByRole('row').count();
  expect(parsed).toHaveLength(tableRows);
  expect(parsed[0]).toEqual((await card.getByRole('columnheader').allInnerTexts()).map((h) => h.trim()));

  await signOut(page, 'manager');
  await signIn(page, 'viewer', '/');
  await expect(
    page.getByRole('region', { name: '月度趋势（按渠道，已落户）' }).locator('svg.recharts-surface'),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: /^下载图表/ })).toHaveCount(0);
});
