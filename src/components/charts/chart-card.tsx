import { BarChart3, Download, Filter, Table2 } from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import { saveFile } from '../../lib/export/run-export';
import { useI18n } from '../../lib/i18n/i18n';
import { useCan } from '../../lib/use-can';
import { EmptyState } from '../feedback/empty-state';
import { ErrorState } from '../feedback/error-state';
import { Button } from '../ui/button';
import { Menu, menuItemClass } from '../ui/menu';
import { Skeleton } from '../ui/skeleton';
import { toast } from '../ui/toaster';
import { chartCsv, chartSvg, fileNameOf, svgToPng } from './chart-download';
import type { BarChartViewProps } from './bar-chart-view';
import type { ChartRow, ChartSeries } from './chart-types';

const BarChartView = lazy(() => import('./bar-chart-view'));
const LineChartView = lazy(() => import('./line-chart-view'));

interface ChartCardProps {
  title: string;
  /** e.g. 单位：人 */
  unit?: string;
  /** The unit after a value in the tooltip, e.g. 人. */
  valueUnit?: string;
  /** How the figures are counted (口径), e.g. by landing month or by lead date. */
  basis?: string;
  /** A further line, e.g. which days a comparison series covers. */
  note?: string;
  rows: ChartRow[] | undefined;
  series: ChartSeries[];
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  height?: number;
  horizontal?: boolean;
  selected?: readonly string[];
  /** Makes bars (and the table rows) filter buttons. */
  onSelect?: (key: string) => void;
  formatValue: (value: number) => string;
  variant?: 'bar' | 'line';
  /** Values are shares of a whole (0..1): the value axis runs from 0 to 1. */
  share?: boolean;
  className?: string;
}

/**
 * A titled chart with its units and legend, switchable to an accessible table of the same numbers;
 * loading, empty and error states included. The chart code itself loads on demand.
 */
