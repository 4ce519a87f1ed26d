import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, keepScreenshot, signIn } from './helpers';

test('an administrator enters next year’s holidays on the calendar by keyboard and mouse, and sets a time limit', async ({
  page,
}, testInfo) => {
  await signIn(page, 'admin', '/admin');
  const holidays = page.getByRole('region', { name: '节假日安排' });
  const next = new Date().getFullYear() + 1;
  await expect(holidays.getByRole('combobox', { name: '年度' })).toHaveValue(String(next));
  await expect(holidays.getByRole('status')).toContainText(`${next}`);
  await expectNoAxeViolations(page);

  // 1 January is a day off; the keyboard reaches 2 January and marks it too.
  const calendar = holidays.getByRole('group', { name: new RegExp(`${next} 年日历`) });
  const firstDay = calendar.getByRole('button', { name: new RegExp(`^1 ${next}/0?1/0?1 `) });
  await firstDay.click();
  await expect(firstDay).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  const secondDay = calendar.getByRole('button', { name: new RegExp(`^2 ${next}/0?1/0?2 `) });
  await expect(secondDay).toBeFocused();
  const weekend = [0, 6].includes(new Date(Date.UTC(next, 0, 2)).getUTCDay());
  await expect(secondDay).toHaveAttribute('aria-pressed', 'true');
  await expect(holidays).toContainText(weekend ? '放假（工作日）1 天，调休上班（周末）1 天' : '放假（工作日）2 天');
  await holidays.getByRole('button', { name: `保存 ${next} 年安排` }).click();
  await expect(page.getByText(`${next} 年节假日安排已保存`).first()).toBeVisible();
  await expect(holidays.getByRole('status')).toBeHidden();
  await keepScreenshot(page, testInfo, 'admin-holidays');

  // Kept after a reload, with who entered it.
  await page.reload();
  await expect(holidays.getByText(/陈静 于 .* 更新/)).toBeVisible();
  await expect(holidays.getByRole('button', { name: new RegExp(`^1 ${next}/0?1/0?1 `) })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  const limits = page.getByRole('region', { name: '办理时限' });
  const housing = limits.getByRole('spinbutton', { name: '人才安居' });
  await housing.fill('0');
  await expect(limits.getByText('请输入 1–60 之间的整数')).toBeVisible();
  await housing.fill('12');
  await limits
    .getByRole('row', { name: /人才安居/ })
    .getByRole('button', { name: '保存' })
    .click();
  await expect(page.getByText('人才安居的办理时限已改为 12 个工作日').first()).toBeVisible();
  await expectNoAxeViolations(page);
});
