import type { RowData } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import { DataTable } from './data-table';
import { DataTableToolbar } from './data-table-toolbar';
import type { ServerTableState, TableSearch } from './use-server-table';

/** A titled server-paged list: its toolbar, then the table with its loading, error and empty states. */
export function ListSection<TData extends RowData>({
  id,
  title,
  state,
  search,
  list,
  searchPlaceholder,
  emptyTitle,
  onRowOpen,
  actions,
}: {
  id: string;
  title: string;
  state: ServerTableState<TData>;
  search: TableSearch;
  list: { isPending: boolean; isPlaceholderData: boolean; error: unknown; refetch: () => unknown };
  searchPlaceholder: string;
  emptyTitle: string;
  onRowOpen?: (row: TData) => void;
  /** Beside the heading: the list's own actions (导出). */
  actions?: ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {actions}
      </div>
      <DataTableToolbar state={state} search={search} searchPlaceholder={searchPlaceholder} />
      <DataTable
        state={state}
        caption={title}
        loading={list.isPending}
        refreshing={list.isPlaceholderData}
        error={list.error}
        onRetry={() => void list.refetch()}
        onRowOpen={onRowOpen}
        emptyTitle={emptyTitle}
      />
    </section>
  );
}
