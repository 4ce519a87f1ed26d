import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  functionalUpdate,
  useTable,
  type PaginationState,
  type RowSelectionState,
  type SortingState,
} from '@tanstack/react-table';
import { Plus, RotateCcw, Users } from 'lucide-react';
import { useCallback, useMemo, useState } from 'react';
import { intakeQueries } from '../../api/queries/intake-queries';
import type { IntakeRecord } from '../../api/schemas/intake';
import { DataTable } from '../../components/data-table/data-table';
import { DataTableFacetedFilter } from '../../components/data-table/data-table-faceted-filter';
import { DataTablePagination } from '../../components/data-table/data-table-pagination';
import { DataTableSearch } from '../../components/data-table/data-table-search';
import { DataTableViewOptions } from '../../components/data-table/data-table-view-options';
import { serverTableFeatures } from '../../components/data-table/features';
import { FilterChips, type FilterChip } from '../../components/data-table/filter-chips';
import { SavedViewsMenu } from '../../components/data-table/saved-views-menu';
import { useTablePreferences } from '../../components/data-table/use-table-preferences';
import { Button } from '../../components/ui/button';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';
import type { SearchPatch, UpdateOptions } from '../../lib/use-search-state';
import { useCan } from '../../lib/use-can';
import { BulkReassignDialog } from './bulk-reassign-dialog';
import { intakeColumns } from './intake-columns';
import { facetParams, listQueryOf, type FacetParam, type IntakePageSearch } from './intake-search';
import type { IntakeLabels } from './use-intake-labels';

const emptyRows: IntakeRecord[] = [];
const DEFAULT_PAGE_SIZE = 20;
const DEFAULT_SORT = '-leadOn';

function toSorting(sort: string | undefined): SortingState {
  const spec = sort ?? DEFAULT_SORT;
  return [{ id: spec.replace(/^-/, ''), desc: spec.startsWith('-') }];
}

function toSortParam(sorting: SortingState): string | undefined {
  const first = sorting[0];
  if (!first) return undefined;
  const param = `${first.desc ? '-' : ''}${first.id}`;
  return param === DEFAULT_SORT ? undefined : param;
}

interface IntakeRecordsTableProps {
  search: IntakePageSearch;
  searchString: string;
  update: (patch: SearchPatch, options?: UpdateOptions) => void;
  /** Replaces the whole query with a saved view's. */
  onApplyView: (search: string) => void;
  labels: IntakeLabels;
  onOpenRecord: (id: string) => void;
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
  const query = listQueryOf(search);
  const list = useQuery({ ...intakeQueries.list(query), placeholderData: keepPreviousData });
  const [preferences, setPreferences] = useTablePreferences('intake-records', {
    columnVisibility: { phone: false, event: false, industry: false },
    columnPinning: { start: ['select', 'id'], end: [] },
    density: 'comfortable',
  });
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [reassigning, setReassigning] = useState(false);

  const commitSearch = useCallback((q: string) => update({ q }, { replace: true, resetPage: true }), [update]);

  const columns = useMemo(
    () => intakeColumns({ t, format, labels, selectable: canWrite }),
    [t, format, labels, canWrite],
  );
  const pagination: PaginationState = { pageIndex: search.page - 1, pageSize: search.pageSize };
  const sorting = toSorting(search.sort);

  const table = useTable({
    features: serverTableFeatures,
    columns,
    data: list.data?.items ?? emptyRows,
    rowCount: list.data?.total ?? 0,
    getRowId: (record) => record.id,
    manualPagination: true,
    manualSorting: true,
    enableMultiSort: false,
    enableRowSelection: canWrite,
    state: {
      pagination,
      sorting,
      rowSelection,
      columnVisibility: preferences.columnVisibility,
      columnPinning: preferences.columnPinning,
    },
    onPaginationChange: (updater) => {
      const next = functionalUpdate(updater, pagination);
      const sizeChanged = next.pageSize !== pagination.pageSize;
      update(
        {
          page: sizeChanged || next.pageIndex === 0 ? undefined : next.pageIndex + 1,
          pageSize: next.pageSize === DEFAULT_PAGE_SIZE ? undefined : next.pageSize,
        },
        { resetPage: sizeChanged },
      );
    },
    onSortingChange: (updater) =>
      update({ sort: toSortParam(functionalUpdate(updater, sorting)) }, { resetPage: true }),
    onRowSelectionChange: setRowSelection,
    onColumnVisibilityChange: (updater) =>
      setPreferences({ columnVisibility: functionalUpdate(updater, preferences.columnVisibility) }),
    onColumnPinningChange: (updater) =>
      setPreferences({ columnPinning: functionalUpdate(updater, preferences.columnPinning) }),
  });

