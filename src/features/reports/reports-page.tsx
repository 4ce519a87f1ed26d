import { useQuery } from '@tanstack/react-query';
import { Printer } from 'lucide-react';
import { useEffect, useState, type ReactNode } from 'react';
import { caseQueries } from '../../api/queries/case-queries';
import { dictionaryQueries } from '../../api/queries/dictionary-queries';
import { intakeStatsQueries } from '../../api/queries/intake-queries';
import { statsQueries } from '../../api/queries/stats-queries';
import type { PatchStatus } from '../../api/schemas/policy-patches';
import type { ServiceMonth } from '../../api/schemas/service-cases';
import { ChartCard } from '../../components/charts/chart-card';
import { ErrorState } from '../../components/feedback/error-state';
import { KpiCard } from '../../components/kpi-card';
import { PageHeader } from '../../components/page-header';
import { Button } from '../../components/ui/button';
import { Skeleton } from '../../components/ui/skeleton';
import { apiClient } from '../../lib/api-client';
import { toChinaIso, todayInChina } from '../../lib/calendar';
import { useDemo } from '../../lib/demo';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';
import { printDocument } from '../../lib/print';
import { useSearchState } from '../../lib/use-search-state';
import { defaultPeriod, parsePeriod, recentPeriods, trailingYear, type ReportPeriod } from './report-period';
import {
  caseSentences,
  changeOf,
  conversionOf,
  intakeSentences,
  patchSentences,
  pointsBetween,
} from './report-sentences';
import { reportSearchSchema } from './report-search';

/** Charts sized for the A4 page's width as much as for the screen. */
const CHART_HEIGHT = 220;

/**
 * 报表: the monthly or quarterly report (月报/季报) of the talent office. The key figures of
 * intake, the service month's casework and the policy patches, with charts and sentences drawn
 * from the figures, the period and the time it was made, a demo mark on demo data; printed on A4
 * (a section to a page, numbered) or saved as PDF through the browser's print.
 */
export function ReportsPage() {
  const { t } = useI18n();
  const { state: search, update } = useSearchState(reportSearchSchema);
  const today = todayInChina();
  const period = parsePeriod(search.period) ?? defaultPeriod(today);
  const [generatedAt] = useState(() => toChinaIso(new Date()));
  const title = t(`report.title.${period.kind}`, { period: periodLabel(period, t) });

  usePageHeader(t('report.pageHeader', { title }));

  return (
    <>
      <PageHeader
        title={t('report.heading')}
        description={t('report.subtitle')}
        actions={
          <Button variant="primary" onClick={printDocument}>
            <Printer className="size-4" aria-hidden />
            {t('report.print')}
          </Button>
        }
      />
      <PeriodChooser period={period} today={today} onChange={(id) => update({ period: id })} />
      <ReportDocument period={period} title={title} generatedAt={generatedAt} />
    </>
  );
}

function periodLabel(period: ReportPeriod, t: ReturnType<typeof useI18n>['t']): string {
  return period.kind === 'month'
    ? t('report.period.month', { year: String(period.year), month: String(period.index) })
    : t('report.period.quarter', { year: String(period.year), quarter: String(period.index) });
}

/**
 * The printed page's running head and page numbers (`第 n 页 / 共 m 页`), for as long as the
 * report is open: CSS margin boxes take only fixed text, so the rule is written with the title in it.
 */
function usePageHeader(head: string) {
  const { t } = useI18n();
  const pages = t('report.pageNumber');
  useEffect(() => {
    const css = (text: string) => `"${text.replace(/["\\]/g, '\\$&').replace(/\n/g, ' ')}"`;
    const [before, after] = pages.split('{page}') as [string, string];
    const [between, end] = after.split('{pages}') as [string, string];
    const style = document.createElement('style');
    style.dataset.report = '';
    style.textContent = `@media print { @page { @top-center { content: ${css(head)}; font-size: 9pt; color: #555; }
      @bottom-center { content: ${css(before)} counter(page) ${css(between)} counter(pages) ${css(end)}; font-size: 9pt; color: #555; } } }`;
    document.head.append(style);
    return () => style.remove();
  }, [head, pages]);
}

