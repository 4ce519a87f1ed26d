import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Plus } from 'lucide-react';
import { Tabs } from 'radix-ui';
import { lazy, Suspense, useMemo, useState } from 'react';
import { patchQueries } from '../../api/queries/patch-queries';
import { DataTableToolbar } from '../../components/data-table/data-table-toolbar';
import { ListSection } from '../../components/data-table/list-section';
import { useServerTable } from '../../components/data-table/use-server-table';
import { ExportButton } from '../../components/export/export-button';
import { PageHeader } from '../../components/page-header';
import { Button } from '../../components/ui/button';
import { Skeleton } from '../../components/ui/skeleton';
import { tabTriggerClass } from '../../components/ui/tabs';
import { apiClient } from '../../lib/api-client';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';
import { todayInChina } from '../../lib/calendar';
import { useCan } from '../../lib/use-can';
import { useSearchState } from '../../lib/use-search-state';
import { PatchBoard } from './patch-board';
import { patchColumns } from './patch-columns';
import { PatchDetail } from './patch-detail';
import { PatchForm } from './patch-form';
import { patchListQueryOf, patchPageSearchSchema } from './patch-search';
import { PolicyTree } from './policy-tree';
import { usePatchLabels } from './use-patch-labels';

// The charts' code loads with the analysis view, not with the table.
const PatchAnalytics = lazy(() => import('./patch-analytics').then((m) => ({ default: m.PatchAnalytics })));

/**
 * 政策补丁: the 1+N+X tree beside the patches of the node chosen, as a table, a board by status or
 * the analytics; a patch opens beside them. The node, the filters, the view and the open patch
 * are all in the URL. A patch proposed from demands arrives here with their ids.
 */
export function PatchesPage() {
  const { t } = useI18n();
  const format = useFormat();
  const { state: search, update } = useSearchState(patchPageSearchSchema);
  const labels = usePatchLabels();
  const canPropose = useCan('patch:propose');
  const [creating, setCreating] = useState(false);
  const [now] = useState(() => Date.now());
  const view = search.view ?? 'table';
  const query = patchListQueryOf(search);
  const { page, pageSize, sort, policy, ...filter } = query;
  const exportQuery = { sort, policy, ...filter };
  const tree = useQuery({ ...patchQueries.tree(filter), placeholderData: keepPreviousData });
  const list = useQuery({
    ...patchQueries.list(query),
    placeholderData: keepPreviousData,
    enabled: view === 'table',
  });
  const canExport = useCan('report:export');
  const columns = useMemo(
    () => patchColumns({ t, format, labels, now, selectable: canExport }),
    [t, format, labels, now, canExport],
  );
  const state = useServerTable({
    tableId: 'policy-patches',
    columns,
    page: list.data,
    search: query,
    update,
    defaultSort: '-collectedAt',
    getRowId: (patch) => patch.id,
    enableRowSelection: canExport,
    allMatchingSelectable: false,
    stale: list.isPlaceholderData,
    extraFilters: [
      {
        title: t('patch.field.policy'),
        filter: { variant: 'select', param: 'policy', options: labels.options.policy },
      },
    ],
  });
  // Only those who may propose get the form a link to propose opens.
  const proposing = canPropose ? (search.propose?.split(',').filter(Boolean) ?? []) : [];
  const year = search.year ?? Number(todayInChina().slice(0, 4));

  return (
    <>
      <PageHeader
        title={t('patch.title')}
        description={t('patch.subtitle')}
        actions={
          canPropose && (
            <Button variant="primary" onClick={() => setCreating(true)}>
              <Plus className="size-4" aria-hidden />
              {t('patch.new')}
            </Button>
          )
        }
      />
      <div className="grid gap-4 lg:grid-cols-[17rem_minmax(0,1fr)]">
        <aside className="lg:sticky lg:top-4 lg:self-start">
          <PolicyTree
            policies={labels.policies}
            counts={tree.data}
            selected={policy?.[0]}
            onSelect={(code) => update({ policy: code }, { resetPage: true })}
          />
        </aside>
        <Tabs.Root
          value={view}
          onValueChange={(value) => update({ view: value === 'table' ? undefined : value })}
          className="min-w-0"
        >
          <Tabs.List aria-label={t('patch.views')} className="mb-4 flex gap-1 border-b">
            <Tabs.Trigger value="table" className={tabTriggerClass}>
              {t('patch.view.table')}
            </Tabs.Trigger>
            <Tabs.Trigger value="board" className={tabTriggerClass}>
              {t('patch.view.board')}
            </Tabs.Trigger>
            <Tabs.Trigger value="analytics" className={tabTriggerClass}>
              {t('patch.view.analytics')}
            </Tabs.Trigger>
          </Tabs.List>
          <Tabs.Content value="table">
            {view === 'table' && (
              <ListSection
                id="patch-list-heading"
                title={t('patch.list')}
                state={state}
                search={query}
                list={list}
                searchPlaceholder={t('patch.searchPlaceholder')}
                emptyTitle={t('patch.empty')}
                onRowOpen={(patch) => update({ patch: patch.id })}
                actions={
                  <ExportButton
                    state={state}
                    title={t('patch.list')}
                    query={exportQuery}
                    everything={{ sort }}
                    fetchPage={(exportQuery, signal) =>
                      apiClient.request('exportPolicyPatches', { query: exportQuery, signal })
                    }
                  />
                }
              />
            )}
          </Tabs.Content>
          <Tabs.Content value="board">
            {view === 'board' && (
              <DataTableToolbar state={state} search={query} searchPlaceholder={t('patch.searchPlaceholder')} />
            )}
            {view === 'board' && (
              <PatchBoard query={{ ...filter, policy }} labels={labels} onOpen={(id) => update({ patch: id })} />
            )}
          </Tabs.Content>
          <Tabs.Content value="analytics">
            {view === 'analytics' && (
              <Suspense fallback={<Skeleton className="h-96 w-full" />}>
                <label className="mb-3 flex w-fit items-center gap-2 text-sm">
                  <span className="text-muted-foreground">{t('patch.analytics.year')}</span>
                  <select
                    className="h-9 rounded-md border bg-surface px-2"
                    value={year}
                    onChange={(event) => update({ year: event.target.value })}
                  >
                    {[0, 1, 2, 3].map((back) => {
                      const option = Number(todayInChina().slice(0, 4)) - back;
                      return (
                        <option key={option} value={option}>
                          {option}
                        </option>
                      );
                    })}
                  </select>
                </label>
                <PatchAnalytics
                  policy={policy}
                  department={filter.department}
                  year={year}
                  labels={labels}
                  onFilter={(chosen) =>
                    update(
                      {
                        view: undefined,
                        policy: chosen.policy ?? policy,
                        status: chosen.status,
                        age: chosen.age,
                      },
                      { resetPage: true },
                    )
                  }
                />
              </Suspense>
            )}
          </Tabs.Content>
        </Tabs.Root>
      </div>
      {search.patch && <PatchDetail id={search.patch} labels={labels} onClose={() => update({ patch: undefined })} />}
      {(creating || proposing.length > 0) && (
        <PatchForm
          labels={labels}
          demandCaseIds={proposing}
          onClose={() => {
            setCreating(false);
            update({ propose: undefined }, { replace: true });
          }}
          onSaved={(saved) => {
            setCreating(false);
            update({ propose: undefined, patch: saved.id }, { replace: true });
          }}
        />
      )}
    </>
  );
}
