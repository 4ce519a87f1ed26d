import { ArrowDownRight, ArrowUpRight, Minus } from 'lucide-react';
import { cn } from '../lib/cn';
import { useFormat } from '../lib/i18n/format';
import { useI18n } from '../lib/i18n/i18n';
import { Skeleton } from './ui/skeleton';

export interface KpiComparison {
  label: string;
  /**
   * The change: relative (0.12 for +12 %) for counts and sums; for rates the difference of the
   * rates (0.012 for +1.2 百分点, `kind: 'points'`). Null when there is nothing to compare with.
   */
  change: number | null;
  kind?: 'relative' | 'points';
}

export interface KpiCardProps {
  label: string;
  /** How the figure is counted, e.g. 按落户日期; shown under the label. */
  definition?: string;
  /** Already formatted for the locale. */
  value: string | undefined;
  unit?: string;
  comparisons?: KpiComparison[];
  /** For counts like overdue cases, a rise is bad news. */
  higherIsBetter?: boolean;
  loading?: boolean;
  tone?: 'default' | 'warning' | 'danger';
}

/** One key figure with its changes against earlier periods; every area adds its own through this. */
export function KpiCard({
  label,
  definition,
  value,
  unit,
  comparisons = [],
  higherIsBetter = true,
  loading,
  tone = 'default',
}: KpiCardProps) {
  const format = useFormat();
  const { t, locale } = useI18n();
  const points = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const describe = (change: number, kind: KpiComparison['kind']) =>
    kind === 'points' ? t('kpi.points', { value: points.format(change * 100) }) : format.change(change);
  return (
    <div className="rounded-lg border bg-surface p-4" aria-busy={loading || undefined}>
      <p className="text-sm text-muted-foreground">{label}</p>
      {definition && <p className="text-xs text-muted-foreground">{definition}</p>}
      {loading || value === undefined ? (
        <Skeleton className="mt-2 h-8 w-24" />
      ) : (
        <p
          className={cn(
            'mt-1 text-2xl font-semibold tabular-nums',
            tone === 'warning' && 'text-warning',
            tone === 'danger' && 'text-danger',
          )}
        >
          {value}
          {unit && <span className="ml-1 text-sm font-normal text-muted-foreground">{unit}</span>}
        </p>
      )}
      {comparisons.length > 0 && (
        <ul className="mt-2 space-y-0.5 text-xs">
          {comparisons.map(({ label: comparisonLabel, change, kind }) => {
            const good = change !== null && change !== 0 && change > 0 === higherIsBetter;
            const Icon = change === null || change === 0 ? Minus : change > 0 ? ArrowUpRight : ArrowDownRight;
            return (
              <li key={comparisonLabel} className="flex items-center gap-1">
                <span className="text-muted-foreground">{comparisonLabel}</span>
                {loading ? (
                  <Skeleton className="h-3 w-10" />
                ) : (
                  <span
                    className={cn(
                      'inline-flex items-center font-medium tabular-nums',
                      change === null || change === 0 ? 'text-muted-foreground' : good ? 'text-success' : 'text-danger',
                    )}
                  >
                    <Icon className="size-3.5" aria-hidden />
                    {change === null ? t('kpi.noComparison') : describe(change, kind)}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
