import type { RowData } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';
import { Button } from '../ui/button';
import type { ServerTableState } from './use-server-table';

/**
 * What is selected and what can be done with it. When every row of the page is picked, offers to
 * take every row the filters match ("select all N matching"), as mail clients do.
 */
export function DataTableBulkBar<TData extends RowData>({
  state,
  children,
}: {
  state: ServerTableState<TData>;
  /** The bulk actions. */
  children: ReactNode;
}) {
  const { t } = useI18n();
  const format = useFormat();
  const { selection, table } = state;
  if (selection.count === 0) return null;
  const wholePage = table.getIsAllPageRowsSelected() && !selection.allMatching && selection.allMatchingSelectable;
  const more = selection.total > selection.ids.length;
  return (
    <div
      role="region"
      aria-label={t('table.bulkActions')}
      className="mb-2 flex flex-wrap items-center gap-3 rounded-md border bg-accent px-3 py-2 text-sm"
    >
      <span className="font-medium text-accent-foreground" aria-live="polite">
        {selection.allMatching
          ? t('table.selectedAllMatching', { count: format.integer(selection.count) })
          : t('table.selected', { count: format.integer(selection.count) })}
      </span>
      {wholePage && more && selection.overLimit === null && (
        <Button size="sm" variant="ghost" onClick={selection.selectAllMatching}>
          {t('table.selectAllMatching', { count: format.integer(selection.total) })}
        </Button>
      )}
      {wholePage && more && selection.overLimit !== null && (
        <span className="text-muted-foreground">
          {t('table.overBulkLimit', {
            count: format.integer(selection.total),
            limit: format.integer(selection.overLimit),
          })}
        </span>
      )}
      {children}
      <Button size="sm" variant="ghost" onClick={selection.clear}>
        {t('bulk.clear')}
      </Button>
    </div>
  );
}