function PeriodChooser({
  period,
  today,
  onChange,
}: {
  period: ReportPeriod;
  today: string;
  onChange: (id: string) => void;
}) {
  const { t } = useI18n();
  const options = (kind: ReportPeriod['kind']) =>
    recentPeriods(kind, today, kind === 'month' ? 24 : 8).map((p, i) => (
      <option key={p.id} value={p.id}>
        {periodLabel(p, t)}
        {i === 0 ? t('report.period.running') : ''}
      </option>
    ));
  return (
    <div className="no-print mb-4 flex flex-wrap items-end gap-4">
      <label className="flex flex-col gap-1 text-sm">
        <span className="text-muted-foreground">{t('report.period.label')}</span>
        <select
          className="h-9 rounded-md border bg-surface px-2"
          value={period.id}
          onChange={(event) => onChange(event.target.value)}
        >
          <optgroup label={t('report.kind.month')}>{options('month')}</optgroup>
          <optgroup label={t('report.kind.quarter')}>{options('quarter')}</optgroup>
        </select>
      </label>
    </div>
  );
}

function ReportDocument({ period, title, generatedAt }: { period: ReportPeriod; title: string; generatedAt: string }) {
  const { t } = useI18n();
  const format = useFormat();
  const demo = useDemo();
  return (
    <article className="print-document report-document mx-auto max-w-[50rem] rounded-lg border bg-surface p-6">
      <header className="mb-6 border-b pb-4">
        <h2 className="text-2xl font-semibold">{title}</h2>
        <p className="mt-1 text-sm text-muted-foreground">
          {t('report.about', {
            from: format.date(period.from),
            to: format.date(period.to),
            at: format.dateTime(generatedAt),
          })}
        </p>
        {demo && (
          <p role="note" className="mt-2 inline-block rounded border border-warning px-2 py-0.5 text-sm text-warning">
            {t('report.demoMark')}
          </p>
        )}
      </header>
      <IntakeSection period={period} />
      <CaseSection period={period} />
      <PatchSection period={period} />
    </article>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="report-section mt-8 first-of-type:mt-0">
      <h3 id={id} className="mb-3 border-l-4 border-primary pl-2 text-lg font-semibold">
        {title}
      </h3>
      {children}
    </section>
  );
}

