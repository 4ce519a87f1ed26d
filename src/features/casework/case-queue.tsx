import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { FileUp } from 'lucide-react';
import { caseQueries } from '../../api/queries/case-queries';
import { proposePatchHref } from '../../lib/links';
import { TALENT_OFFICE_DEPARTMENT } from '../../api/permissions';
import { caseQueueViewSchema, type CaseQueueView, type ServiceCase } from '../../api/schemas/service-cases';
import { DataTable } from '../../components/data-table/data-table';
import { DataTableBulkBar } from '../../components/data-table/data-table-bulk-bar';
import { DataTableToolbar } from '../../components/data-table/data-table-toolbar';
import { DataTableViewOptions } from '../../components/data-table/data-table-view-options';
import { ExportButton } from '../../components/export/export-button';
import { SavedViewsMenu } from '../../components/data-table/saved-views-menu';
import { useServerTable } from '../../components/data-table/use-server-table';
import { Link } from 'react-router';
import { Button } from '../../components/ui/button';
import { apiClient } from '../../lib/api-client';
import { cn } from '../../lib/cn';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';
import { useSessionState } from '../../lib/session';
import { useCan } from '../../lib/use-can';
import type { SearchPatch, UpdateOptions } from '../../lib/use-search-state';
import { BulkAssignDialog, BulkOutcomes, BulkPriorityDialog, type BulkOutcome } from './case-bulk';
import { caseColumns } from './case-columns';
import { caseListQueryOf, type CasePageSearch } from './case-search';
import { ShortcutsDialog, usePageKeys } from './case-shortcuts';
import { CaseWorkspace } from './case-workspace';
import type { CaseLabels } from './use-case-labels';
import { useNow } from './use-now';

// The import's reader and template writer load when it is opened.
const CaseImportDialog = lazy(() => import('./case-import-dialog').then((m) => ({ default: m.CaseImportDialog })));

/**
 * 需求清单 as the officers' triage queue: the views with their live counts, the server-paged list,
 * and the case open beside it (split on wide screens, the whole page on narrow ones).
 */
