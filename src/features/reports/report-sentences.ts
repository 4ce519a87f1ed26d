import type { CaseOverview, IntakeOverview, IntakeTotals, PatchOverview } from '../../api/schemas/stats';
import type { Formatters } from '../../lib/i18n/format';
import type { Translate } from '../../lib/i18n/i18n';

/** The relative change from `before` to `now`; null when there is nothing to compare with. */
export const changeOf = (now: number, before: number | undefined) =>
  before === undefined || before === 0 ? null : (now - before) / before;

/** 转化率: the share of the period's leads landed by the time measured (null without leads). */
export const conversionOf = (totals: IntakeTotals) =>
  totals.records === 0 ? null : totals.cohortLanded / totals.records;

/** A rate's change in points from an earlier period's (its cohort measured at the same age). */
export function pointsBetween(now: IntakeTotals, before: IntakeTotals | undefined): number | null {
  const [a, b] = [conversionOf(now), before ? conversionOf(before) : null];
  return a === null || b === null ? null : a - b;
}

/**
 * The report's sentences, each stating only what its figures say: counts and rates as counted,
 * a comparison only where the earlier period has a figure, nothing left for the reader to take on trust.
 */
export function intakeSentences(
  overview: IntakeOverview,
  landingsByChannel: readonly { label: string; landings: number }[],
  t: Translate,
  format: Formatters,
): string[] {
  const { current, previousPeriod, samePeriodLastYear } = overview;
  const change = (before: number | undefined) => {
    const ratio = changeOf(current.landed, before);
    return ratio === null ? t('report.noComparison') : format.change(ratio);
  };
  const conversion = conversionOf(current);
  const sentences = [
    t('report.intake.summary', {
      records: format.integer(current.records),
      signed: format.integer(current.signed),
      landed: format.integer(current.landed),
      investment: format.amount(current.investment),
    }),
    t('report.intake.compare', {
      yoy: change(samePeriodLastYear?.totals.landed),
      mom: change(previousPeriod?.totals.landed),
    }),
    ...(conversion === null
      ? []
      : [
          t('report.intake.conversion', {
            landed: format.integer(current.cohortLanded),
            records: format.integer(current.records),
            rate: format.percent(conversion),
            asOf: format.date(overview.asOf),
          }),
        ]),
  ];
  // The channel with most landings; channels level with it are all named.
  const most = Math.max(0, ...landingsByChannel.map((c) => c.landings));
  const top = landingsByChannel.filter((c) => c.landings === most).map((c) => c.label);
  if (most > 0 && current.landed > 0) {
    sentences.push(
      t(top.length === 1 ? 'report.intake.topChannel' : 'report.intake.topChannels', {
        channel: top.join('、'),
        count: format.integer(most),
        share: format.percent(most / current.landed),
      }),
    );
  }
  return sentences;
}

/**
 * The service month's casework. `department` names the scope when the reader sees one
 * department's cases only; open and overdue are counted as of the report's making.
 */
export function caseSentences(
  month: string,
  overview: CaseOverview,
  department: string | null,
  t: Translate,
  format: Formatters,
): string[] {
  return [
    ...(department ? [t('report.case.scope', { department })] : []),
    t('report.case.summary', {
      month,
      total: format.integer(overview.total),
      closed: format.integer(overview.closed),
      open: format.integer(overview.open),
      overdue: format.integer(overview.overdue),
    }),
    overview.meanResolutionDays === null
      ? t('report.case.noneClosed')
      : t('report.case.resolution', { days: format.decimal(overview.meanResolutionDays) }),
    overview.satisfactionRate === null
      ? t('report.case.noFollowUp')
      : t('report.case.satisfaction', { rate: format.percent(overview.satisfactionRate) }),
  ];
}

export function patchSentences(
  { issued, effect }: { issued: number; effect: { beneficiaries: number; fundsDisbursed: number } },
  overview: PatchOverview,
  t: Translate,
  format: Formatters,
): string[] {
  const sentences = [
    t('report.patch.summary', {
      issued: format.integer(issued),
      inProgress: format.integer(overview.inProgress),
      waiting: format.integer(overview.waitingDemands),
    }),
    effect.beneficiaries > 0 || effect.fundsDisbursed > 0
      ? t('report.patch.effect', {
          beneficiaries: format.integer(effect.beneficiaries),
          funds: format.amount(effect.fundsDisbursed),
        })
      : t('report.patch.noEffect'),
  ];
  if (overview.demandToIssue.medianDays !== null) {
    sentences.push(
      t('report.patch.timing', {
        year: String(overview.year),
        count: format.integer(overview.demandToIssue.count),
        days: format.decimal(overview.demandToIssue.medianDays),
      }),
    );
  }
  return sentences;
}
