import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../src/api/client';
import { mockApi } from '../utils/mock-api';
import { renderApp } from '../utils/render-app';

// The pages and their parts load lazily; load them once up front so no test races code-splitting.
beforeAll(async () => {
  await Promise.all([
    import('../../src/features/overview/overview-page'),
    import('../../src/features/intake/intake-page'),
    import('../../src/features/intake/intake-analytics'),
    import('../../src/features/intake/intake-record-drawer'),
    import('../../src/components/charts/bar-chart-view'),
    import('../../src/components/charts/line-chart-view'),
  ]);
});

function clientAs(username: string): ApiClient {
  const { token } = mockApi.signIn(username);
  return createApiClient({ baseUrl: 'http://localhost', getToken: () => token });
}

const zh = (n: number) => n.toLocaleString('zh-CN');
/** A KPI card, found by its label. */
const card = (label: string) => screen.getByText(label, { selector: 'p' }).closest('div')!;
const thisYear = { from: '2026-01-01', to: '2026-12-31' };

describe('已落户 means one thing on both pages', () => {
  it('the overview’s 已落户 (by landing date) equals the landings of the intake channel chart, through the API', async () => {
    const api = clientAs('viewer');
    for (const filter of [
      thisYear,
      { ...thisYear, tier: ['tier.engineer'] },
      { from: '2025-04-01', to: '2025-06-30' },
    ]) {
      const overview = await api.request('intakeOverview', { query: filter });
      const byChannel = await api.request('intakeBreakdown', { query: { ...filter, dimension: 'channel' } });
      const sum = (pick: (row: (typeof byChannel.rows)[number]) => number) =>
        byChannel.rows.reduce((total, row) => total + pick(row), 0);
      // Events by landing date on both pages.
      expect(sum((r) => r.landings)).toBe(overview.current.landed);
      // The cohort (leads by lead date, those landed) on both pages.
      expect(sum((r) => r.landed)).toBe(overview.current.cohortLanded);
      expect(sum((r) => r.total)).toBe(overview.current.records);
    }
  });

  it('shows the same 已落户 on 概览 and in the 引才渠道 channel chart, each saying how it counts', async () => {
    const overview = await clientAs('viewer').request('intakeOverview', { query: thisYear });
    const landed = overview.current.landed;
    expect(landed).not.toBe(overview.current.cohortLanded);

    const first = renderApp('/?from=2026-01-01&to=2026-12-31', { as: 'viewer' });
    await waitFor(() => expect(card('已落户')).toHaveTextContent(zh(landed)));
    expect(card('已落户')).toHaveTextContent('按落户日期');
    expect(card('落户转化率')).toHaveTextContent('按线索日期');
    first.unmount();

    const { user } = renderApp('/intake?tab=analysis&from=2026-01-01&to=2026-12-31', { as: 'viewer' });
    const channelChart = within((await screen.findByRole('heading', { name: '各渠道引进与落户' })).closest('section')!);
    expect(channelChart.getByText(/按落户日期，与概览的“已落户”一致/)).toBeInTheDocument();
    await user.click(channelChart.getByRole('button', { name: '以表格查看' }));
    const table = await channelChart.findByRole('table');
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    const landingsColumn = headers.indexOf('落户（按落户日期）');
    const cohortColumn = headers.indexOf('其中已落户（按线索日期）');
    expect(landingsColumn).toBeGreaterThan(0);
    expect(cohortColumn).toBeGreaterThan(0);
    const column = (index: number) =>
      within(table)
        .getAllByRole('row')
        .slice(1)
        .reduce((sum, row) => sum + Number(row.children[index]!.textContent!.replace(/,/g, '')), 0);
    expect(column(landingsColumn)).toBe(landed);
    expect(column(cohortColumn)).toBe(overview.current.cohortLanded);
  });
});