  const chips: FilterChip[] = facetParams.flatMap((param) =>
    (search[param] ?? []).map((value) => ({
      param,
      value,
      title: labels.titles[param],
      label: labels.label(param, value),
    })),
  );
  const removeChip = (chip: FilterChip) =>
    update(
      { [chip.param]: (search[chip.param as FacetParam] ?? []).filter((v) => v !== chip.value) },
      { resetPage: true },
    );
  const clearFilters = () =>
    update(Object.fromEntries([...facetParams, 'q', 'from', 'to'].map((key) => [key, undefined])), { resetPage: true });
  const selectedIds = Object.keys(rowSelection);

  return (
    <section aria-labelledby="intake-records-heading" className="mt-6">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id="intake-records-heading" className="text-lg font-semibold">
          {t('intake.records')}
        </h2>
        <div className="flex items-center gap-2">
          <SavedViewsMenu
            resource="intakeRecords"
            search={stripRecord(searchString)}
            onApply={(view) => onApplyView(view.search)}
          />
          <DataTableViewOptions
            table={table}
            density={preferences.density}
            onDensityChange={(density) => setPreferences({ density })}
          />
          {canWrite && (
            <Button size="sm" variant="primary" onClick={onCreate}>
              <Plus className="size-3.5" aria-hidden />
              {t('intake.new')}
            </Button>
          )}
        </div>
      </div>

      <div className="mb-2 flex flex-wrap items-center gap-2">
        <DataTableSearch
          value={search.q ?? ''}
          onChange={commitSearch}
          label={t('table.search')}
          placeholder={t('intake.searchPlaceholder')}
        />
        {table
          .getAllLeafColumns()
          .flatMap((column) => (column.columnDef.meta?.filter ? [column.columnDef.meta] : []))
          .map((meta) => (
            <DataTableFacetedFilter
              key={meta.filter!.param}
              title={meta.label ?? meta.filter!.param}
              options={meta.filter!.options}
              selected={search[meta.filter!.param as FacetParam] ?? []}
              onChange={(values) => update({ [meta.filter!.param]: values }, { resetPage: true })}
            />
          ))}
        {(chips.length > 0 || search.q) && (
          <Button size="sm" variant="ghost" onClick={clearFilters}>
            <RotateCcw className="size-3.5" aria-hidden />
            {t('table.reset')}
          </Button>
        )}
      </div>
      <div className="mb-3">
        <FilterChips chips={chips} onRemove={removeChip} onClear={clearFilters} />
      </div>

      {selectedIds.length > 0 && (
        <div
          role="region"
          aria-label={t('table.selected', { count: selectedIds.length })}
          className="mb-2 flex items-center gap-3 rounded-md border bg-accent px-3 py-2 text-sm"
        >
          <span className="font-medium text-accent-foreground">
            {t('table.selected', { count: selectedIds.length })}
          </span>
          <Button size="sm" onClick={() => setReassigning(true)}>
            <Users className="size-3.5" aria-hidden />
            {t('bulk.reassign')}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setRowSelection({})}>
            {t('bulk.clear')}
          </Button>
        </div>
      )}

      <DataTable
        table={table}
        caption={t('intake.caption')}
        density={preferences.density}
        loading={list.isPending}
        refreshing={list.isPlaceholderData}
        error={list.error}
        onRetry={() => void list.refetch()}
        onRowOpen={(record) => onOpenRecord(record.id)}
        emptyTitle={t('intake.empty')}
      />
      <DataTablePagination table={table} total={list.data?.total} />
      <BulkReassignDialog
        ids={selectedIds}
        labels={labels}
        open={reassigning}
        onOpenChange={setReassigning}
        onDone={() => setRowSelection({})}
      />
    </section>
  );
}

function stripRecord(search: string): string {
  const params = new URLSearchParams(search);
  params.delete('record');
  params.delete('page');
  return params.toString();
}
