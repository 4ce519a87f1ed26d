import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PolicyPatch } from '../../src/api/schemas/policy-patches';
import { mockApi } from '../utils/mock-api';
import { renderApp } from '../utils/render-app';

beforeAll(async () => {
  await import('../../src/features/policy-patches/patches-page');
});

const patches = () => [...mockApi.db.policyPatches.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
const cases = () => [...mockApi.db.serviceCases.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
const patchTable = async () => within((await screen.findByRole('heading', { name: '补丁清单' })).closest('section')!);
const inBranch = (root: string) => (p: PolicyPatch) => p.policyCode === root || p.policyCode.startsWith(`${root}.`);

describe('the 1+N+X tree', () => {
  it('filters the table by the branch chosen, from the keyboard, and keeps the choice in the URL', async () => {
    const { user, router } = renderApp('/policy-patches', { as: 'viewer' });
    const table = await patchTable();
    expect(await table.findByText(`共 ${patches().length} 条`)).toBeInTheDocument();
    const tree = screen.getByRole('tree', { name: '政策体系' });
    const core = await within(tree).findByRole('treeitem', { name: /人才科创政策体系核心政策/ });
    expect(core).toHaveAttribute('aria-expanded', 'true');
    core.focus();
    // Down to the first specialised policy; typing 科 jumps to 科技金融.
    await user.keyboard('{ArrowDown}');
    expect(within(tree).getByRole('treeitem', { name: /^人才安居专项政策/ })).toHaveFocus();
    await user.keyboard('科');
    const finance = within(tree).getByRole('treeitem', { name: /^科技金融专项政策/ });
    expect(finance).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(finance).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{Enter}');
    expect(new URLSearchParams(router.state.location.search).get('policy')).toBe('pol.finance');
    expect(finance).toHaveAttribute('aria-selected', 'true');
    const expected = patches().filter(inBranch('pol.finance'));
    expect(await table.findByText(`共 ${expected.length} 条`)).toBeInTheDocument();
    // The node names its counts: every patch of its branch, those still in progress among them.
    const open = expected.filter((p) => ['collected', 'drafting', 'consultation', 'review'].includes(p.status));
    expect(finance).toHaveAccessibleName(
      expect.stringContaining(`${expected.length}件补丁，其中推进中${open.length}件`) as unknown as string,
    );
    // Its rules are shown now, one level down.
    await user.keyboard('{ArrowRight}');
    expect(within(tree).getByRole('treeitem', { name: /^人才贷风险补偿实施细则/ })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: '全部政策' }));
    expect(await table.findByText(`共 ${patches().length} 条`)).toBeInTheDocument();
  });
});

describe('the board', () => {
  it('moves a patch only as the workflow allows the user, from the keyboard, with a reason where one is needed', async () => {
    const collected = patches().find((p) => p.status === 'collected')!;
    const review = patches().find((p) => p.status === 'review')!;
    const { user } = renderApp('/policy-patches?view=board', { as: 'officer' });
    const board = within((await screen.findByRole('heading', { name: '看板' })).closest('section')!);
    // An officer may not issue or send back a patch in review: its card has no Move menu.
    await board.findByText(review.id);
    expect(board.queryByRole('button', { name: `移动 ${review.id}` })).not.toBeInTheDocument();

    await user.click(board.getByRole('button', { name: `移动 ${collected.id}` }));
    await user.click(await screen.findByRole('menuitem', { name: '开始起草 → 起草' }));
    const dialog = within(await screen.findByRole('dialog', { name: `开始起草：${collected.id}` }));
    await user.click(dialog.getByRole('button', { name: '确定' }));
    await waitFor(() => expect(mockApi.db.policyPatches.get(collected.id)!.status).toBe('drafting'));
    // Focus follows the card to its new column.
    await waitFor(() =>
      expect(document.activeElement?.closest('section')).toHaveAccessibleName(expect.stringMatching(/^起草/)),
    );
  });

  it('makes a manager give a reason to send a patch back, and keeps it in the stages', async () => {
    const review = patches().find((p) => p.status === 'review')!;
    const { user } = renderApp(`/policy-patches?patch=${review.id}`, { as: 'manager' });
    const detail = within(await screen.findByRole('dialog', { name: new RegExp(review.id) }));
    await user.click(await detail.findByRole('button', { name: '审议退回' }));
    const dialog = within(await screen.findByRole('dialog', { name: `审议退回：${review.id}` }));
    await user.click(dialog.getByRole('button', { name: '确定' }));
    expect(await dialog.findByText('此项必填')).toBeInTheDocument();
    await user.type(dialog.getByLabelText(/理由/), '补充测算依据');
    await user.click(dialog.getByRole('button', { name: '确定' }));
    await waitFor(() => expect(mockApi.db.policyPatches.get(review.id)!.status).toBe('drafting'));
    expect(mockApi.db.policyPatches.get(review.id)!.statusHistory.at(-1)).toMatchObject({ note: '补充测算依据' });
    expect(await detail.findByText('补充测算依据')).toBeInTheDocument();
  });
});

