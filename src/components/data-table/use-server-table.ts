import {
  functionalUpdate,
  useTable,
  type PaginationState,
  type RowData,
  type RowSelectionState,
  type SortingState,
  type TableOptions,
} from '@tanstack/react-table';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';
import { noticeIgnoredLinkParts, type SearchPatch, type UpdateOptions } from '../../lib/use-search-state';
import { filterChipsOf, type FilterChip } from './filter-chips';
import { filterParams, serverTableFeatures, type ColumnFilterMeta, type ServerTableFeatures } from './features';
import { useTablePreferences, type TablePreferences } from './use-table-preferences';

export const DEFAULT_PAGE_SIZE = 20;

/** The table's part of a page's URL state: paging, sorting, search and the filters' own keys. */
export interface TableSearch {
  page: number;
  pageSize: number;
  sort?: string;
  q?: string;
  [param: string]: unknown;
}

export interface ServerPage<TData> {
  items: TData[];
  total: number;
}

interface UseServerTableOptions<TData extends RowData> {
  /** Names the remembered preferences (per user). */
  tableId: string;
  columns: TableOptions<ServerTableFeatures, TData>['columns'];
  /** The current page from the server; undefined while the first one loads. */
  page: ServerPage<TData> | undefined;
  search: TableSearch;
  update: (patch: SearchPatch, options?: UpdateOptions) => void;
  /** Like `-leadOn`; kept out of the URL when it is the one in force. */
  defaultSort: string;
  defaultPreferences?: Partial<TablePreferences>;
  getRowId: (row: TData) => string;
  enableRowSelection?: boolean;
  /**
   * The page shown is the previous query's, kept while the new one loads: nothing may be selected
   * from it and nothing about the address is judged by it.
   */
  stale?: boolean;
  /** The most rows one bulk action may take by filter ("select all N matching" beyond it is refused). */
  bulkLimit?: number;
  /** False when bulk actions act row by row on the rows seen: no "select all N matching" then. */
  allMatchingSelectable?: boolean;
  /**
   * Filters set outside the columns (a period picker, say): shown as chips and cleared by reset
   * like the others, but with no control in the toolbar.
   */
  extraFilters?: readonly { title: string; filter: ColumnFilterMeta }[];
}

const emptyRows: never[] = [];
const noExtraFilters: readonly { title: string; filter: ColumnFilterMeta }[] = [];

function toSorting(sort: string | undefined, fallback: string): SortingState {
  const spec = sort ?? fallback;
  return [{ id: spec.replace(/^-/, ''), desc: spec.startsWith('-') }];
}

/**
 * Owns a server-paged table's state: URL ⇄ sorting, paging, search and column filters; the
 * chips and reset; the selection (cleared when the filters change, so a bulk action never hits
 * rows no longer shown); and the per-user layout preferences. Features pass columns, the page
 * from the server and their default sort (after tablecn's `use-data-table`).
 */
