import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, keepScreenshot, signIn } from './helpers';

// Each chart card and the records table are regions named by their headings.
const chart = (page: Page, title: string) => page.getByRole('region', { name: title, exact: true });
const records = (page: Page) => page.getByRole('region', { name: '招引记录', exact: true });

test('clicking a chart bar filters the records; the bookmarked URL reopens the same view', async ({
  page,
  context,
}, testInfo) => {
  await signIn(page, 'manager');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '引才渠道' }).click();
  // The records come first; the charts have a tab of their own.
  await expect(records(page).getByRole('row').nth(1)).toBeVisible();
  const unfiltered = (
    await records(page)
      .getByText(/^共 [\d,]+ 条$/)
      .innerText()
  ).match(/[\d,]+/)![0];
  await page.getByRole('tab', { name: '招引分析' }).click();
  const towns = chart(page, '按区镇');
  await expect(towns.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await towns.locator('.recharts-bar-rectangle').first().click();

  await expect(page).toHaveURL(/[?&]town=town\./);
  const matching = page.getByText(/^符合当前筛选条件的记录：[\d,]+ 条$/);
  await expect(matching).toBeVisible();
  // The figures follow the new filter once its answer is in: until then they are the whole year's.
  await expect(matching).not.toHaveText(`符合当前筛选条件的记录：${unfiltered} 条`);
  const count = (await matching.innerText()).match(/[\d,]+/)![0];
  await page.getByRole('button', { name: '查看这些记录' }).click();
  await expect(page.getByRole('tab', { name: /招引记录/ })).toBeFocused();
  const chip = records(page).getByRole('list', { name: '当前筛选条件' }).getByRole('listitem').first();
  await expect(chip).toContainText('区镇：');
  const chipText = (await chip.textContent())!.trim();
  const total = records(page).getByText(/^共 [\d,]+ 条$/);
  await expect(total).toHaveText(`共 ${count} 条`);
  const totalText = await total.innerText();
  const firstRow = (await records(page).getByRole('row').nth(1).textContent())!.trim();
  await keepScreenshot(page, testInfo, 'intake-filtered-by-chart');

  const bookmark = page.url();
  const reopened = await context.newPage();
  await reopened.goto(bookmark);
  await expect(records(reopened).getByRole('list', { name: '当前筛选条件' }).getByRole('listitem').first()).toHaveText(
    chipText,
  );
  await expect(records(reopened).getByText(totalText, { exact: true })).toBeVisible();
  await expect(records(reopened).getByRole('row').nth(1)).toHaveText(firstRow);
  await reopened.close();
});

test('answers "which channel landed the most 战略科技人才 in 花桥 last year, against the year before" by clicking', async ({
  page,
}, testInfo) => {
  await signIn(page, 'viewer');
  await page.goto('/intake?tab=analysis');
  const started = Date.now();
  await page.getByRole('button', { name: '去年', exact: true }).click();
  const tiers = chart(page, '按人才层次');
  await tiers.getByRole('button', { name: '以表格查看' }).click();
  await tiers.getByRole('button', { name: '筛选：战略科技人才' }).click();
  const towns = chart(page, '按区镇');
  await towns.getByRole('button', { name: '以表格查看' }).click();
  await towns.getByRole('button', { name: '筛选：花桥经济开发区' }).click();
  const channels = chart(page, '各渠道引进与落户');
  await channels.getByRole('button', { name: '以表格查看' }).click();
  const table = channels.getByRole('table');
  await expect(table.getByRole('columnheader', { name: '上年同期落户' })).toBeVisible();
  await expect(page).toHaveURL(/tier=tier\.strategic/);
  await expect(page).toHaveURL(/town=town\.huaqiao/);
  expect(Date.now() - started).toBeLessThan(60_000);
  await expect(table.getByRole('row')).not.toHaveCount(1);
  await keepScreenshot(page, testInfo, 'intake-question-answered');
});

test('the record drawer shows the timeline and history; the intake page has no accessibility violations', async ({
  page,
}, testInfo) => {
  await signIn(page, 'officer');
  await page.goto('/intake?stage=landed&tab=analysis');
  await expect(chart(page, '各渠道引进与落户').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('tab', { name: /招引记录/ }).click();
  await expect(records(page).getByRole('row').nth(1)).toBeVisible();
  await expectNoAxeViolations(page);
  const first = records(page).getByRole('row').nth(1);
  // Reached by keyboard, a row shows a focus ring; the arrow keys move between rows.
  await first.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(first).toBeFocused();
  expect(await first.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
  await page.keyboard.press('ArrowDown');
  const row = records(page).getByRole('row').nth(2);
  await expect(row).toBeFocused();
  await page.keyboard.press('Enter');
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByRole('heading', { name: '阶段进度' })).toBeVisible();
  await expect(drawer.getByText('未到达')).toHaveCount(0);
  await keepScreenshot(page, testInfo, 'intake-record-drawer');
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(drawer).toHaveCount(0);
  await expect(page).not.toHaveURL(/record=/);
  // Focus is back on the row that opened the drawer.
  await expect(row).toBeFocused();
});

test('the overview charts render and the page has no accessibility violations', async ({ page }, testInfo) => {
  await signIn(page, 'manager');
  await expect(page.getByRole('heading', { name: '招引漏斗' })).toBeVisible();
  await expect(page.locator('.recharts-line').first()).toBeVisible();
  await page.getByRole('button', { name: '本季度', exact: true }).click();
  await expect(page).toHaveURL(/from=\d{4}-\d{2}-01&to=/);
  await keepScreenshot(page, testInfo, 'overview-charts');
  await expectNoAxeViolations(page);
});
