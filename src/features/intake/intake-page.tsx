import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ArrowRight } from 'lucide-react';
import { Tabs } from 'radix-ui';
import { lazy, Suspense, useCallback, useRef, useState } from 'react';
import { intakeQueries } from '../../api/queries/intake-queries';
import { PageHeader } from '../../components/page-header';
import { PeriodPicker } from '../../components/period-picker';
import { Button } from '../../components/ui/button';
import { Skeleton } from '../../components/ui/skeleton';
import { tabTriggerClass } from '../../components/ui/tabs';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';
import { useCan } from '../../lib/use-can';
import { useSearchState } from '../../lib/use-search-state';
import { IntakeRecordsTable } from './intake-records-table';
import { intakePageSearchSchema, listQueryOf } from './intake-search';
import { useIntakeLabels } from './use-intake-labels';

// The drawer, the form and the charts are opened on demand; their code loads then.
const IntakeRecordDrawer = lazy(() =>
  import('./intake-record-drawer').then((m) => ({ default: m.IntakeRecordDrawer })),
);
const IntakeRecordForm = lazy(() => import('./intake-record-form').then((m) => ({ default: m.IntakeRecordForm })));
const IntakeAnalytics = lazy(() => import('./intake-analytics').then((m) => ({ default: m.IntakeAnalytics })));

/**
 * 引才渠道: the records and the analysis on tabs of their own, sharing one set of filters in the
 * URL. A chart click filters; the analysis tab says how many records match and leads to them.
 */
export function IntakePage() {
  const { t } = useI18n();
  const format = useFormat();
  const { state: search, update, replaceAll, search: params } = useSearchState(intakePageSearchSchema);
  const labels = useIntakeLabels();
  const canReadRecords = useCan('intake:read');
  const [creating, setCreating] = useState(false);
  const recordsTab = useRef<HTMLButtonElement>(null);
  // Shares its cache with the records table: the count the analysis tab shows is the table's.
  const matching = useQuery({
    ...intakeQueries.list(listQueryOf(search)),
    placeholderData: keepPreviousData,
    enabled: canReadRecords,
  });
  const tab = search.tab ?? 'records';
  const openRecord = useCallback(
    (record: string, edit?: boolean) => update({ record, edit: edit ? '1' : undefined }),
    [update],
  );
  const showRecords = () => {
    update({ tab: undefined });
    recordsTab.current?.focus();
  };
  // No count beside a failed list: the tab shows the records' own error.
  const total = matching.data ? format.integer(matching.data.total) : matching.error ? '' : '…';

  // Another department's officer sees the figures only: the records are the talent office's.
  if (!canReadRecords) {
    return (
      <>
        <PageHeader title={t('intake.title')} description={t('intake.subtitle')} />
        <PeriodPicker
          value={{ from: search.from, to: search.to }}
          onChange={({ from, to }) => update({ from, to }, { resetPage: true })}
        />
        <p role="note" className="mt-4 rounded-md border bg-muted px-3 py-2 text-sm">
          {t('intake.figuresOnly')}
        </p>
        <Suspense fallback={<Skeleton className="mt-4 h-80 w-full" />}>
          <IntakeAnalytics search={search} update={update} labels={labels} />
        </Suspense>
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('intake.title')} description={t('intake.subtitle')} />
      <PeriodPicker
        value={{ from: search.from, to: search.to }}
        onChange={({ from, to }) => update({ from, to }, { resetPage: true })}
      />
      <Tabs.Root
        value={tab}
        onValueChange={(value) => update({ tab: value === 'analysis' ? 'analysis' : undefined })}
        className="mt-4"
      >
        <Tabs.List aria-label={t('intake.views')} className="mb-4 flex gap-1 border-b">
          <Tabs.Trigger ref={recordsTab} value="records" className={tabTriggerClass}>
            {t('intake.records')}
            <span className="ml-1.5 text-xs text-muted-foreground tabular-nums">{total}</span>
          </Tabs.Trigger>
          <Tabs.Trigger value="analysis" className={tabTriggerClass}>
            {t('intake.analytics')}
          </Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="records" className="rounded-md focus-visible:outline-2 focus-visible:outline-focus">
          <IntakeRecordsTable
            search={search}
            searchString={params.toString()}
            update={update}
            onApplyView={replaceAll}
            labels={labels}
            onOpenRecord={openRecord}
            onCreate={() => setCreating(true)}
          />
        </Tabs.Content>
        <Tabs.Content value="analysis" className="rounded-md focus-visible:outline-2 focus-visible:outline-focus">
          <div className="sticky top-0 z-20 -mx-1 mb-2 flex flex-wrap items-center gap-3 rounded-md border bg-surface/95 px-3 py-2 text-sm shadow-sm backdrop-blur">
            <span aria-live="polite">{t('intake.matchingRecords', { count: total })}</span>
            <Button size="sm" variant="primary" onClick={showRecords}>
              {t('intake.showRecords')}
              <ArrowRight className="size-3.5" aria-hidden />
            </Button>
          </div>
          <Suspense fallback={<Skeleton className="h-80 w-full" />}>
            <IntakeAnalytics search={search} update={update} labels={labels} />
          </Suspense>
        </Tabs.Content>
      </Tabs.Root>
      <Suspense fallback={null}>
        {search.record && (
          <IntakeRecordDrawer
            id={search.record}
            editing={search.edit === '1'}
            onEditingChange={(editing) => update({ edit: editing ? '1' : undefined }, { replace: true })}
            labels={labels}
            onClose={() => update({ record: undefined, edit: undefined })}
          />
        )}
        {creating && (
          <IntakeRecordForm
            labels={labels}
            onClose={() => setCreating(false)}
            onSaved={(record) => {
              setCreating(false);
              update({ record: record.id });
            }}
          />
        )}
      </Suspense>
    </>
  );
}
