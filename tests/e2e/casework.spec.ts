import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, keepScreenshot, signIn, signOut } from './helpers';

const queue = (page: Page) => page.getByRole('region', { name: '需求工单', exact: true });

test('an officer opens a new case from 待派单 with the keyboard, dispatches it, and it leaves the view', async ({
  page,
}, testInfo) => {
  await signIn(page, 'officer');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '服务月工单' }).click();
  const list = queue(page);
  await expect(list.getByRole('row').nth(1)).toBeVisible();
  await expect(page.getByRole('button', { name: /^待派单\s*\d/ })).toHaveAttribute('aria-pressed', 'true');
  const before = Number((await page.getByRole('button', { name: /^待派单\s*\d/ }).innerText()).match(/\d+/)![0]);
  await expectNoAxeViolations(page);

  // The rows are one Tab stop: focus the first, Enter opens it beside the list.
  const first = list.getByRole('row').nth(1);
  const id = (await first.getByRole('cell').nth(1).innerText()).trim();
  await first.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`case=${id}`));
  const workspace = page.getByRole('region', { name: new RegExp(id) });
  await expect(workspace.getByRole('heading', { level: 2 })).toBeFocused();
  await workspace.getByRole('button', { name: '派单' }).click();
  const dialog = page.getByRole('dialog', { name: '派单' });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page);
  await keepScreenshot(page, testInfo, 'casework-dispatch');
  await dialog.getByLabel(/承办部门/).selectOption({ label: '住建局' });
  await dialog.getByLabel(/承办人/).selectOption({ label: '刘洋' });
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog).toBeHidden();
  await expect(workspace.getByText('待签收', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: /^待派单\s*\d/ })).toContainText(String(before - 1));
  await expect(list.getByRole('cell', { name: id, exact: true })).toBeHidden();
});

test('a department liaison sees the cases its department leads or is asked to assist with, and no others', async ({
  page,
}) => {
  await signIn(page, 'liaison', '/service-cases?view=all');
  const list = queue(page);
  await expect(list.getByText(/^共 [\d,]+ 条$/)).toBeVisible();
  await expect(list.locator('[aria-busy="true"]')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^待派单\s*\d/ })).toContainText('0');
  // Led by another department: only where 住建局 is asked to assist (协办).
  const others = ['dept.rsj', 'dept.kjj', 'dept.jyj', 'dept.wjw', 'dept.jrb', 'dept.crj'];
  await page.goto(`/service-cases?month=all&view=all&${others.map((d) => `department=${d}`).join('&')}`);
  const rows = list.getByRole('row');
  await expect(rows.nth(2)).toBeVisible();
  const shown = Math.min(await rows.count(), 4);
  expect(shown).toBeGreaterThan(1);
  for (let i = 1; i < shown; i++) {
    await rows.nth(i).click();
    const id = (await rows.nth(i).getByRole('cell').nth(1).innerText()).trim();
    const assists = page.getByRole('region', { name: new RegExp(id) }).getByRole('region', { name: '协办部门' });
    await expect(assists).toContainText('住建局');
  }
});

/** Takes a case action from the workspace: its button, its dialog (checked by axe), what it asks, 确定. */
function actOn(page: Page, id: string) {
  const workspace = page.getByRole('region', { name: new RegExp(id) });
  return {
    workspace,
    act: async (action: string, fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<unknown>) => {
      await workspace.getByRole('button', { name: action, exact: true }).click();
      const dialog = page.getByRole('dialog', { name: action });
      await expect(dialog).toBeVisible();
      await expectNoAxeViolations(page);
      await fill?.(dialog);
      await dialog.getByRole('button', { name: '确定' }).click();
      await expect(dialog).toBeHidden();
    },
    status: (text: string) => expect(workspace.getByText(text, { exact: true }).first()).toBeVisible(),
  };
}

