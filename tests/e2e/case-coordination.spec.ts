import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, keepScreenshot, signIn, signOut } from './helpers';

const queue = (page: Page) => page.getByRole('region', { name: '需求工单', exact: true });
const workspaceOf = (page: Page, id: string) => page.getByRole('region', { name: new RegExp(id) });

/** Opens the list's `n`th row (1: the first) and answers its case number. */
async function openRow(page: Page, n: number): Promise<string> {
  const row = queue(page).getByRole('row').nth(n);
  await expect(row).toBeVisible();
  const id = (await row.getByRole('cell').nth(1).innerText()).trim();
  await row.click();
  // Loaded: its story is told.
  await expect(workspaceOf(page, id).getByRole('region', { name: '办理进程' })).toBeVisible();
  return id;
}

/** Takes an action from the workspace through its dialog (checked by axe). */
async function act(
  page: Page,
  id: string,
  action: string,
  fill: (dialog: ReturnType<Page['getByRole']>) => Promise<unknown>,
) {
  await workspaceOf(page, id).getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: action });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page);
  await fill(dialog);
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog).toBeHidden();
}

test('住建局 asks 人社局 to assist; 人社局 reports; 住建局 answers with a standard answer', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await signIn(page, 'liaison', '/service-cases?view=all&status=inProgress&department=dept.zjj&sort=id');
  // A case of its own with no assistance outstanding: it may answer now.
  let id = '';
  for (let n = 1; n <= 10 && !id; n++) {
    const candidate = await openRow(page, n);
    if (await workspaceOf(page, candidate).getByRole('form', { name: '办结答复' }).isVisible()) id = candidate;
  }
  expect(id).not.toBe('');
  const workspace = workspaceOf(page, id);
  await act(page, id, '请求协办', async (dialog) => {
    await dialog.getByLabel(/协办部门/).selectOption({ label: '人社局' });
    await dialog.getByLabel(/协办事项/).fill('请核实申请人社保缴纳情况');
  });
  await expect(workspace.getByRole('region', { name: '协办部门' })).toContainText('请核实申请人社保缴纳情况');
  // The lead answers only once every assisting department has reported.
  await expect(workspace.getByRole('form', { name: '办结答复' })).toBeHidden();
  await signOut(page, 'liaison');

  await signIn(page, 'hrLiaison', '/service-cases?month=all&view=assisting');
  await expect(page.getByRole('button', { name: /^协办待办\s*\d/ })).toHaveAttribute('aria-pressed', 'true');
  await queue(page)
    .getByRole('row', { name: new RegExp(id) })
    .click();
  // An assisting department reports, and does nothing else.
  await expect(workspaceOf(page, id).getByRole('group', { name: '可办理的操作' }).getByRole('button')).toHaveText([
    '协办反馈',
  ]);
  await act(page, id, '协办反馈', (dialog) => dialog.getByLabel(/协办意见/).fill('经核实，社保已连续缴纳 24 个月'));
  await expect(workspaceOf(page, id).getByRole('region', { name: '协办部门' })).toContainText('社保已连续缴纳 24 个月');
  await keepScreenshot(page, testInfo, 'casework-assist-reported');
  await signOut(page, 'hrLiaison');

  await signIn(page, 'liaison', `/service-cases?month=all&view=all&case=${id}`);
  const form = workspaceOf(page, id).getByRole('form', { name: '办结答复' });
  await expect(form).toBeVisible();
  const picker = form.getByLabel('插入标准答复');
  const option = picker.locator('option').nth(1);
  const title = (await option.innerText()).trim();
  await picker.selectOption({ label: title });
  await expect(form.getByRole('textbox', { name: '对策' })).toHaveValue(/根据|经认定/);
  await expect(form.getByRole('combobox', { name: '依据政策' })).not.toHaveValue('');
  await form.getByRole('button', { name: '提交答复' }).click();
  await expect(workspaceOf(page, id).getByText('待审核', { exact: true }).first()).toBeVisible();
  await expect(workspaceOf(page, id)).toContainText(/人社局 \S+ 反馈协办意见/);
});

/** Registers a demand through the API as the signed-in user (the import of demand lists is still to come). */
async function registerRepeatOf(page: Page, targetId: string): Promise<string> {
  return page.evaluate(async (id) => {
    const token = (JSON.parse(localStorage.getItem('tod.session')!) as { token: string }).token;
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const target = (await (await fetch(`/api/v1/service-cases/${id}`, { headers })).json()) as Record<string, string>;
    const created = await fetch('/api/v1/service-cases', {
      method: 'POST',
      headers,
      body: JSON.stringify({
        monthId: target.monthId,
        requesterType: target.requesterType,
        requesterName: target.requesterName,
        enterpriseName: target.enterpriseName,
        requesterPhone: '13900001111',
        categoryCode: target.categoryCode,
        title: target.title,
        description: '再次反映同一问题',
        priority: 'normal',
      }),
    });
    return ((await created.json()) as { id: string }).id;
  }, targetId);
}

