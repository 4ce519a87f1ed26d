import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, keepScreenshot, signIn } from './helpers';

/** The month's demands as the office's API answers them: how many, and with which titles. */
async function monthDemands(page: Page, title: string) {
  return page.evaluate(async (q) => {
    const token = (JSON.parse(localStorage.getItem('tod.session')!) as { token: string }).token;
    const answer = await fetch(`/api/v1/service-cases?pageSize=200&q=${encodeURIComponent(q)}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return ((await answer.json()) as { total: number }).total;
  }, title);
}

/** A demand list as a department fills in the template: a good row, a bad one, a repeat, the example kept. */
async function filledList(template: Buffer, stamp: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  sheet.addRow([
    '企业',
    '陈经理',
    '昆山导入示范有限公司',
    '13800002222',
    '人才安居',
    `导入测试 ${stamp}`,
    '三名研发人员申请人才公寓',
    '高',
  ]);
  sheet.addRow(['个人', '周工', '', '1380000', '不存在的类别', `导入测试 ${stamp} 错误行`, '缺少电话', '一般']);
  sheet.addRow([
    '企业',
    '陈经理',
    '昆山导入示范有限公司',
    '13800002222',
    '人才安居',
    `导入测试 ${stamp}`,
    '三名研发人员申请人才公寓',
    '高',
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

test('an officer imports a demand list from the template: errors row by row, nothing written until confirmed, once only', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await signIn(page, 'officer', '/service-cases');
  await page.getByRole('button', { name: '导入需求清单' }).click();
  const dialog = page.getByRole('dialog', { name: '导入需求清单' });
  await expect(dialog.getByRole('combobox', { name: '导入到服务月' })).toHaveValue(/SM-/);

  // The template: the columns, the example row, drop-down lists on the dictionary columns, how to fill it in.
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '下载导入模板' }).click();
  const templateFile = await download;
  expect(templateFile.suggestedFilename()).toBe('需求清单导入模板.xlsx');
  const template = await readFile((await templateFile.path())!);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  expect((sheet.getRow(1).values as string[]).slice(1)).toEqual([
    '申请人类型',
    '申请人',
    '企业名称',
    '联系电话',
    '需求类别',
    '需求标题',
    '需求描述',
    '优先级',
  ]);
  expect(String(sheet.getRow(2).getCell(2).value)).toMatch(/^（示例）/);
  // exceljs reads the lists though its types leave them out.
  const validations = (
    sheet as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }
  ).dataValidations.model;
  // A list on every row to fill in (exceljs reads them cell by cell).
  expect(validations.A2).toMatchObject({ type: 'list', formulae: ['"个人,企业"'] });
  expect(validations.H2001).toMatchObject({ type: 'list', formulae: ['"低,一般,高,紧急"'] });
  expect(validations.E2!.formulae[0]).toContain('人才安居');
  expect(validations.B2).toBeUndefined();
  expect(workbook.getWorksheet('填写说明')).toBeDefined();

  // A file that is no spreadsheet is refused with a reason.
  const picker = dialog.locator('input[type="file"]');
  await picker.setInputFiles({
    name: '照片.png',
    mimeType: 'image/png',
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]),
  });
  await expect(dialog.getByRole('alert')).toHaveText('这不是 Excel（.xlsx）或 CSV 文件，请按模板填写后上传。');

  const stamp = String(Date.now()).slice(-6);
  const list = await filledList(template, stamp);
  await picker.setInputFiles({ name: '住建局需求清单.xlsx', mimeType: 'application/octet-stream', buffer: list });
  await expect(dialog.getByRole('status')).toHaveText(
    '住建局需求清单.xlsx：共 3 行：可导入 1 行，重复 1 行，有误 1 行。 已跳过示例行 1 行。',
  );
  const problems = dialog.getByRole('table', { name: '错误明细' });
  await expect(problems.getByRole('row')).toHaveCount(3);
  await expect(problems.getByRole('row').nth(1)).toContainText('4联系电话1380000');
  await expect(problems.getByRole('row').nth(2)).toContainText('4需求类别不存在的类别');
  await expect(dialog.getByText('第 5 行：与第 3 行重复')).toBeVisible();
  await expectNoAxeViolations(page);
  await keepScreenshot(page, testInfo, 'import-preview');

  // The error list downloads, in Excel's CSV.
  const errors = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '下载错误明细（CSV）' }).click();
  const errorText = await readFile((await (await errors).path())!, 'utf8');
  expect(errorText.charCodeAt(0)).toBe(0xfeff);
  const errorRows = Papa.parse<string[]>(errorText.slice(1), { skipEmptyLines: true }).data;
  expect(errorRows[0]).toEqual(['行号', '列', '内容', '问题']);
  expect(errorRows.slice(1).map((r) => r.slice(0, 3))).toEqual([
    ['4', '联系电话', '1380000'],
    ['4', '需求类别', '不存在的类别'],
  ]);

  // Nothing is written before 确认导入.
  expect(await monthDemands(page, `导入测试 ${stamp}`)).toBe(0);
  await dialog.getByRole('button', { name: '确认导入 1 行' }).click();
  await expect(page.getByText('已导入 1 条需求').first()).toBeVisible();
  await expect(dialog).toBeHidden();
  expect(await monthDemands(page, `导入测试 ${stamp}`)).toBe(1);

  // The same file again: every row a duplicate or an error, nothing to import.
  await page.getByRole('button', { name: '导入需求清单' }).click();
  await page.getByRole('dialog', { name: '导入需求清单' }).locator('input[type="file"]').setInputFiles({
    name: '住建局需求清单.xlsx',
    mimeType: 'application/octet-stream',
    buffer: list,
  });
  const again = page.getByRole('dialog', { name: '导入需求清单' });
  await expect(again.getByRole('status')).toContainText('可导入 0 行，重复 2 行');
  await expect(again.getByText(/第 3 行：本服务月已有相同需求 SC-/)).toBeVisible();
  await expect(again.getByRole('button', { name: '确认导入 0 行' })).toBeDisabled();
  expect(await monthDemands(page, `导入测试 ${stamp}`)).toBe(1);
});

test('a department liaison has no import', async ({ page }) => {
  await signIn(page, 'liaison', '/service-cases');
  await expect(page.getByRole('heading', { name: '需求工单' })).toBeVisible();
  await expect(page.getByRole('button', { name: '导入需求清单' })).toHaveCount(0);
});