export function ChartCard({
  title,
  unit,
  valueUnit,
  basis,
  note,
  rows,
  series,
  loading,
  error,
  onRetry,
  height = 260,
  horizontal,
  selected = [],
  onSelect,
  formatValue,
  variant = 'bar',
  share,
  className,
}: ChartCardProps) {
  const { t } = useI18n();
  const id = useId();
  const [asTable, setAsTable] = useState(false);
  const figure = useRef<HTMLElement>(null);
  const canExport = useCan('report:export');
  useKeepOneTabStop(figure);
  const about = [unit, basis].filter(Boolean).join(' · ');
  const download = async (kind: 'png' | 'svg' | 'csv') => {
    const name = fileNameOf(title);
    try {
      if (kind === 'csv') {
        saveFile(
          new Blob([chartCsv(rows ?? [], series, t('chart.category'), share ?? false)], {
            type: 'text/csv;charset=utf-8',
          }),
          `${name}.csv`,
        );
        return;
      }
      const drawn = chartSvg(figure.current!, title, about);
      saveFile(
        kind === 'svg'
          ? new Blob([drawn.svg], { type: 'image/svg+xml' })
          : await svgToPng(drawn.svg, drawn.width, drawn.height),
        `${name}.${kind}`,
      );
    } catch {
      toast({ tone: 'error', title: t('chart.downloadFailed') });
    }
  };
  const formatTooltipValue = (value: number) =>
    valueUnit ? t('chart.valueWithUnit', { value: formatValue(value), unit: valueUnit }) : formatValue(value);
  const chartProps: BarChartViewProps = {
    rows: rows ?? [],
    series,
    height,
    horizontal,
    selected,
    onSelect,
    formatValue,
    formatTooltipValue,
    share,
  };
  return (
    <section aria-labelledby={`${id}-title`} className={`rounded-lg border bg-surface p-4 ${className ?? ''}`}>
      <div className="mb-2 flex items-start justify-between gap-2">
        <div>
          <h3 id={`${id}-title`} className="font-semibold">
            {title}
          </h3>
          {about && (
            <p id={`${id}-about`} className="text-xs text-muted-foreground">
              {about}
            </p>
          )}
          {note && <p className="text-xs text-muted-foreground">{note}</p>}
        </div>
        <div className="no-print flex shrink-0 items-center gap-1">
          <Button size="sm" variant="ghost" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
            {asTable ? <BarChart3 className="size-3.5" aria-hidden /> : <Table2 className="size-3.5" aria-hidden />}
            {asTable ? t('chart.showChart') : t('chart.showTable')}
          </Button>
          {canExport && rows && rows.length > 0 && (
            <Menu
              trigger={
                <Button size="sm" variant="ghost" aria-label={t('chart.download', { title })}>
                  <Download className="size-3.5" aria-hidden />
                </Button>
              }
            >
              {/* The picture needs the chart drawn; the numbers are there either way. */}
              {(['png', 'svg'] as const).map((kind) => (
                <DropdownMenu.Item
                  key={kind}
                  className={menuItemClass}
                  disabled={asTable}
                  onSelect={() => void download(kind)}
                >
                  {t(`chart.downloadAs.${kind}`)}
                </DropdownMenu.Item>
              ))}
              <DropdownMenu.Item className={menuItemClass} onSelect={() => void download('csv')}>
                {t('chart.downloadAs.csv')}
              </DropdownMenu.Item>
            </Menu>
          )}
        </div>
      </div>
      {error !== null && error !== undefined && !rows ? (
        <ErrorState error={error} onRetry={onRetry} compact />
      ) : loading || !rows ? (
        <Skeleton className="w-full" style={{ height }} />
      ) : rows.length === 0 ? (
        <EmptyState title={t('common.noData')} />
      ) : asTable ? (
        <div className="max-h-80 overflow-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr className="border-b text-left text-muted-foreground">
                <th scope="col" className="py-1.5 font-medium">
                  {t('chart.category')}
                </th>
                {series.map((s) => (
                  <th key={s.key} scope="col" className="py-1.5 text-right font-medium">
                    {s.label}
                  </th>
                ))}
                {onSelect && (
                  <th scope="col" className="py-1.5 text-right font-medium">
                    {t('chart.action')}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr
                  key={row.key}
                  className="border-b last:border-b-0"
                  aria-selected={selected.includes(row.key) || undefined}
                >
                  <th scope="row" className="py-1.5 text-left font-normal">
                    {row.label}
                  </th>
                  {series.map((s) => (
                    <td key={s.key} className="py-1.5 text-right tabular-nums">
                      {formatValue(Number(row[s.key] ?? 0))}
                    </td>
                  ))}
                  {onSelect && (
                    <td className="py-1 text-right">
                      <Button
                        size="sm"
                        variant="ghost"
                        aria-pressed={selected.includes(row.key)}
                        onClick={() => onSelect(row.key)}
                      >
                        <Filter className="size-3.5" aria-hidden />
                        <span className="sr-only">{t('chart.filterBy', { label: row.label })}</span>
                      </Button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        // One Tab stop: recharts' keyboard layer (arrow keys move through the categories); the
        // same numbers as a table are one Shift+Tab away, on the button above.
        <figure
          ref={figure}
          aria-label={title}
          aria-describedby={unit || basis ? `${id}-about` : undefined}
          className="m-0"
        >
          <Suspense fallback={<Skeleton className="w-full" style={{ height }} />}>
            {variant === 'line' ? (
              <LineChartView
                rows={chartProps.rows}
                series={series}
                height={height}
                formatValue={formatValue}
                formatTooltipValue={formatTooltipValue}
              />
            ) : (
              <BarChartView {...chartProps} />
            )}
          </Suspense>
        </figure>
      )}
    </section>
  );
}

/**
 * Recharts draws its layers into <g> elements that React portals into; React listens for focus
 * events on portal containers, and Chromium then makes those <g> Tab stops (three or more per
 * chart). Taking them out of the Tab order leaves the chart's surface as its one Tab stop.
 */
function useKeepOneTabStop(container: React.RefObject<HTMLElement | null>) {
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    const mark = () => {
      for (const layer of root.querySelectorAll('svg g:not([tabindex])')) layer.setAttribute('tabindex', '-1');
    };
    mark();
    const observer = new MutationObserver(mark);
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  });
}
