import type { Cell, Column, Header, RowData } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type RefObject } from 'react';
import { cn } from '../../lib/cn';
import { useI18n } from '../../lib/i18n/i18n';
import { EmptyState } from '../feedback/empty-state';
import { ErrorState } from '../feedback/error-state';
import { Skeleton } from '../ui/skeleton';
import { DataTableColumnHeader } from './data-table-column-header';
import { DataTablePagination } from './data-table-pagination';
import { DataTableResizeHandle } from './data-table-resize-handle';
import type { ServerTableFeatures } from './features';
import type { ServerTableState } from './use-server-table';
import type { Density } from './use-table-preferences';

/** Past this many rows on screen, only the visible ones are rendered. */
const VIRTUALIZE_FROM = 60;
const rowHeight: Record<Density, number> = { comfortable: 44, compact: 32 };

interface DataTableProps<TData extends RowData> {
  state: ServerTableState<TData>;
  caption: string;
  /** The first page is loading: skeleton rows. */
  loading: boolean;
  /** A later load (next page, new filter): the old rows stay, dimmed. */
  refreshing: boolean;
  error: unknown;
  onRetry: () => void;
  onRowOpen?: (row: TData) => void;
  emptyTitle: string;
}

type AnyColumn = Column<ServerTableFeatures, RowData, unknown>;

/** Room left for the scrolling columns, however many are pinned. */
const MIN_SCROLLING_WIDTH = 120;

/**
 * The start-pinned columns that stay put: as many as fit the container, leaving the scrolling
 * columns room between them and the end-pinned ones. The rest scroll like any other column.
 */
function stuckColumns(columns: AnyColumn[], endWidth: number, containerWidth: number): Set<string> {
  const budget = containerWidth > 0 ? containerWidth - endWidth - MIN_SCROLLING_WIDTH : Number.POSITIVE_INFINITY;
  const stuck = new Set<string>();
  let used = 0;
  for (const column of columns) {
    used += column.getSize();
    if (used > budget) break;
    stuck.add(column.id);
  }
  return stuck;
}

/** Sticky offsets come from the same widths the columns are laid out with, so pins never overlap. */
function pinStyle(column: AnyColumn, stuck: Set<string>, lastStuck: string | undefined): CSSProperties {
  const pinned = column.getIsPinned();
  if (!pinned || (pinned === 'start' && !stuck.has(column.id))) return {};
  return {
    position: 'sticky',
    insetInlineStart: pinned === 'start' ? column.getStart('start') : undefined,
    insetInlineEnd: pinned === 'end' ? column.getAfter('end') : undefined,
    zIndex: 1,
    // The edge of a pinned block, so rows scrolling under it read as such.
    boxShadow:
      column.id === lastStuck
        ? 'inset -1px 0 0 var(--color-border)'
        : pinned === 'end' && column.getIsFirstColumn('end')
          ? 'inset 1px 0 0 var(--color-border)'
          : undefined,
  };
}

/**
 * A server-paged table: semantic <table> with fixed column widths (resizable, reorderable,
 * pinnable), sticky header, keyboard-openable rows, sort state on aria-sort, row virtualization
 * for long pages, and one state at a time: skeleton, error, empty or rows.
 */
