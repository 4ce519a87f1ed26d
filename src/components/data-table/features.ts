import {
  columnOrderingFeature,
  columnPinningFeature,
  columnResizingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  rowPaginationFeature,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  type CellData,
  type RowData,
  type TableFeatures,
} from '@tanstack/react-table';
import type { ColumnExport } from '../../lib/export/sheet';

/** What every server-driven table uses: the server pages and sorts, the client selects and lays out. */
export const serverTableFeatures = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  rowSelectionFeature,
  columnVisibilityFeature,
  columnSizingFeature,
  columnResizingFeature,
  columnOrderingFeature,
  columnPinningFeature,
});

export type ServerTableFeatures = typeof serverTableFeatures;

export interface FilterOption {
  value: string;
  label: string;
}

/** A dictionary's entries as filter options, each named in the active language. */
export function entryOptions(
  list: readonly { code: string; name: string; nameEn: string }[] | undefined,
  name: (entry: { name: string; nameEn: string }) => string,
): FilterOption[] {
  return (list ?? []).map((entry) => ({ value: entry.code, label: name(entry) }));
}

/**
 * A column declares its own filter: which URL keys it writes and how the toolbar asks for them.
 * The toolbar picks the control by `variant` (after tablecn's `ColumnMeta`).
 */
export type ColumnFilterMeta =
  | { variant: 'multiSelect'; param: string; options: FilterOption[] }
  | { variant: 'select'; param: string; options: FilterOption[] }
  /** A flag: present as `param=true`, absent otherwise. */
  | { variant: 'boolean'; param: string; label: string }
  /** Two URL keys, `YYYY-MM-DD` inclusive at both ends. */
  | { variant: 'dateRange'; params: readonly [from: string, to: string] }
  | { variant: 'numberRange'; params: readonly [min: string, max: string]; unit?: string; step?: number };

/** The URL keys a filter writes. */
export function filterParams(filter: ColumnFilterMeta): readonly string[] {
  return 'params' in filter ? filter.params : [filter.param];
}

declare module '@tanstack/react-table' {
  // Declaration merging needs the library's exact type parameters, used or not.
  /* eslint-disable @typescript-eslint/no-unused-vars */
  interface ColumnMeta<
    in out TFeatures extends TableFeatures,
    in out TData extends RowData,
    TValue extends CellData = CellData,
  > {
    /** The column's name in menus, chips and filters (headers may be elements). */
    label?: string;
    /** One filter, or several (a list and a flag, say), shown in this order in the toolbar. */
    filter?: ColumnFilterMeta | readonly ColumnFilterMeta[];
    align?: 'start' | 'end';
    /** How the column's cells are exported (a column without it, such as the row actions, is not). */
    export?: ColumnExport<TData> | readonly ColumnExport<TData>[];
  }
  /* eslint-enable @typescript-eslint/no-unused-vars */
}
