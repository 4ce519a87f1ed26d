import {
  columnPinningFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  rowPaginationFeature,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  type CellData,
  type ReactTable,
  type RowData,
  type TableFeatures,
} from '@tanstack/react-table';

/** What every server-driven table uses: the server pages and sorts, the client selects and lays out. */
export const serverTableFeatures = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  rowSelectionFeature,
  columnVisibilityFeature,
  columnSizingFeature,
  columnPinningFeature,
});

export type ServerTableFeatures = typeof serverTableFeatures;
export type ServerTable<TData extends RowData> = ReactTable<ServerTableFeatures, TData>;

export interface FilterOption {
  value: string;
  label: string;
}

/** A column declares its own filter: the URL key it writes and the values it offers. */
export interface ColumnFilterMeta {
  param: string;
  options: FilterOption[];
}

declare module '@tanstack/react-table' {
  // Declaration merging needs the library's exact type parameters, used or not.
  /* eslint-disable @typescript-eslint/no-unused-vars */
  interface ColumnMeta<
    in out TFeatures extends TableFeatures,
    in out TData extends RowData,
    TValue extends CellData = CellData,
  > {
    /** The column's name in menus (headers may be elements). */
    label?: string;
    filter?: ColumnFilterMeta;
    align?: 'start' | 'end';
  }
  /* eslint-enable @typescript-eslint/no-unused-vars */
}