export function DataTable<TData extends RowData>({
  state,
  caption,
  loading: firstLoad,
  refreshing,
  error,
  onRetry,
  onRowOpen,
  emptyTitle,
}: DataTableProps<TData>) {
  const { t } = useI18n();
  const { table } = state;
  const density = state.preferences.density;
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = table.getRowModel().rows;
  // "No records" only once the server has said so for this very query.
  const loading = firstLoad || state.pastEnd || (refreshing && rows.length === 0);
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
  const columns = table.getVisibleLeafColumns();
  const items = virtual ? virtualizer.getVirtualItems() : null;
  const visibleRows = items ? items.map((item) => rows[item.index]!) : rows;
  const padTop = items && items.length > 0 ? items[0]!.start : 0;
  const padBottom = items && items.length > 0 ? virtualizer.getTotalSize() - items.at(-1)!.end : 0;
  const cellPadding = density === 'compact' ? 'px-2 py-1' : 'px-3 py-2.5';
  const failed = error !== null && error !== undefined;
  const containerWidth = useContainerWidth(scrollRef);
  const startPinned = table.getStartVisibleLeafColumns() as AnyColumn[];
  const endWidth = (table.getEndVisibleLeafColumns() as AnyColumn[]).reduce((sum, c) => sum + c.getSize(), 0);
  const stuck = stuckColumns(startPinned, endWidth, containerWidth);
  const lastStuck = startPinned.filter((c) => stuck.has(c.id)).at(-1)?.id;
  const pin = (column: unknown) => pinStyle(column as AnyColumn, stuck, lastStuck);

  // The rows are one Tab stop (roving tabindex): arrows or j/k move between them, Home/End jump,
  // Enter opens. The row last focused keeps the stop, so Tab comes back to where the user was.
  const [activeRow, setActiveRow] = useState<string | null>(null);
  const tabRow = rows.some((row) => row.id === activeRow) ? activeRow : (rows[0]?.id ?? null);
  const focusRow = (index: number) => {
    const target = rows[Math.max(0, Math.min(rows.length - 1, index))];
    if (!target) return;
    setActiveRow(target.id);
    const focus = () =>
      scrollRef.current?.querySelector<HTMLElement>(`tr[data-row-id="${CSS.escape(target.id)}"]`)?.focus();
    if (!virtual) return focus();
    // A virtualized row may not be rendered yet: scroll to it, then focus it once it is.
    virtualizer.scrollToIndex(Math.max(0, Math.min(rows.length - 1, index)));
    requestAnimationFrame(focus);
  };
  const onRowKey = (event: KeyboardEvent, index: number, original: TData) => {
    if (event.target !== event.currentTarget) return;
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      j: index + 1,
      ArrowUp: index - 1,
      k: index - 1,
      Home: 0,
      End: rows.length - 1,
    };
    if (event.key === 'Enter') onRowOpen?.(original);
    else if (event.key in moves) {
      event.preventDefault();
      focusRow(moves[event.key]!);
    }
  };

  // Nothing to show but the failure: no header, no "0 rows", no "page 1 of 1".
  if (failed && rows.length === 0) return <ErrorState error={error} onRetry={onRetry} />;

  return (
    <>
      {failed && <ErrorState error={error} onRetry={onRetry} compact className="mb-2" />}
      <div
        ref={scrollRef}
        className={cn('relative max-h-[70vh] overflow-auto rounded-md border', refreshing && 'opacity-70')}
        aria-busy={loading || refreshing || undefined}
      >
        <table className="w-full table-fixed border-collapse text-sm" style={{ minWidth: table.getTotalSize() }}>
          <caption className="sr-only">
            {caption}
            {onRowOpen && `${t('common.separator')}${t('table.keysHint')}`}
          </caption>
          <colgroup>
            {/* The last column takes what is left; the others keep their widths, so pins line up. */}
            {columns.map((column, index) => (
              <col key={column.id} style={index < columns.length - 1 ? { width: column.getSize() } : undefined} />
            ))}
          </colgroup>
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
                      style={pin(header.column)}
                      className={cn(
                        'relative border-b bg-muted text-left font-medium whitespace-nowrap text-muted-foreground',
                        cellPadding,
                        header.column.columnDef.meta?.align === 'end' && 'text-right',
                      )}
                    >
                      {header.isPlaceholder ? null : (
                        <DataTableColumnHeader header={header}>
                          <table.FlexRender header={header} />
                        </DataTableColumnHeader>
                      )}
                      {header.column.getCanResize() && <DataTableResizeHandle header={header} />}
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
                  <td colSpan={columns.length} className={cellPadding}>
                    <Skeleton className="h-5 w-full" />
                  </td>
                </tr>
              ))}
            {!loading && rows.length === 0 && (
              <tr>
                <td colSpan={columns.length}>
                  <EmptyState title={emptyTitle} />
                </td>
              </tr>
            )}
            {padTop > 0 && (
              <tr aria-hidden>
                <td colSpan={columns.length} style={{ height: padTop }} />
              </tr>
            )}
            {visibleRows.map((row) => (
              <tr
                key={row.id}
                data-row-id={row.id}
                tabIndex={onRowOpen ? (row.id === tabRow ? 0 : -1) : undefined}
                onFocus={onRowOpen ? () => setActiveRow(row.id) : undefined}
                onClick={onRowOpen ? () => onRowOpen(row.original) : undefined}
                onKeyDown={onRowOpen ? (event) => onRowKey(event, row.index, row.original) : undefined}
                aria-selected={row.getIsSelected() || undefined}
                className={cn(
                  'border-b last:border-b-0',
                  onRowOpen &&
                    'cursor-pointer hover:bg-muted/60 focus-visible:bg-muted/60 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-focus focus-visible:outline-solid',
                  row.getIsSelected() && 'bg-accent/60',
                )}
              >
                {row.getVisibleCells().map((cell: Cell<ServerTableFeatures, TData, unknown>) => (
                  <td
                    key={cell.id}
                    style={pin(cell.column)}
                    className={cn(
                      'truncate',
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
                <td colSpan={columns.length} style={{ height: padBottom }} />
              </tr>
            )}
          </tbody>
        </table>
        {!loading && rows.length > 0 && <p className="sr-only">{t('table.rowsShown', { count: rows.length })}</p>}
      </div>
      <DataTablePagination state={state} />
    </>
  );
}

/** The element's width, kept up to date; 0 where it cannot be measured (jsdom). */
function useContainerWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry!.contentRect.width));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