export function CaseQueue({
  search,
  searchString,
  update,
  onApplyView,
  month,
  monthTitle,
  view,
  defaultView,
  labels,
}: {
  search: CasePageSearch;
  searchString: string;
  update: (patch: SearchPatch, options?: UpdateOptions) => void;
  onApplyView: (search: string) => void;
  month: string | undefined;
  /** The month as the picker names it (or all months), for an export's record of itself. */
  monthTitle: string;
  view: CaseQueueView;
  defaultView: CaseQueueView;
  labels: CaseLabels;
}) {
  const { t } = useI18n();
  const format = useFormat();
  const now = useNow();
  const counts = useQuery(caseQueries.counts(month));
  const list = useQuery({
    ...caseQueries.list(caseListQueryOf(search, month, view)),
    placeholderData: keepPreviousData,
  });
  const canTriage = useCan('case:triage');
  const canPropose = useCan('patch:propose');
  const user = useSessionState().session?.user;
  const columns = useMemo(
    () => caseColumns({ t, format, labels, now, selectable: canTriage }),
    [t, format, labels, now, canTriage],
  );
  // The cases as the user saw them, for a bulk action to send each with the version seen.
  const seen = useRef(new Map<string, ServiceCase>());
  useEffect(() => {
    for (const serviceCase of list.data?.items ?? []) seen.current.set(serviceCase.id, serviceCase);
  }, [list.data]);
  const [bulk, setBulk] = useState<'assign' | 'priority' | null>(null);
  const office = user?.departmentCode === TALENT_OFFICE_DEPARTMENT;
  const [outcomes, setOutcomes] = useState<BulkOutcome[]>([]);
  const state = useServerTable({
    tableId: 'service-cases',
    columns,
    page: list.data,
    search,
    update,
    defaultSort: 'stageDueAt',
    defaultPreferences: { columnVisibility: { receivedAt: false, dueAt: false } },
    getRowId: (serviceCase) => serviceCase.id,
    enableRowSelection: canTriage,
    allMatchingSelectable: false,
    stale: list.isPlaceholderData,
  });
  const { page: _page, pageSize: _pageSize, ...exportQuery } = caseListQueryOf(search, month, view);
  const open = search.case;
  const bulkProps = {
    selection: state.selection,
    picked: () => state.selection.ids.flatMap((id) => seen.current.get(id) ?? []),
    onDone: setOutcomes,
  };
  const [help, setHelp] = useState(false);
  const [importing, setImporting] = useState(false);

  /** Back to the list, on the row of the case that was open (or the list's heading). */
  const closeCase = (id: string) => {
    update({ case: undefined });
    setTimeout(() => {
      const row = document.querySelector<HTMLElement>(`tr[data-row-id="${CSS.escape(id)}"]`);
      (row ?? document.getElementById('case-queue-heading'))?.focus();
    });
  };

  // Keyboard triage with a case open: j/k go to the next or previous case of the list (after an
  // action that took the case out of the view, the one now in its place), Escape goes back to it.
  const items = list.data?.items;
  const lastIndex = useRef(0);
  useEffect(() => {
    const index = items?.findIndex((c) => c.id === open) ?? -1;
    if (index >= 0) lastIndex.current = index;
  }, [items, open]);
  usePageKeys((key) => {
    if (key === '?') {
      setHelp(true);
      return true;
    }
    if (!open || !items || items.length === 0) return false;
    const index = items.findIndex((c) => c.id === open);
    const go = (to: number) => update({ case: items[Math.max(0, Math.min(items.length - 1, to))]!.id });
    if (key === 'j') go(index >= 0 ? index + 1 : lastIndex.current);
    else if (key === 'k') go(index >= 0 ? index - 1 : lastIndex.current - 1);
    else if (key === 'Escape') closeCase(open);
    else return false;
    return true;
  });

  return (
    <div className={cn('grid gap-4', open && 'lg:grid-cols-[minmax(0,1fr)_30rem]')}>
      <section aria-labelledby="case-queue-heading" className={cn('min-w-0', open && 'hidden lg:block')}>
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <h2 id="case-queue-heading" tabIndex={-1} className="text-lg font-semibold outline-none">
            {t('case.queue')}
          </h2>
          <div className="flex flex-wrap items-center gap-2">
            <SavedViewsMenu
              resource="serviceCases"
              search={stripCase(searchString)}
              onApply={(saved) => onApplyView(saved.search)}
            />
            <DataTableViewOptions state={state} />
            {office && canTriage && (
              <Button size="sm" onClick={() => setImporting(true)}>
                <FileUp className="size-3.5" aria-hidden />
                {t('import.button')}
              </Button>
            )}
            <ExportButton
              state={state}
              title={t('case.tab.demands')}
              query={exportQuery}
              everything={{ sort: exportQuery.sort }}
              context={[
                [t('case.month'), monthTitle],
                [t('case.views'), t(`case.view.${view}`)],
              ]}
              fetchPage={(query, signal) => apiClient.request('exportServiceCases', { query, signal })}
            />
          </div>
        </div>
        <div role="group" aria-label={t('case.views')} className="mb-3 flex flex-wrap gap-1.5">
          {caseQueueViewSchema.options.map((option) => {
            const count = counts.data?.counts[option];
            return (
              <button
                key={option}
                type="button"
                aria-pressed={option === view}
                onClick={() => update({ view: option === defaultView ? undefined : option }, { resetPage: true })}
                className={cn(
                  'inline-flex h-8 items-center gap-1.5 rounded-full border px-3 text-sm',
                  option === view ? 'border-primary bg-primary text-primary-foreground' : 'bg-surface hover:bg-muted',
                  (option === 'overdue' || option === 'supervised') &&
                    option !== view &&
                    (count ?? 0) > 0 &&
                    'text-danger',
                )}
              >
                {t(`case.view.${option}`)}
                <span className="text-xs tabular-nums opacity-80">
                  {count === undefined ? '…' : format.integer(count)}
                </span>
              </button>
            );
          })}
        </div>
        <DataTableToolbar state={state} search={search} searchPlaceholder={t('case.searchPlaceholder')} />
        <BulkOutcomes outcomes={outcomes} onDismiss={() => setOutcomes([])} />
        <DataTableBulkBar state={state}>
          {office && (
            <>
              <Button size="sm" onClick={() => setBulk('assign')}>
                {t('case.bulk.assign')}
              </Button>
              <Button size="sm" onClick={() => setBulk('priority')}>
                {t('case.bulk.priority')}
              </Button>
            </>
          )}
          {canPropose && !state.selection.allMatching && state.selection.ids.length <= 50 && (
            <Button size="sm" asChild>
              <Link to={proposePatchHref(state.selection.ids)}>{t('patch.proposeFromCase')}</Link>
            </Button>
          )}
        </DataTableBulkBar>
        <DataTable
          state={state}
          caption={t('case.caption')}
          loading={list.isPending}
          refreshing={list.isPlaceholderData}
          error={list.error}
          onRetry={() => void list.refetch()}
          onRowOpen={(serviceCase) => update({ case: serviceCase.id })}
          emptyTitle={t('case.empty')}
        />
      </section>
      {open && <CaseWorkspace key={open} id={open} labels={labels} onClose={() => closeCase(open)} />}
      <ShortcutsDialog open={help} onOpenChange={setHelp} />
      {importing && (
        <Suspense fallback={null}>
          <CaseImportDialog open={importing} onOpenChange={setImporting} month={month} />
        </Suspense>
      )}
      <BulkAssignDialog
        {...bulkProps}
        labels={labels}
        open={bulk === 'assign'}
        onOpenChange={(isOpen) => setBulk(isOpen ? 'assign' : null)}
      />
      <BulkPriorityDialog
        {...bulkProps}
        open={bulk === 'priority'}
        onOpenChange={(isOpen) => setBulk(isOpen ? 'priority' : null)}
      />
    </div>
  );
}

/** A saved view keeps the list's query, not the case open when it was saved. */
function stripCase(search: string): string {
  const params = new URLSearchParams(search);
  params.delete('case');
  params.delete('tab');
  return params.toString();
}