test('the talent office merges a duplicate into the case it repeats, and it is counted there once', async ({
  page,
}) => {
  await signIn(page, 'officer', '/service-cases?view=all&status=inProgress&sort=receivedAt');
  const target = (await queue(page).getByRole('row').nth(1).getByRole('cell').nth(1).innerText()).trim();
  const total = page.getByText('需求总数（并单后）').locator('..');
  await expect(total).toContainText(/\d/);
  const id = await registerRepeatOf(page, target);
  await page.goto(`/service-cases?view=all&case=${id}`);
  await expect.poll(async () => (await total.innerText()).replace(/\D/g, '')).not.toBe('');
  const before = Number((await total.innerText()).replace(/\D/g, ''));
  await expect(workspaceOf(page, id).getByRole('region', { name: '办理进程' })).toBeVisible();
  await act(page, id, '并单', async (dialog) => {
    await dialog.getByLabel(/并入工单编号/).fill(id.toLowerCase());
    await dialog.getByRole('button', { name: '确定' }).click();
    await expect(dialog.getByText('不能并入本件自身')).toBeVisible();
    await dialog.getByLabel(/并入工单编号/).fill('SC-1999-0001');
    await dialog.getByRole('button', { name: '确定' }).click();
    await expect(dialog.getByText(/找不到工单 SC-1999-0001/)).toBeVisible();
    // The same requester's earlier demand is offered.
    await dialog.getByRole('radio', { name: new RegExp(target) }).check();
    await expect(dialog.getByLabel(/并入工单编号/)).toHaveValue(target);
  });
  await expect(workspaceOf(page, id).getByText('已结案', { exact: true }).first()).toBeVisible();
  await workspaceOf(page, id).getByRole('link', { name: target }).click();
  await expect(workspaceOf(page, target)).toContainText(new RegExp(`并入本件的重复需求 \\d+ 件：.*${id}`));
  // The month's figures count the pair once: the repeat registered, then merged away.
  await expect.poll(async () => Number((await total.innerText()).replace(/\D/g, ''))).toBe(before - 1);
});

test('a deadline lapsed by 5 working days: the office writes the 催办通知书, which prints alone on one A4 page', async ({
  page,
}, testInfo) => {
  await signIn(page, 'officer', '/service-cases?view=lapsed&sort=id');
  let id = '';
  for (let n = 1; n <= 10 && !id; n++) {
    const candidate = await openRow(page, n);
    if (
      !(await workspaceOf(page, candidate)
        .getByRole('button', { name: /查看催办通知书/ })
        .isVisible())
    )
      id = candidate;
  }
  expect(id).not.toBe('');
  await expect(workspaceOf(page, id)).toContainText('应出具催办通知书');
  await act(page, id, '催办', async (dialog) => {
    await expect(dialog.getByLabel('出具书面催办通知书，送承办部门负责人')).toBeChecked();
    await dialog.getByLabel(/备注/).fill('请部门主要负责人督促办理，两个工作日内书面反馈');
  });
  const workspace = workspaceOf(page, id);
  await expect(workspace).not.toContainText('应出具催办通知书');
  await workspace.getByRole('button', { name: /查看催办通知书/ }).click();
  const notice = workspace.getByRole('region', { name: '催办通知书' });
  await expect(notice).toContainText('负责人：');
  await expect(notice).toContainText('请部门主要负责人督促办理');
  await expectNoAxeViolations(page);
  await keepScreenshot(page, testInfo, 'casework-lapse-notice');
  await page.evaluate(() => (window.print = () => undefined));
  await notice.getByRole('button', { name: '打印通知书' }).click();
  await page.emulateMedia({ media: 'print' });
  await expect(queue(page)).toBeHidden();
  const pdf = await page.pdf({ path: testInfo.outputPath('lapse-notice.pdf'), format: 'A4', preferCSSPageSize: true });
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
});

test('a manager keeps the standard answers; an officer reads them', async ({ page }) => {
  await signIn(page, 'manager', '/service-cases?tab=answers');
  const panel = page.getByRole('region', { name: '标准答复库' });
  await panel.getByRole('button', { name: '新增标准答复' }).click();
  const dialog = page.getByRole('dialog', { name: '新增标准答复' });
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog.getByText('此项必填').first()).toBeVisible();
  await dialog.getByLabel(/标题/).fill('人才公寓续租');
  await dialog.getByLabel(/类别/).selectOption({ label: '人才安居' });
  await dialog.getByLabel(/答复内容/).fill('租期届满前三个月向用人单位提出续租申请，经审核后续签租赁合同。');
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByRole('heading', { name: '人才公寓续租' })).toBeVisible();
  await signOut(page, 'manager');
  await signIn(page, 'officer', '/service-cases?tab=answers');
  await expect(
    page.getByRole('region', { name: '标准答复库' }).getByRole('heading', { name: '人才公寓续租' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: '新增标准答复' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^编辑/ })).toHaveCount(0);
});
