import type { Header, RowData } from '@tanstack/react-table';
import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';
import type { ReactNode } from 'react';
import { useI18n } from '../../lib/i18n/i18n';
import type { ServerTableFeatures } from './features';

/** A sortable header: a real button, with the direction announced through aria-sort on the cell. */
export function DataTableColumnHeader<TData extends RowData>({
  header,
  children,
}: {
  header: Header<ServerTableFeatures, TData, unknown>;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const column = header.column;
  if (!column.getCanSort()) return <>{children}</>;
  const sorted = column.getIsSorted();
  const Icon = sorted === 'asc' ? ArrowUp : sorted === 'desc' ? ArrowDown : ArrowUpDown;
  return (
    <button
      type="button"
      onClick={column.getToggleSortingHandler()}
      className="-mx-1 inline-flex items-center gap-1 rounded px-1 hover:bg-muted"
      title={t('table.sortBy', { column: column.columnDef.meta?.label ?? column.id })}
    >
      {children}
      <Icon className={sorted ? 'size-3.5' : 'size-3.5 opacity-40'} aria-hidden />
    </button>
  );
}
