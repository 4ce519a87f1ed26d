import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, keepScreenshot, signIn } from './helpers';

const queue = (page: Page) => page.getByRole('region', { name: '需求工单', exact: true });

test('an officer opens a new case from 待分派 with the keyboard, dispatches it, and it leaves the view', async ({
  page,
}, testInfo) => {
  await signIn(page, 'officer');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '服务月工单' }).click();
  const list = queue(page);
  await expect(list.getByRole('row').nth(1)).toBeVisible();
  await expect(page.getByRole('button', { name: /^待分派\s*\d/ })).toHaveAttribute('aria-pressed', 'true');
  const before = Number((await page.getByRole('button', { name: /^待分派\s*\d/ }).innerText()).match(/\d+/)![0]);
  await expectNoAxeViolations(page);

  // The rows are one Tab stop: focus the first, Enter opens it beside the list.
  const first = list.getByRole('row').nth(1);
  const id = (await first.getByRole('cell').first().innerText()).trim();
  await first.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`case=${id}`));
  const workspace = page.getByRole('region', { name: new RegExp(id) });
  await expect(workspace.getByRole('heading', { level: 2 })).toBeFocused();
  await workspace.getByRole('button', { name: '分派' }).click();
  const dialog = page.getByRole('dialog', { name: '分派' });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page);
  await keepScreenshot(page, testInfo, 'casework-dispatch');
  await dialog.getByLabel(/承办部门/).selectOption({ label: '住建局' });
  await dialog.getByLabel(/承办人/).selectOption({ label: '刘洋' });
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog).toBeHidden();
  await expect(workspace.getByText('办理中', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: /^待分派\s*\d/ })).toContainText(String(before - 1));
  await expect(list.getByRole('cell', { name: id, exact: true })).toBeHidden();
});

test('a department liaison sees only its own department’s cases', async ({ page }) => {
  await signIn(page, 'liaison', '/service-cases?view=all');
  const list = queue(page);
  await expect(list.getByText(/^共 [\d,]+ 条$/)).toBeVisible();
  await expect(list.locator('[aria-busy="true"]')).toHaveCount(0);
  const headers = await list.getByRole('columnheader').allInnerTexts();
  const column = headers.findIndex((h) => h.includes('承办部门'));
  const departments = await list
    .getByRole('row')
    .evaluateAll((rows, at) => rows.slice(1).map((row) => row.querySelectorAll('td')[at]?.textContent ?? ''), column);
  expect(departments.length).toBeGreaterThan(0);
  expect(new Set(departments)).toEqual(new Set(['住建局']));
  await expect(page.getByRole('button', { name: /^待分派\s*\d/ })).toContainText('0');
});
