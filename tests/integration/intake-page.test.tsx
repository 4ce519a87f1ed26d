import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { mockApi } from '../utils/mock-api';
import { renderApp } from '../utils/render-app';
import { tick } from '../utils/table';

// The page and its parts load lazily; load them once up front so no test races code-splitting.
beforeAll(async () => {
  await Promise.all([
    import('../../src/features/intake/intake-page'),
    import('../../src/features/intake/intake-analytics'),
    import('../../src/features/intake/intake-record-drawer'),
    import('../../src/features/intake/intake-record-form'),
    import('../../src/components/charts/bar-chart-view'),
  ]);
});

const records = () => [...mockApi.db.intakeRecords.values()];
const totalText = (n: number) => `共 ${n.toLocaleString('zh-CN')} 条`;

async function recordsSection() {
  return within((await screen.findByRole('heading', { name: '招引记录' })).closest('section')!);
}

describe('intake records table', () => {
  it('filters on the server through a facet, writes it to the URL and shows a chip', async () => {
    const { user, router } = renderApp('/intake', { as: 'viewer' });
    const section = await recordsSection();
    await user.click(section.getByRole('button', { name: /^筛选：\s*招引渠道/ }));
    await user.click(await screen.findByRole('checkbox', { name: '活动聚才' }));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(router.state.location.search).toBe('?channel=ch.event'));
    const expected = records().filter((r) => r.channelCode === 'ch.event').length;
    expect(await section.findByText(totalText(expected))).toBeInTheDocument();
    expect(section.getByRole('button', { name: '移除筛选：招引渠道 活动聚才' })).toBeInTheDocument();
    const rows = within(section.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.every((row) => within(row).queryByText('活动聚才'))).toBe(true);
  });

  it('opens a bookmarked URL with the same filters, sort and page size', async () => {
    renderApp('/intake?stage=landed&sort=-investment&pageSize=50', { as: 'viewer' });
    const section = await recordsSection();
    const landed = records().filter((r) => r.stage === 'landed');
    expect(await section.findByText(totalText(landed.length))).toBeInTheDocument();
    expect(section.getByRole('combobox', { name: '每页' })).toHaveValue('50');
    const top = landed.reduce((best, r) => ((r.investment ?? -1) > (best.investment ?? -1) ? r : best));
    const firstRow = within(section.getByRole('table')).getAllByRole('row')[1]!;
    expect(firstRow).toHaveTextContent(top.id);
    expect(section.getByRole('columnheader', { name: /投资额/ })).toHaveAttribute('aria-sort', 'descending');
  });

  it('sorts on a header click, back on page 1, and back/forward restore the view', async () => {
    const { user, router } = renderApp('/intake?page=3', { as: 'viewer' });
    const section = await recordsSection();
    await section.findByText('第 3 / 310 页');
    await user.click(section.getByRole('button', { name: /^编号/ }));
    await waitFor(() => expect(router.state.location.search).toBe('?sort=id'));
    const first = [...records()].sort((a, b) => a.id.localeCompare(b.id))[0]!;
    await waitFor(() => expect(within(section.getByRole('table')).getAllByRole('row')[1]).toHaveTextContent(first.id));
    await router.navigate(-1);
    await waitFor(() => expect(router.state.location.search).toBe('?page=3'));
    expect(await section.findByText('第 3 / 310 页')).toBeInTheDocument();
  });

  it('searches after typing stops, from page 1', async () => {
    const { user, router } = renderApp('/intake?page=2', { as: 'viewer' });
    const section = await recordsSection();
    const target = records()[42]!;
    await user.type(section.getByRole('searchbox', { name: '搜索' }), target.id);
    await waitFor(() => expect(router.state.location.search).toBe(`?q=${target.id}`));
    await waitFor(() => expect(within(section.getByRole('table')).getAllByRole('row')).toHaveLength(2));
  });
});

