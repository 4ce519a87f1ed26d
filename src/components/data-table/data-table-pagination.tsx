import type { RowData } from '@tanstack/react-table';
import { ChevronLeft, ChevronRight, ChevronsLeft, ChevronsRight } from 'lucide-react';
import { useId } from 'react';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';
import { Button } from '../ui/button';
import type { ServerTable } from './features';

export const pageSizes = [20, 50, 100, 200] as const;

export function DataTablePagination<TData extends RowData>({
  table,
  total,
}: {
  table: ServerTable<TData>;
  total: number | undefined;
}) {
  const { t } = useI18n();
  const format = useFormat();
  const id = useId();
  const { pageIndex, pageSize } = table.state.pagination;
  const pageCount = Math.max(1, table.getPageCount());
  const selected = Object.keys(table.state.rowSelection).length;
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
      <p className="text-muted-foreground" aria-live="polite">
        {total === undefined ? t('common.loading') : t('table.total', { total: format.integer(total) })}
        {selected > 0 && ` · ${t('table.selected', { count: selected })}`}
      </p>
      <div className="flex items-center gap-3">
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
        <span className="tabular-nums">{t('table.page', { page: pageIndex + 1, pages: pageCount })}</span>
        <div className="flex gap-1">
          <Button
            size="icon"
            aria-label={t('table.firstPage')}
            onClick={() => table.setPageIndex(0)}
            disabled={pageIndex === 0}
          >
            <ChevronsLeft className="size-4" aria-hidden />
          </Button>
          <Button
            size="icon"
            aria-label={t('table.previousPage')}
            onClick={() => table.previousPage()}
            disabled={pageIndex === 0}
          >
            <ChevronLeft className="size-4" aria-hidden />
          </Button>
          <Button
            size="icon"
            aria-label={t('table.nextPage')}
            onClick={() => table.nextPage()}
            disabled={pageIndex >= pageCount - 1}
          >
            <ChevronRight className="size-4" aria-hidden />
          </Button>
          <Button
            size="icon"
            aria-label={t('table.lastPage')}
            onClick={() => table.setPageIndex(pageCount - 1)}
            disabled={pageIndex >= pageCount - 1}
          >
            <ChevronsRight className="size-4" aria-hidden />
          </Button>
        </div>
      </div>
    </div>
  );
}
