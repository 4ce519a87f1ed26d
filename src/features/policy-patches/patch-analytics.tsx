import { useQuery } from '@tanstack/react-query';
import { statsQueries } from '../../api/queries/stats-queries';
import {
  patchAgeSchema,
  patchInProgressStatuses,
  type PatchAge,
  type PatchStatus,
} from '../../api/schemas/policy-patches';
import { ChartCard } from '../../components/charts/chart-card';
import type { ChartRow } from '../../components/charts/chart-types';
import { KpiCard } from '../../components/kpi-card';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';
import type { PatchLabels } from './use-patch-labels';

const statusColors: Record<PatchStatus, string> = {
  collected: 'var(--chart-1)',
  drafting: 'var(--chart-2)',
  consultation: 'var(--chart-3)',
  review: 'var(--chart-4)',
  issued: 'var(--chart-5)',
  evaluating: 'var(--chart-2)',
  withdrawn: 'var(--chart-3)',
};

/** What a chart's bar filters the table by. */
export interface PatchChartFilter {
  policy?: string;
  status?: PatchStatus[];
  age?: PatchAge;
}

/**
 * 分析: the patches of the tree's branch and the lead departments chosen: by status and age, per
 * specialised policy (patches, issued this year, days from the first demand to the issue), the
 * most patched policies, and the effect after issue. Each bar filters the table.
 */
