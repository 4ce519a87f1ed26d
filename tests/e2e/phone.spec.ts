import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, keepScreenshot, signIn, userMenu } from './helpers';

const phone = { width: 390, height: 844 };

/** The page itself never scrolls sideways; wide tables scroll inside their own container. */
async function expectNoHorizontalOverflow(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `page is ${scrollWidth}px wide in a ${innerWidth}px window`).toBeLessThanOrEqual(innerWidth);
}

test.describe('at phone width (390×844)', () => {
  test.use({ viewport: phone });

  test('the navigation is a drawer: it opens, navigates, closes, and gives focus back', async ({ page }, testInfo) => {
    await signIn(page, 'manager');
    await expect(page.getByRole('navigation', { name: '主导航' })).toBeHidden();
    await expectNoHorizontalOverflow(page);
    await keepScreenshot(page, testInfo, 'phone-overview');

    const menuButton = page.getByRole('button', { name: '打开导航' });
    await menuButton.click();
    const drawer = page.getByRole('dialog', { name: '主导航' });
    await expect(drawer).toBeVisible();
    await expect(drawer.getByRole('link')).toHaveText(['概览', '引才渠道', '政策补丁', '服务月工单', '报表导出']);
    // Focus is trapped inside: Tab never leaves the drawer.
    for (let i = 0; i < 8; i += 1) {
      await page.keyboard.press('Tab');
      expect(await drawer.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    }
    await keepScreenshot(page, testInfo, 'phone-nav-drawer');
    await expectNoAxeViolations(page);

    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await expect(menuButton).toBeFocused();

    await menuButton.click();
    await drawer.getByRole('link', { name: '服务月工单' }).click();
    await expect(drawer).toBeHidden();
    await expect(page).toHaveURL(/\/service-cases$/);
    await expect(page.getByRole('heading', { name: '服务月工单' })).toBeVisible();
    await expect(page).toHaveTitle('服务月工单 · 人才办工作台');
    await expect(menuButton).toBeFocused();
  });

  test('header items fold into the user menu, which changes language and theme', async ({ page }, testInfo) => {
    await signIn(page, 'officer');
    await expect(page.getByRole('combobox', { name: '语言' })).toBeHidden();
    await expect(page.getByRole('button', { name: /^主题/ })).toBeHidden();
    await userMenu(page, '李娜').click();
    const menu = page.getByRole('menu');
    await expect(menu).toContainText('演示数据');
    await expect(menu).toContainText('所属部门');
    await keepScreenshot(page, testInfo, 'phone-user-menu');
    await menu.getByRole('menuitemradio', { name: '深色' }).click();
    await expect(page.locator('html')).toHaveClass(/dark/);
    await userMenu(page, '李娜').click();
    await page.getByRole('menuitemradio', { name: 'English' }).click();
    await expect(page.getByRole('heading', { name: 'Overview', exact: true })).toBeVisible();
    await expect(page).toHaveTitle('Overview · Talent Office Dashboard');
    await expectNoHorizontalOverflow(page);
    await keepScreenshot(page, testInfo, 'phone-overview-en-dark');
    await expectNoAxeViolations(page);
  });

  test('the intake page fits the width; its table scrolls inside its own container', async ({ page }, testInfo) => {
    await signIn(page, 'manager', '/intake');
    await expect(page.getByRole('heading', { name: '引才渠道', level: 1 })).toBeVisible();
    await expect(page.getByRole('table').first()).toBeVisible();
    await expectNoHorizontalOverflow(page);
    // Scrolled sideways, the key column (the record's number) stays in view.
    const table = page.getByRole('region', { name: '招引记录', exact: true });
    const idHeader = table.getByRole('columnheader', { name: /^编号/ });
    const before = (await idHeader.boundingBox())!;
    await table
      .locator('div.overflow-auto')
      .first()
      .evaluate((el) => el.scrollBy({ left: 400 }));
    await expect.poll(async () => (await idHeader.boundingBox())!.x).toBeCloseTo(before.x, 0);
    await keepScreenshot(page, testInfo, 'phone-intake');
    await expectNoAxeViolations(page);
  });

  test('the login page fits and has no accessibility violations', async ({ page }, testInfo) => {
    await page.goto('/login');
    await expect(page.getByRole('heading', { name: '演示账号' })).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await keepScreenshot(page, testInfo, 'phone-login');
    await expectNoAxeViolations(page);
  });
});

test('tablet and laptop widths: icon sidebar at 768, full sidebar at 1024, no sideways scrolling', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  await signIn(page, 'admin');
  const nav = page.getByRole('navigation', { name: '主导航' });
  // Icons only, each still named for screen readers and with a tooltip.
  await expect(nav.getByRole('link', { name: '引才渠道' })).toHaveAttribute('title', '引才渠道');
  expect((await nav.boundingBox())!.width).toBeLessThan(80);
  await expectNoHorizontalOverflow(page);
  await keepScreenshot(page, testInfo, 'tablet-overview');

  await page.setViewportSize({ width: 1024, height: 768 });
  await expect(nav.getByRole('link', { name: '引才渠道' })).not.toHaveAttribute('title');
  await nav.getByRole('button', { name: '收起导航' }).click();
  await expect(nav.getByRole('link', { name: '引才渠道' })).toHaveAttribute('title', '引才渠道');
  await page.reload();
  await expect(nav.getByRole('button', { name: '展开导航' })).toHaveAttribute('aria-expanded', 'false');
  await nav.getByRole('button', { name: '展开导航' }).click();
  await page.goto('/intake');
  await expect(page.getByRole('table').first()).toBeVisible();
  await expectNoHorizontalOverflow(page);
});

