import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Plus, Users } from 'lucide-react';
import { useMemo, useRef, useState } from 'react';
import { intakeQueries } from '../../api/queries/intake-queries';
import { BULK_FILTER_LIMIT } from '../../api/schemas/intake';
import { DataTable } from '../../components/data-table/data-table';
import { DataTableBulkBar } from '../../components/data-table/data-table-bulk-bar';
import { DataTableToolbar } from '../../components/data-table/data-table-toolbar';
import { DataTableViewOptions } from '../../components/data-table/data-table-view-options';
import { SavedViewsMenu } from '../../components/data-table/saved-views-menu';
import { useServerTable } from '../../components/data-table/use-server-table';
import { Button } from '../../components/ui/button';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';
import type { SearchPatch, UpdateOptions } from '../../lib/use-search-state';
import { useCan } from '../../lib/use-can';
import { apiClient } from '../../lib/api-client';
import { ExportButton } from '../../components/export/export-button';
import { BulkReassignDialog } from './bulk-reassign-dialog';
import { intakeColumns } from './intake-columns';
import { listQueryOf, type IntakePageSearch } from './intake-search';
import type { IntakeLabels } from './use-intake-labels';

interface IntakeRecordsTableProps {
  search: IntakePageSearch;
  searchString: string;
  update: (patch: SearchPatch, options?: UpdateOptions) => void;
  /** Replaces the whole query with a saved view's. */
  onApplyView: (search: string) => void;
  labels: IntakeLabels;
  onOpenRecord: (id: string, edit?: boolean) => void;
  onCreate: () => void;
}

/** The records table: server paging, sorting and filtering, all of it in the URL. */
export function IntakeRecordsTable({
  search,
  searchString,
  update,
  onApplyView,
  labels,
  onOpenRecord,
  onCreate,
}: IntakeRecordsTableProps) {
  const { t } = useI18n();
  const format = useFormat();
  const canWrite = useCan('intake:write');
  const list = useQuery({ ...intakeQueries.list(listQueryOf(search)), placeholderData: keepPreviousData });
  const [reassigning, setReassigning] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  const columns = useMemo(
    () => intakeColumns({ t, format, labels, canWrite, onOpen: onOpenRecord }),
    [t, format, labels, canWrite, onOpenRecord],
  );
  // The period picker's range (by lead date) is a filter too: a chip, cleared by reset.
  const period = useMemo(
    () => [{ title: t('intake.field.leadOn'), filter: { variant: 'dateRange', params: ['from', 'to'] } as const }],
    [t],
  );
  const state = useServerTable({
    tableId: 'intake-records',
    columns,
    page: list.data,
    search,
    update,
    defaultSort: '-leadOn',
    defaultPreferences: {
      columnVisibility: { phone: false, event: false, industry: false, kind: false },
      // The row actions stay in reach however far the table scrolls.
      columnPinning: { start: ['select', 'id'], end: ['actions'] },
    },
    getRowId: (record) => record.id,
    enableRowSelection: canWrite,
    stale: list.isPlaceholderData,
    bulkLimit: BULK_FILTER_LIMIT,
    extraFilters: period,
  });

  const { page: _page, pageSize: _pageSize, ...exportQuery } = listQueryOf(search);

  return (
    <section aria-labelledby="intake-records-heading">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 ref={heading} id="intake-records-heading" tabIndex={-1} className="text-lg font-semibold outline-none">
          {t('intake.records')}
        </h2>
        <div className="flex flex-wrap items-center gap-2">
          <SavedViewsMenu
            resource="intakeRecords"
            search={stripRecord(searchString)}
            onApply={(view) => onApplyView(view.search)}
          />
          <DataTableViewOptions state={state} />
          <ExportButton
            state={state}
            title={t('intake.records')}
            query={exportQuery}
            everything={{ sort: exportQuery.sort }}
            fetchPage={(query, signal) => apiClient.request('exportIntakeRecords', { query, signal })}
          />
          {canWrite && (
            <Button size="sm" variant="primary" onClick={onCreate}>
              <Plus className="size-3.5" aria-hidden />
              {t('intake.new')}
            </Button>
          )}
        </div>
      </div>

      <DataTableToolbar state={state} search={search} searchPlaceholder={t('intake.searchPlaceholder')} />

      <DataTableBulkBar state={state}>
        <Button size="sm" onClick={() => setReassigning(true)}>
          <Users className="size-3.5" aria-hidden />
          {t('bulk.reassign')}
        </Button>
      </DataTableBulkBar>

      <DataTable
        state={state}
        caption={t('intake.caption')}
        loading={list.isPending}
        refreshing={list.isPlaceholderData}
        error={list.error}
        onRetry={() => void list.refetch()}
        onRowOpen={(record) => onOpenRecord(record.id)}
        emptyTitle={t('intake.empty')}
      />
      <BulkReassignDialog
        selection={state.selection}
        filter={listQueryOf(search)}
        labels={labels}
        open={reassigning}
        onOpenChange={setReassigning}
        // After the dialog has closed and handed focus back, which finds no opener.
        onDone={() => setTimeout(() => heading.current?.focus())}
      />
    </section>
  );
}

function stripRecord(search: string): string {
  const params = new URLSearchParams(search);
  for (const key of ['record', 'edit', 'page', 'tab']) params.delete(key);
  return params.toString();
}
