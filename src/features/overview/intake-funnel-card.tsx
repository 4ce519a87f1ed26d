import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { intakeStatsQueries } from '../../api/queries/intake-queries';
import type { IntakeFilter } from '../../api/schemas/intake';
import { ErrorState } from '../../components/feedback/error-state';
import { Skeleton } from '../../components/ui/skeleton';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';
import { ratio } from '../../lib/relative-change';

const stageColors = ['var(--chart-2)', 'var(--chart-4)', 'var(--chart-5)', 'var(--chart-1)'];

/** 线索 → 洽谈 → 签约 → 落户 as plain bars: a list a screen reader reads in order, no chart code. */
export function IntakeFunnelCard({ filter }: { filter: IntakeFilter }) {
  const { t } = useI18n();
  const format = useFormat();
  const id = useId();
  const funnel = useQuery(intakeStatsQueries.funnel(filter));
  const top = funnel.data?.stages[0]?.reached ?? 0;
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border bg-surface p-4">
      <h3 id={`${id}-title`} className="font-semibold">
        {t('chart.funnel')}
      </h3>
      <p className="mb-3 text-xs text-muted-foreground">
        {t('chart.unitPeople')} · {t('chart.funnelNote')}
      </p>
      {funnel.error && !funnel.data ? (
        <ErrorState error={funnel.error} onRetry={() => void funnel.refetch()} compact />
      ) : !funnel.data ? (
        <Skeleton className="h-48 w-full" />
      ) : (
        <ol className="space-y-3">
          {funnel.data.stages.map((stage, index) => {
            const previous = index > 0 ? funnel.data.stages[index - 1]!.reached : null;
            const step = previous === null ? null : ratio(stage.reached, previous);
            const width = top === 0 ? 0 : (stage.reached / top) * 100;
            return (
              <li key={stage.stage}>
                <div className="flex items-baseline justify-between text-sm">
                  <span className="font-medium">{t(`stage.${stage.stage}`)}</span>
                  <span className="tabular-nums">
                    {format.integer(stage.reached)}
                    {step !== null && (
                      <span className="ml-2 text-xs text-muted-foreground">
                        {t('chart.conversionFromPrevious')} {format.percent(step)}
                      </span>
                    )}
                  </span>
                </div>
                <div aria-hidden className="mt-1 h-5 rounded bg-muted">
                  <div className="h-5 rounded" style={{ width: `${width}%`, background: stageColors[index] }} />
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
