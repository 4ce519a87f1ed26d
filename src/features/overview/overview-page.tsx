import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { z } from 'zod';
import { dictionaryQueries } from '../../api/queries/dictionary-queries';
import { intakeStatsQueries } from '../../api/queries/intake-queries';
import { statsQueries } from '../../api/queries/stats-queries';
import { isoDateSchema } from '../../api/schemas/common';
import type { IntakeComparison, IntakeTotals } from '../../api/schemas/stats';
import { ErrorState } from '../../components/feedback/error-state';
import { KpiCard, type KpiComparison } from '../../components/kpi-card';
import { PageHeader } from '../../components/page-header';
import { PeriodPicker } from '../../components/period-picker';
import { todayInChina, yearSpan } from '../../lib/calendar';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';
import { pointChange, ratio, relativeChange } from '../../lib/relative-change';
import { useSearchState } from '../../lib/use-search-state';
import { ComparisonNote } from './comparison-note';
import { OverviewCharts } from './overview-charts';

function KpiSection({ title, scope, children }: { title: string; scope?: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="mb-6">
      <h2 className="mb-2 text-sm font-semibold text-muted-foreground">
        {title}
        {scope && <span className="ml-2 text-xs font-normal">{scope}</span>}
      </h2>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-4">{children}</div>
    </section>
  );
}

const conversion = (totals: IntakeTotals) => ratio(totals.cohortLanded, totals.records);

const overviewSearchSchema = z.object({ from: isoDateSchema.optional(), to: isoDateSchema.optional() });

/** 概览: key figures for a period (this year to date unless chosen), then the intake charts. */
export function OverviewPage() {
  const { t } = useI18n();
  const format = useFormat();
  const { state, update } = useSearchState(overviewSearchSchema);
  const today = todayInChina();
  // Unless chosen, this year: the same span as the 本年 preset, compared the same way.
  const thisYear = yearSpan(today);
  const period = { from: state.from ?? thisYear.from, to: state.to ?? thisYear.to };
  const intake = useQuery(intakeStatsQueries.overview(period));
  const cases = useQuery(statsQueries.caseOverview());
  const patches = useQuery(statsQueries.patchOverview());
  const departments = useQuery({ ...dictionaryQueries.all(), select: (d) => d.departments });

  const current = intake.data?.current;
  // Counts compare relatively; a rate compares in percentage points. A future period has neither.
  const comparisons = (pick: (totals: IntakeTotals) => number | null, kind: KpiComparison['kind'] = 'relative') => {
    const against = (other: IntakeComparison | null | undefined) => {
      const now = current ? pick(current) : null;
      const then = other ? pick(other.totals) : null;
      if (now === null || then === null) return null;
      return kind === 'points' ? pointChange(now, then) : relativeChange(now, then);
    };
    return [
      { label: t('kpi.yoy'), change: against(intake.data?.samePeriodLastYear), kind },
      { label: t('kpi.mom'), change: against(intake.data?.previousPeriod), kind },
    ];
  };
  const cityWide = t('overview.scope', { scope: t('overview.scopeCity') });
  const caseScope =
    cases.data &&
    (cases.data.scopeDepartmentCode === null
      ? cityWide
      : t('overview.scope', {
          scope: t('overview.scopeDepartment', {
            department: format.entry(
              departments.data?.find((d) => d.code === cases.data.scopeDepartmentCode),
              cases.data.scopeDepartmentCode,
            ),
          }),
        }));

  return (
    <>
      <PageHeader
        title={t('overview.title')}
        description={t('overview.period', { from: format.date(period.from), to: format.date(period.to) })}
      />
      <div className="mb-5">
        <PeriodPicker value={period} allowAll={false} onChange={({ from, to }) => update({ from, to })} />
      </div>

      <KpiSection title={t('overview.intake')} scope={cityWide}>
        {intake.data || !intake.error ? (
          <>
            <KpiCard
              label={t('kpi.introduced')}
              definition={t('kpi.byLeadDate')}
              value={current && format.integer(current.records)}
              unit={t('unit.people')}
              comparisons={comparisons((x) => x.records)}
              loading={intake.isPending}
            />
            <KpiCard
              label={t('kpi.landed')}
              definition={t('kpi.byLandingDate')}
              value={current && format.integer(current.landed)}
              unit={t('unit.people')}
              comparisons={comparisons((x) => x.landed)}
              loading={intake.isPending}
            />
            <KpiCard
              label={t('kpi.conversion')}
              definition={t('kpi.cohortConversion')}
              value={current && formatRatio(conversion(current), format.percent)}
              comparisons={comparisons(conversion, 'points')}
              loading={intake.isPending}
            />
            <KpiCard
              label={t('kpi.investment')}
              definition={t('kpi.byLandingDate')}
              value={current && format.amount(current.investment)}
              unit={t('unit.tenThousandYuan')}
              comparisons={comparisons((x) => x.investment)}
              loading={intake.isPending}
            />
            {intake.data && <ComparisonNote overview={intake.data} />}
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

      <KpiSection title={t('overview.cases')} scope={caseScope}>
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

      <KpiSection title={t('overview.patches')} scope={cityWide}>
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
              value={patches.data && format.integer(patches.data.issuedInYear)}
              unit={t('unit.items')}
              loading={patches.isPending}
            />
            <KpiCard
              label={t('kpi.daysToIssue')}
              value={
                patches.data &&
                (patches.data.demandToIssue.medianDays === null
                  ? '—'
                  : format.decimal(patches.data.demandToIssue.medianDays))
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

function formatRatio(value: number | null, percent: (ratio: number) => string): string {
  return value === null ? '—' : percent(value);
}