test('a 住建局 liaison and the talent office take a demand from dispatch to 结案, with a return and an extension on the way', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await signIn(page, 'officer', '/service-cases?sort=id');
  const first = queue(page).getByRole('row').nth(1);
  await expect(first).toBeVisible();
  const id = (await first.getByRole('cell').nth(1).innerText()).trim();
  await first.click();
  let c = actOn(page, id);
  await c.act('派单', (dialog) => dialog.getByLabel(/承办部门/).selectOption({ label: '住建局' }));
  await c.status('待签收');
  await expect(c.workspace.getByText(/派单至住建局，签收时限/)).toBeVisible();
  await signOut(page, 'officer');

  // 住建局 objects: the demand is for the town.
  await signIn(page, 'liaison', `/service-cases?view=dispatched&case=${id}`);
  c = actOn(page, id);
  await expect(queue(page).getByRole('cell', { name: id, exact: true })).toBeVisible();
  await c.act('退单', (dialog) => dialog.getByLabel(/理由/).fill('应由属地板块办理'));
  await c.status('退单待审');
  await signOut(page, 'liaison');

  // The talent office overrules the objection within the day.
  await signIn(page, 'officer', `/service-cases?view=returned&case=${id}`);
  c = actOn(page, id);
  await c.act('异议审核', async (dialog) => {
    await expect(dialog.getByText(/住建局于.*退单：应由属地板块办理/)).toBeVisible();
    await dialog.getByRole('radio', { name: '退单理由不成立，由原部门办理' }).check();
    await dialog.getByLabel(/审核意见/).fill('人才安居属住建局职责');
  });
  await c.status('待签收');
  await signOut(page, 'officer');

  // 住建局 signs (it may not return it again), then asks for more time.
  await signIn(page, 'liaison', `/service-cases?view=all&case=${id}`);
  c = actOn(page, id);
  await expect(c.workspace.getByRole('button', { name: '签收', exact: true })).toBeVisible();
  await expect(c.workspace.getByRole('button', { name: '退单', exact: true })).toBeHidden();
  await c.act('签收', (dialog) => expect(dialog.getByText(/签收后开始计时，须在 .* 前办结/)).toBeVisible());
  await c.status('办理中');
  await c.act('申请延期', (dialog) => dialog.getByLabel(/理由/).fill('需协调不动产登记中心'));
  await expect(c.workspace.getByText(/申请延期至 .*：需协调不动产登记中心/).first()).toBeVisible();
  await keepScreenshot(page, testInfo, 'casework-extension-requested');
  await signOut(page, 'liaison');

  await signIn(page, 'manager', `/service-cases?view=extension&case=${id}`);
  c = actOn(page, id);
  await c.act('延期审批', (dialog) => dialog.getByRole('radio', { name: '同意延期' }).check());
  await expect(c.workspace.getByText(/（王芳 同意）/)).toBeVisible();
  await signOut(page, 'manager');

  await signIn(page, 'liaison', `/service-cases?view=all&case=${id}`);
  c = actOn(page, id);
  await c.workspace.getByLabel(/^对策/).fill('已协调人才公寓 B 栋，下周可入住');
  await c.workspace.getByRole('button', { name: '提交答复' }).click();
  await c.status('待审核');
  await signOut(page, 'liaison');

  await signIn(page, 'officer', `/service-cases?view=answered&case=${id}`);
  c = actOn(page, id);
  await c.act('审核通过');
  await c.status('待回访');
  await c.act('回访', (dialog) => dialog.getByRole('radio', { name: '满意', exact: true }).check());
  await c.status('已结案');
  await keepScreenshot(page, testInfo, 'casework-closed');
  const lifecycle = c.workspace.getByRole('region', { name: '办理进程' });
  // 派单, 退单, 审核, back to 住建局, 签收, 延期, 答复, 审核通过, 回访.
  await expect(lifecycle.getByRole('listitem')).toHaveCount(9);
  await expect(lifecycle.getByText(/退回住建局继续办理/)).toBeVisible();
  await expect(lifecycle.getByText(/李娜 审核通过/)).toBeVisible();
});

test('another department returns a case, and the talent office sends it elsewhere', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'officer', '/service-cases?sort=-id');
  const first = queue(page).getByRole('row').nth(1);
  await expect(first).toBeVisible();
  const id = (await first.getByRole('cell').nth(1).innerText()).trim();
  await first.click();
  let c = actOn(page, id);
  await c.act('派单', (dialog) => dialog.getByLabel(/承办部门/).selectOption({ label: '人社局' }));
  await signOut(page, 'officer');

  await signIn(page, 'hrLiaison', `/service-cases?view=dispatched&case=${id}`);
  c = actOn(page, id);
  await c.act('退单', (dialog) => dialog.getByLabel(/理由/).fill('项目落地事项属科技局职责'));
  await c.status('退单待审');
  await signOut(page, 'hrLiaison');

  await signIn(page, 'officer', `/service-cases?view=returned&case=${id}`);
  c = actOn(page, id);
  await c.act('异议审核', (dialog) => dialog.getByLabel(/承办部门/).selectOption({ label: '科技局' }));
  await c.status('待签收');
  await expect(c.workspace.getByText(/退单理由成立，改派/)).toBeVisible();
  await expect(c.workspace.getByText('科技局', { exact: true })).toBeVisible();
});