export function PatchAnalytics({
  policy,
  department,
  year,
  labels,
  onFilter,
}: {
  policy: string[] | undefined;
  department: string[] | undefined;
  year: number;
  labels: PatchLabels;
  onFilter: (filter: PatchChartFilter) => void;
}) {
  const { t } = useI18n();
  const format = useFormat();
  const overview = useQuery(statsQueries.patchOverview({ policy, department, year }));
  const o = overview.data;
  const days = (value: number | null | undefined) =>
    value === null || value === undefined ? '—' : format.decimal(value);
  const common = { loading: overview.isPending, error: overview.error, onRetry: () => void overview.refetch() };
  const heightFor = (rows: ChartRow[] | undefined, series: number) =>
    Math.max(240, (rows?.length ?? 0) * (10 + 12 * series) + 70);

  const byStatus: ChartRow[] | undefined = o?.byStatus.map((s) => ({
    key: s.status,
    label: t(`patch.status.${s.status}`),
    count: s.count,
  }));
  const aging: ChartRow[] | undefined = o
    ? patchAgeSchema.options.map((age) => ({
        key: age,
        label: t(`patch.age.${age}`),
        ...Object.fromEntries(
          patchInProgressStatuses.map((status) => [
            status,
            o.aging.find((a) => a.age === age && a.status === status)?.count ?? 0,
          ]),
        ),
      }))
    : undefined;
  const branches: ChartRow[] | undefined = o?.byBranch
    .filter((b) => b.patches > 0)
    .map((b) => ({
      key: b.policyCode,
      label: labels.label('policy', b.policyCode),
      patches: b.patches,
      issuedInYear: b.issuedInYear,
      median: b.medianDaysDemandToIssue ?? 0,
      p90: b.p90DaysDemandToIssue ?? 0,
    }));
  const timed = branches?.filter((b) => Number(b.median) > 0);
  const most: ChartRow[] | undefined = o?.byPolicy.slice(0, 10).map((p) => ({
    key: p.policyCode,
    label: labels.label('policy', p.policyCode),
    count: p.count,
    issuedInYear: p.issuedInYear,
  }));
  const effect: ChartRow[] | undefined = o?.effectByMonth.map((m) => ({
    key: m.month,
    label: m.month.replace('-', '.'),
    beneficiaries: m.beneficiaries,
    fundsDisbursed: m.fundsDisbursed,
  }));

  return (
    <section aria-labelledby="patch-analytics-heading" className="space-y-4">
      <h2 id="patch-analytics-heading" className="sr-only">
        {t('patch.view.analytics')}
      </h2>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        <KpiCard
          label={t('patch.analytics.inProgress')}
          value={o && format.integer(o.inProgress)}
          unit={t('unit.items')}
        />
        <KpiCard
          label={t('patch.analytics.issuedInYear', { year: String(year) })}
          value={o && format.integer(o.issuedInYear)}
          unit={t('unit.items')}
        />
        <KpiCard
          label={t('patch.analytics.median')}
          definition={t('patch.analytics.timingNote')}
          value={o && days(o.demandToIssue.medianDays)}
          unit={t('unit.days')}
        />
        <KpiCard label={t('patch.analytics.p90')} value={o && days(o.demandToIssue.p90Days)} unit={t('unit.days')} />
        <KpiCard
          label={t('patch.analytics.waiting')}
          value={o && format.integer(o.waitingDemands)}
          unit={t('unit.cases')}
        />
        <KpiCard
          label={t('patch.analytics.beneficiaries')}
          definition={
            o && `${t('patch.analytics.funds')} ${format.amount(o.effect.fundsDisbursed)} ${t('unit.tenThousandYuan')}`
          }
          value={o && format.integer(o.effect.beneficiaries)}
          unit={t('unit.people')}
        />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <ChartCard
          title={t('patch.analytics.byBranch')}
          valueUnit={t('unit.items')}
          basis={t('patch.analytics.byBranchNote')}
          rows={branches}
          series={[
            { key: 'patches', label: t('patch.analytics.patches'), color: 'var(--chart-1)' },
            {
              key: 'issuedInYear',
              label: t('patch.analytics.issuedInYear', { year: String(year) }),
              color: 'var(--chart-2)',
            },
          ]}
          horizontal
          height={heightFor(branches, 2)}
          onSelect={(code) => onFilter({ policy: code })}
          formatValue={format.integer}
          {...common}
        />
        <ChartCard
          title={t('patch.analytics.timing')}
          valueUnit={t('unit.days')}
          basis={t('patch.analytics.timingNote')}
          rows={timed}
          series={[
            { key: 'median', label: t('oversight.median'), color: 'var(--chart-1)' },
            { key: 'p90', label: t('oversight.p90'), color: 'var(--chart-3)' },
          ]}
          horizontal
          height={heightFor(timed, 2)}
          onSelect={(code) => onFilter({ policy: code, status: ['issued', 'evaluating'] })}
          formatValue={format.decimal}
          {...common}
        />
        <ChartCard
          title={t('patch.analytics.aging')}
          valueUnit={t('unit.items')}
          basis={t('patch.analytics.agingNote')}
          rows={aging}
          series={patchInProgressStatuses.map((status) => ({
            key: status,
            label: t(`patch.status.${status}`),
            color: statusColors[status],
          }))}
          onSelect={(age) => onFilter({ age: age as PatchAge, status: [...patchInProgressStatuses] })}
          formatValue={format.integer}
          {...common}
        />
        <ChartCard
          title={t('patch.analytics.byStatus')}
          valueUnit={t('unit.items')}
          rows={byStatus}
          series={[{ key: 'count', label: t('patch.analytics.patches'), color: 'var(--chart-1)' }]}
          onSelect={(status) => onFilter({ status: [status as PatchStatus] })}
          formatValue={format.integer}
          {...common}
        />
        <ChartCard
          title={t('patch.analytics.mostPatched')}
          valueUnit={t('unit.items')}
          basis={t('patch.analytics.mostPatchedNote')}
          rows={most}
          series={[
            { key: 'count', label: t('patch.analytics.patches'), color: 'var(--chart-1)' },
            {
              key: 'issuedInYear',
              label: t('patch.analytics.issuedInYear', { year: String(year) }),
              color: 'var(--chart-2)',
            },
          ]}
          horizontal
          height={heightFor(most, 2)}
          onSelect={(code) => onFilter({ policy: code })}
          formatValue={format.integer}
          {...common}
        />
        <ChartCard
          title={t('patch.analytics.effectByMonth')}
          rows={effect}
          series={[
            { key: 'beneficiaries', label: t('patch.effect.beneficiaries'), color: 'var(--chart-1)' },
            { key: 'fundsDisbursed', label: t('patch.effect.funds'), color: 'var(--chart-2)' },
          ]}
          variant="line"
          formatValue={format.decimal}
          {...common}
        />
      </div>
    </section>
  );
}
