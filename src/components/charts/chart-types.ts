export interface ChartSeries {
  /** The row field holding the value. */
  key: string;
  label: string;
  /** A theme colour, e.g. `var(--chart-1)`. */
  color: string;
}

export interface ChartRow {
  /** What a click filters by: a dictionary code, or `YYYY-MM`. */
  key: string;
  label: string;
  [series: string]: string | number;
}