describe('同比 and 环比 of a period that has not ended', () => {
  it('compares this year so far with the same days of last year, and says so', async () => {
    const overview = await clientAs('viewer').request('intakeOverview', { query: thisYear });
    const lastYear = overview.samePeriodLastYear!;
    expect(lastYear.period).toEqual({ from: '2025-01-01', to: '2025-11-25' });
    renderApp('/?from=2026-01-01&to=2026-12-31', { as: 'viewer' });
    expect(
      await screen.findByText(/截至2026\/11\/25，本期尚未结束：同比与2025\/01\/01至2025\/11\/25相比/),
    ).toBeVisible();
    const yoy = (overview.current.landed - lastYear.totals.landed) / lastYear.totals.landed;
    const shown = new Intl.NumberFormat('zh-CN', {
      style: 'percent',
      maximumFractionDigits: 1,
      signDisplay: 'exceptZero',
    }).format(yoy);
    await waitFor(() => expect(within(card('已落户')).getByText('同比').parentElement).toHaveTextContent(shown));
  });

  it('opens on this year, compared exactly as the 本年 preset is', async () => {
    const { user, router } = renderApp('/', { as: 'viewer' });
    const note = await screen.findByText(/截至2026\/11\/25，本期尚未结束/);
    const opened = note.textContent;
    const landed = within(card('已落户')).getByText('环比').parentElement!.textContent;
    expect(screen.getByRole('button', { name: /^本年$/ })).toHaveAttribute('aria-pressed', 'true');
    await user.click(screen.getByRole('button', { name: /^本年$/ }));
    await waitFor(() => expect(router.state.location.search).toBe('?from=2026-01-01&to=2026-12-31'));
    expect(await screen.findByText(opened!)).toBeVisible();
    expect(within(card('已落户')).getByText('环比').parentElement!.textContent).toBe(landed);
  });

  it('compares this month so far with the same days of last month', async () => {
    renderApp('/?from=2026-11-01&to=2026-11-30', { as: 'viewer' });
    expect(await screen.findByText(/环比与2026\/10\/01至2026\/10\/25相比/)).toBeVisible();
  });

  it('shows no comparison for a period wholly in the future, not −100%', async () => {
    renderApp('/?from=2027-01-01&to=2027-03-31', { as: 'viewer' });
    expect(await screen.findByText('所选期间尚未开始：没有数据，也不作比较。')).toBeVisible();
    await waitFor(() => expect(card('已落户')).toHaveTextContent('无可比数据'));
    expect(screen.getByRole('region', { name: '人才招引' })).not.toHaveTextContent('-100%');
    expect(screen.getByRole('region', { name: '人才招引' })).not.toHaveTextContent('−100%');
  });

  it('shows the change of the landing rate in percentage points, cohorts compared at the same age', async () => {
    const overview = await clientAs('viewer').request('intakeOverview', { query: thisYear });
    const rate = (t: { cohortLanded: number; records: number }) => t.cohortLanded / t.records;
    const points = (rate(overview.current) - rate(overview.samePeriodLastYear!.totals)) * 100;
    expect(overview.samePeriodLastYear!.asOf).toBe('2025-11-25');
    renderApp('/?from=2026-01-01&to=2026-12-31', { as: 'viewer' });
    const expected = `${new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(points)}个百分点`;
    await waitFor(() => expect(card('落户转化率')).toHaveTextContent(expected));
    expect(screen.getByText(/不拿已成熟的批次与未成熟的相比/)).toBeVisible();
  });
});

describe('the liaison (an officer of 住建局)', () => {
  it('is told which figures are city-wide and which are their department’s', async () => {
    renderApp('/', { as: 'liaison' });
    const intake = await screen.findByRole('region', { name: '人才招引' });
    expect(within(intake).getByText('统计范围：全市')).toBeInTheDocument();
    const cases = screen.getByRole('region', { name: '服务月工单' });
    expect(await within(cases).findByText('统计范围：本部门（住建局）')).toBeInTheDocument();
  });

  it('tells the talent office its case figures are city-wide', async () => {
    renderApp('/', { as: 'manager' });
    const cases = await screen.findByRole('region', { name: '服务月工单' });
    expect(await within(cases).findByText('统计范围：全市')).toBeInTheDocument();
  });

  it('sees the intake figures only: no records, no record drawer, no personal data', async () => {
    const target = [...mockApi.db.intakeRecords.values()].find((r) => r.stage === 'lead')!;
    renderApp(`/intake?record=${target.id}`, { as: 'liaison' });
    expect(await screen.findByRole('note')).toHaveTextContent('招引记录及其中的个人信息仅人才办可见');
    expect(await screen.findByRole('heading', { name: '按区镇' })).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: '招引记录' })).not.toBeInTheDocument();
    expect(screen.queryByText(target.name)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '新建记录' })).not.toBeInTheDocument();
  });
});