test('at 1024×768 a tall menu stays on screen and scrolls inside', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await signIn(page, 'manager', '/intake');
  await expect(page.getByRole('table').first()).toBeVisible();
  await page.getByRole('button', { name: '显示设置' }).click();
  const panel = page.locator('[data-radix-popper-content-wrapper] > *');
  await expect(panel).toBeVisible();
  const box = (await panel.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(768);
  expect(box.x + box.width).toBeLessThanOrEqual(1024);
  const { overflowY, scrollHeight, clientHeight } = await panel.evaluate((el) => ({
    overflowY: getComputedStyle(el).overflowY,
    scrollHeight: el.scrollHeight,
    clientHeight: el.clientHeight,
  }));
  expect(overflowY).toBe('auto');
  // Whatever does not fit is reachable by scrolling the panel itself.
  if (scrollHeight > clientHeight) {
    const lastItemShows = await panel.evaluate((el) => {
      el.scrollTo(0, el.scrollHeight);
      const last = el.lastElementChild!.getBoundingClientRect();
      return last.bottom <= el.getBoundingClientRect().bottom + 1 && last.bottom <= window.innerHeight;
    });
    expect(lastItemShows).toBe(true);
  }
  await keepScreenshot(page, testInfo, 'menu-1024x768');
});

test('focus returns to what opened a dialog', async ({ page }) => {
  await signIn(page, 'manager');
  // A confirmation opened from a menu item: focus goes back to the menu's button.
  const menuButton = userMenu(page, '王芳');
  await menuButton.click();
  await page.getByRole('menuitem', { name: '重置演示数据' }).click();
  const confirm = page.getByRole('alertdialog', { name: '重置演示数据' });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('button', { name: '取消' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(menuButton).toBeFocused();

  // A form opened from a button on the intake page.
  await page.goto('/intake');
  const create = page.getByRole('button', { name: '新建记录' });
  await create.click();
  const form = page.getByRole('dialog');
  await expect(form).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();
  await expect(create).toBeFocused();
});

test('every page has its own title, in the active language', async ({ page }) => {
  await page.goto('/login');
  await expect(page).toHaveTitle('登录 · 人才办工作台');
  await signIn(page, 'admin');
  await expect(page).toHaveTitle('概览 · 人才办工作台');
  const nav = page.getByRole('navigation', { name: '主导航' });
  for (const [name, title] of [
    ['引才渠道', '引才渠道 · 人才办工作台'],
    ['政策补丁', '政策补丁 · 人才办工作台'],
    ['系统管理', '系统管理 · 人才办工作台'],
  ] as const) {
    await nav.getByRole('link', { name }).click();
    await expect(page).toHaveTitle(title);
  }
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await expect(page).toHaveTitle('Administration · Talent Office Dashboard');
  await page.goto('/nowhere');
  await expect(page).toHaveTitle('Page not found · Talent Office Dashboard');
});

test('the login page switches language, and the choice carries into the app', async ({ page }, testInfo) => {
  await page.goto('/login');
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await expect(page.getByRole('heading', { name: 'Sign in to the Talent Office Dashboard' })).toBeVisible();
  await expect(page).toHaveTitle('Sign in · Talent Office Dashboard');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await keepScreenshot(page, testInfo, 'login-en');
  await expectNoAxeViolations(page);
  await page.getByLabel('User name').fill('viewer');
  await page.getByLabel('Password').fill('demo1234');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Overview', exact: true })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link')).toHaveText([
    'Overview',
    'Intake channels',
    'Policy patches',
    'Service cases',
  ]);
  await keepScreenshot(page, testInfo, 'shell-en-1366');
});
