import { useQuery } from '@tanstack/react-query';
import { dictionaryQueries } from '../../api/queries/dictionary-queries';
import { intakeStatsQueries } from '../../api/queries/intake-queries';
import type { IntakeFilter } from '../../api/schemas/intake';
import { ChartCard } from '../../components/charts/chart-card';
import type { ChartRow, ChartSeries } from '../../components/charts/chart-types';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';
import { IntakeFunnelCard } from './intake-funnel-card';

const palette = [
  'var(--chart-1)',
  'var(--chart-2)',
  'var(--chart-3)',
  'var(--chart-4)',
  'var(--chart-5)',
  'var(--chart-6)',
];

/** Landings per month and channel, the stage funnel, and each channel's target against actual. */
export function OverviewCharts({ filter, year }: { filter: IntakeFilter; year: number }) {
  const { t } = useI18n();
  const format = useFormat();
  const channels = useQuery({ ...dictionaryQueries.all(), select: (d) => d.channels });
  const trend = useQuery(intakeStatsQueries.trend(filter));
  const targets = useQuery(intakeStatsQueries.targets(year));

  const channelSeries: ChartSeries[] = (channels.data ?? []).map((c, i) => ({
    key: c.code,
    label: format.entry(c),
    color: palette[i % palette.length]!,
  }));
  const trendRows: ChartRow[] | undefined =
    trend.data && channels.data
      ? [...new Set(trend.data.rows.map((r) => r.month))].map((month) => ({
          key: month,
          label: month,
          ...Object.fromEntries(
            channelSeries.map((s) => [
              s.key,
              trend.data.rows.find((r) => r.month === month && r.channelCode === s.key)?.landed ?? 0,
            ]),
          ),
        }))
      : undefined;
  const targetRows: ChartRow[] | undefined =
    targets.data && channels.data
      ? targets.data.rows.map((row) => ({
          key: row.channelCode,
          label: format.entry(
            channels.data.find((c) => c.code === row.channelCode),
            row.channelCode,
          ),
          target: row.target,
          landed: row.landed,
        }))
      : undefined;

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <ChartCard
        title={t('chart.trend')}
        unit={t('chart.unitPeople')}
        valueUnit={t('unit.people')}
        basis={t('chart.basisLandingMonth')}
        variant="line"
        rows={trendRows}
        series={channelSeries}
        loading={trend.isPending || channels.isPending}
        error={trend.error ?? channels.error}
        onRetry={() => void trend.refetch()}
        formatValue={format.integer}
        className="lg:col-span-2"
      />
      <IntakeFunnelCard filter={filter} />
      <ChartCard
        title={t('chart.targets', { year })}
        unit={t('chart.unitPeople')}
        valueUnit={t('unit.people')}
        basis={t('chart.basisLandingDate')}
        rows={targetRows}
        series={[
          { key: 'target', label: t('chart.target'), color: 'var(--chart-6)' },
          { key: 'landed', label: t('chart.actual'), color: 'var(--chart-1)' },
        ]}
        loading={targets.isPending || channels.isPending}
        error={targets.error ?? channels.error}
        onRetry={() => void targets.refetch()}
        formatValue={format.integer}
      />
    </div>
  );
}
