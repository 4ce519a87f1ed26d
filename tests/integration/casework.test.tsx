import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ServiceCase } from '../../src/api/schemas/service-cases';
import { dispatchCase } from '../../domain/rules/case-lifecycle';
import { toCstIso } from '../../domain/rules/dates';
import { workingCalendar } from '../../src/lib/working-days';
import { mockApi } from '../utils/mock-api';
import { renderApp } from '../utils/render-app';
import { tick } from '../utils/table';

beforeAll(async () => {
  await import('../../src/features/casework/casework-page');
});

const cases = () => [...mockApi.db.serviceCases.values()];
const inMonth = (c: ServiceCase) => c.monthId === 'SM-2026';
const queue = async () => within((await screen.findByRole('heading', { name: '需求工单' })).closest('section')!);
const workspace = async (title: string) =>
  within((await screen.findByRole('heading', { name: new RegExp(title) })).closest('section')!);
const viewButton = (name: string) => screen.getByRole('button', { name: new RegExp(`^${name}[\\d,…]`) });

describe('the triage queue', () => {
  it('starts the talent office on 待派单, with every view counted as the server counts it', async () => {
    renderApp('/service-cases', { as: 'officer' });
    const list = await queue();
    const fresh = cases().filter((c) => inMonth(c) && c.status === 'new');
    expect(await list.findByText(`共 ${fresh.length} 条`)).toBeInTheDocument();
    expect(viewButton('待派单')).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(viewButton('待派单')).toHaveTextContent(String(fresh.length)));
    const all = cases().filter(inMonth).length.toLocaleString('zh-CN');
    expect(viewButton('全部')).toHaveTextContent(all);
  });

  it('switches views in the URL, and a department liaison sees only the cases its department leads or assists with', async () => {
    const { user, router } = renderApp('/service-cases', { as: 'liaison' });
    const list = await queue();
    expect(viewButton('全部')).toHaveAttribute('aria-pressed', 'true');
    const involves = (c: ServiceCase) =>
      c.departmentCode === 'dept.zjj' || c.assists.some((a) => a.departmentCode === 'dept.zjj');
    const own = cases().filter((c) => inMonth(c) && involves(c));
    expect(await list.findByText(`共 ${own.length} 条`)).toBeInTheDocument();
    await user.click(viewButton('待签收'));
    expect(router.state.location.search).toBe('?view=dispatched');
    const toSign = own.filter((c) => c.status === 'dispatched');
    expect(await list.findByText(`共 ${toSign.length} 条`)).toBeInTheDocument();
    await user.click(viewButton('全部'));
    const column = list.getAllByRole('columnheader').findIndex((h) => h.textContent?.includes('编号'));
    const shown = list
      .getAllByRole('row')
      .slice(1)
      .map((row) => mockApi.db.serviceCases.get(within(row).getAllByRole('cell')[column]!.textContent!.trim())!);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every(involves)).toBe(true);
  });

  it('tells a liaison that another department’s case does not exist, as it tells of a missing one', async () => {
    const foreign = cases().find((c) => c.departmentCode !== null && c.departmentCode !== 'dept.zjj')!;
    renderApp(`/service-cases?view=all&case=${foreign.id}`, { as: 'liaison' });
    expect(await screen.findByRole('alert')).toHaveTextContent(/不存在|找不到/);
    expect(screen.queryByText(foreign.title)).not.toBeInTheDocument();
  });
});

/**
 * Cases awaiting 住建局's signature that it may still return: the demo's own, and as many new ones
 * as are missing, dispatched as the talent office would (the demo draws how many there are).
 */
function dispatchedToZjj(count: number): ServiceCase[] {
  const ready = cases().filter(
    (c) => c.departmentCode === 'dept.zjj' && c.status === 'dispatched' && !c.dispatches.at(-1)!.upheld,
  );
  const fresh = cases().filter((c) => c.status === 'new');
  const move = {
    now: toCstIso(mockApi.now()),
    actor: mockApi.db.users.get('u.officer')!,
    calendar: workingCalendar([...mockApi.db.holidayYears.values()]),
    timeLimitDays: 10,
  };
  while (ready.length < count) {
    const c = fresh.shift()!;
    const dispatched = { ...c, ...dispatchCase(c, move, 'dept.zjj', null), version: c.version + 1 };
    mockApi.db.serviceCases.set(c.id, dispatched);
    ready.push(dispatched);
  }
  return ready.slice(0, count);
}

