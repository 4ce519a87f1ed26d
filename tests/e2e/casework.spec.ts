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
  const id = (await first.getByRole('cell').nth(1).innerText()).trim();
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

test('an officer takes a new case to closed, and a 不满意 follow-up reopens it', async ({ page }) => {
  await signIn(page, 'officer', '/service-cases');
  const list = queue(page);
  const first = list.getByRole('row').nth(1);
  await expect(first).toBeVisible();
  const id = (await first.getByRole('cell').nth(1).innerText()).trim();
  await first.click();
  const workspace = page.getByRole('region', { name: new RegExp(id) });
  const act = async (action: string, fill?: () => Promise<unknown>) => {
    await workspace.getByRole('button', { name: action, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: action });
    await expect(dialog).toBeVisible();
    await expectNoAxeViolations(page);
    await fill?.();
    await dialog.getByRole('button', { name: '确定' }).click();
    await expect(dialog).toBeHidden();
  };
  await act('分派', () =>
    page
      .getByRole('dialog')
      .getByLabel(/承办部门/)
      .selectOption({ label: '人才办' }),
  );
  await expect(workspace.getByText('办理中', { exact: true })).toBeVisible();
  await workspace.getByLabel(/^对策/).fill('已协调人才公寓，下周可入住');
  await workspace.getByRole('button', { name: '提交答复' }).click();
  await expect(workspace.getByText('已答复', { exact: true })).toBeVisible();
  await act('办结');
  await expect(workspace.getByText('已办结', { exact: true })).toBeVisible();
  await act('回访', async () => {
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: '不满意' }).check();
    await dialog.getByLabel('备注').fill('入住时间仍未确定');
  });
  await expect(workspace.getByText('重新办理', { exact: true })).toBeVisible();
  await expect(workspace.getByText(/回访：不满意/)).toBeVisible();
});

test('a manager supervises a case and finds it through the bell', async ({ page }) => {
  await signIn(page, 'manager', '/service-cases?view=all&status=assigned');
  const bell = page.getByRole('button', { name: /^工单提醒：/ });
  await expect(bell).toHaveAccessibleName(/督办中 \d+ 件/);
  const supervisedBefore = Number((await bell.textContent())!.match(/督办中 (\d+) 件/)![1]);
  const list = queue(page);
  const row = list.getByRole('row').nth(1);
  await expect(row).toBeVisible();
  const id = (await row.getByRole('cell').nth(1).innerText()).trim();
  await row.click();
  const workspace = page.getByRole('region', { name: new RegExp(id) });
  await workspace.getByRole('button', { name: '督办', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '督办' });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page);
  const deadline = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
  await dialog.getByLabel(/督办期限/).fill(deadline);
  await dialog.getByLabel(/督办意见/).fill('请本周内答复企业');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(workspace.getByText(/王芳督办/)).toBeVisible();
  // Counted at once (the action refreshes the figures), and its view lists the case.
  await expect(bell).toHaveAccessibleName(new RegExp(`督办中 ${supervisedBefore + 1} 件`));
  await bell.click();
  await page.getByRole('menuitem', { name: /督办中/ }).click();
  await expect(page).toHaveURL(/view=supervised/);
  await expect(queue(page).getByRole('cell', { name: id, exact: true })).toBeVisible();
});

test('an answer typed while another tab changed the case survives the 409', async ({ page, context }) => {
  await signIn(page, 'officer', '/service-cases?view=all&status=assigned&sort=id');
  const list = queue(page);
  const row = list.getByRole('row').nth(1);
  await expect(row).toBeVisible();
  const id = (await row.getByRole('cell').nth(1).innerText()).trim();
  await row.click();
  const workspace = page.getByRole('region', { name: new RegExp(id) });
  await workspace.getByLabel(/^对策/).fill('先由住建局核实房源');

  // The same officer changes the case's priority in another tab of the same browser.
  const other = await context.newPage();
  await other.goto(`/service-cases?view=all&case=${id}`);
  const there = other.getByRole('region', { name: new RegExp(id) });
  await there.getByRole('button', { name: '调整优先级', exact: true }).click();
  const dialog = other.getByRole('dialog', { name: '调整优先级' });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(other);
  const current = await dialog.getByLabel(/优先级/).inputValue();
  await dialog.getByLabel(/优先级/).selectOption(current === 'urgent' ? 'low' : 'urgent');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog).toBeHidden();
  await other.close();

  await workspace.getByRole('button', { name: '提交答复' }).click();
  await expect(workspace.getByText('您输入的答复已保留，可修改后重新提交。')).toBeVisible();
  await expect(workspace.getByLabel(/^对策/)).toHaveValue('先由住建局核实房源');
  await workspace.getByRole('button', { name: '提交答复' }).click();
  await expect(workspace.getByText('已答复', { exact: true })).toBeVisible();
});

test('three new cases dispatched with the keyboard only', async ({ page }) => {
  await signIn(page, 'officer', '/service-cases?sort=id');
  const list = queue(page);
  await expect(list.getByRole('row').nth(1)).toBeVisible();
  const count = async () =>
    Number((await page.getByRole('button', { name: /^待分派\s*\d/ }).innerText()).match(/\d+/)![0]);
  const before = await count();
  // Into the rows with Tab alone: from the skip link onwards, until a row has the focus.
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.matches('tr[data-row-id]'))) break;
  }
  await page.keyboard.press('Enter');
  for (let i = 0; i < 3; i++) {
    const workspace = page.getByRole('region', { name: /SC-/ });
    await expect(workspace.getByRole('heading', { level: 2 })).toBeFocused();
    // As a user would: once the case is shown, with its actions.
    await expect(workspace.getByRole('button', { name: '分派', exact: true })).toBeVisible();
    await page.keyboard.press('a');
    const dialog = page.getByRole('dialog', { name: '分派' });
    await expect(dialog).toBeVisible();
    await page.keyboard.press('ArrowDown'); // the first department
    await page.keyboard.press('Tab'); // the officer: none
    await page.keyboard.press('Tab'); // the deadline, as it is
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(workspace.getByText('办理中', { exact: true })).toBeVisible();
    await page.keyboard.press('j');
  }
  await expect(page.getByRole('button', { name: /^待分派\s*\d/ })).toContainText(String(before - 3));
});

test('the other lists, the analysis and the keys dialog have no accessibility violations', async ({ page }) => {
  await signIn(page, 'manager', '/service-cases');
  await expect(queue(page).getByRole('row').nth(1)).toBeVisible();
  for (const tab of ['服务清单', '对策清单']) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('region', { name: tab, exact: true }).getByRole('row').nth(1)).toBeVisible();
    await expectNoAxeViolations(page);
  }
  await page.getByRole('tab', { name: '办理分析' }).click();
  await expect(
    page.getByRole('region', { name: '各部门在办与逾期' }).locator('.recharts-bar-rectangle').first(),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('tab', { name: '需求清单' }).click();
  await expect(queue(page).getByRole('row').nth(1)).toBeVisible();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: '键盘操作' })).toBeVisible();
  await expectNoAxeViolations(page);
});