export function useServerTable<TData extends RowData>({
  tableId,
  columns,
  page,
  search,
  update,
  defaultSort,
  defaultPreferences = {},
  getRowId,
  enableRowSelection = false,
  stale = false,
  bulkLimit = Number.POSITIVE_INFINITY,
  allMatchingSelectable = true,
  extraFilters = noExtraFilters,
}: UseServerTableOptions<TData>) {
  const { t } = useI18n();
  const format = useFormat();
  const {
    preferences,
    update: setPreferences,
    reset: resetPreferences,
  } = useTablePreferences(tableId, defaultPreferences);
  const filters = useMemo(
    () =>
      columns.flatMap((column) => {
        const meta = column.meta;
        return meta?.filter ? [meta.filter].flat().map((filter) => ({ meta, filter })) : [];
      }),
    [columns],
  );
  const params = useMemo(
    () => [...[...filters, ...extraFilters].flatMap(({ filter }) => filterParams(filter)), 'q'],
    [filters, extraFilters],
  );

  // A selection belongs to one set of filters: when they change it is cleared.
  const filterKey = JSON.stringify(params.map((param) => search[param] ?? null));
  const [selection, setSelection] = useState<{ key: string; rows: RowSelectionState; allMatching: boolean }>({
    key: filterKey,
    rows: {},
    allMatching: false,
  });
  const current = selection.key === filterKey ? selection : { key: filterKey, rows: {}, allMatching: false };
  if (current !== selection) setSelection(current);

  const pageRows: RowSelectionState = Object.fromEntries((page?.items ?? []).map((row) => [getRowId(row), true]));
  const pagination: PaginationState = { pageIndex: search.page - 1, pageSize: search.pageSize };
  const sorting = toSorting(search.sort, defaultSort);

  const table = useTable({
    features: serverTableFeatures,
    columns,
    data: page?.items ?? emptyRows,
    rowCount: page?.total ?? 0,
    getRowId,
    manualPagination: true,
    manualSorting: true,
    enableMultiSort: false,
    enableRowSelection: enableRowSelection && !stale,
    enableColumnResizing: true,
    columnResizeMode: 'onChange',
    state: {
      pagination,
      sorting,
      // "All matching" shows every row of the page as picked.
      rowSelection: current.allMatching ? { ...current.rows, ...pageRows } : current.rows,
      columnVisibility: preferences.columnVisibility,
      columnPinning: preferences.columnPinning,
      columnOrder: preferences.columnOrder,
      columnSizing: preferences.columnSizing,
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
    onSortingChange: (updater) => {
      const first = functionalUpdate(updater, sorting)[0];
      const spec = first ? `${first.desc ? '-' : ''}${first.id}` : undefined;
      update({ sort: spec === defaultSort ? undefined : spec }, { resetPage: true });
    },
    // A row unticked while all matching rows are picked leaves the page's other rows picked.
    onRowSelectionChange: (updater) =>
      setSelection({
        key: filterKey,
        rows: functionalUpdate(updater, current.allMatching ? { ...current.rows, ...pageRows } : current.rows),
        allMatching: false,
      }),
    onColumnVisibilityChange: (updater) =>
      setPreferences({ columnVisibility: functionalUpdate(updater, preferences.columnVisibility) }),
    onColumnPinningChange: (updater) =>
      setPreferences({ columnPinning: functionalUpdate(updater, preferences.columnPinning) }),
    onColumnOrderChange: (updater) =>
      setPreferences({ columnOrder: functionalUpdate(updater, preferences.columnOrder) }),
    onColumnSizingChange: (updater) =>
      setPreferences({ columnSizing: functionalUpdate(updater, preferences.columnSizing) }),
  });

  // A link may carry a sort or filter values this table does not have (a stale bookmark, a typo):
  // they are dropped from the address with a notice, never sent to the server.
  const invalid = invalidLinkParts(
    search,
    table.getAllLeafColumns().flatMap((column) => (column.getCanSort() ? [column.id] : [])),
    filters.map(({ meta, filter }) => ({ label: meta.label ?? filterParams(filter)[0]!, filter })),
    t('table.sort'),
  );
  const invalidKey = invalid ? JSON.stringify(invalid) : '';
  useEffect(() => {
    if (!invalidKey) return;
    const { patch, names } = JSON.parse(invalidKey) as { patch: SearchPatch; names: string[] };
    update(patch, { replace: true, resetPage: true });
    noticeIgnoredLinkParts(t, names);
  }, [invalidKey, update, t]);

  // A page past the end (a bookmark after records went away): go to the last page there is.
  const pageCount = page && !stale ? Math.max(1, Math.ceil(page.total / search.pageSize)) : undefined;
  useEffect(() => {
    if (pageCount !== undefined && search.page > pageCount) {
      update({ page: pageCount === 1 ? undefined : pageCount }, { replace: true });
    }
  }, [pageCount, search.page, update]);

  const chips = [
    ...filters.map(({ meta, filter }) => ({ title: meta.label ?? filterParams(filter)[0]!, filter })),
    ...extraFilters,
  ].flatMap(({ title, filter }) => filterChipsOf(title, filter, search, t, format.date));
  const clearFilters = useCallback(
    () => update(Object.fromEntries(params.map((param) => [param, undefined])), { resetPage: true }),
    [params, update],
  );
  const removeChip = (chip: FilterChip) => {
    if (chip.value === undefined) {
      update(Object.fromEntries(chip.params.map((param) => [param, undefined])), { resetPage: true });
      return;
    }
    const values = search[chip.params[0]!];
    const list = Array.isArray(values) ? (values as string[]) : [];
    update({ [chip.params[0]!]: list.filter((v) => v !== chip.value) }, { resetPage: true });
  };
  const setFilter = (filter: ColumnFilterMeta, values: SearchPatch) => {
    const allowed = new Set(filterParams(filter));
    update(Object.fromEntries(Object.entries(values).filter(([key]) => allowed.has(key))), { resetPage: true });
  };
  const commitSearch = useCallback((q: string) => update({ q }, { replace: true, resetPage: true }), [update]);

  const selectedIds = Object.keys(current.rows);
  const clearSelection = () => setSelection({ key: filterKey, rows: {}, allMatching: false });

  return {
    table,
    /** Rows the filters match; undefined until the first page arrives. */
    total: page?.total,
    /** The URL asks for a page past the end; the last page is on its way. */
    pastEnd: !stale && pageCount !== undefined && search.page > pageCount,
    preferences,
    setPreferences,
    resetPreferences,
    filters: {
      columns: filters,
      chips,
      active: chips.length > 0 || Boolean(search.q),
      set: setFilter,
      remove: removeChip,
      clear: clearFilters,
    },
    search: { value: search.q ?? '', commit: commitSearch },
    selection: {
      /** Ids picked row by row (across pages, within the same filters). */
      ids: selectedIds,
      /** Every row the filters match, on any page. */
      allMatching: current.allMatching,
      count: current.allMatching ? (page?.total ?? 0) : selectedIds.length,
      total: page?.total ?? 0,
      /** The limit, when the rows the filters match are more than one bulk action may take. */
      overLimit: page !== undefined && page.total > bulkLimit ? bulkLimit : null,
      /** Whether "every row the filters match" may be picked (a bulk action the server takes by filter). */
      allMatchingSelectable,
      selectAllMatching: () => {
        if (!stale && (page?.total ?? 0) <= bulkLimit)
          setSelection({ key: filterKey, rows: current.rows, allMatching: true });
      },
      clear: clearSelection,
      /** Keeps only these rows picked (a bulk action leaves the rows it could not change picked). */
      keep: (ids: readonly string[]) =>
        setSelection({ key: filterKey, rows: Object.fromEntries(ids.map((id) => [id, true])), allMatching: false }),
    },
  };
}

export type ServerTableState<TData extends RowData> = ReturnType<typeof useServerTable<TData>>;

function valuesOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return value === undefined || value === null || value === '' ? [] : [String(value)];
}

