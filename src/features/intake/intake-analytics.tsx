import { useQuery } from '@tanstack/react-query';
import { intakeStatsQueries } from '../../api/queries/intake-queries';
import type { IntakeFilter } from '../../api/schemas/intake';
import type { IntakeBreakdown, IntakeDimension } from '../../api/schemas/stats';
import { ChartCard } from '../../components/charts/chart-card';
import type { ChartRow, ChartSeries } from '../../components/charts/chart-types';
import { compareSpans, spanOfMonth, todayInChina, type Span } from '../../lib/calendar';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';
import type { MessageKey } from '../../lib/i18n/zh-cn';
import type { SearchPatch, UpdateOptions } from '../../lib/use-search-state';
import { filterOf, type FacetParam, type IntakePageSearch } from './intake-search';
import type { IntakeLabels } from './use-intake-labels';

type FacetDimension = Exclude<IntakeDimension, 'month'>;

const charts: { dimension: FacetDimension; title: MessageKey; horizontal?: boolean; wide?: boolean }[] = [
  { dimension: 'channel', title: 'chart.byChannel', wide: true },
  { dimension: 'tier', title: 'chart.byTier', horizontal: true },
  { dimension: 'industry', title: 'chart.byIndustry', horizontal: true },
  { dimension: 'town', title: 'chart.byTown', horizontal: true },
  { dimension: 'event', title: 'chart.byEvent', horizontal: true },
];

/** The same elapsed part a year earlier: this year to date against last year to the same day. */
function lastYearOf(filter: IntakeFilter): (IntakeFilter & Span) | null {
  if (!filter.from || !filter.to) return null;
  const span = compareSpans({ from: filter.from, to: filter.to }, todayInChina()).yearBefore;
  return span && { ...filter, ...span };
}

interface IntakeAnalyticsProps {
  search: IntakePageSearch;
  update: (patch: SearchPatch, options?: UpdateOptions) => void;
  labels: IntakeLabels;
}

/** Breakdowns of the filtered records; clicking a bar adds (or removes) that value as a filter. */
export function IntakeAnalytics({ search, update, labels }: IntakeAnalyticsProps) {
  const { t } = useI18n();
  const format = useFormat();
  const filter = filterOf(search);

  const toggle = (param: FacetParam, key: string) => {
    const current = search[param] ?? [];
    update(
      { [param]: current.includes(key) ? current.filter((v) => v !== key) : [...current, key] },
      { resetPage: true },
    );
  };

  return (
    <section aria-labelledby="intake-analytics-heading" className="mt-4 grid gap-4 lg:grid-cols-2">
      <div className="lg:col-span-2">
        <h2 id="intake-analytics-heading" className="text-lg font-semibold">
          {t('intake.analytics')}
        </h2>
        <p className="text-sm text-muted-foreground">{t('chart.clickHint')}</p>
      </div>
      {charts.map((chart) => (
        <BreakdownChart
          key={chart.dimension}
          dimension={chart.dimension}
          title={t(chart.title)}
          horizontal={chart.horizontal}
          wide={chart.wide}
          filter={filter}
          labels={labels}
          selected={search[chart.dimension] ?? []}
          onSelect={(key) => toggle(chart.dimension, key)}
          formatValue={format.integer}
        />
      ))}
      <MonthChart
        filter={filter}
        onSelect={(month) => {
          const { from, to } = spanOfMonth(month);
          update({ from, to }, { resetPage: true });
        }}
        formatValue={format.integer}
      />
    </section>
  );
}

/**
 * The cohort (leads by lead date, and those of them landed) and, where asked, the landings by
 * landing date: the figure the overview calls 已落户, so both pages agree for the same filters.
 */
function useSeries({ landings, lastYear }: { landings: boolean; lastYear: boolean }): ChartSeries[] {
  const { t } = useI18n();
  return [
    { key: 'total', label: t('chart.total'), color: 'var(--chart-2)' },
    { key: 'landed', label: t('chart.landed'), color: 'var(--chart-1)' },
    ...(landings ? [{ key: 'landings', label: t('chart.landings'), color: 'var(--chart-3)' }] : []),
    ...(lastYear ? [{ key: 'landedLastYear', label: t('chart.landedLastYear'), color: 'var(--chart-4)' }] : []),
  ];
}

