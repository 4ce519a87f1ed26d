import type { RowData } from '@tanstack/react-table';
import { ChevronLeft, ChevronRight, ChevronsLeft, ChevronsRight } from 'lucide-react';
import { useId } from 'react';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';
import { Button } from '../ui/button';
import type { ServerTableState } from './use-server-table';

export const pageSizes = [20, 50, 100, 200] as const;

/** Total, page size and page buttons; silent until the server has said how many rows there are. */
export function DataTablePagination<TData extends RowData>({ state }: { state: ServerTableState<TData> }) {
  const { t } = useI18n();
  const format = useFormat();
  const id = useId();
  const { table, total } = state;
  if (total === undefined) return null;
  const { pageIndex, pageSize } = table.state.pagination;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  // Shown as the page that will be served: a URL past the end is corrected to the last page.
  const page = Math.min(pageIndex + 1, pageCount);
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
      <p className="text-muted-foreground" aria-live="polite">
        {t('table.total', { total: format.integer(total) })}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <label htmlFor={id} className="text-muted-foreground">
          {t('table.pageSize')}
        </label>
        <select
          id={id}
          value={pageSize}
          onChange={(event) => table.setPageSize(Number(event.target.value))}
          className="h-8 rounded-md border bg-surface px-1.5"
        >
          {pageSizes.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
        <span className="tabular-nums">{t('table.page', { page, pages: pageCount })}</span>
        <div className="flex gap-1">
          <Button
            size="icon"
            aria-label={t('table.firstPage')}
            onClick={() => table.setPageIndex(0)}
            disabled={page === 1}
          >
            <ChevronsLeft className="size-4" aria-hidden />
          </Button>
          <Button
            size="icon"
            aria-label={t('table.previousPage')}
            onClick={() => table.setPageIndex(page - 2)}
            disabled={page === 1}
          >
            <ChevronLeft className="size-4" aria-hidden />
          </Button>
          <Button
            size="icon"
            aria-label={t('table.nextPage')}
            onClick={() => table.setPageIndex(page)}
            disabled={page >= pageCount}
          >
            <ChevronRight className="size-4" aria-hidden />
          </Button>
          <Button
            size="icon"
            aria-label={t('table.lastPage')}
            onClick={() => table.setPageIndex(pageCount - 1)}
            disabled={page >= pageCount}
          >
            <ChevronsRight className="size-4" aria-hidden />
          </Button>
        </div>
      </div>
    </div>
  );
}
