import { useQuery } from '@tanstack/react-query';
import { caseQueries } from '../../api/queries/case-queries';
import { ChartCard } from '../../components/charts/chart-card';
import type { ChartRow } from '../../components/charts/chart-types';
import { KpiCard } from '../../components/kpi-card';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';
import type { CaseLabels } from './use-case-labels';

/**
 * 办理分析, the managers' oversight of a month's casework in their scope: the daily flow, the
 * backlog and overdue by department, resolution time (median and P90), SLA compliance and
 * satisfaction. A bar leads to the demands it counts.
 */
export function CaseOversight({
  month,
  labels,
  onShowCases,
}: {
  month: string | undefined;
  labels: CaseLabels;
  /** Opens the demands list filtered by a department or a category. */
  onShowCases: (filter: { department?: string; category?: string }) => void;
}) {
  const { t } = useI18n();
  const format = useFormat();
  const oversight = useQuery(caseQueries.oversight(month));
  const o = oversight.data;
  const days = (value: number | null) => (value === null ? '—' : format.decimal(value));
  const share = (value: number | null) => (value === null ? '—' : format.percent(value));
  const common = { loading: oversight.isPending, error: oversight.error, onRetry: () => void oversight.refetch() };

  const daily: ChartRow[] | undefined = o?.daily.map((d) => ({
    key: d.day,
    label: format.date(d.day).slice(5),
    received: d.received,
    closed: d.closed,
    open: d.open,
    overdue: d.overdue,
  }));
  const departments: ChartRow[] | undefined = o?.byDepartment.map((d) => ({
    key: d.departmentCode,
    label: labels.label('department', d.departmentCode),
    open: d.open,
    overdue: d.overdue,
    median: d.medianResolutionDays ?? 0,
    p90: d.p90ResolutionDays ?? 0,
    sla: d.slaCompliance ?? 0,
  }));
  const categories: ChartRow[] | undefined = o?.byCategory.map((c) => ({
    key: c.categoryCode,
    label: labels.label('category', c.categoryCode),
    median: c.medianResolutionDays ?? 0,
    p90: c.p90ResolutionDays ?? 0,
    sla: c.slaCompliance ?? 0,
  }));
  /** Room for every bar's name: a row per department or category, a bar per series. */
  const heightFor = (rows: ChartRow[] | undefined, series: number) =>
    Math.max(260, (rows?.length ?? 0) * (10 + 12 * series) + 70);
  const timeSeries = [
    { key: 'median', label: t('oversight.median'), color: 'var(--chart-1)' },
    { key: 'p90', label: t('oversight.p90'), color: 'var(--chart-3)' },
  ];

  return (
    <section aria-labelledby="oversight-heading" className="space-y-4">
      <h2 id="oversight-heading" className="text-lg font-semibold">
        {t('case.tab.oversight')}
      </h2>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <KpiCard
          label={t('oversight.medianDays')}
          value={o && days(o.overall.medianResolutionDays)}
          unit={t('unit.days')}
        />
        <KpiCard label={t('oversight.p90Days')} value={o && days(o.overall.p90ResolutionDays)} unit={t('unit.days')} />
        <KpiCard
          label={t('oversight.sla')}
          definition={t('oversight.slaDefinition')}
          value={o && share(o.overall.slaCompliance)}
        />
        <KpiCard
          label={t('kpi.satisfaction')}
          definition={
            o &&
            t('oversight.followUps', {
              satisfied: format.integer(o.overall.followUps.satisfied),
              basically: format.integer(o.overall.followUps.basically_satisfied),
              unsatisfied: format.integer(o.overall.followUps.unsatisfied),
            })
          }
          value={o && share(o.overall.satisfactionRate)}
        />
      </div>
      <ChartCard
        title={t('oversight.daily')}
        unit={t('oversight.unitCases')}
        valueUnit={t('unit.cases')}
        basis={t('oversight.dailyBasis')}
        rows={daily}
        series={[
          { key: 'received', label: t('oversight.received'), color: 'var(--chart-1)' },
          { key: 'closed', label: t('oversight.closed'), color: 'var(--chart-2)' },
          { key: 'open', label: t('oversight.open'), color: 'var(--chart-3)' },
          { key: 'overdue', label: t('oversight.overdue'), color: 'var(--chart-5)' },
        ]}
        variant="line"
        formatValue={format.integer}
        {...common}
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <ChartCard
          title={t('oversight.backlog')}
          unit={t('oversight.unitCases')}
          valueUnit={t('unit.cases')}
          basis={t('oversight.backlogBasis')}
          rows={departments}
          series={[
            { key: 'open', label: t('oversight.open'), color: 'var(--chart-3)' },
            { key: 'overdue', label: t('oversight.overdue'), color: 'var(--chart-5)' },
          ]}
          horizontal
          height={heightFor(departments, 2)}
          onSelect={(department) => onShowCases({ department })}
          formatValue={format.integer}
          {...common}
        />
        <ChartCard
          title={t('oversight.byDepartment')}
          unit={t('oversight.unitDays')}
          valueUnit={t('unit.days')}
          basis={t('oversight.resolutionBasis')}
          rows={departments}
          series={timeSeries}
          horizontal
          height={heightFor(departments, 2)}
          onSelect={(department) => onShowCases({ department })}
          formatValue={format.decimal}
          {...common}
        />
        <ChartCard
          title={t('oversight.byCategory')}
          unit={t('oversight.unitDays')}
          valueUnit={t('unit.days')}
          basis={t('oversight.resolutionBasis')}
          rows={categories}
          series={timeSeries}
          horizontal
          height={heightFor(categories, 2)}
          onSelect={(category) => onShowCases({ category })}
          formatValue={format.decimal}
          {...common}
        />
        <ChartCard
          title={t('oversight.slaByDepartment')}
          basis={t('oversight.slaDefinition')}
          rows={departments}
          series={[{ key: 'sla', label: t('oversight.sla'), color: 'var(--chart-2)' }]}
          horizontal
          share
          height={heightFor(departments, 1)}
          onSelect={(department) => onShowCases({ department })}
          formatValue={format.percent}
          {...common}
        />
      </div>
    </section>
  );
}