function BreakdownChart({
  dimension,
  title,
  horizontal,
  wide,
  filter,
  labels,
  selected,
  onSelect,
  formatValue,
}: {
  dimension: FacetDimension;
  title: string;
  horizontal?: boolean;
  wide?: boolean;
  filter: IntakeFilter;
  labels: IntakeLabels;
  selected: readonly string[];
  onSelect: (key: string) => void;
  formatValue: (value: number) => string;
}) {
  const { t } = useI18n();
  const format = useFormat();
  // Cross-filtering: a chart ignores its own dimension's filter, so the other bars stay visible.
  const own: IntakeFilter = { ...filter, [dimension]: undefined };
  const current = useQuery(intakeStatsQueries.breakdown(dimension, own));
  const previousFilter = dimension === 'channel' ? lastYearOf(own) : null;
  const previous = useQuery({
    ...intakeStatsQueries.breakdown(dimension, previousFilter ?? own),
    enabled: previousFilter !== null,
  });
  const byChannel = dimension === 'channel';
  const series = useSeries({ landings: byChannel, lastYear: previousFilter !== null });
  const rows = current.data && toRows(current.data, dimension, labels, previousFilter ? previous.data : undefined);
  const basis = t(byChannel ? 'chart.basisChannel' : 'chart.basisLeadDate');
  const note =
    previousFilter &&
    t('chart.lastYearSpan', { from: format.date(previousFilter.from), to: format.date(previousFilter.to) });
  return (
    <ChartCard
      title={title}
      unit={t('chart.unitPeople')}
      valueUnit={t('unit.people')}
      basis={basis}
      note={note ?? undefined}
      rows={rows}
      series={series}
      loading={current.isPending || (previousFilter !== null && previous.isPending)}
      error={current.error ?? previous.error}
      onRetry={() => {
        void current.refetch();
        if (previousFilter) void previous.refetch();
      }}
      horizontal={horizontal}
      height={horizontal ? Math.max(200, (rows?.length ?? 5) * 34) : 280}
      selected={selected}
      onSelect={onSelect}
      formatValue={formatValue}
      className={wide ? 'lg:col-span-2' : undefined}
    />
  );
}

function toRows(
  data: IntakeBreakdown,
  dimension: FacetDimension,
  labels: IntakeLabels,
  lastYear?: IntakeBreakdown,
): ChartRow[] {
  // A year earlier by landing date, like the landings now: a landing is final, so no cohort of
  // last year (more mature) is set against this year's.
  const previous = new Map(lastYear?.rows.map((r) => [r.key, r.landings]));
  return data.rows.map((row) => ({
    key: row.key,
    label: labels.label(dimension, row.key),
    total: row.total,
    landed: row.landed,
    landings: row.landings,
    ...(lastYear ? { landedLastYear: previous.get(row.key) ?? 0 } : {}),
  }));
}

function MonthChart({
  filter,
  onSelect,
  formatValue,
}: {
  filter: IntakeFilter;
  onSelect: (month: string) => void;
  formatValue: (value: number) => string;
}) {
  const { t } = useI18n();
  const months = useQuery(intakeStatsQueries.breakdown('month', filter));
  const rows = months.data?.rows.map((row) => ({
    key: row.key,
    label: row.key,
    total: row.total,
    landed: row.landed,
    landings: row.landings,
  }));
  return (
    <ChartCard
      title={t('chart.byMonth')}
      unit={t('chart.unitPeople')}
      valueUnit={t('unit.people')}
      basis={t('chart.basisMonth')}
      rows={rows}
      series={useSeries({ landings: true, lastYear: false })}
      loading={months.isPending}
      error={months.error}
      onRetry={() => void months.refetch()}
      onSelect={onSelect}
      formatValue={formatValue}
      className="lg:col-span-2"
    />
  );
}
