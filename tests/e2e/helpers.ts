import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { expect, type Page, type TestInfo } from '@playwright/test';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');

export const demoAccounts = {
  viewer: { username: 'viewer', name: '张伟', role: '科员' },
  officer: { username: 'officer', name: '李娜', role: '承办人' },
  manager: { username: 'manager', name: '王芳', role: '科长·处长' },
  admin: { username: 'admin', name: '陈静', role: '系统管理员' },
  liaison: { username: 'liaison', name: '刘洋', role: '承办人' },
  hrLiaison: { username: 'hrliaison', name: '赵磊', role: '承办人' },
} as const;

/** The user menu button, whose name is "用户菜单：" and the visible name and role. */
export function userMenu(page: Page, name: string) {
  return page.getByRole('button', { name: new RegExp(`^(用户菜单：|User menu:)\\s*${name}`) });
}

export async function signIn(page: Page, account: keyof typeof demoAccounts, path = '/') {
  await page.goto(path);
  await page.getByLabel('用户名').fill(demoAccounts[account].username);
  await page.getByLabel('密码').fill('demo1234');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(userMenu(page, demoAccounts[account].name)).toBeVisible();
}

/** Signs the user out, back to the sign-in form (the demo data stays as they left it). */
export async function signOut(page: Page, account: keyof typeof demoAccounts) {
  await userMenu(page, demoAccounts[account].name).click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await expect(page.getByLabel('用户名')).toBeVisible();
}

/** Runs axe in the page and fails listing any violation. */
export async function expectNoAxeViolations(page: Page) {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: object,
          ) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  expect(violations).toEqual([]);
}

/** Keeps a screenshot as a test artifact (in the report, and under artifacts/screenshots). */
export async function keepScreenshot(page: Page, testInfo: TestInfo, name: string) {
  mkdirSync('artifacts/screenshots', { recursive: true });
  const path = `artifacts/screenshots/${name}.png`;
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}
