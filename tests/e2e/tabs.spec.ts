import { expect, test, type Page } from '@playwright/test';
import { keepScreenshot, signIn } from './helpers';

const records = (page: Page) => page.getByRole('region', { name: '招引记录', exact: true });

async function editFirstRecord(page: Page) {
  const row = records(page).getByRole('row').nth(1);
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: /的操作$/ }).click();
  await page.getByRole('menuitem', { name: '编辑' }).click();
  const dialog = page.getByRole('dialog', { name: /^编辑招引记录/ });
  // The editor is open once it shows the record (the version its save will name), not before.
  await expect(dialog.getByLabel('备注')).toBeVisible();
  return dialog;
}

test('two tabs share one demo store: a save in one makes the other’s stale save a conflict', async ({
  page,
  context,
}, testInfo) => {
  // Signed in where the test works: a later full navigation in the only tab would let MSW's
  // worker unregister itself for a moment (its CLIENT_CLOSED), and a request could slip past it.
  await signIn(page, 'officer', '/intake?sort=id');
  const other = await context.newPage();
  await other.goto('/intake?sort=id');

  const first = await editFirstRecord(page);
  const second = await editFirstRecord(other);
  await first.getByLabel('备注').fill('第一个标签页的备注');
  await first.getByRole('button', { name: '保存' }).click();
  await expect(first).toBeHidden();

  await second.getByLabel('备注').fill('第二个标签页的备注');
  await second.getByRole('button', { name: '保存' }).click();
  await expect(other.getByText('该记录已被他人修改').first()).toBeVisible();
  // Both texts are offered side by side: the second tab's is kept for the user to decide on.
  await expect(second.getByRole('radio', { name: /^您的版本.*第二个标签页的备注$/ })).toBeVisible();
  await expect(second.getByRole('radio', { name: /^对方的版本.*第一个标签页的备注$/ })).toBeVisible();
  await keepScreenshot(other, testInfo, 'tabs-conflict');

  // Opened afresh, the second tab shows the record as the first tab saved it.
  await other.goto('/intake?sort=id');
  const reopened = await editFirstRecord(other);
  await expect(reopened.getByRole('textbox', { name: '备注' })).toHaveValue('第一个标签页的备注');
});