describe('the case workspace', () => {
  it('an officer dispatches a new case to a department and its officer, and the history says so', async () => {
    const target = cases().find((c) => inMonth(c) && c.status === 'new')!;
    const { user } = renderApp(`/service-cases?case=${target.id}`, { as: 'officer' });
    const pane = await workspace(target.title);
    await user.click(await pane.findByRole('button', { name: '派单' }));
    const dialog = within(await screen.findByRole('dialog', { name: '派单' }));
    expect(dialog.getByText(/签收时限 1 个工作日/)).toBeInTheDocument();
    await user.selectOptions(dialog.getByLabelText(/承办部门/), '住建局');
    await user.selectOptions(dialog.getByLabelText(/承办人/), '刘洋');
    await user.click(dialog.getByRole('button', { name: '确定' }));
    await waitFor(() => expect(mockApi.db.serviceCases.get(target.id)!.status).toBe('dispatched'));
    expect(mockApi.db.serviceCases.get(target.id)).toMatchObject({
      departmentCode: 'dept.zjj',
      assigneeName: '刘洋',
      // Wednesday 10:00: to sign by 18:00 on Thursday.
      stageDueAt: '2026-11-26T18:00:00+08:00',
    });
    expect(await pane.findByText('待签收')).toBeInTheDocument();
    const lifecycle = within(pane.getByRole('heading', { name: '办理进程' }).closest('section')!);
    expect(await lifecycle.findByText(/派单至住建局，签收时限/)).toBeInTheDocument();
    const history = within(pane.getByRole('heading', { name: '办理记录' }).closest('section')!);
    expect(await history.findByText('派单')).toBeInTheDocument();
  });

  it('keeps an answer being written, and the policy it cites, through a 409 and a reload, and clears it once sent', async () => {
    const target = cases().find((c) => c.departmentCode === 'dept.zjj' && c.status === 'inProgress')!;
    const first = renderApp(`/service-cases?view=all&case=${target.id}`, { as: 'liaison' });
    let pane = await workspace(target.title);
    await first.user.type(await pane.findByLabelText(/^对策/), '已协调人才公寓');
    // The answer cites the housing policy it rests on.
    await first.user.selectOptions(pane.getByLabelText('依据政策'), '人才安居专项政策');
    // Someone else changes the case first.
    mockApi.db.serviceCases.set(target.id, { ...target, priority: 'urgent', version: target.version + 1 });
    await first.user.click(pane.getByRole('button', { name: '提交答复' }));
    expect(await pane.findByText('您输入的答复已保留，可修改后重新提交。')).toBeInTheDocument();
    expect(pane.getByLabelText(/^对策/)).toHaveValue('已协调人才公寓');

    // A reload: the page comes back with the draft, its text and the policy it cites.
    first.unmount();
    const second = renderApp(`/service-cases?view=all&case=${target.id}`, { as: 'liaison' });
    pane = await workspace(target.title);
    expect(await pane.findByLabelText(/^对策/)).toHaveValue('已协调人才公寓');
    expect(pane.getByLabelText('依据政策')).toHaveValue('pol.housing');
    await second.user.click(pane.getByRole('button', { name: '提交答复' }));
    await waitFor(() => expect(mockApi.db.serviceCases.get(target.id)!.status).toBe('answered'));
    expect(mockApi.db.serviceCases.get(target.id)).toMatchObject({
      countermeasure: '已协调人才公寓',
      citedPolicyCode: 'pol.housing',
    });
    expect(await pane.findByRole('link', { name: '人才安居专项政策' })).toHaveAttribute(
      'href',
      '/policy-patches?policy=pol.housing',
    );
    await waitFor(() => expect(screen.getByRole('heading', { name: new RegExp(target.title) })).toHaveFocus());
    expect(Object.keys(localStorage).filter((key) => key.startsWith('tod.draft.answer.'))).toEqual([]);
  });

  it('an unsatisfied follow-up visit the department caused redoes the case', async () => {
    const target = cases().find((c) => inMonth(c) && c.status === 'visiting')!;
    const { user } = renderApp(`/service-cases?view=all&case=${target.id}`, { as: 'officer' });
    const pane = await workspace(target.title);
    await user.click(await pane.findByRole('button', { name: '回访' }));
    const dialog = within(await screen.findByRole('dialog', { name: '回访' }));
    await user.click(dialog.getByRole('button', { name: '确定' }));
    expect(await dialog.findByText('此项必填')).toBeInTheDocument();
    await user.click(dialog.getByRole('radio', { name: '不满意' }));
    await user.click(dialog.getByRole('checkbox', { name: /不满意原因在承办部门/ }));
    await user.type(dialog.getByLabelText('备注'), '房源仍未落实');
    await user.click(dialog.getByRole('button', { name: '确定' }));
    await waitFor(() => expect(mockApi.db.serviceCases.get(target.id)!.status).toBe('inProgress'));
    expect(mockApi.db.serviceCases.get(target.id)!.round).toBe(target.round + 1);
    expect(await pane.findByText(`第 ${target.round + 1} 轮（重办）`)).toBeInTheDocument();
    // The 回访 button is gone with the state it was for: focus is back on the case, not the page.
    expect(pane.queryByRole('button', { name: '回访' })).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('heading', { name: new RegExp(target.title) })).toHaveFocus());
  });

  it('a liaison signs one dispatched case and returns another, which the talent office sends elsewhere', async () => {
    const [first, second] = dispatchedToZjj(2);
    const liaison = renderApp(`/service-cases?case=${first!.id}`, { as: 'liaison' });
    let pane = await workspace(first!.title);
    await liaison.user.click(await pane.findByRole('button', { name: '签收' }));
    let dialog = within(await screen.findByRole('dialog', { name: '签收' }));
    expect(dialog.getByText(/签收后开始计时，须在 .* 前办结/)).toBeInTheDocument();
    await liaison.user.click(dialog.getByRole('button', { name: '确定' }));
    await waitFor(() => expect(mockApi.db.serviceCases.get(first!.id)!.status).toBe('inProgress'));
    expect(await pane.findByText('办理中')).toBeInTheDocument();
    liaison.unmount();

    const again = renderApp(`/service-cases?case=${second!.id}`, { as: 'liaison' });
    pane = await workspace(second!.title);
    await again.user.click(await pane.findByRole('button', { name: '退单' }));
    dialog = within(await screen.findByRole('dialog', { name: '退单' }));
    await again.user.click(dialog.getByRole('button', { name: '确定' }));
    expect(await dialog.findByText('此项必填')).toBeInTheDocument();
    await again.user.type(dialog.getByLabelText(/理由/), '应由属地板块办理');
    // Closed with Escape before it is sent, the reason is still there when the dialog reopens.
    await again.user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: '退单' })).not.toBeInTheDocument());
    await again.user.click(pane.getByRole('button', { name: '退单' }));
    dialog = within(await screen.findByRole('dialog', { name: '退单' }));
    expect(dialog.getByLabelText(/理由/)).toHaveValue('应由属地板块办理');
    // And again, untouched in between.
    await again.user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: '退单' })).not.toBeInTheDocument());
    await again.user.click(pane.getByRole('button', { name: '退单' }));
    dialog = within(await screen.findByRole('dialog', { name: '退单' }));
    expect(dialog.getByLabelText(/理由/)).toHaveValue('应由属地板块办理');
    await again.user.click(dialog.getByRole('button', { name: '确定' }));
    await waitFor(() => expect(mockApi.db.serviceCases.get(second!.id)!.status).toBe('returned'));
    again.unmount();

    const office = renderApp(`/service-cases?view=returned&case=${second!.id}`, { as: 'officer' });
    pane = await workspace(second!.title);
    await office.user.click(await pane.findByRole('button', { name: '异议审核' }));
    dialog = within(await screen.findByRole('dialog', { name: '异议审核' }));
    expect(dialog.getByText(/住建局于.*退单：应由属地板块办理/)).toBeInTheDocument();
    await office.user.selectOptions(dialog.getByLabelText(/承办部门/), '人社局');
    await office.user.click(dialog.getByRole('button', { name: '确定' }));
    await waitFor(() =>
      expect(mockApi.db.serviceCases.get(second!.id)).toMatchObject({
        status: 'dispatched',
        departmentCode: 'dept.rsj',
      }),
    );
  });

  it('shows a viewer the case with personal data masked and no action', async () => {
    const target = cases().find((c) => inMonth(c) && c.status === 'inProgress' && c.requesterIdNumber !== null)!;
    renderApp(`/service-cases?case=${target.id}`, { as: 'viewer' });
    const pane = await workspace(target.title);
    const phone = target.requesterPhone;
    expect(await pane.findByText(`${phone.slice(0, 3)}****${phone.slice(-4)}`)).toBeInTheDocument();
    expect(pane.queryByText(target.requesterIdNumber!)).not.toBeInTheDocument();
    expect(pane.queryByRole('group', { name: '可办理的操作' })).not.toBeInTheDocument();
    expect(pane.queryByRole('button', { name: '提交答复' })).not.toBeInTheDocument();
  });
});

