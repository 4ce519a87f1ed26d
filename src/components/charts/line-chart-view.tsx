import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { SeriesLegend, seriesTooltipContent } from './chart-parts';
import { axisTick } from './chart-theme';
import type { ChartRow, ChartSeries } from './chart-types';

export interface LineChartViewProps {
  rows: ChartRow[];
  series: ChartSeries[];
  height: number;
  formatValue: (value: number) => string;
  formatTooltipValue: (value: number) => string;
}

/** Trends over months, one line a series; loaded on demand like the bar chart. */
export default function LineChartView({ rows, series, height, formatValue, formatTooltipValue }: LineChartViewProps) {
  return (
    <LineChart
      responsive
      data={rows}
      style={{ width: '100%', height }}
      margin={{ top: 8, right: 16, bottom: 4, left: 0 }}
    >
      <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="label" tick={axisTick} stroke="var(--border)" />
      <YAxis allowDecimals={false} tick={axisTick} tickFormatter={formatValue} stroke="var(--border)" width={48} />
      <Tooltip content={seriesTooltipContent(series, formatTooltipValue)} />
      <Legend content={() => <SeriesLegend series={series} />} />
      {series.map((s) => (
        <Line
          key={s.key}
          dataKey={s.key}
          name={s.label}
          stroke={s.color}
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
        />
      ))}
    </LineChart>
  );
}
