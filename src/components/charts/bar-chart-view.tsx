import { Bar, BarChart, CartesianGrid, Cell, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { SeriesLegend, seriesTooltipContent } from './chart-parts';
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
  /** Values are shares of a whole (0..1): the value axis runs from 0 to 1. */
  share?: boolean;
}

/**
 * Long names (flagship events, English labels) are cut on the axis to what fits; the tooltip and
 * the table view show them whole. A CJK character is about twice as wide as a Latin letter.
 */
function shorten(label: string, room: number): string {
  let used = 0;
  for (let i = 0; i < label.length; i++) {
    used += label.charCodeAt(i) > 0x2e80 ? 2 : 1;
    if (used > room) return `${label.slice(0, Math.max(1, i - 1))}…`;
  }
  return label;
}
const shortenCategory = (label: string) => shorten(label, 22);
const shortenColumn = (label: string) => shorten(label, 10);

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
  share,
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
            allowDecimals={share === true}
            domain={share ? [0, 1] : undefined}
            tick={axisTick}
            tickFormatter={formatValue}
            stroke="var(--border)"
          />
          <YAxis
            type="category"
            dataKey="label"
            width={150}
            interval={0}
            tick={axisTick}
            tickFormatter={shortenCategory}
            stroke="var(--border)"
          />
        </>
      ) : (
        <>
          {/* Every bar keeps its name (cut to fit), rather than every other one losing it. */}
          <XAxis dataKey="label" tick={axisTick} tickFormatter={shortenColumn} stroke="var(--border)" interval={0} />
          <YAxis
            allowDecimals={share === true}
            domain={share ? [0, 1] : undefined}
            tick={axisTick}
            tickFormatter={formatValue}
            stroke="var(--border)"
            width={48}
          />
        </>
      )}
      <Tooltip cursor={{ fill: 'var(--muted)' }} content={seriesTooltipContent(series, formatTooltipValue)} />
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
