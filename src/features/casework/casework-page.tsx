import { useQuery } from '@tanstack/react-query';
import { Tabs } from 'radix-ui';
import { lazy, Suspense } from 'react';
import { caseQueries } from '../../api/queries/case-queries';
import { statsQueries } from '../../api/queries/stats-queries';
import { KpiCard } from '../../components/kpi-card';
import { Skeleton } from '../../components/ui/skeleton';
import { PageHeader } from '../../components/page-header';
import { tabTriggerClass } from '../../components/ui/tabs';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';
import { useSessionState } from '../../lib/session';
import { useSearchState } from '../../lib/use-search-state';
import { CaseQueue } from './case-queue';
import { CountermeasuresList, ServiceRecordsList } from './case-lists';
import { ALL_MONTHS, casePageSearchSchema, defaultView } from './case-search';
import { CaseScoresPanel } from './case-scores';
import { KnowledgeBasePanel } from './knowledge-base';
import { useCaseLabels } from './use-case-labels';
import { todayInChina } from '../../lib/calendar';
import { ServiceMonthSelect } from './service-month-select';

// The charts' code loads with the analysis tab, not with the lists.
const CaseOversight = lazy(() => import('./case-oversight').then((m) => ({ default: m.CaseOversight })));

/**
 * 服务月工单: a service month's three lists (需求、服务、对策清单), the demands as the officers'
 * triage queue; the month, the list, its filters and the open case all in the URL.
 */
export function CaseworkPage() {
  const { t } = useI18n();
  const format = useFormat();
  const user = useSessionState().session?.user;
  const { state: search, update, replaceAll, search: params } = useSearchState(casePageSearchSchema);
  const labels = useCaseLabels();
  const months = useQuery(caseQueries.months());
  // Newest first; the newest is the default.
  const newestFirst = months.data ?? [];
  // `all`: every month (where the reminders lead); no month in the URL: the newest.
  const month = search.month === ALL_MONTHS ? undefined : (search.month ?? newestFirst[0]?.id);
  // Without a month in the URL the newest is meant: nothing is asked before it is known.
  const ready = search.month !== undefined || months.isSuccess;
  const monthTitle = newestFirst.find((m) => m.id === month)?.title ?? t('case.allMonths');
  const figures = useQuery({ ...statsQueries.caseOverview(month), enabled: ready });
  const startView = user ? defaultView(user) : 'all';
  const view = search.view ?? startView;
  const tab = search.tab ?? 'demands';
  const f = figures.data;

  return (
    <>
      <PageHeader title={t('case.title')} description={t('case.subtitle')} />
      <div className="mb-4 flex flex-wrap items-end gap-4">
        <ServiceMonthSelect
          label={t('case.month')}
          months={newestFirst}
          value={month ?? ALL_MONTHS}
          every={{ value: ALL_MONTHS, label: t('case.allMonths') }}
          // A new month starts the lists afresh: its own first page, no case open.
          onChange={(value) => replaceAll(new URLSearchParams({ month: value }).toString())}
        />
      </div>
      <div className="mb-6 grid grid-cols-2 gap-3 md:grid-cols-5">
        <KpiCard label={t('case.kpi.total')} value={f && format.integer(f.total)} unit={t('unit.cases')} />
        <KpiCard label={t('kpi.openCases')} value={f && format.integer(f.open)} unit={t('unit.cases')} />
        <KpiCard
          label={t('kpi.overdueCases')}
          value={f && format.integer(f.overdue)}
          unit={t('unit.cases')}
          tone={f && f.overdue > 0 ? 'danger' : 'default'}
        />
        <KpiCard label={t('case.kpi.closed')} value={f && format.integer(f.closed)} unit={t('unit.cases')} />
        <KpiCard
          label={t('kpi.satisfaction')}
          value={f && (f.satisfactionRate === null ? '—' : format.percent(f.satisfactionRate))}
        />
      </div>
      <Tabs.Root
        value={tab}
        onValueChange={(value) =>
          replaceAll(
            new URLSearchParams({
              // The month as the URL has it: none means the newest, which may not be known yet.
              ...(search.month ? { month: search.month } : {}),
              ...(value === 'demands' ? {} : { tab: value }),
            }).toString(),
          )
        }
      >
        <Tabs.List aria-label={t('case.lists')} className="mb-4 flex gap-1 overflow-x-auto border-b">
          <Tabs.Trigger value="demands" className={tabTriggerClass}>
            {t('case.tab.demands')}
          </Tabs.Trigger>
          <Tabs.Trigger value="services" className={tabTriggerClass}>
            {t('case.tab.services')}
          </Tabs.Trigger>
          <Tabs.Trigger value="measures" className={tabTriggerClass}>
            {t('case.tab.measures')}
          </Tabs.Trigger>
          <Tabs.Trigger value="oversight" className={tabTriggerClass}>
            {t('case.tab.oversight')}
          </Tabs.Trigger>
          <Tabs.Trigger value="scores" className={tabTriggerClass}>
            {t('case.tab.scores')}
          </Tabs.Trigger>
          <Tabs.Trigger value="answers" className={tabTriggerClass}>
            {t('case.tab.answers')}
          </Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="demands">
          {!ready && <Skeleton className="h-96 w-full" />}
          {ready && (
            <CaseQueue
              search={search}
              searchString={params.toString()}
              update={update}
              onApplyView={replaceAll}
              month={month}
              monthTitle={monthTitle}
              view={view}
              defaultView={startView}
              labels={labels}
            />
          )}
        </Tabs.Content>
        <Tabs.Content value="services">
          {ready && tab === 'services' && (
            <ServiceRecordsList search={search} update={update} month={month} monthTitle={monthTitle} labels={labels} />
          )}
        </Tabs.Content>
        <Tabs.Content value="measures">
          {ready && tab === 'measures' && (
            <CountermeasuresList
              search={search}
              update={update}
              month={month}
              monthTitle={monthTitle}
              labels={labels}
              onOpenCase={(id) =>
                replaceAll(new URLSearchParams({ month: month ?? ALL_MONTHS, view: 'all', case: id }).toString())
              }
            />
          )}
        </Tabs.Content>
        <Tabs.Content value="oversight">
          {ready && tab === 'oversight' && (
            <Suspense fallback={<Skeleton className="h-96 w-full" />}>
              <CaseOversight
                month={month}
                labels={labels}
                onShowCases={(filter) =>
                  replaceAll(new URLSearchParams({ month: month ?? ALL_MONTHS, view: 'all', ...filter }).toString())
                }
              />
            </Suspense>
          )}
        </Tabs.Content>
        <Tabs.Content value="scores">
          {tab === 'scores' && (
            <CaseScoresPanel
              period={search.period ?? todayInChina().slice(0, 7)}
              onPeriod={(period) => update({ period })}
              labels={labels}
            />
          )}
        </Tabs.Content>
        <Tabs.Content value="answers">{tab === 'answers' && <KnowledgeBasePanel labels={labels} />}</Tabs.Content>
      </Tabs.Root>
    </>
  );
}
