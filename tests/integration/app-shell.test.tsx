import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { intakeOverview } from '../../domain/rules/stats';
import { caseOverview } from '../../domain/rules/stats';
import { todayInChina } from '../../src/lib/today';
import { sessionStore } from '../../src/lib/session';
import { mockApi } from '../utils/mock-api';
import { renderApp } from '../utils/render-app';
import { ruleContext } from '../utils/rule-context';

// Lazily loaded routes, loaded once up front so no test races code-splitting.
beforeAll(async () => {
  await Promise.all([
    import('../../src/features/auth/login-page'),
    import('../../src/features/overview/overview-page'),
    import('../../src/components/charts/line-chart-view'),
  ]);
});

const navLabels = ['概览', '引才渠道', '政策补丁', '服务月工单', '报表导出', '系统管理'];

async function navigation() {
  return within(await screen.findByRole('navigation', { name: '主导航' }));
}

describe('signing in', () => {
  it('lists the demo accounts, signs in with one and lands on the overview', async () => {
    const { user, router } = renderApp('/', { as: null });
    expect(await screen.findByRole('heading', { name: '登录人才办工作台' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /填入演示账号：\s*李娜\s*officer/ }));
    expect(screen.getByLabelText('用户名')).toHaveValue('officer');
    await user.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByRole('heading', { name: '工作概览' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
    expect(screen.getByRole('button', { name: /^用户菜单：\s*李娜/ })).toHaveTextContent('承办人');
  });

  it('says so when the password is wrong, and asks for missing fields', async () => {
    const { user } = renderApp('/login', { as: null });
    await user.click(await screen.findByRole('button', { name: '登录' }));
    expect(screen.getByText('请输入用户名')).toBeInTheDocument();
    expect(screen.getByLabelText('用户名')).toHaveAttribute('aria-invalid', 'true');
    await user.type(screen.getByLabelText('用户名'), 'manager');
    await user.type(screen.getByLabelText('密码'), 'wrong-password');
    await user.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('用户名或密码不正确');
  });

  it('after a 401 sends the user to sign in, then back to where they were', async () => {
    const { user, router } = renderApp('/service-cases');
    await screen.findByRole('heading', { name: '服务月工单' });
    // The server forgets the session, as when it expires.
    mockApi.db.sessions.clear();
    await user.click((await navigation()).getByRole('link', { name: '概览' }));
    // The overview's route (charts included) is loaded for the first time here: slow on a busy machine.
    expect(
      await screen.findByText(/登录已过期，请重新登录。登录后将回到/, {}, { timeout: 15_000 }),
    ).toBeInTheDocument();
    // Back to the page being opened, or (when a request of the page being left met the 401 first) to
    // that one: each is where the user was.
    const headings: Record<string, string> = { '/': '工作概览', '/service-cases': '服务月工单' };
    const next = new URLSearchParams(router.state.location.search).get('next')!;
    expect(Object.keys(headings)).toContain(next);
    await user.click(screen.getByRole('button', { name: /填入演示账号：\s*王芳\s*manager/ }));
    await user.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByRole('heading', { name: headings[next] })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(next);
  });

  it('signs out from the user menu', async () => {
    const { user } = renderApp('/');
    await user.click(await screen.findByRole('button', { name: /^用户菜单：\s*王芳/ }));
    await user.click(await screen.findByRole('menuitem', { name: '退出登录' }));
    expect(await screen.findByText('您已安全退出。')).toBeInTheDocument();
    expect(sessionStore.get().session).toBeNull();
  });
});

describe('navigation by role', () => {
  it.each([
    ['viewer', ['概览', '引才渠道', '政策补丁', '服务月工单']],
    ['officer', ['概览', '引才渠道', '政策补丁', '服务月工单']],
    ['manager', ['概览', '引才渠道', '政策补丁', '服务月工单', '报表导出']],
    ['admin', navLabels],
  ] as const)('a %s sees %j', async (role, expected) => {
    renderApp('/', { as: role });
    const links = (await navigation()).getAllByRole('link').map((link) => link.textContent);
    expect(links).toEqual(expected);
  });

  it('shows a 403 page when a viewer opens the reports address directly', async () => {
    renderApp('/reports', { as: 'viewer' });
    expect(await screen.findByRole('heading', { name: '没有访问权限' })).toBeInTheDocument();
    expect(screen.getByText(/您的角色（科员）不能访问此页面/)).toBeInTheDocument();
  });

  it('shows a 404 page for an unknown address, inside the shell', async () => {
    renderApp('/no-such-page');
    expect(await screen.findByRole('heading', { name: '页面不存在' })).toBeInTheDocument();
    expect(await navigation()).toBeTruthy();
  });
});

describe('overview', () => {
  it('shows the figures the stats endpoints compute, formatted for zh-CN', async () => {
    renderApp('/', { as: 'viewer' });
    const today = todayInChina();
    const expected = await intakeOverview(ruleContext('viewer'), { from: `${today.slice(0, 4)}-01-01`, to: today });
    const cases = await caseOverview(ruleContext('viewer'), undefined);
    const card = (label: string) => screen.getByText(label).closest('div')!;
    await waitFor(() => expect(card('已落户')).toHaveTextContent(expected.current.landed.toLocaleString('zh-CN')));
    expect(card('引进人才（线索）')).toHaveTextContent(expected.current.records.toLocaleString('zh-CN'));
    await waitFor(() => expect(card('逾期工单')).toHaveTextContent(String(cases.overdue)));
    expect(screen.getByText('演示数据')).toBeInTheDocument();
  });

  it('counts only its own department’s cases for a liaison', async () => {
    renderApp('/', { as: 'liaison' });
    const scoped = await caseOverview(ruleContext('liaison'), undefined);
    const everyone = await caseOverview(ruleContext('manager'), undefined);
    expect(scoped.open).toBeLessThan(everyone.open);
    const card = () => screen.getByText('在办工单').closest('div')!;
    await waitFor(() => expect(card()).toHaveTextContent(`${scoped.open}件`));
  });

  it('explains a server error with a retry that recovers', async () => {
    mockApi.setFaults({ faults: { intakeOverview: '500' } });
    const { user } = renderApp('/');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('服务器出错（500），请稍后重试。');
    mockApi.setFaults({});
    await user.click(within(alert).getByRole('button', { name: '重试' }));
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
    expect(screen.getByText('已落户')).toBeInTheDocument();
  });

  it('refuses data that breaks the contract, saying why, while the rest of the page works', async () => {
    mockApi.setFaults({ faults: { caseOverview: 'contract' } });
    renderApp('/');
    expect(await screen.findByRole('alert')).toHaveTextContent('服务器返回的数据格式与约定不符');
    expect(await screen.findByText('推进中补丁')).toBeInTheDocument();
  });

  it('switches to English, numbers and all', async () => {
    const { user } = renderApp('/');
    await user.selectOptions(await screen.findByRole('combobox', { name: '语言' }), 'en');
    expect(await screen.findByRole('heading', { name: 'Overview' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Intake channels' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
  });
});

describe('page titles', () => {
  it('names the page, then the app, in the active language', async () => {
    const { user } = renderApp('/service-cases');
    await screen.findByRole('heading', { name: '服务月工单' });
    await waitFor(() => expect(document.title).toBe('服务月工单 · 人才办工作台'));
    await user.click((await navigation()).getByRole('link', { name: '概览' }));
    await waitFor(() => expect(document.title).toBe('概览 · 人才办工作台'));
    await user.selectOptions(screen.getByRole('combobox', { name: '语言' }), 'en');
    await waitFor(() => expect(document.title).toBe('Overview · Talent Office Dashboard'));
  });

  it('titles the login page', async () => {
    renderApp('/login', { as: null, locale: 'en' });
    await screen.findByRole('heading', { name: 'Sign in to the Talent Office Dashboard' });
    await waitFor(() => expect(document.title).toBe('Sign in · Talent Office Dashboard'));
  });
});

describe('focus return', () => {
  it('puts focus back on the user menu after the reset confirmation is cancelled', async () => {
    const { user } = renderApp('/');
    const menuButton = await screen.findByRole('button', { name: /^用户菜单：\s*王芳/ });
    await user.click(menuButton);
    await user.click(await screen.findByRole('menuitem', { name: '重置演示数据' }));
    const confirm = await screen.findByRole('alertdialog', { name: '重置演示数据' });
    await user.click(within(confirm).getByRole('button', { name: '取消' }));
    await waitFor(() => expect(menuButton).toHaveFocus());
  });
});
