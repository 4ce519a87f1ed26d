import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, keepScreenshot, signIn } from './helpers';

const records = (page: Page) => page.getByRole('region', { name: '招引记录', exact: true });

async function headerBox(page: Page, name: string | RegExp) {
  const box = await records(page).getByRole('columnheader', { name }).boundingBox();
  expect(box).not.toBeNull();
  return box!;
}

test('pinned columns sit side by side at their real widths and never cover the next column', async ({
  page,
}, testInfo) => {
  await signIn(page, 'officer');
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/intake');
  await expect(records(page).getByRole('row').nth(1)).toBeVisible();
  await records(page).getByRole('button', { name: '显示设置' }).click();
  await page.getByRole('button', { name: '将“姓名 / 项目”固定在左侧' }).click();
  await page.getByRole('button', { name: '将“招引渠道”固定在左侧' }).click();
  // The settings stay on screen at 1024×768.
  const settings = page.locator('[data-radix-popper-content-wrapper]').last();
  const box = (await settings.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(768);
  await keepScreenshot(page, testInfo, 'intake-column-settings');
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');

  const id = await headerBox(page, /^编号/);
  const name = await headerBox(page, /^姓名 \/ 项目/);
  const channel = await headerBox(page, /^招引渠道/);
  const tier = await headerBox(page, /^人才层次/);
  expect(Math.abs(name.x - (id.x + id.width))).toBeLessThan(1.5);
  expect(Math.abs(channel.x - (name.x + name.width))).toBeLessThan(1.5);
  expect(tier.x).toBeGreaterThanOrEqual(channel.x + channel.width - 1.5);

  // Scrolled sideways, the pinned columns stay and the next one slides under them, not over.
  const scroller = records(page).locator('div.overflow-auto').first();
  await scroller.evaluate((el) => el.scrollBy({ left: 300 }));
  const pinnedAfter = await headerBox(page, /^招引渠道/);
  expect(Math.abs(pinnedAfter.x - channel.x)).toBeLessThan(1.5);
  await keepScreenshot(page, testInfo, 'intake-pinned-scrolled');
});

test('pinning more columns than fit never hides the others: the surplus scrolls with them', async ({ page }) => {
  await signIn(page, 'officer');
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/intake');
  await expect(records(page).getByRole('row').nth(1)).toBeVisible();
  await records(page).getByRole('button', { name: '显示设置' }).click();
  for (const name of ['姓名 / 项目', '招引渠道', '人才层次', '区镇']) {
    await page.getByRole('button', { name: `将“${name}”固定在左侧` }).click();
  }
  await page.keyboard.press('Escape');
  const scroller = records(page).locator('div.overflow-auto').first();
  await scroller.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  // Every column can be brought into view, and none ends up under the pinned actions column.
  const actions = await headerBox(page, '操作');
  const officer = await headerBox(page, /^承办人/);
  expect(officer.x + officer.width).toBeLessThanOrEqual(actions.x + 1.5);
  const box = (await scroller.boundingBox())!;
  expect(officer.x).toBeGreaterThanOrEqual(box.x);
  // Nothing pinned lies on top of it: the header found at its centre is its own.
  const onTop = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('th')?.textContent ?? '', {
    x: officer.x + officer.width / 2,
    y: officer.y + officer.height / 2,
  });
  expect(onTop).toContain('承办人');
});

test('two facet values ticked faster than a render both stay', async ({ page }) => {
  await signIn(page, 'viewer');
  await page.goto('/intake');
  await expect(records(page).getByRole('row').nth(1)).toBeVisible();
  await records(page)
    .getByRole('button', { name: /^筛选：\s*招引渠道/ })
    .click();
  await expect(page.getByRole('checkbox', { name: '活动聚才' })).toBeAttached();
  // Both clicks in one task: the address has not caught up with the first when the second lands.
  await page.evaluate(() => {
    const byLabel = (text: string) =>
      [...document.querySelectorAll<HTMLLabelElement>('label')].find((l) => l.textContent?.trim() === text)!;
    byLabel('活动聚才').click();
    byLabel('高校吸才').click();
  });
  await expect
    .poll(() => new URL(page.url()).searchParams.getAll('channel').sort())
    .toEqual(['ch.event', 'ch.university']);
});

test('a column is resized with the keyboard and the width is remembered', async ({ page }) => {
  await signIn(page, 'viewer');
  await page.goto('/intake');
  await expect(records(page).getByRole('row').nth(1)).toBeVisible();
  const before = (await headerBox(page, /^区镇/)).width;
  const grip = records(page).getByRole('separator', { name: '调整“区镇”列宽（左右方向键）' });
  await grip.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await headerBox(page, /^区镇/)).width).toBeGreaterThan(before + 40);
  await page.reload();
  await expect(records(page).getByRole('row').nth(1)).toBeVisible();
  expect((await headerBox(page, /^区镇/)).width).toBeGreaterThan(before + 40);
});

test('unsaved edits survive leaving by mistake: the browser back button asks first', async ({ page }, testInfo) => {
  await signIn(page, 'officer');
  await page.goto('/intake');
  const row = records(page).getByRole('row').nth(1);
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: /的操作$/ }).click();
  await page.getByRole('menuitem', { name: '编辑' }).click();
  const form = page.getByRole('dialog', { name: /^编辑招引记录/ });
  await expect(form.getByLabel(/姓名/)).toBeFocused();
  await form.getByLabel('备注').fill('一段还没保存的备注');
  await page.goBack();
  const ask = page.getByRole('alertdialog', { name: '放弃未保存的修改？' });
  await expect(ask).toBeVisible();
  await keepScreenshot(page, testInfo, 'intake-discard-prompt');
  await ask.getByRole('button', { name: '取消' }).click();
  await expect(form.getByLabel('备注')).toHaveValue('一段还没保存的备注');
  await expect(page).toHaveURL(/edit=1/);
});
