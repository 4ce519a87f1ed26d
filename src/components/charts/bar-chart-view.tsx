import { Bar, BarChart, CartesianGrid, Cell, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { SeriesLegend, SeriesTooltip } from './chart-parts';
import { axisTick } from './chart-theme';
import type { ChartRow, ChartSeries } from './chart-types';

export interface BarChartViewProps {
  rows: ChartRow[];
  series: ChartSeries[];
  height: number;
  /** Long category names read better as horizontal bars. */
  horizontal?: boolean;
  selected?: readonly string[];
  onSelect?: (key: string) => void;
  formatValue: (value: number) => string;
  /** The value with its unit, for the tooltip (12人). */
  formatTooltipValue: (value: number) => string;
}

/** Long names (flagship events) are cut on the axis; the tooltip and table view show them whole. */
const shorten = (label: string) => (label.length > 11 ? `${label.slice(0, 10)}…` : label);

/** The recharts part, loaded on demand so no chart code sits in the first page's JS. */
export default function BarChartView({
  rows,
  series,
  height,
  horizontal,
  selected = [],
  onSelect,
  formatValue,
  formatTooltipValue,
}: BarChartViewProps) {
  const anySelected = selected.length > 0;
  return (
    <BarChart
      responsive
      data={rows}
      layout={horizontal ? 'vertical' : 'horizontal'}
      style={{ width: '100%', height }}
      margin={{ top: 8, right: 16, bottom: 4, left: horizontal ? 8 : 0 }}
    >
      <CartesianGrid
        stroke="var(--border)"
        strokeDasharray="3 3"
        vertical={!horizontal}
        horizontal={horizontal !== true}
      />
      {horizontal ? (
        <>
          <XAxis
            type="number"
            allowDecimals={false}
            tick={axisTick}
            tickFormatter={formatValue}
            stroke="var(--border)"
          />
          <YAxis
            type="category"
            dataKey="label"
            width={150}
            tick={axisTick}
            tickFormatter={shorten}
            stroke="var(--border)"
          />
        </>
      ) : (
        <>
          <XAxis dataKey="label" tick={axisTick} stroke="var(--border)" interval="preserveStartEnd" />
          <YAxis allowDecimals={false} tick={axisTick} tickFormatter={formatValue} stroke="var(--border)" width={48} />
        </>
      )}
      <Tooltip
        cursor={{ fill: 'var(--muted)' }}
        content={({ active, payload }) =>
          active && payload?.[0] ? (
            <SeriesTooltip
              row={payload[0].payload as ChartRow}
              series={series}
              formatTooltipValue={formatTooltipValue}
            />
          ) : null
        }
      />
      <Legend content={() => <SeriesLegend series={series} />} />
      {series.map((s) => (
        <Bar
          key={s.key}
          dataKey={s.key}
          name={s.label}
          fill={s.color}
          radius={horizontal ? [0, 3, 3, 0] : [3, 3, 0, 0]}
          isAnimationActive={false}
          cursor={onSelect ? 'pointer' : undefined}
          onClick={
            onSelect ? (entry: { payload?: ChartRow }) => entry.payload && onSelect(entry.payload.key) : undefined
          }
        >
          {rows.map((row) => (
            <Cell key={row.key} fillOpacity={anySelected && !selected.includes(row.key) ? 0.35 : 1} />
          ))}
        </Bar>
      ))}
    </BarChart>
  );
}