function Sentences({ lines }: { lines: string[] | null }) {
  if (!lines) return <Skeleton className="h-12 w-full" />;
  return (
    <div className="mb-4 space-y-1 text-sm leading-relaxed">
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}

function IntakeSection({ period }: { period: ReportPeriod }) {
  const { t } = useI18n();
  const format = useFormat();
  const span = { from: period.from, to: period.to };
  const overview = useQuery(intakeStatsQueries.overview(span));
  const byChannel = useQuery(intakeStatsQueries.breakdown('channel', span));
  const trend = useQuery(intakeStatsQueries.trend(trailingYear(period)));
  const dictionaries = useQuery(dictionaryQueries.all());
  const channelName = (code: string) =>
    format.entry(
      dictionaries.data?.channels.find((c) => c.code === code),
      code,
    );
  const channelRows = byChannel.data?.rows
    .map((row) => ({ key: row.key, label: channelName(row.key), landings: row.landings }))
    .sort((a, b) => b.landings - a.landings);
  const trendRows = trend.data
    ? [...new Set(trend.data.rows.map((r) => r.month))].sort().map((month) => ({
        key: month,
        label: month,
        landed: trend.data.rows.filter((r) => r.month === month).reduce((sum, r) => sum + r.landed, 0),
      }))
    : undefined;
  const o = overview.data;
  const comparisons = (pick: (totals: NonNullable<typeof o>['current']) => number) =>
    o
      ? [
          {
            label: t('kpi.yoy'),
            change: changeOf(pick(o.current), o.samePeriodLastYear ? pick(o.samePeriodLastYear.totals) : undefined),
          },
          {
            label: t('kpi.mom'),
            change: changeOf(pick(o.current), o.previousPeriod ? pick(o.previousPeriod.totals) : undefined),
          },
        ]
      : [];
  return (
    <Section id="report-intake" title={t('report.section.intake')}>
      {overview.error ? (
        <ErrorState error={overview.error} onRetry={() => void overview.refetch()} compact />
      ) : (
        <Sentences lines={o && channelRows ? intakeSentences(o, channelRows, t, format) : null} />
      )}
      <div className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-3">
        <KpiCard
          label={t('report.kpi.leads')}
          value={o && format.integer(o.current.records)}
          unit={t('report.unit.records')}
          comparisons={comparisons((c) => c.records)}
        />
        <KpiCard
          label={t('report.kpi.signed')}
          value={o && format.integer(o.current.signed)}
          unit={t('report.unit.count')}
          comparisons={comparisons((c) => c.signed)}
        />
        <KpiCard
          label={t('report.kpi.landed')}
          value={o && format.integer(o.current.landed)}
          unit={t('report.unit.count')}
          comparisons={comparisons((c) => c.landed)}
        />
        <KpiCard
          label={t('report.kpi.investment')}
          value={o && format.amount(o.current.investment)}
          unit={t('unit.tenThousandYuan')}
          comparisons={comparisons((c) => c.investment)}
        />
        <KpiCard
          label={t('report.kpi.conversion')}
          definition={t('report.kpi.conversionDefinition')}
          value={o && (conversionOf(o.current) === null ? '—' : format.percent(conversionOf(o.current)!))}
          comparisons={
            o
              ? [
                  {
                    label: t('kpi.yoy'),
                    change: pointsBetween(o.current, o.samePeriodLastYear?.totals),
                    kind: 'points',
                  },
                  { label: t('kpi.mom'), change: pointsBetween(o.current, o.previousPeriod?.totals), kind: 'points' },
                ]
              : []
          }
        />
      </div>
      <div className="grid gap-4">
        <ChartCard
          title={t('report.chart.landingsByChannel')}
          unit={t('report.unitItems')}
          basis={t('chart.basisLandingDate')}
          rows={channelRows}
          series={[{ key: 'landings', label: t('report.series.landed'), color: 'var(--chart-1)' }]}
          loading={byChannel.isPending || dictionaries.isPending}
          error={byChannel.error}
          onRetry={() => void byChannel.refetch()}
          formatValue={format.integer}
          height={CHART_HEIGHT}
          className="report-chart"
        />
        <ChartCard
          title={t('report.chart.trend')}
          unit={t('report.unitItems')}
          basis={t('chart.basisLandingMonth')}
          variant="line"
          rows={trendRows}
          series={[{ key: 'landed', label: t('report.series.landed'), color: 'var(--chart-1)' }]}
          loading={trend.isPending}
          error={trend.error}
          onRetry={() => void trend.refetch()}
          formatValue={format.integer}
          height={CHART_HEIGHT}
          className="report-chart"
        />
      </div>
    </Section>
  );
}

/** The service months (专项服务月) that fall in the period, each with its figures. */
function CaseSection({ period }: { period: ReportPeriod }) {
  const { t } = useI18n();
  const months = useQuery(caseQueries.months());
  const inPeriod = (months.data ?? [])
    .filter((m) => m.startsOn <= period.to && m.endsOn >= period.from)
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  return (
    <Section id="report-cases" title={t('report.section.cases')}>
      {months.error ? (
        <ErrorState error={months.error} onRetry={() => void months.refetch()} compact />
      ) : !months.data ? (
        <Skeleton className="h-24 w-full" />
      ) : inPeriod.length === 0 ? (
        <p className="text-sm">{t('report.case.noMonth')}</p>
      ) : (
        inPeriod.map((month) => <CaseMonth key={month.id} month={month} />)
      )}
    </Section>
  );
}

function CaseMonth({ month }: { month: ServiceMonth }) {
  const { t } = useI18n();
  const format = useFormat();
  const overview = useQuery(statsQueries.caseOverview(month.id));
  const dictionaries = useQuery(dictionaryQueries.all());
  const o = overview.data;
  const rows = o?.byDepartment
    .map((d) => ({
      key: d.departmentCode,
      label: format.entry(
        dictionaries.data?.departments.find((entry) => entry.code === d.departmentCode),
        d.departmentCode,
      ),
      closed: d.closed,
      open: d.open,
      overdue: d.overdue,
    }))
    .sort((a, b) => b.closed + b.open - (a.closed + a.open))
    .slice(0, 10);
  return (
    <div className="mb-6">
      <h4 className="mb-2 font-medium">{month.title}</h4>
      {overview.error ? (
        <ErrorState error={overview.error} onRetry={() => void overview.refetch()} compact />
      ) : (
        <Sentences
          lines={
            o
              ? caseSentences(
                  month.title,
                  o,
                  o.scopeDepartmentCode === null
                    ? null
                    : format.entry(
                        dictionaries.data?.departments.find((d) => d.code === o.scopeDepartmentCode),
                        o.scopeDepartmentCode,
                      ),
                  t,
                  format,
                )
              : null
          }
        />
      )}
      <div className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-5">
        <KpiCard label={t('case.kpi.total')} value={o && format.integer(o.total)} unit={t('unit.cases')} />
        <KpiCard label={t('report.kpi.closed')} value={o && format.integer(o.closed)} unit={t('unit.cases')} />
        <KpiCard
          label={t('report.kpi.overdue')}
          value={o && format.integer(o.overdue)}
          unit={t('unit.cases')}
          tone={o && o.overdue > 0 ? 'danger' : 'default'}
        />
        <KpiCard
          label={t('report.kpi.resolution')}
          value={o && (o.meanResolutionDays === null ? '—' : format.decimal(o.meanResolutionDays))}
          unit={t('unit.days')}
        />
        <KpiCard
          label={t('report.kpi.satisfaction')}
          value={o && (o.satisfactionRate === null ? '—' : format.percent(o.satisfactionRate))}
        />
      </div>
      <ChartCard
        title={t('report.chart.byDepartment', { month: month.title })}
        unit={t('report.unitCases')}
        basis={t('report.case.asOfNow')}
        rows={rows}
        series={[
          { key: 'closed', label: t('report.series.closed'), color: 'var(--chart-3)' },
          { key: 'open', label: t('report.series.open'), color: 'var(--chart-1)' },
          { key: 'overdue', label: t('report.series.overdue'), color: 'var(--chart-5)' },
        ]}
        loading={overview.isPending || dictionaries.isPending}
        error={overview.error}
        onRetry={() => void overview.refetch()}
        formatValue={format.integer}
        height={CHART_HEIGHT + 40}
        className="report-chart"
      />
    </div>
  );
}

/** A patch issued (出台) stays issued while its effect is evaluated. */
const issuedStatuses: PatchStatus[] = ['issued', 'evaluating'];

/** Patches issued in the period: the issued ones newest first, read until they are older than the period. */
async function issuedIn(period: ReportPeriod, signal: AbortSignal): Promise<number> {
  let count = 0;
  for (let page = 1; ; page++) {
    const answer = await apiClient.request('listPolicyPatches', {
      query: { status: issuedStatuses, sort: '-issuedAt', page, pageSize: 200 },
      signal,
    });
    for (const patch of answer.items) {
      const day = patch.issuedAt?.slice(0, 10);
      if (day && day >= period.from && day <= period.to) count++;
    }
    const oldest = answer.items.at(-1)?.issuedAt?.slice(0, 10);
    if (answer.items.length < 200 || (oldest !== undefined && oldest < period.from)) return count;
  }
}

function PatchSection({ period }: { period: ReportPeriod }) {
  const { t } = useI18n();
  const format = useFormat();
  const overview = useQuery(statsQueries.patchOverview({ year: period.year }));
  const issued = useQuery({
    queryKey: ['report', 'patches-issued', period],
    queryFn: ({ signal }) => issuedIn(period, signal),
  });
  const o = overview.data;
  const effect = (o?.effectByMonth ?? [])
    .filter((e) => period.months.includes(e.month))
    .reduce(
      (sum, e) => ({
        beneficiaries: sum.beneficiaries + e.beneficiaries,
        fundsDisbursed: sum.fundsDisbursed + e.fundsDisbursed,
      }),
      { beneficiaries: 0, fundsDisbursed: 0 },
    );
  const rows = o?.byStatus.map((s) => ({ key: s.status, label: t(`patch.status.${s.status}`), count: s.count }));
  const error = overview.error ?? issued.error;
  return (
    <Section id="report-patches" title={t('report.section.patches')}>
      {error ? (
        <ErrorState error={error} onRetry={() => void (overview.refetch(), issued.refetch())} compact />
      ) : (
        <Sentences
          lines={o && issued.data !== undefined ? patchSentences({ issued: issued.data, effect }, o, t, format) : null}
        />
      )}
      <div className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-4">
        <KpiCard
          label={t('report.kpi.issued')}
          value={issued.data === undefined ? undefined : format.integer(issued.data)}
          unit={t('unit.items')}
        />
        <KpiCard label={t('report.kpi.inProgress')} value={o && format.integer(o.inProgress)} unit={t('unit.items')} />
        <KpiCard
          label={t('report.kpi.beneficiaries')}
          value={o && format.integer(effect.beneficiaries)}
          unit={t('unit.personTimes')}
        />
        <KpiCard
          label={t('report.kpi.funds')}
          value={o && format.amount(effect.fundsDisbursed)}
          unit={t('unit.tenThousandYuan')}
        />
      </div>
      <ChartCard
        title={t('report.chart.patchStatus')}
        unit={t('report.unitItems')}
        basis={t('report.asOfNow')}
        rows={rows}
        series={[{ key: 'count', label: t('report.series.patches'), color: 'var(--chart-2)' }]}
        loading={overview.isPending}
        error={overview.error}
        onRetry={() => void overview.refetch()}
        formatValue={format.integer}
        height={CHART_HEIGHT}
        className="report-chart"
      />
    </Section>
  );
}