describe('patches and the demands that revealed them', () => {
  it('an officer proposes a patch from two demands chosen in casework; both are linked to it', async () => {
    const [a, b] = cases().filter((c) => c.linkedPatchId === null && c.monthId === 'SM-2026');
    const { user, router } = renderApp(`/policy-patches?propose=${a!.id},${b!.id}`, { as: 'officer' });
    const form = within(await screen.findByRole('dialog', { name: '由2件需求提出政策补丁' }));
    expect(form.getByText(`${a!.id}、${b!.id}`)).toBeInTheDocument();
    await user.type(form.getByLabelText(/补丁名称/), '关于人才公寓续租的政策补丁');
    await user.selectOptions(
      form.getByLabelText(/所补政策/),
      '人才科创政策体系核心政策 › 人才安居专项政策 › 人才公寓租赁实施细则',
    );
    await user.selectOptions(form.getByLabelText(/牵头单位/), '住建局');
    await user.type(form.getByLabelText(/梗阻/), '租期上限三年，创业团队无法续租。');
    await user.click(form.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('patch')).toMatch(/^PP-2026-/));
    const id = new URLSearchParams(router.state.location.search).get('patch')!;
    expect(mockApi.db.policyPatches.get(id)).toMatchObject({
      status: 'collected',
      demandCaseIds: [a!.id, b!.id].sort(),
    });
    expect(mockApi.db.serviceCases.get(a!.id)!.linkedPatchId).toBe(id);
    const detail = within(await screen.findByRole('dialog', { name: new RegExp(id) }));
    expect(await detail.findByRole('link', { name: `在工单中打开 ${a!.id}` })).toHaveAttribute(
      'href',
      `/service-cases?month=all&view=all&case=${a!.id}`,
    );
  });

  it('links and unlinks demands in the detail, refusing a demand already linked elsewhere', async () => {
    const patch = patches().find((p) => p.status === 'drafting' && p.demandCaseIds.length > 0)!;
    const taken = patches().find((p) => p.id !== patch.id)!.demandCaseIds[0]!;
    const free = cases().find((c) => c.linkedPatchId === null)!;
    const { user } = renderApp(`/policy-patches?patch=${patch.id}`, { as: 'manager' });
    const detail = within(await screen.findByRole('dialog', { name: new RegExp(patch.id) }));
    await user.click(await detail.findByRole('button', { name: '关联需求' }));
    let dialog = within(await screen.findByRole('dialog', { name: '关联需求' }));
    await user.type(dialog.getByLabelText(/工单编号/), `${taken}`);
    await user.click(dialog.getByRole('button', { name: '确定' }));
    await waitFor(() => expect(dialog.getByText(new RegExp(`已关联其他补丁：${taken}→PP-`))).toBeInTheDocument());
    expect(mockApi.db.serviceCases.get(taken)!.linkedPatchId).not.toBe(patch.id);
    await user.clear(dialog.getByLabelText(/工单编号/));
    await user.type(dialog.getByLabelText(/工单编号/), free.id.toLowerCase());
    await user.click(dialog.getByRole('button', { name: '确定' }));
    await waitFor(() => expect(mockApi.db.serviceCases.get(free.id)!.linkedPatchId).toBe(patch.id));

    const gone = patch.demandCaseIds[0]!;
    await user.click(await detail.findByRole('button', { name: `取消关联 ${gone}` }));
    await waitFor(() => expect(mockApi.db.serviceCases.get(gone)!.linkedPatchId).toBeNull());
    dialog = detail;
    expect(await dialog.findByRole('link', { name: `在工单中打开 ${free.id}` })).toBeInTheDocument();
  });
});
