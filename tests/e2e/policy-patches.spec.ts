import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, keepScreenshot, signIn, signOut } from './helpers';

const board = (page: Page) => page.getByRole('region', { name: '看板' });
const column = (page: Page, status: string) => board(page).getByRole('region', { name: new RegExp(`^${status}（`) });

test('an officer drafts a patch from two demands and sends it to review from the board by keyboard; a manager issues it; the demands show the link', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  // Two demands not yet linked to a patch, picked in the casework queue (the first page of every
  // month's demands, as the API lists them for the queue).
  await signIn(page, 'officer', '/service-cases?month=all&view=all');
  const queue = page.getByRole('region', { name: '需求工单', exact: true });
  await expect(queue.getByRole('row').nth(2)).toBeVisible();
  const ids = await page.evaluate(async () => {
    const { token } = JSON.parse(localStorage.getItem('tod.session')!) as { token: string };
    const response = await fetch('/api/v1/service-cases?view=all&page=1&pageSize=20', {
      headers: { authorization: `Bearer ${token}` },
    });
    const page = (await response.json()) as { items: { id: string; linkedPatchId: string | null }[] };
    return page.items
      .filter((c) => c.linkedPatchId === null)
      .map((c) => c.id)
      .slice(0, 2);
  });
  expect(ids).toHaveLength(2);
  for (const id of ids) {
    await queue
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: id, exact: true }) })
      .getByRole('checkbox')
      .check();
  }
  await queue.getByRole('link', { name: '提出政策补丁' }).click();

  // The draft arrives with both demands.
  const form = page.getByRole('dialog', { name: '由2件需求提出政策补丁' });
  await expect(form.getByText(ids.join('、'))).toBeVisible();
  await expectNoAxeViolations(page);
  await form.getByLabel(/补丁名称/).fill('关于人才公寓续租的政策补丁');
  await form
    .getByLabel(/所补政策/)
    .selectOption({ label: '人才科创政策体系核心政策 › 人才安居专项政策 › 人才公寓租赁实施细则' });
  await form.getByLabel(/牵头单位/).selectOption({ label: '住建局' });
  await form.getByLabel(/梗阻/).fill('人才公寓租期上限三年，创业周期较长的团队无法续租。');
  await form.getByLabel(/补丁条款/).fill('租期上限延长至5年。');
  await form.getByRole('button', { name: '保存' }).click();
  const detail = page.getByRole('dialog', { name: /^PP-\d{4}-\d{3} 关于人才公寓续租的政策补丁/ });
  await expect(detail).toBeVisible();
  const patchId = (await detail.getByRole('heading').first().innerText()).split(' ')[0]!;
  await expect(detail.getByRole('link', { name: `在工单中打开 ${ids[0]}` })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');

  // On the board, with the keyboard only: 征集 → 起草 → 征求意见 → 审议.
  await page.getByRole('tab', { name: '看板' }).focus();
  await page.keyboard.press('Enter');
  await expect(column(page, '征集').getByText(patchId)).toBeVisible();
  await expectNoAxeViolations(page);
  for (const [move, from, to] of [
    ['开始起草', '征集', '起草'],
    ['征求意见', '起草', '征求意见'],
    ['提交审议', '征求意见', '审议'],
  ] as const) {
    const trigger = column(page, from).getByRole('button', { name: `移动 ${patchId}` });
    await trigger.focus();
    await page.keyboard.press('Enter');
    const item = page.getByRole('menuitem', { name: `${move} → ${to}` });
    await expect(item).toBeVisible();
    await item.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `${move}：${patchId}` });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel(/理由/).fill(`${to}，见附件`);
    await dialog.getByRole('button', { name: '确定' }).focus();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    // Focus follows the card into its new column.
    await expect(column(page, to).locator(`[data-patch-card="${patchId}"]`)).toBeFocused();
  }
  // An officer may not issue: the card in 审议 offers no move.
  await expect(column(page, '审议').getByRole('button', { name: `移动 ${patchId}` })).toHaveCount(0);
  await keepScreenshot(page, testInfo, 'patch-board');

  // The manager issues it from the patch's detail.
  await signOut(page, 'officer');
  await signIn(page, 'manager');
  await page.goto(`/policy-patches?patch=${patchId}`);
  const managerDetail = page.getByRole('dialog', { name: new RegExp(patchId) });
  await managerDetail.getByRole('button', { name: '发布' }).click();
  const issue = page.getByRole('dialog', { name: `发布：${patchId}` });
  await issue.getByRole('button', { name: '确定' }).click();
  await expect(issue).toBeHidden();
  await expect(managerDetail.getByText('已发布').first()).toBeVisible();
  await expect(managerDetail.getByRole('button', { name: '填报月度效果' })).toBeVisible();
  await expectNoAxeViolations(page);

  // The demand shows the link, which leads back to the patch.
  await managerDetail.getByRole('link', { name: `在工单中打开 ${ids[0]}` }).click();
  const workspace = page.getByRole('region', { name: new RegExp(ids[0]!) });
  const link = workspace.getByRole('link', { name: patchId });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page.getByRole('dialog', { name: new RegExp(patchId) })).toBeVisible();
});

test('the analytics answer which policy was patched most and lead back to its patches; axe finds nothing', async ({
  page,
}, testInfo) => {
  await signIn(page, 'manager', '/policy-patches?view=analytics');
  const most = page.getByRole('region', { name: '补丁最多的政策' });
  await expect(most.locator('svg').first()).toBeVisible();
  await expect(page.getByText('需求到发布（中位数）')).toBeVisible();
  await expectNoAxeViolations(page);
  await keepScreenshot(page, testInfo, 'patch-analytics');
  // The same figures as a table, whose rows filter the patch table.
  await most.getByRole('button', { name: '以表格查看' }).click();
  const first = most.getByRole('row').nth(1);
  const policy = (await first.getByRole('rowheader').innerText()).trim();
  await first.getByRole('button').first().click();
  await expect(page).toHaveURL(/policy=pol\./);
  const tree = page.getByRole('tree', { name: '政策体系' });
  await expect(tree.getByRole('treeitem', { selected: true })).toContainText(policy);
  await expect(page.getByRole('region', { name: '补丁清单' }).getByText(/^共 \d+ 条$/)).toBeVisible();
  await expectNoAxeViolations(page);
});
