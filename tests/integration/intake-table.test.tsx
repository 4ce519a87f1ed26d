import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { mockApi } from '../utils/mock-api';
import { renderApp } from '../utils/render-app';
import { tick } from '../utils/table';

beforeAll(async () => {
  await Promise.all([
    import('../../src/features/intake/intake-page'),
    import('../../src/features/intake/intake-record-drawer'),
  ]);
});

const records = () => [...mockApi.db.intakeRecords.values()];
const section = async () => within((await screen.findByRole('heading', { name: '招引记录' })).closest('section')!);

/**
 * The records section once a page of rows is in and nothing is loading: rows still shown while
 * the next page loads take no selection, and a click on them would be lost.
 */
const settledSection = async () => {
  const region = await section();
  await waitFor(() => {
    expect(region.getAllByRole('row').length).toBeGreaterThan(1);
    expect(document.querySelector('[aria-busy="true"]')).toBeNull();
  });
  return region;
};

describe('selection', () => {
  it('is cleared when the filters change, so a bulk action never hits rows no longer shown', async () => {
    const { user } = renderApp('/intake?sort=id', { as: 'officer' });
    const table = await settledSection();
    const [first, second] = [...records()].sort((a, b) => a.id.localeCompare(b.id));
    await tick(user, table, `选择 ${first!.id}`);
    await tick(user, table, `选择 ${second!.id}`);
    expect(table.getByRole('region', { name: '批量操作' })).toHaveTextContent('已选 2 条');
    await user.click(table.getByRole('button', { name: /^筛选：\s*阶段/ }));
    await user.click(await screen.findByRole('checkbox', { name: '落户' }));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(table.queryByRole('region', { name: '批量操作' })).not.toBeInTheDocument());
  });

  it('can take every record the filters match, and the server reassigns exactly those', async () => {
    const { user } = renderApp('/intake?town=town.lujia&stage=signed', { as: 'officer' });
    const table = await settledSection();
    const matching = records().filter((r) => r.townCode === 'town.lujia' && r.stage === 'signed');
    expect(matching.length).toBeGreaterThan(20);
    await table.findByText(`共 ${matching.length} 条`);
    await tick(user, table, '选择本页全部');
    await user.click(table.getByRole('button', { name: `选择全部 ${matching.length} 条符合条件的记录` }));
    expect(table.getByRole('region', { name: '批量操作' })).toHaveTextContent(
      `已选全部 ${matching.length} 条符合条件的记录`,
    );
    const officersBefore = new Map(records().map((r) => [r.id, r.officerId]));
    await user.click(await table.findByRole('button', { name: '改派承办人' }));
    const dialog = within(await screen.findByRole('dialog', { name: `改派 ${matching.length} 条记录` }));
    await user.selectOptions(dialog.getByLabelText('新的承办人'), '王芳');
    await user.click(dialog.getByRole('button', { name: '确定' }));
    await waitFor(() =>
      expect(matching.every((r) => mockApi.db.intakeRecords.get(r.id)!.officerName === '王芳')).toBe(true),
    );
    // The bar that opened the dialog is gone: focus lands on the table's heading, not on the page.
    await waitFor(() => expect(screen.getByRole('heading', { name: '招引记录' })).toHaveFocus());
    const already = matching.filter((r) => officersBefore.get(r.id) === 'u.manager').length;
    expect(already).toBeGreaterThan(0);
    expect(await screen.findByText(`另有 ${already} 条原本就由该承办人负责，未作改动`)).toBeInTheDocument();
    // Nothing outside the filter changed hands.
    const changed = records().filter((r) => r.officerId !== officersBefore.get(r.id));
    expect(changed.every((r) => r.townCode === 'town.lujia' && r.stage === 'signed')).toBe(true);
    expect(changed.length).toBe(matching.filter((r) => officersBefore.get(r.id) !== 'u.manager').length);
  });

  it('shows every row of any page as picked when all matching rows are, and refuses more than one action may take', async () => {
    const { user } = renderApp('/intake?town=town.lujia&stage=signed', { as: 'officer' });
    const table = await settledSection();
    const matching = records().filter((r) => r.townCode === 'town.lujia' && r.stage === 'signed');
    await table.findByText(`共 ${matching.length} 条`);
    await tick(user, table, '选择本页全部');
    await user.click(table.getByRole('button', { name: `选择全部 ${matching.length} 条符合条件的记录` }));
    await user.click(table.getByRole('button', { name: '下一页' }));
    await waitFor(() => expect(table.getByText(/^第 2 \//)).toBeInTheDocument());
    const boxes = await table.findAllByRole('checkbox', { name: /^选择 IR-/ });
    await waitFor(() => expect(boxes.every((box) => (box as HTMLInputElement).checked)).toBe(true));
  });

  it('says so when the rows the filters match are more than one bulk action may take', async () => {
    const { user } = renderApp('/intake', { as: 'officer' });
    const table = await settledSection();
    await table.findByText(`共 ${records().length.toLocaleString('zh-CN')} 条`);
    await tick(user, table, '选择本页全部');
    expect(
      table.getByText(
        `符合条件的共 ${records().length.toLocaleString('zh-CN')} 条，一次批量操作最多 5,000 条，请先缩小筛选范围`,
      ),
    ).toBeInTheDocument();
    expect(table.queryByRole('button', { name: /^选择全部/ })).not.toBeInTheDocument();
  });

  it('judges a new address by its own page, not the one still shown while it loads', async () => {
    const { router } = renderApp('/intake?stage=landed&town=town.lujia', { as: 'viewer' });
    const table = await settledSection();
    await table.findByText(/^第 1 \//);
    await router.navigate('/intake?page=50');
    expect(await table.findByText(`第 50 / ${Math.ceil(records().length / 20)} 页`)).toBeInTheDocument();
    expect(router.state.location.search).toBe('?page=50');
  });

  it('offers no admin account as an assignee', async () => {
    const { user } = renderApp('/intake?sort=id', { as: 'admin' });
    const table = await settledSection();
    const first = [...records()].sort((a, b) => a.id.localeCompare(b.id))[0]!;
    await tick(user, table, `选择 ${first.id}`);
    await user.click(await table.findByRole('button', { name: '改派承办人' }));
    const dialog = within(await screen.findByRole('dialog', { name: '改派 1 条记录' }));
    const names = within(dialog.getByLabelText('新的承办人'))
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(names).not.toContain('陈静');
    expect(names).toContain('王芳');
  });
});

describe('filters of every kind', () => {
  it('a number range, a flag, a single choice and a date range each filter on the server', async () => {
    const { user, router } = renderApp('/intake', { as: 'viewer' });
    const table = await section();
    await table.findAllByRole('row');

    await user.click(table.getByRole('button', { name: /^筛选：\s*投资额/ }));
    const range = within(await screen.findByRole('form', { name: '投资额' }));
    await user.type(range.getByLabelText('起'), '5000');
    await user.type(range.getByLabelText('止'), '1000');
    await user.click(range.getByRole('button', { name: '应用' }));
    expect(range.getByRole('alert')).toHaveTextContent('起始值不能大于结束值');
    await user.clear(range.getByLabelText('起'));
    await user.type(range.getByLabelText('起'), '500');
    await user.click(range.getByRole('button', { name: '应用' }));
    await waitFor(() => expect(router.state.location.search).toBe('?investmentMin=500&investmentMax=1000'));
    const invested = records().filter((r) => r.investment !== null && r.investment >= 500 && r.investment <= 1000);
    expect(await table.findByText(`共 ${invested.length} 条`)).toBeInTheDocument();
    expect(table.getByRole('button', { name: '移除筛选：投资额 500万元 至 1000万元' })).toBeInTheDocument();

    await user.click(table.getByRole('button', { name: '来自引才活动' }));
    await waitFor(() => expect(router.state.location.search).toContain('hasEvent=true'));
    const fromEvents = invested.filter((r) => r.eventCode !== null);
    expect(await table.findByText(`共 ${fromEvents.length} 条`)).toBeInTheDocument();

    await user.selectOptions(table.getByLabelText('类型'), '项目');
    await waitFor(() => expect(router.state.location.search).toContain('kind=project'));
    const projects = fromEvents.filter((r) => r.kind === 'project');
    expect(await table.findByText(`共 ${projects.length} 条`)).toBeInTheDocument();

    await user.click(table.getByRole('button', { name: '重置筛选' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    await user.click(table.getByRole('button', { name: /^筛选：\s*落户日期/ }));
    const dates = within(await screen.findByRole('form', { name: '落户日期' }));
    await user.type(dates.getByLabelText('起'), '2025-01-01');
    await user.type(dates.getByLabelText('止'), '2025-03-31');
    await user.click(dates.getByRole('button', { name: '应用' }));
    await waitFor(() => expect(router.state.location.search).toBe('?landedFrom=2025-01-01&landedTo=2025-03-31'));
    const landed = records().filter(
      (r) => r.stageDates.landed !== null && r.stageDates.landed >= '2025-01-01' && r.stageDates.landed <= '2025-03-31',
    );
    expect(landed.length).toBeGreaterThan(0);
    expect(table.getByRole('button', { name: '移除筛选：落户日期 2025/01/01 至 2025/03/31' })).toBeInTheDocument();
    expect(await table.findByText(`共 ${landed.length} 条`)).toBeInTheDocument();
  });
});

describe('advancing a stage', () => {
  it('checks the date against the stage before, and confirms stages it would skip', async () => {
    const target = records().find((r) => r.stage === 'lead' && r.stageDates.lead < '2026-11-01')!;
    const { user } = renderApp(`/intake?record=${target.id}`, { as: 'officer' });
    const drawer = within(await screen.findByRole('dialog', { name: new RegExp(target.id) }));
    const form = within(await drawer.findByRole('form', { name: '推进阶段' }));
    await user.selectOptions(form.getByLabelText('推进到'), '签约');
    expect(form.getByText('将跳过：洽谈（记为同一天到达）')).toBeInTheDocument();
    await user.clear(form.getByLabelText('日期'));
    await user.type(form.getByLabelText('日期'), '2020-01-01');
    await user.click(form.getByRole('button', { name: '推进阶段' }));
    expect(await form.findByText(/^日期须在 .* 至 .* 之间$/)).toBeInTheDocument();
    expect(form.getByLabelText('日期')).toHaveAttribute('aria-invalid', 'true');

    await user.clear(form.getByLabelText('日期'));
    await user.type(form.getByLabelText('日期'), '2026-11-20');
    await user.click(form.getByRole('button', { name: '推进阶段' }));
    const confirm = within(await screen.findByRole('alertdialog', { name: '跳过中间阶段？' }));
    expect(confirm.getByText(/推进到“签约”将同时把 洽谈 记为 2026\/11\/20 到达/)).toBeInTheDocument();
    await user.click(confirm.getByRole('button', { name: '推进阶段' }));
    await waitFor(() =>
      expect(mockApi.db.intakeRecords.get(target.id)).toMatchObject({
        stage: 'signed',
        stageDates: { lead: target.stageDates.lead, negotiating: '2026-11-20', signed: '2026-11-20', landed: null },
      }),
    );
  });
});

describe('one state at a time', () => {
  it('a page past the end goes to the last page, never "page 3 of 1" beside "no records"', async () => {
    const { router } = renderApp('/intake?town=town.lujia&stage=signed&page=99', { as: 'viewer' });
    const table = await section();
    const count = records().filter((r) => r.townCode === 'town.lujia' && r.stage === 'signed').length;
    const last = Math.ceil(count / 20);
    expect(await table.findByText(`第 ${last} / ${last} 页`)).toBeInTheDocument();
    await waitFor(() => expect(router.state.location.search).toContain(`page=${last}`));
    expect(table.queryByText('没有符合条件的招引记录')).not.toBeInTheDocument();
  });

  it('a failed list shows the error alone, with a retry that works', async () => {
    mockApi.setFaults({ faults: { listIntakeRecords: '500' } });
    const { user } = renderApp('/intake', { as: 'viewer' });
    const table = await section();
    expect(await table.findByRole('alert')).toHaveTextContent('服务器出错（500）');
    expect(table.queryByText(/加载中/)).not.toBeInTheDocument();
    expect(table.queryByText('没有符合条件的招引记录')).not.toBeInTheDocument();
    expect(table.queryByText(/^第 .* 页$/)).not.toBeInTheDocument();
    mockApi.setFaults({});
    await user.click(table.getByRole('button', { name: '重试' }));
    expect(await table.findByText(`共 ${records().length.toLocaleString('zh-CN')} 条`)).toBeInTheDocument();
  });

  it('a record that does not exist says so and offers no retry', async () => {
    renderApp('/intake?record=IR-2020-99999', { as: 'viewer' });
    const drawer = within(await screen.findByRole('dialog'));
    expect(await drawer.findByText('要找的记录不存在，或不在您的数据权限范围内。')).toBeInTheDocument();
    expect(drawer.queryByRole('button', { name: '重试' })).not.toBeInTheDocument();
  });

  it('drops an invalid parameter of a link with a notice, keeping the rest', async () => {
    const { router } = renderApp('/intake?pageSize=abc&town=town.lujia', { as: 'viewer' });
    expect(await screen.findByText('链接中的部分条件无效，已忽略。')).toBeInTheDocument();
    await waitFor(() => expect(router.state.location.search).toBe('?town=town.lujia'));
    const table = await section();
    const count = records().filter((r) => r.townCode === 'town.lujia').length;
    expect(await table.findByText(`共 ${count.toLocaleString('zh-CN')} 条`)).toBeInTheDocument();
  });
});

describe('links with parts the table does not know', () => {
  it('drops an unknown sort and unknown filter values, naming them, and keeps the rest', async () => {
    const { router } = renderApp('/intake?sort=bogus&channel=ch.nope&channel=ch.event&town=town.lujia', {
      as: 'viewer',
    });
    expect(await screen.findByText('链接中的这些条件无效，已忽略：排序、招引渠道。')).toBeInTheDocument();
    await waitFor(() => {
      const params = new URLSearchParams(router.state.location.search);
      expect([...params.keys()].sort()).toEqual(['channel', 'town']);
      expect(params.getAll('channel')).toEqual(['ch.event']);
    });
    const table = await section();
    const count = records().filter((r) => r.channelCode === 'ch.event' && r.townCode === 'town.lujia').length;
    expect(await table.findByText(`共 ${count.toLocaleString('zh-CN')} 条`)).toBeInTheDocument();
    expect(screen.queryByText('提交的内容有误，请按提示修改。')).not.toBeInTheDocument();
  });

  it('drops a range whose start lies after its end', async () => {
    const { router } = renderApp('/intake?landedFrom=2026-05-01&landedTo=2026-03-01&town=town.lujia', {
      as: 'viewer',
    });
    expect(await screen.findByText('链接中的部分条件无效，已忽略。')).toBeInTheDocument();
    await waitFor(() => expect(router.state.location.search).toBe('?town=town.lujia'));
  });
});

describe('the server’s field errors', () => {
  it('are shown in the user’s language on the field they concern', async () => {
    const { user } = renderApp('/intake', { as: 'manager' });
    const table = await section();
    await user.click(table.getByRole('button', { name: '视图' }));
    await user.click(await screen.findByRole('menuitem', { name: '保存当前视图' }));
    const dialog = within(await screen.findByRole('dialog', { name: '保存当前视图' }));
    // The manager already owns a view of this name.
    await user.type(dialog.getByLabelText('视图名称'), '本年已落户');
    await user.click(dialog.getByRole('button', { name: '保存' }));
    expect(await dialog.findByText('您已有同名的视图，请换一个名称')).toBeInTheDocument();
    expect(dialog.getByLabelText('视图名称')).toHaveAttribute('aria-invalid', 'true');
    expect(dialog.getByLabelText('视图名称')).toHaveValue('本年已落户');
  });
});

describe('column settings', () => {
  it('hide, pin and reorder columns by keyboard-usable controls, remembered for the user', async () => {
    const { user, unmount } = renderApp('/intake', { as: 'viewer' });
    const table = await section();
    await table.findAllByRole('row');
    await user.click(table.getByRole('button', { name: '显示设置' }));
    await user.click(await screen.findByRole('checkbox', { name: '联系电话' }));
    await user.click(screen.getByRole('button', { name: '将“姓名 / 项目”固定在左侧' }));
    // From after 产业领域, 人才层次, 引才活动 and 招引渠道 (two of them hidden) to before them.
    for (let i = 0; i < 4; i++) await user.click(screen.getByRole('button', { name: '将“区镇”前移' }));
    await user.keyboard('{Escape}');
    const headers = () =>
      within(table.getByRole('table'))
        .getAllByRole('columnheader')
        .map((h) => h.textContent);
    expect(headers()).toContain('联系电话');
    const order = headers();
    expect(order.indexOf('区镇')).toBeLessThan(order.indexOf('招引渠道'));
    unmount();

    renderApp('/intake', { as: 'viewer' });
    const again = await section();
    await again.findAllByRole('row');
    const remembered = within(again.getByRole('table'))
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(remembered).toContain('联系电话');
    expect(remembered.indexOf('区镇')).toBeLessThan(remembered.indexOf('招引渠道'));
  });
});
