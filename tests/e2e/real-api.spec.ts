import { expect, test } from '@playwright/test';
import { keepScreenshot, signIn } from './helpers';

/** The app built with VITE_API_URL talks HTTP to a separate server: no service worker involved. */
test('against a real HTTP API the app signs in and shows live figures', async ({ page }, testInfo) => {
  const apiCalls: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith('http://127.0.0.1:8787/api/v1/')) apiCalls.push(request.url());
  });
  await page.goto('/');
  // No demo accounts: the real API has none to offer.
  await expect(page.getByRole('heading', { name: '登录人才办工作台' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '演示账号' })).toHaveCount(0);
  await signIn(page, 'manager');
  await expect(page.getByText('在办工单').locator('..')).toContainText(/\d+件/);
  expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
  expect(apiCalls.some((url) => url.includes('/auth/login'))).toBe(true);
  expect(apiCalls.some((url) => url.includes('/stats/service-cases/overview'))).toBe(true);
  await keepScreenshot(page, testInfo, 'real-api-overview');
});

test('an officer’s edit is stored by the server: it is there after a reload', async ({ page }) => {
  await signIn(page, 'officer');
  await page.goto('/intake?sort=id');
  const records = page.getByRole('region', { name: '招引记录', exact: true });
  const row = records.getByRole('row').nth(1);
  await row.getByRole('button', { name: /的操作$/ }).click();
  await page.getByRole('menuitem', { name: '编辑' }).click();
  const form = page.getByRole('dialog', { name: /^编辑招引记录/ });
  const note = `服务器保存的备注 ${Date.now()}`;
  await form.getByLabel('备注').fill(note);
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();
  await page.reload();
  await page.goto('/intake?sort=id');
  await records
    .getByRole('row')
    .nth(1)
    .getByRole('button', { name: /的操作$/ })
    .click();
  await page.getByRole('menuitem', { name: '编辑' }).click();
  await expect(page.getByRole('dialog', { name: /^编辑招引记录/ }).getByRole('textbox', { name: '备注' })).toHaveValue(
    note,
  );
});
