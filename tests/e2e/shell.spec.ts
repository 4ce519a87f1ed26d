import { expect, test } from '@playwright/test';
import { demoAccounts, expectNoAxeViolations, keepScreenshot, signIn, userMenu } from './helpers';

const navFor = {
  viewer: ['概览', '引才渠道', '政策补丁', '服务月工单'],
  officer: ['概览', '引才渠道', '政策补丁', '服务月工单'],
  liaison: ['概览', '引才渠道', '政策补丁', '服务月工单'],
  manager: ['概览', '引才渠道', '政策补丁', '服务月工单', '报表导出'],
  admin: ['概览', '引才渠道', '政策补丁', '服务月工单', '报表导出', '系统管理'],
} as const;

test.describe('signing in as each role', () => {
  for (const account of Object.keys(navFor) as (keyof typeof navFor)[]) {
    test(`${account} sees a Chinese shell with the right navigation and demo data`, async ({ page }, testInfo) => {
      await signIn(page, account);
      const nav = page.getByRole('navigation', { name: '主导航' });
      await expect(nav.getByRole('link')).toHaveText([...navFor[account]]);
      await expect(userMenu(page, demoAccounts[account].name)).toContainText(demoAccounts[account].role);
      await expect(page.getByText('演示数据', { exact: true })).toBeVisible();
      // A figure from the mock API, not a placeholder.
      await expect(page.getByText('在办工单').locator('..')).toContainText(/\d+件/);
      if (account === 'manager') await keepScreenshot(page, testInfo, 'overview-manager');
    });
  }
});

test('the login page lists the demo accounts and has no accessibility violations', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('heading', { name: '演示账号' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^填入演示账号：/ })).toHaveCount(6);
  await keepScreenshot(page, testInfo, 'login');
  await expectNoAxeViolations(page);
});

test('the overview has no accessibility violations, light or dark', async ({ page }, testInfo) => {
  await signIn(page, 'officer');
  await expect(page.getByText('已落户', { exact: true }).locator('..')).toContainText(/\d/);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: /^主题/ }).click();
  await page.getByRole('menuitemradio', { name: '深色' }).click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await keepScreenshot(page, testInfo, 'overview-dark');
  await expectNoAxeViolations(page);
});

test('a reload keeps the session, the page and the language', async ({ page }) => {
  await signIn(page, 'manager');
  await page.getByRole('link', { name: '服务月工单' }).click();
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await expect(page.getByRole('link', { name: 'Service cases' })).toBeVisible();
  await page.reload();
  await expect(page).toHaveURL(/\/service-cases$/);
  await expect(page.getByRole('heading', { name: 'Service cases' })).toBeVisible();
  await expect(userMenu(page, '王芳')).toBeVisible();
});

test('signing in after an expired session returns to the page the user was on', async ({ page }) => {
  await signIn(page, 'officer');
  await page.goto('/policy-patches');
  await page.evaluate(() => {
    const session = JSON.parse(localStorage.getItem('tod.session')!);
    session.token = 'mock.revoked-token-000';
    localStorage.setItem('tod.session', JSON.stringify(session));
  });
  await page.goto('/');
  await expect(page.getByText(/登录已过期/)).toBeVisible();
  await page.getByLabel('用户名').fill('officer');
  await page.getByLabel('密码').fill('demo1234');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('heading', { name: '工作概览' })).toBeVisible();
});

test('a forced server error explains itself and offers a retry', async ({ page }, testInfo) => {
  await signIn(page, 'manager');
  await page.goto('/?mockFault=intakeOverview:500');
  await expect(page.getByRole('status').filter({ hasText: '已开启故障注入' })).toBeVisible();
  const alert = page.getByRole('alert').filter({ hasText: '服务器出错（500）' });
  await expect(alert).toBeVisible();
  await expect(alert.getByRole('button', { name: '重试' })).toBeEnabled();
  // The rest of the page still works.
  await expect(page.getByText('在办工单').locator('..')).toContainText(/\d+件/);
  await keepScreenshot(page, testInfo, 'overview-server-error');
  const request = page.waitForRequest(/stats\/intake\/overview/);
  await alert.getByRole('button', { name: '重试' }).click();
  await request;
  await expect(alert).toBeVisible();
});

test('a malformed response is refused with a clear message, not a blank page', async ({ page }, testInfo) => {
  await signIn(page, 'manager');
  await page.goto('/?mockFault=caseOverview:malformed,patchOverview:contract');
  // Listed with the catalogue's separator: 、 in Chinese.
  await expect(page.getByRole('status').filter({ hasText: '已开启故障注入' })).toHaveText(
    /：caseOverview:malformed、patchOverview:contract$/,
  );
  await expect(page.getByRole('alert').filter({ hasText: '服务器返回的数据无法解析' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: '与约定不符' })).toBeVisible();
  await expect(page.getByText('已落户', { exact: true }).locator('..')).toContainText(/\d/);
  await keepScreenshot(page, testInfo, 'overview-malformed');
  // Clearing the flag restores normal answers.
  await page.goto('/?mockFault=');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('role guards: a viewer opening 报表导出 directly gets a 403 page; unknown paths a 404', async ({ page }) => {
  await signIn(page, 'viewer');
  await page.goto('/reports');
  await expect(page.getByRole('heading', { name: '没有访问权限' })).toBeVisible();
  await page.goto('/nowhere');
  await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
});
