import type { RowData } from '@tanstack/react-table';
import { ArrowDown, ArrowUp, Pin, Settings2 } from 'lucide-react';
import { Popover } from 'radix-ui';
import { useId } from 'react';
import { cn } from '../../lib/cn';
import { useI18n } from '../../lib/i18n/i18n';
import { Button } from '../ui/button';
import { PopoverPanel } from '../ui/popover-panel';
import type { ServerTableState } from './use-server-table';
import type { Density } from './use-table-preferences';

/**
 * Which columns show, in what order, which stay pinned at the start, and how dense the rows are;
 * remembered per user. Every control is a plain button or checkbox, so all of it works by keyboard.
 */
export function DataTableViewOptions<TData extends RowData>({ state }: { state: ServerTableState<TData> }) {
  const { t } = useI18n();
  const id = useId();
  const { table, preferences, setPreferences, resetPreferences } = state;
  const all = table.getAllLeafColumns();
  // The full order: the remembered one, then any column it does not know yet, as defined.
  const order = [
    ...preferences.columnOrder.filter((id) => all.some((column) => column.id === id)),
    ...all.map((column) => column.id).filter((id) => !preferences.columnOrder.includes(id)),
  ];
  const columns = order.map((id) => all.find((column) => column.id === id)!).filter((column) => column.getCanHide());
  /** Swaps a column with its neighbour in the list (the checkbox and actions columns stay put). */
  const move = (index: number, by: -1 | 1) => {
    const next = [...order];
    const from = next.indexOf(columns[index]!.id);
    const to = next.indexOf(columns[index + by]!.id);
    [next[from], next[to]] = [next[to]!, next[from]!];
    table.setColumnOrder(next);
  };

  return (
    <Popover.Root>
      <Popover.Trigger asChild>
        <Button size="sm">
          <Settings2 className="size-3.5" aria-hidden />
          {t('table.viewOptions')}
        </Button>
      </Popover.Trigger>
      <PopoverPanel label={t('table.viewOptions')} align="end" className="w-72 p-2">
        <fieldset>
          <legend className="px-1 pb-1 text-xs font-medium text-muted-foreground">{t('table.columns')}</legend>
          <ul>
            {columns.map((column, index) => {
              const label = column.columnDef.meta?.label ?? column.id;
              const pinned = column.getIsPinned() === 'start';
              return (
                <li key={column.id} className="flex items-center gap-1 rounded px-1 py-0.5 hover:bg-muted">
                  <label htmlFor={`${id}-${column.id}`} className="flex flex-1 items-center gap-2 py-1 text-sm">
                    <input
                      id={`${id}-${column.id}`}
                      type="checkbox"
                      checked={column.getIsVisible()}
                      onChange={(event) => column.toggleVisibility(event.target.checked)}
                    />
                    {label}
                  </label>
                  {column.getCanPin() && (
                    <Button
                      size="icon"
                      variant="ghost"
                      aria-pressed={pinned}
                      aria-label={t('table.pinColumn', { column: label })}
                      onClick={() => column.pin(pinned ? false : 'start')}
                      className={cn('size-7', pinned && 'text-primary')}
                    >
                      <Pin className={cn('size-3.5', !pinned && 'opacity-40')} aria-hidden />
                    </Button>
                  )}
                  <Button
                    size="icon"
                    variant="ghost"
                    aria-label={t('table.moveUp', { column: label })}
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                    className="size-7"
                  >
                    <ArrowUp className="size-3.5" aria-hidden />
                  </Button>
                  <Button
                    size="icon"
                    variant="ghost"
                    aria-label={t('table.moveDown', { column: label })}
                    disabled={index === columns.length - 1}
                    onClick={() => move(index, 1)}
                    className="size-7"
                  >
                    <ArrowDown className="size-3.5" aria-hidden />
                  </Button>
                </li>
              );
            })}
          </ul>
        </fieldset>
        <fieldset className="mt-2 border-t pt-2">
          <legend className="px-1 pb-1 text-xs font-medium text-muted-foreground">{t('table.density')}</legend>
          <div className="flex gap-3 px-1">
            {(['comfortable', 'compact'] as const).map((option: Density) => (
              <label key={option} className="flex items-center gap-1.5 text-sm">
                <input
                  type="radio"
                  name={`${id}-density`}
                  checked={preferences.density === option}
                  onChange={() => setPreferences({ density: option })}
                />
                {t(`table.density.${option}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <Button size="sm" variant="ghost" className="mt-2 w-full justify-center" onClick={resetPreferences}>
          {t('table.resetLayout')}
        </Button>
      </PopoverPanel>
    </Popover.Root>
  );
}