describe('drill-down from a chart', () => {
  it('filters the records by the bar chosen in the chart’s table view, and leads to them', async () => {
    const { user, router } = renderApp('/intake?tab=analysis', { as: 'viewer' });
    const townChart = within((await screen.findByRole('heading', { name: '按区镇' })).closest('section')!);
    await user.click(townChart.getByRole('button', { name: '以表格查看' }));
    await user.click(await townChart.findByRole('button', { name: '筛选：花桥经济开发区' }));
    await waitFor(() => expect(router.state.location.search).toBe('?tab=analysis&town=town.huaqiao'));
    const expected = records().filter((r) => r.townCode === 'town.huaqiao').length;
    expect(
      await screen.findByText(`符合当前筛选条件的记录：${expected.toLocaleString('zh-CN')} 条`),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '查看这些记录' }));
    await waitFor(() => expect(router.state.location.search).toBe('?town=town.huaqiao'));
    expect(screen.getByRole('tab', { name: /招引记录/ })).toHaveFocus();
    const section = await recordsSection();
    expect(await section.findByText(totalText(expected))).toBeInTheDocument();
    await user.click(section.getByRole('button', { name: '移除筛选：区镇 花桥经济开发区' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('shows the same numbers in the table view as the stats endpoint computes', async () => {
    const { user } = renderApp('/intake?tab=analysis&tier=tier.strategic', { as: 'viewer' });
    const channelChart = within((await screen.findByRole('heading', { name: '各渠道引进与落户' })).closest('section')!);
    await user.click(channelChart.getByRole('button', { name: '以表格查看' }));
    const strategic = records().filter((r) => r.tierCode === 'tier.strategic' && r.channelCode === 'ch.university');
    const row = (await channelChart.findByRole('rowheader', { name: '高校吸才' })).closest('tr')!;
    expect(row).toHaveTextContent(String(strategic.length));
    expect(row).toHaveTextContent(String(strategic.filter((r) => r.stage === 'landed').length));
  });
});

describe('saved views', () => {
  it('saves the current view for the team and applies it again later', async () => {
    const { user, router } = renderApp('/intake?stage=signed&town=town.lujia', { as: 'officer' });
    const section = await recordsSection();
    await user.click(section.getByRole('button', { name: '视图' }));
    await user.click(await screen.findByRole('menuitem', { name: '保存当前视图' }));
    const dialog = await screen.findByRole('dialog', { name: '保存当前视图' });
    await user.type(within(dialog).getByLabelText('视图名称'), '陆家签约');
    await user.click(within(dialog).getByLabelText('与科室同事共享'));
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(await screen.findByText('已保存视图“陆家签约”')).toBeInTheDocument();
    const stored = [...mockApi.db.savedViews.values()].find((v) => v.name === '陆家签约')!;
    expect(stored).toMatchObject({ shared: true, search: 'stage=signed&town=town.lujia', ownerId: 'u.officer' });

    await router.navigate('/intake');
    await user.click(await section.findByRole('button', { name: '视图' }));
    await user.click(await screen.findByRole('menuitem', { name: /陆家签约$/ }));
    await waitFor(() => expect(router.state.location.search).toBe('?stage=signed&town=town.lujia'));
  });

  it('applying a view replaces the current filters, repeated values included', async () => {
    const { user, router } = renderApp('/intake?town=town.lujia&q=张', { as: 'viewer' });
    const section = await recordsSection();
    await user.click(section.getByRole('button', { name: '视图' }));
    await user.click(await screen.findByRole('menuitem', { name: /战略科技人才线索/ }));
    await waitFor(() => expect(router.state.location.search).toBe('?tier=tier.strategic&stage=lead&stage=negotiating'));
    const expected = records().filter(
      (r) => r.tierCode === 'tier.strategic' && ['lead', 'negotiating'].includes(r.stage),
    ).length;
    expect(await section.findByText(totalText(expected))).toBeInTheDocument();
  });
});

describe('record form', () => {
  it('explains missing and malformed fields before sending anything', async () => {
    const { user } = renderApp('/intake', { as: 'officer' });
    await user.click(await screen.findByRole('button', { name: '新建记录' }));
    const form = within(await screen.findByRole('dialog', { name: '新建招引记录' }));
    await user.type(form.getByLabelText('联系电话'), '12345');
    await user.click(form.getByRole('button', { name: '保存' }));
    expect(form.getByLabelText(/姓名/)).toHaveAttribute('aria-invalid', 'true');
    expect(form.getByLabelText(/姓名/)).toHaveFocus();
    expect(form.getByText('请输入 11 位手机号，或带区号的固定电话')).toBeInTheDocument();
    expect(form.getAllByText('此项必填').length).toBeGreaterThanOrEqual(5);
  });

  it('creates a record, then opens it', async () => {
    const { user, router } = renderApp('/intake', { as: 'officer' });
    await user.click(await screen.findByRole('button', { name: '新建记录' }));
    const form = within(await screen.findByRole('dialog', { name: '新建招引记录' }));
    await user.click(form.getByRole('radio', { name: '项目' }));
    await user.type(form.getByLabelText(/姓名/), '芯片封装团队项目');
    await user.type(form.getByLabelText('联系电话'), '13912345678');
    await user.selectOptions(form.getByLabelText(/承办人/), '李娜');
    await user.selectOptions(form.getByLabelText(/招引渠道/), '活动聚才');
    await user.selectOptions(form.getByLabelText('引才活动'), '昆山创业周');
    await user.selectOptions(form.getByLabelText(/人才层次/), '双创领军人才');
    await user.selectOptions(form.getByLabelText(/产业领域/), '半导体');
    await user.selectOptions(form.getByLabelText(/区镇/), '昆山高新区');
    await user.type(form.getByLabelText('投资额'), '3200');
    await user.click(form.getByRole('button', { name: '保存' }));
    const created = await waitFor(() => {
      const found = records().find((r) => r.name === '芯片封装团队项目');
      expect(found).toBeDefined();
      return found!;
    });
    expect(created).toMatchObject({ kind: 'project', eventCode: 'ev.startup-week', investment: 3200, stage: 'lead' });
    await waitFor(() => expect(router.state.location.search).toBe(`?record=${created.id}`));
    // The drawer's code loads on demand the first time.
    expect(
      await screen.findByRole('dialog', { name: `芯片封装团队项目 · ${created.id}` }, { timeout: 5000 }),
    ).toBeInTheDocument();
  });

  it('on a 409 takes over what only the other side changed and asks about what both changed', async () => {
    const target = records().find((r) => r.stage === 'negotiating')!;
    const { user } = renderApp(`/intake?record=${target.id}`, { as: 'officer' });
    const drawer = within(await screen.findByRole('dialog', { name: new RegExp(target.id) }));
    await user.click(await drawer.findByRole('button', { name: '编辑' }));
    const form = within(await screen.findByRole('dialog', { name: `编辑招引记录 ${target.id}` }));
    // Someone else saves first: a note (which the user edits too) and the organization (which they don't).
    const theirs = { ...target, note: '对方的备注', organization: '对方改的单位', version: target.version + 1 };
    mockApi.db.intakeRecords.set(target.id, theirs);
    await user.type(form.getByLabelText('备注'), '我的备注');
    await user.click(form.getByRole('button', { name: '保存' }));
    expect(await form.findByText('该记录已被他人修改')).toBeInTheDocument();
    // Every field the other side changed is listed, field by field.
    const organization = within(form.getByRole('group', { name: /单位 \/ 来源/ }));
    expect(organization.getByRole('radio', { name: /对方改的单位/ })).toBeChecked();
    expect(form.getByLabelText(/单位 \/ 来源/, { selector: 'input[name="organization"]' })).toHaveValue('对方改的单位');
    const note = within(form.getByRole('group', { name: /备注/ }));
    expect(note.getByRole('radio', { name: /对方的备注/ })).not.toBeChecked();
    expect(note.getByRole('radio', { name: /我的备注/ })).not.toBeChecked();
    // What the user typed is still there, and saving waits for their choice.
    expect(form.getByLabelText('备注', { selector: 'textarea' })).toHaveValue(`${target.note}我的备注`);
    expect(form.getByRole('button', { name: '保存合并后的内容' })).toBeDisabled();
    await user.click(note.getByRole('radio', { name: /我的备注/ }));
    await user.click(form.getByRole('button', { name: '保存合并后的内容' }));
    await waitFor(() =>
      expect(mockApi.db.intakeRecords.get(target.id)).toMatchObject({
        note: `${target.note}我的备注`,
        organization: '对方改的单位',
        version: target.version + 2,
      }),
    );
  });

  it('asks before throwing away unsaved edits, and keeps them when the user stays', async () => {
    const { user } = renderApp('/intake', { as: 'officer' });
    await user.click(await screen.findByRole('button', { name: '新建记录' }));
    const form = within(await screen.findByRole('dialog', { name: '新建招引记录' }));
    expect(form.getByLabelText(/姓名/)).toHaveFocus();
    await user.type(form.getByLabelText(/姓名/), '未保存的名字');
    await user.keyboard('{Escape}');
    const ask = await screen.findByRole('alertdialog', { name: '放弃未保存的修改？' });
    await user.click(within(ask).getByRole('button', { name: '取消' }));
    expect(screen.getByRole('dialog', { name: '新建招引记录' })).toBeInTheDocument();
    expect(form.getByLabelText(/姓名/)).toHaveValue('未保存的名字');
    await user.click(form.getByRole('button', { name: '取消' }));
    await user.click(
      within(await screen.findByRole('alertdialog', { name: '放弃未保存的修改？' })).getByRole('button', {
        name: '放弃修改',
      }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog', { name: '新建招引记录' })).not.toBeInTheDocument());
  });

  it('names the limit a value broke', async () => {
    const { user } = renderApp('/intake', { as: 'officer' });
    await user.click(await screen.findByRole('button', { name: '新建记录' }));
    const form = within(await screen.findByRole('dialog', { name: '新建招引记录' }));
    await user.click(form.getByLabelText('项目'));
    await user.type(form.getByLabelText('投资额'), '20000000');
    await user.type(form.getByLabelText(/姓名/), 'x'.repeat(65));
    await user.click(form.getByRole('button', { name: '保存' }));
    expect(await form.findByText('不能大于 10,000,000')).toBeInTheDocument();
    expect(form.getByText('不能超过 64 个字')).toBeInTheDocument();
    expect(form.getByLabelText('投资额')).toHaveAccessibleDescription(/不能大于 10,000,000/);
  });
});

describe('roles', () => {
  it('a viewer gets no create button, no selection and masked phone numbers', async () => {
    const target = records()[0]!;
    renderApp(`/intake?record=${target.id}`, { as: 'viewer' });
    const drawer = within(await screen.findByRole('dialog', { name: new RegExp(target.id) }));
    expect(await drawer.findByText(`${target.phone.slice(0, 3)}****${target.phone.slice(-4)}`)).toBeInTheDocument();
    expect(drawer.queryByRole('button', { name: '编辑' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '新建记录' })).not.toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: '选择本页全部' })).not.toBeInTheDocument();
  });

  it('an officer reassigns selected records in one go', async () => {
    const { user } = renderApp('/intake?sort=id', { as: 'officer' });
    const section = await recordsSection();
    const [first, second] = [...records()].sort((a, b) => a.id.localeCompare(b.id));
    await tick(user, section, `选择 ${first!.id}`);
    await tick(user, section, `选择 ${second!.id}`);
    await user.click(await section.findByRole('button', { name: '改派承办人' }));
    // The dialog's code loads on first use: slow on a busy machine.
    const dialog = within(await screen.findByRole('dialog', { name: '改派 2 条记录' }, { timeout: 15_000 }));
    await user.selectOptions(dialog.getByLabelText('新的承办人'), '王芳');
    await user.click(dialog.getByRole('button', { name: '确定' }));
    await waitFor(() => expect(mockApi.db.intakeRecords.get(first!.id)!.officerName).toBe('王芳'));
    expect(mockApi.db.intakeRecords.get(second!.id)!.officerName).toBe('王芳');
  });
});