/** The parts of the URL state no column knows: an unknown sort field, values no option offers. */
function invalidLinkParts(
  search: TableSearch,
  sortable: string[],
  filters: { label: string; filter: ColumnFilterMeta }[],
  sortLabel: string,
): { patch: SearchPatch; names: string[] } | null {
  // Options come from the dictionaries: until every list has loaded, nothing is judged (so one
  // notice and one address change cover the whole link).
  const lists = filters.flatMap(({ filter }) =>
    filter.variant === 'multiSelect' || filter.variant === 'select' ? [filter.options] : [],
  );
  if (lists.some((options) => options.length === 0)) return null;
  const patch: SearchPatch = {};
  const names: string[] = [];
  if (search.sort && !sortable.includes(search.sort.replace(/^-/, ''))) {
    patch.sort = null; // null, not undefined: the patch travels as JSON
    names.push(sortLabel);
  }
  for (const { label, filter } of filters) {
    if (filter.variant !== 'multiSelect' && filter.variant !== 'select') continue;
    const values = valuesOf(search[filter.param]);
    const known = values.filter((value) => filter.options.some((option) => option.value === value));
    if (known.length === values.length) continue;
    patch[filter.param] = known;
    names.push(label);
  }
  return names.length > 0 ? { patch, names } : null;
}
