import { expect, test } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { expectNoAxeViolations, keepScreenshot, signIn, signOut } from './helpers';

/** The quarter the demo's latest service month runs in (it ended yesterday): a report with every section. */
function quarterWithServiceMonth(): string {
  const day = new Date(Date.now() - 2 * 86_400_000 + 8 * 3_600_000).toISOString();
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/**
 * A CJK font may give a character the code point of the radical drawn with the same glyph (⼈ for
 * 人, ⻚ for 页): those are read back as the characters, as a PDF reader's search does.
 */
const radicals: Record<string, string> = { '⻚': '页', '⻓': '长', '⻔': '门', '⻅': '见', '⻋': '车', '⻛': '风' };
const unradical = (ch: string) => radicals[ch] ?? (ch >= '\u2F00' && ch <= '\u2FDF' ? ch.normalize('NFKC') : ch);

/** Each page's text, as a reader of the PDF gets it. */
async function pdfPages(pdf: Buffer): Promise<string[]> {
  const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
  const pages = [];
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str : ''))
        .join('')
        .replace(/[\u2E80-\u2FDF]/g, unradical),
    );
  }
  return pages;
}

test('a manager prints the quarterly report: A4 pages, a section to a page, numbered, the Chinese text in the PDF', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const period = quarterWithServiceMonth();
  await signIn(page, 'manager', `/reports?period=${period}`);
  const report = page.getByRole('article');
  await expect(report.getByRole('heading', { level: 2 })).toHaveText(/^昆山市人才工作季报（\d{4}年第[1-4]季度）$/);
  await expect(report.getByRole('note')).toHaveText(/^演示数据/);
  // Every figure and chart has arrived: sentences drawn from them, charts drawn.
  for (const section of ['一、人才招引', '二、专项服务月需求办理', '三、政策补丁']) {
    await expect(report.getByRole('region', { name: section })).toBeVisible();
  }
  await expect(report.getByText(/^本期新增人才线索 [\d,]+ 条/)).toBeVisible();
  await expect(report.getByText(/共受理需求 [\d,]+ 件（并单后）/)).toBeVisible();
  await expect(report.getByText(/^本期出台政策补丁 [\d,]+ 项/)).toBeVisible();
  await expect(report.locator('svg.recharts-surface')).toHaveCount(4);
  await expectNoAxeViolations(page);
  await keepScreenshot(page, testInfo, 'report-quarterly');

  await page.evaluate(() => (window.print = () => undefined));
  await page.getByRole('button', { name: '打印 / 另存为 PDF' }).click();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('combobox', { name: '报告期' })).toBeHidden();
  const pdf = await page.pdf({ path: testInfo.outputPath('report.pdf'), format: 'A4', preferCSSPageSize: true });
  const pages = await pdfPages(pdf);
  // Three sections, each from a new page; none runs to more than two.
  expect(pages.length).toBeGreaterThanOrEqual(3);
  expect(pages.length).toBeLessThanOrEqual(6);
  expect(pages[0]).toContain('昆山市人才工作季报');
  expect(pages[0]).toContain('一、人才招引');
  expect(pages[0]).toContain('演示数据');
  const sectionPages = ['一、人才招引', '二、专项服务月需求办理', '三、政策补丁'].map((s) =>
    pages.findIndex((text) => text.includes(s)),
  );
  expect(sectionPages[0]).toBe(0);
  expect(sectionPages[1]).toBeGreaterThan(sectionPages[0]!);
  expect(sectionPages[2]).toBeGreaterThan(sectionPages[1]!);
  // The running head and the page numbers on every page.
  pages.forEach((text, i) => {
    expect(text).toContain(`第 ${i + 1} 页 / 共 ${pages.length} 页`);
    expect(text).toContain('人才办');
  });
  // Nothing of the screen's controls on paper.
  expect(pages.join('')).not.toContain('以表格查看');
});

test('the report is for those who export: a viewer is told so, and the menu does not offer it', async ({ page }) => {
  await signIn(page, 'viewer', '/reports');
  await expect(page.getByRole('heading', { name: '没有访问权限' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '月报 / 季报' })).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '报表导出' })).toHaveCount(0);
  await signOut(page, 'viewer');
});