test('a manager supervises a case and finds it through the bell', async ({ page }) => {
  await signIn(page, 'manager', '/service-cases?view=all&status=inProgress&supervised=false');
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
  await signIn(page, 'liaison', '/service-cases?view=all&status=inProgress&sort=id');
  const list = queue(page);
  const row = list.getByRole('row').nth(1);
  await expect(row).toBeVisible();
  const id = (await row.getByRole('cell').nth(1).innerText()).trim();
  await row.click();
  const workspace = page.getByRole('region', { name: new RegExp(id) });
  await workspace.getByLabel(/^对策/).fill('先由住建局核实房源');

  // The same liaison hands the case to a colleague in another tab of the same browser.
  const other = await context.newPage();
  await other.goto(`/service-cases?view=all&case=${id}`);
  const there = other.getByRole('region', { name: new RegExp(id) });
  await there.getByRole('button', { name: '指定承办人', exact: true }).click();
  const dialog = other.getByRole('dialog', { name: '指定承办人' });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(other);
  const officer = dialog.getByLabel(/承办人/);
  const options = await officer.locator('option').evaluateAll((all) => all.map((o) => (o as HTMLOptionElement).value));
  const current = await officer.inputValue();
  await officer.selectOption(options.find((value) => value && value !== current)!);
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog).toBeHidden();
  await other.close();

  await workspace.getByRole('button', { name: '提交答复' }).click();
  await expect(workspace.getByText('您输入的答复已保留，可修改后重新提交。')).toBeVisible();
  await expect(workspace.getByLabel(/^对策/)).toHaveValue('先由住建局核实房源');
  await workspace.getByRole('button', { name: '提交答复' }).click();
  await expect(workspace.getByText('待审核', { exact: true })).toBeVisible();
});

test('three new cases dispatched with the keyboard only', async ({ page }) => {
  await signIn(page, 'officer', '/service-cases?sort=id');
  const list = queue(page);
  await expect(list.getByRole('row').nth(1)).toBeVisible();
  const count = async () =>
    Number((await page.getByRole('button', { name: /^待派单\s*\d/ }).innerText()).match(/\d+/)![0]);
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
    await expect(workspace.getByRole('button', { name: '派单', exact: true })).toBeVisible();
    await page.keyboard.press('d');
    const dialog = page.getByRole('dialog', { name: '派单' });
    await expect(dialog).toBeVisible();
    await page.keyboard.press('ArrowDown'); // the first department
    await page.keyboard.press('Tab'); // the officer: none
    await page.keyboard.press('Tab'); // 取消
    await page.keyboard.press('Tab'); // 确定
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(workspace.getByText('待签收', { exact: true })).toBeVisible();
    await page.keyboard.press('j');
  }
  await expect(page.getByRole('button', { name: /^待派单\s*\d/ })).toContainText(String(before - 3));
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

test('a manager reads the month’s department scores by their definitions and prints the notice naming those below 合格', async ({
  page,
}, testInfo) => {
  await signIn(page, 'manager', '/service-cases?tab=scores');
  const table = page.getByRole('table', { name: /各部门考核结果/ });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  await expect(page.getByRole('region', { name: '指标口径' })).toContainText('在签收时限');
  await expectNoAxeViolations(page);
  const below = (await table.getByRole('row').filter({ hasText: '待改进' }).getByRole('rowheader').allInnerTexts()).map(
    (n) => n.trim(),
  );
  expect(below.length).toBeGreaterThan(0);

  await page.getByRole('button', { name: '生成通报' }).click();
  const notice = page.getByRole('region', { name: /人才服务工单办理情况的通报/ });
  await expect(notice).toContainText('以下部门综合得分低于合格线');
  await expect(notice.getByRole('listitem')).toHaveCount(below.length);
  for (const department of below) await expect(notice).toContainText(`${department}：综合得分`);
  await expectNoAxeViolations(page);

  // 打印通报: the notice alone goes to paper.
  await page.evaluate(() => (window.print = () => undefined));
  await notice.getByRole('button', { name: '打印通报' }).click();
  await page.emulateMedia({ media: 'print' });
  await expect(notice.getByRole('heading')).toBeVisible();
  await expect(table).toBeHidden();
  const pdf = await page.pdf({ path: testInfo.outputPath('notice.pdf'), format: 'A4', preferCSSPageSize: true });
  // One A4 page: the notice, not the page around it.
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
  await page.emulateMedia({ media: 'screen' });

  // The weights and tiers are a manager's: a looser pass mark leaves nobody below it.
  await page.getByRole('button', { name: '权重与档次' }).click();
  const dialog = page.getByRole('dialog', { name: '权重与档次' });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page);
  await dialog.getByLabel('合格').fill('95');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog.getByText('须满足：优秀 > 良好 > 合格')).toBeVisible();
  await dialog.getByLabel('合格').fill('50');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog).toBeHidden();
  await expect(table.getByText('待改进')).toHaveCount(0);
  await expect(notice).toContainText('本月评定档次的部门综合得分均不低于合格线（50 分）');
  await keepScreenshot(page, testInfo, 'casework-scores');
});

test('a department liaison sees its own department’s score only, and no settings', async ({ page }) => {
  await signIn(page, 'liaison', '/service-cases?tab=scores');
  const table = page.getByRole('table', { name: /本部门考核结果/ });
  await expect(table.getByRole('rowheader')).toHaveText(['住建局']);
  await expect(page.getByRole('button', { name: '权重与档次' })).toBeHidden();
});
