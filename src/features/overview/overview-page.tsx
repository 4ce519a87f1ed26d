import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { isoDateSchema } from '../../api/schemas/common';
import { PeriodPicker } from '../../components/period-picker';
import { todayInChina } from '../../lib/today';
import { useSearchState } from '../../lib/use-search-state';
import { OverviewCharts } from './overview-charts';
import type { ReactNode } from 'react';
import { intakeStatsQueries } from '../../api/queries/intake-queries';
import { statsQueries } from '../../api/queries/stats-queries';
import { ErrorState } from '../../components/feedback/error-state';
import { KpiCard } from '../../components/kpi-card';
import { PageHeader } from '../../components/page-header';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';
import { ratio, relativeChange } from '../../lib/relative-change';

function KpiSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="mb-6">
      <h2 className="mb-2 text-sm font-semibold text-muted-foreground">{title}</h2>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-4">{children}</div>
    </section>
  );
}

const overviewSearchSchema = z.object({ from: isoDateSchema.optional(), to: isoDateSchema.optional() });

/** 概览: key figures for a period (this year to date unless chosen), then the intake charts. */
export function OverviewPage() {
  const { t } = useI18n();
  const format = useFormat();
  const { state, update } = useSearchState(overviewSearchSchema);
  const today = todayInChina();
  const period = { from: state.from ?? `${today.slice(0, 4)}-01-01`, to: state.to ?? today };
  const intake = useQuery(intakeStatsQueries.overview(period));
  const cases = useQuery(statsQueries.caseOverview());
  const patches = useQuery(statsQueries.patchOverview());

  const current = intake.data?.current;
  const lastYear = intake.data?.samePeriodLastYear;
  const previous = intake.data?.previousPeriod;
  const comparisons = (pick: (totals: NonNullable<typeof current>) => number | null) =>
    current && lastYear && previous
      ? [
          { label: t('kpi.yoy'), change: change(pick(current), pick(lastYear)) },
          { label: t('kpi.mom'), change: change(pick(current), pick(previous)) },
        ]
      : [
          { label: t('kpi.yoy'), change: null },
          { label: t('kpi.mom'), change: null },
        ];
  const conversion = (totals: NonNullable<typeof current>) => ratio(totals.landed, totals.records);

  return (
    <>
      <PageHeader
        title={t('overview.title')}
        description={t('overview.period', { from: format.date(period.from), to: format.date(period.to) })}
      />
      <div className="mb-5">
        <PeriodPicker value={period} allowAll={false} onChange={({ from, to }) => update({ from, to })} />
      </div>

      <KpiSection title={t('overview.intake')}>
        {intake.data || !intake.error ? (
          <>
            <KpiCard
              label={t('kpi.introduced')}
              value={current && format.integer(current.records)}
              unit={t('unit.people')}
              comparisons={comparisons((x) => x.records)}
              loading={intake.isPending}
            />
            <KpiCard
              label={t('kpi.landed')}
              value={current && format.integer(current.landed)}
              unit={t('unit.people')}
              comparisons={comparisons((x) => x.landed)}
              loading={intake.isPending}
            />
            <KpiCard
              label={t('kpi.conversion')}
              value={current && formatRatio(conversion(current), format.percent)}
              comparisons={comparisons(conversion)}
              loading={intake.isPending}
            />
            <KpiCard
              label={t('kpi.investment')}
              value={current && format.integer(current.investment)}
              unit={t('unit.tenThousandYuan')}
              comparisons={comparisons((x) => x.investment)}
              loading={intake.isPending}
            />
          </>
        ) : (
          <ErrorState
            error={intake.error}
            onRetry={() => void intake.refetch()}
            retrying={intake.isFetching}
            className="col-span-full"
          />
        )}
      </KpiSection>

      <section aria-labelledby="overview-charts-heading" className="mb-6">
        <h2 id="overview-charts-heading" className="mb-2 text-sm font-semibold text-muted-foreground">
          {t('overview.charts')}
        </h2>
        <OverviewCharts filter={period} year={Number(period.to.slice(0, 4))} />
      </section>

      <KpiSection title={t('overview.cases')}>
        {cases.data || !cases.error ? (
          <>
            <KpiCard
              label={t('kpi.openCases')}
              value={cases.data && format.integer(cases.data.open)}
              unit={t('unit.cases')}
              loading={cases.isPending}
            />
            <KpiCard
              label={t('kpi.overdueCases')}
              value={cases.data && format.integer(cases.data.overdue)}
              unit={t('unit.cases')}
              tone={cases.data && cases.data.overdue > 0 ? 'danger' : 'default'}
              loading={cases.isPending}
            />
            <KpiCard
              label={t('kpi.supervisedCases')}
              value={cases.data && format.integer(cases.data.supervised)}
              unit={t('unit.cases')}
              tone="warning"
              loading={cases.isPending}
            />
            <KpiCard
              label={t('kpi.satisfaction')}
              value={cases.data && formatRatio(cases.data.satisfactionRate, format.percent)}
              loading={cases.isPending}
            />
          </>
        ) : (
          <ErrorState
            error={cases.error}
            onRetry={() => void cases.refetch()}
            retrying={cases.isFetching}
            className="col-span-full"
          />
        )}
      </KpiSection>

      <KpiSection title={t('overview.patches')}>
        {patches.data || !patches.error ? (
          <>
            <KpiCard
              label={t('kpi.patchesInProgress')}
              value={patches.data && format.integer(patches.data.inProgress)}
              unit={t('unit.items')}
              loading={patches.isPending}
            />
            <KpiCard
              label={t('kpi.patchesIssued')}
              value={
                patches.data &&
                format.integer(
                  patches.data.byStatus
                    .filter((s) => s.status === 'issued' || s.status === 'evaluating')
                    .reduce((sum, s) => sum + s.count, 0),
                )
              }
              unit={t('unit.items')}
              loading={patches.isPending}
            />
            <KpiCard
              label={t('kpi.daysToIssue')}
              value={
                patches.data &&
                (patches.data.meanDaysDemandToIssue === null ? '—' : format.decimal(patches.data.meanDaysDemandToIssue))
              }
              unit={t('unit.days')}
              loading={patches.isPending}
            />
            <KpiCard
              label={t('kpi.beneficiaries')}
              value={patches.data && format.integer(patches.data.effect.beneficiaries)}
              unit={t('unit.people')}
              loading={patches.isPending}
            />
          </>
        ) : (
          <ErrorState
            error={patches.error}
            onRetry={() => void patches.refetch()}
            retrying={patches.isFetching}
            className="col-span-full"
          />
        )}
      </KpiSection>
    </>
  );
}

function change(current: number | null, previous: number | null): number | null {
  return current === null || previous === null ? null : relativeChange(current, previous);
}

function formatRatio(value: number | null, percent: (ratio: number) => string): string {
  return value === null ? '—' : percent(value);
}
