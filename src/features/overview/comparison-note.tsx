import type { IntakeOverview } from '../../api/schemas/stats';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';

/** Says what the KPI changes compare: which days, and that cohorts are compared at the same age. */
export function ComparisonNote({ overview }: { overview: IntakeOverview }) {
  const { t } = useI18n();
  const format = useFormat();
  const { measured, period, previousPeriod: previous, samePeriodLastYear: lastYear } = overview;
  if (!measured || !previous || !lastYear) {
    return <p className="col-span-full text-xs text-muted-foreground">{t('overview.comparisonFuture')}</p>;
  }
  const spans = {
    yoyFrom: format.date(lastYear.period.from),
    yoyTo: format.date(lastYear.period.to),
    momFrom: format.date(previous.period.from),
    momTo: format.date(previous.period.to),
  };
  return (
    <div className="col-span-full space-y-0.5 text-xs text-muted-foreground">
      <p>
        {measured.to < period.to
          ? t('overview.comparisonPartial', { asOf: format.date(measured.to), ...spans })
          : t('overview.comparisonWhole', spans)}
      </p>
      <p>{t('overview.cohortNote', { yoyAsOf: format.date(lastYear.asOf), momAsOf: format.date(previous.asOf) })}</p>
    </div>
  );
}