describe('keyboard triage', () => {
  it('opens a case with Enter, acts with a key, moves on with j, lists the keys with ? and goes back with Escape', async () => {
    const { user, router } = renderApp('/service-cases?sort=id', { as: 'officer' });
    const list = await queue();
    const fresh = cases()
      .filter((c) => inMonth(c) && c.status === 'new')
      .sort((a, b) => a.id.localeCompare(b.id));
    const firstRow = await list.findByRole('row', { name: new RegExp(fresh[0]!.id) });
    firstRow.focus();
    await user.keyboard('{Enter}');
    let pane = await workspace(fresh[0]!.title);
    await waitFor(() => expect(screen.getByRole('heading', { name: new RegExp(fresh[0]!.title) })).toHaveFocus());

    await user.keyboard('d');
    const dialog = within(await screen.findByRole('dialog', { name: '派单' }));
    await user.selectOptions(dialog.getByLabelText(/承办部门/), '住建局');
    await user.click(dialog.getByRole('button', { name: '确定' }));
    await waitFor(() => expect(mockApi.db.serviceCases.get(fresh[0]!.id)!.status).toBe('dispatched'));

    // The case left 待派单: j opens the one now in its place.
    await waitFor(() => expect(list.queryByRole('row', { name: new RegExp(fresh[0]!.id) })).not.toBeInTheDocument());
    await user.keyboard('j');
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('case')).toBe(fresh[1]!.id));
    pane = await workspace(fresh[1]!.title);
    expect(pane.getByRole('button', { name: '派单' })).toBeInTheDocument();

    await user.keyboard('?');
    const help = within(await screen.findByRole('dialog', { name: '键盘操作' }));
    expect(help.getByText('下一条工单')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    await user.keyboard('{Escape}');
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('case')).toBeNull());
    await waitFor(() => expect(list.getByRole('row', { name: new RegExp(fresh[1]!.id) })).toHaveFocus());
  });
});

