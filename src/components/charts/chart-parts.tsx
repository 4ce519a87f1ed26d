import { useI18n } from '../../lib/i18n/i18n';
import type { ChartRow, ChartSeries } from './chart-types';

/** The legend in the order of the series, which is the order of the bars (recharts sorts by name). */
export function SeriesLegend({ series }: { series: ChartSeries[] }) {
  return (
    <ul className="flex flex-wrap justify-center gap-x-4 gap-y-1 pt-1 text-xs text-muted-foreground">
      {series.map((s) => (
        <li key={s.key} className="flex items-center gap-1.5">
          <span aria-hidden className="inline-block size-2.5 rounded-sm" style={{ background: s.color }} />
          {s.label}
        </li>
      ))}
    </ul>
  );
}

/** A row's values in series order, with the catalogue's colon and the unit after each value. */
export function SeriesTooltip({
  row,
  series,
  formatTooltipValue,
}: {
  row: ChartRow;
  series: ChartSeries[];
  formatTooltipValue: (value: number) => string;
}) {
  const { t } = useI18n();
  return (
    <div className="rounded-md border bg-surface px-3 py-2 text-xs shadow-sm">
      <p className="mb-1 font-medium">{row.label}</p>
      <ul className="space-y-0.5">
        {series.map((s) => (
          <li key={s.key} className="flex items-center gap-1.5">
            <span aria-hidden className="inline-block size-2 rounded-sm" style={{ background: s.color }} />
            <span>
              {s.label}
              {t('common.colon')}
            </span>
            <span className="tabular-nums">{formatTooltipValue(Number(row[s.key] ?? 0))}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Recharts' tooltip `content`: the hovered row through `SeriesTooltip`, nothing elsewhere. */
export function seriesTooltipContent(series: ChartSeries[], formatTooltipValue: (value: number) => string) {
  return function ChartTooltip({ active, payload }: { active?: boolean; payload?: readonly { payload?: unknown }[] }) {
    const row = payload?.[0]?.payload;
    return active && row ? (
      <SeriesTooltip row={row as ChartRow} series={series} formatTooltipValue={formatTooltipValue} />
    ) : null;
  };
}
