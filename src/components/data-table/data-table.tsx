import type { Cell, Column, Header, RowData } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type CSSProperties, type KeyboardEvent } from 'react';
import { cn } from '../../lib/cn';
import { useI18n } from '../../lib/i18n/i18n';
import { EmptyState } from '../feedback/empty-state';
import { ErrorState } from '../feedback/error-state';
import { Skeleton } from '../ui/skeleton';
import { DataTableColumnHeader } from './data-table-column-header';
import type { ServerTable, ServerTableFeatures } from './features';

export type Density = 'comfortable' | 'compact';

/** Past this many rows on screen, only the visible ones are rendered. */
const VIRTUALIZE_FROM = 60;
const rowHeight: Record<Density, number> = { comfortable: 44, compact: 32 };

interface DataTableProps<TData extends RowData> {
  table: ServerTable<TData>;
  caption: string;
  density: Density;
  /** First load: skeleton rows. */
  loading: boolean;
  /** A later load (next page, new filter): the old rows stay, dimmed. */
  refreshing: boolean;
  error: unknown;
  onRetry: () => void;
  onRowOpen?: (row: TData) => void;
  emptyTitle: string;
}

function pinStyle(column: Column<ServerTableFeatures, RowData, unknown>): CSSProperties {
  const pinned = column.getIsPinned();
  if (!pinned) return {};
  return {
    position: 'sticky',
    insetInlineStart: pinned === 'start' ? column.getStart('start') : undefined,
    insetInlineEnd: pinned === 'end' ? column.getAfter('end') : undefined,
    zIndex: 1,
  };
}

/**
 * A server-paged table: semantic <table>, sticky header and pinned columns, keyboard-openable
 * rows, sort state on aria-sort, and row virtualization for long pages.
 */
export function DataTable<TData extends RowData>({
  table,
  caption,
  density,
  loading,
  refreshing,
  error,
  onRetry,
  onRowOpen,
  emptyTitle,
}: DataTableProps<TData>) {
  const { t } = useI18n();
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = table.getRowModel().rows;
  const virtual = rows.length > VIRTUALIZE_FROM;
  // TanStack Virtual returns fresh functions each render, which the React Compiler cannot memoize;
  // this component opts out of compilation (see the lint note) and still renders correctly.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight[density],
    overscan: 12,
    enabled: virtual,
  });
  const columnCount = table.getVisibleLeafColumns().length;
  const items = virtual ? virtualizer.getVirtualItems() : null;
  const visibleRows = items ? items.map((item) => rows[item.index]!) : rows;
  const padTop = items && items.length > 0 ? items[0]!.start : 0;
  const padBottom = items && items.length > 0 ? virtualizer.getTotalSize() - items.at(-1)!.end : 0;
  const cellPadding = density === 'compact' ? 'px-2 py-1' : 'px-3 py-2.5';

  const openOnKey = (event: KeyboardEvent, original: TData) => {
    if (event.key === 'Enter' && event.target === event.currentTarget) onRowOpen?.(original);
  };

  if (error && rows.length === 0) return <ErrorState error={error} onRetry={onRetry} />;

  return (
    <div
      ref={scrollRef}
      className={cn('relative max-h-[70vh] overflow-auto rounded-md border', refreshing && 'opacity-70')}
      aria-busy={loading || refreshing || undefined}
    >
      {error !== null && error !== undefined && <ErrorState error={error} onRetry={onRetry} compact className="m-2" />}
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 z-10 bg-muted">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header: Header<ServerTableFeatures, TData, unknown>) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                    style={pinStyle(header.column as Column<ServerTableFeatures, RowData, unknown>)}
                    className={cn(
                      'border-b bg-muted text-left font-medium whitespace-nowrap text-muted-foreground',
                      cellPadding,
                      header.column.columnDef.meta?.align === 'end' && 'text-right',
                    )}
                  >
                    {header.isPlaceholder ? null : (
                      <DataTableColumnHeader header={header}>
                        <table.FlexRender header={header} />
                      </DataTableColumnHeader>
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {loading &&
            Array.from({ length: 8 }, (_, i) => (
              <tr key={`skeleton-${i}`}>
                <td colSpan={columnCount} className={cellPadding}>
                  <Skeleton className="h-5 w-full" />
                </td>
              </tr>
            ))}
          {!loading && rows.length === 0 && (
            <tr>
              <td colSpan={columnCount}>
                <EmptyState title={emptyTitle} />
              </td>
            </tr>
          )}
          {padTop > 0 && (
            <tr aria-hidden>
              <td colSpan={columnCount} style={{ height: padTop }} />
            </tr>
          )}
          {visibleRows.map((row) => (
            <tr
              key={row.id}
              tabIndex={onRowOpen ? 0 : undefined}
              onClick={onRowOpen ? () => onRowOpen(row.original) : undefined}
              onKeyDown={onRowOpen ? (event) => openOnKey(event, row.original) : undefined}
              aria-selected={row.getIsSelected() || undefined}
              className={cn(
                'border-b last:border-b-0',
                onRowOpen && 'cursor-pointer hover:bg-muted/60 focus-visible:bg-muted/60',
                row.getIsSelected() && 'bg-accent/60',
              )}
            >
              {row.getVisibleCells().map((cell: Cell<ServerTableFeatures, TData, unknown>) => (
                <td
                  key={cell.id}
                  style={pinStyle(cell.column as Column<ServerTableFeatures, RowData, unknown>)}
                  className={cn(
                    cellPadding,
                    cell.column.getIsPinned() && 'bg-surface',
                    cell.column.columnDef.meta?.align === 'end' && 'text-right tabular-nums',
                  )}
                >
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
          {padBottom > 0 && (
            <tr aria-hidden>
              <td colSpan={columnCount} style={{ height: padBottom }} />
            </tr>
          )}
        </tbody>
      </table>
      {!loading && rows.length > 0 && <p className="sr-only">{t('table.rowsShown', { count: rows.length })}</p>}
    </div>
  );
}
