import { lazy, Suspense, useState } from 'react';
import { PageHeader } from '../../components/page-header';
import { PeriodPicker } from '../../components/period-picker';
import { Skeleton } from '../../components/ui/skeleton';
import { useI18n } from '../../lib/i18n/i18n';
import { useSearchState } from '../../lib/use-search-state';
import { IntakeRecordsTable } from './intake-records-table';
import { intakePageSearchSchema } from './intake-search';
import { useIntakeLabels } from './use-intake-labels';

// The drawer and the form are opened on demand; their code loads then.
const IntakeRecordDrawer = lazy(() =>
  import('./intake-record-drawer').then((m) => ({ default: m.IntakeRecordDrawer })),
);
const IntakeRecordForm = lazy(() => import('./intake-record-form').then((m) => ({ default: m.IntakeRecordForm })));
const IntakeAnalytics = lazy(() => import('./intake-analytics').then((m) => ({ default: m.IntakeAnalytics })));

/** 引才渠道: charts by every dimension over the records table; a chart click filters the table. */
export function IntakePage() {
  const { t } = useI18n();
  const { state: search, update, replaceAll, search: params } = useSearchState(intakePageSearchSchema);
  const labels = useIntakeLabels();
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader title={t('intake.title')} description={t('intake.subtitle')} />
      <PeriodPicker
        value={{ from: search.from, to: search.to }}
        onChange={({ from, to }) => update({ from, to }, { resetPage: true })}
      />
      <Suspense fallback={<Skeleton className="mt-4 h-80 w-full" />}>
        <IntakeAnalytics search={search} update={update} labels={labels} />
      </Suspense>
      <IntakeRecordsTable
        search={search}
        searchString={params.toString()}
        update={update}
        onApplyView={replaceAll}
        labels={labels}
        onOpenRecord={(record) => update({ record })}
        onCreate={() => setCreating(true)}
      />
      <Suspense fallback={null}>
        {search.record && (
          <IntakeRecordDrawer id={search.record} labels={labels} onClose={() => update({ record: undefined })} />
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
