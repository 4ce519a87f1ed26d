import { createColumnHelper, type RowData } from '@tanstack/react-table';
import type { Translate } from '../../lib/i18n/i18n';
import type { ServerTableFeatures } from './features';

/** The checkbox column of a selectable table: the page's rows in the header, one row per cell. */
export function selectColumn<TData extends RowData>(t: Translate) {
  return createColumnHelper<ServerTableFeatures, TData>().display({
    id: 'select',
    enableHiding: false,
    enableSorting: false,
    enableResizing: false,
    size: 40,
    header: ({ table }) => (
      <input
        type="checkbox"
        aria-label={t('table.selectPage')}
        checked={table.getIsAllPageRowsSelected()}
        disabled={!table.getRowModel().rows.some((row) => row.getCanSelect())}
        ref={(input) => {
          if (input) input.indeterminate = table.getIsSomePageRowsSelected() && !table.getIsAllPageRowsSelected();
        }}
        onChange={(event) => table.toggleAllPageRowsSelected(event.target.checked)}
      />
    ),
    cell: ({ row }) => (
      <input
        type="checkbox"
        aria-label={t('table.selectRow', { id: row.id })}
        checked={row.getIsSelected()}
        // While the next page loads the rows shown take no selection: say so rather than drop the click.
        disabled={!row.getCanSelect()}
        onClick={(event) => event.stopPropagation()}
        onKeyDown={(event) => event.stopPropagation()}
        onChange={(event) => row.toggleSelected(event.target.checked)}
      />
    ),
  });
}