describe('the reminders bell', () => {
  it('counts a liaison’s overdue, due-soon and supervised cases, what waits on its department, and the view it leads to lists as many', async () => {
    const { user, router } = renderApp('/', { as: 'liaison' });
    const bell = await screen.findByRole('button', {
      name: /^工单提醒：已逾期 \d+ 件，即将到期（下一工作日结束前） \d+ 件，督办中 \d+ 件，待签收 \d+ 件，协办待反馈 \d+ 件$/,
    });
    const overdue = bell.textContent!.match(/已逾期 (\d+) 件/)![1]!;
    expect(Number(overdue)).toBeGreaterThan(0);
    await user.click(bell);
    await user.click(await screen.findByRole('menuitem', { name: /已逾期/ }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/service-cases'));
    expect(router.state.location.search).toBe('?month=all&view=overdue');
    expect(await screen.findByRole('button', { name: /^已逾期\s*\d/, pressed: true })).toBeInTheDocument();
    expect(await (await queue()).findByText(`共 ${overdue} 条`)).toBeInTheDocument();
  });
});

describe('the reminders bell of the talent office', () => {
  it('adds what waits on the office: returns to review, extensions for a manager, notices due', async () => {
    renderApp('/', { as: 'manager' });
    const managerBell = await screen.findByRole('button', { name: /^工单提醒：/ });
    await waitFor(() =>
      expect(managerBell).toHaveAccessibleName(
        /退单待审 \d+ 件，延期待批 \d+ 件，逾期满 5 个工作日（应发催办通知书） \d+ 件$/,
      ),
    );
    const lapsed = Number(managerBell.textContent!.match(/（应发催办通知书） (\d+) 件/)?.[1] ?? NaN);
    expect(lapsed).toBeGreaterThan(0);
  });

  it('leaves extension decisions out for an officer, who may not make them', async () => {
    renderApp('/', { as: 'officer' });
    const bell = await screen.findByRole('button', { name: /^工单提醒：/ });
    await waitFor(() => expect(bell).toHaveAccessibleName(/退单待审 \d+ 件，逾期满 5 个工作日/));
    expect(bell).not.toHaveAccessibleName(/延期待批/);
  });
});

describe('bulk dispatch', () => {
  it('dispatches the picked cases each with its version; one changed meanwhile is named and stays picked', async () => {
    const { user } = renderApp('/service-cases?sort=id', { as: 'officer' });
    const list = await queue();
    const [a, b, c] = cases()
      .filter((x) => inMonth(x) && x.status === 'new')
      .sort((x, y) => x.id.localeCompare(y.id));
    await list.findByRole('row', { name: new RegExp(a!.id) });
    for (const picked of [a!, b!, c!]) await tick(user, list, `选择 ${picked.id}`);
    // Someone else changes the second case after the user saw it.
    mockApi.db.serviceCases.set(b!.id, { ...b!, priority: 'urgent', version: b!.version + 1 });
    await user.click(within(list.getByRole('region', { name: '批量操作' })).getByRole('button', { name: '批量派单' }));
    const dialog = within(await screen.findByRole('dialog', { name: '派单 3 条工单' }));
    await user.selectOptions(dialog.getByLabelText(/承办部门/), '住建局');
    await user.click(dialog.getByRole('button', { name: '确定' }));
    expect(await list.findByText('1 条工单未能办理（仍保持勾选）：')).toBeInTheDocument();
    expect(list.getByText(b!.id, { selector: 'li span' })).toBeInTheDocument();
    expect(mockApi.db.serviceCases.get(a!.id)!.departmentCode).toBe('dept.zjj');
    expect(mockApi.db.serviceCases.get(c!.id)!.departmentCode).toBe('dept.zjj');
    expect(mockApi.db.serviceCases.get(b!.id)!.status).toBe('new');
    expect(list.getByRole('region', { name: '批量操作' })).toHaveTextContent('已选 1 条');
  });
});

describe('oversight', () => {
  it('gives a manager the month’s figures by department, and a department’s bar leads to its open cases', async () => {
    const { user, router } = renderApp('/service-cases?tab=oversight', { as: 'manager' });
    const backlog = within((await screen.findByRole('heading', { name: '各部门在办与逾期' })).closest('section')!);
    await user.click(backlog.getByRole('button', { name: '以表格查看' }));
    const open = cases().filter((c) => inMonth(c) && c.departmentCode === 'dept.zjj' && c.status !== 'closed').length;
    const row = (await backlog.findByRole('rowheader', { name: '住建局' })).closest('tr')!;
    expect(within(row).getAllByRole('cell')[0]).toHaveTextContent(String(open));
    await user.click(within(row).getByRole('button', { name: '筛选：住建局' }));
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('department')).toBe('dept.zjj'));
    const list = await queue();
    const all = cases().filter((c) => inMonth(c) && c.departmentCode === 'dept.zjj').length;
    expect(await list.findByText(`共 ${all} 条`)).toBeInTheDocument();
  });
});
