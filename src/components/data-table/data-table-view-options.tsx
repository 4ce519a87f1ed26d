import type { RowData } from '@tanstack/react-table';
import { Settings2 } from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import { useI18n } from '../../lib/i18n/i18n';
import { Button } from '../ui/button';
import type { Density } from './data-table';
import type { ServerTable } from './features';

const itemClass =
  'flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm outline-none data-highlighted:bg-muted data-[state=checked]:font-medium';

/** Which columns show, which stay pinned at the start, and how dense the rows are. */
export function DataTableViewOptions<TData extends RowData>({
  table,
  density,
  onDensityChange,
}: {
  table: ServerTable<TData>;
  density: Density;
  onDensityChange: (density: Density) => void;
}) {
  const { t } = useI18n();
  const columns = table.getAllLeafColumns().filter((column) => column.getCanHide());
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger asChild>
        <Button size="sm">
          <Settings2 className="size-3.5" aria-hidden />
          {t('table.viewOptions')}
        </Button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={4}
          className="z-50 max-h-[70vh] w-56 overflow-auto rounded-md border bg-surface p-1 shadow-lg"
        >
          <DropdownMenu.Label className="px-2 py-1 text-xs text-muted-foreground">
            {t('table.showColumns')}
          </DropdownMenu.Label>
          {columns.map((column) => (
            <DropdownMenu.CheckboxItem
              key={column.id}
              checked={column.getIsVisible()}
              onCheckedChange={(value) => column.toggleVisibility(value === true)}
              onSelect={(event) => event.preventDefault()}
              className={itemClass}
            >
              <DropdownMenu.ItemIndicator className="w-3">✓</DropdownMenu.ItemIndicator>
              <span className={column.getIsVisible() ? '' : 'pl-5'}>{column.columnDef.meta?.label ?? column.id}</span>
            </DropdownMenu.CheckboxItem>
          ))}
          <DropdownMenu.Separator className="my-1 h-px bg-border" />
          <DropdownMenu.Label className="px-2 py-1 text-xs text-muted-foreground">
            {t('table.pinColumns')}
          </DropdownMenu.Label>
          {columns
            .filter((column) => column.getCanPin())
            .map((column) => (
              <DropdownMenu.CheckboxItem
                key={`pin-${column.id}`}
                checked={column.getIsPinned() === 'start'}
                onCheckedChange={(value) => column.pin(value === true ? 'start' : false)}
                onSelect={(event) => event.preventDefault()}
                className={itemClass}
              >
                <DropdownMenu.ItemIndicator className="w-3">✓</DropdownMenu.ItemIndicator>
                <span className={column.getIsPinned() ? '' : 'pl-5'}>{column.columnDef.meta?.label ?? column.id}</span>
              </DropdownMenu.CheckboxItem>
            ))}
          <DropdownMenu.Separator className="my-1 h-px bg-border" />
          <DropdownMenu.Label className="px-2 py-1 text-xs text-muted-foreground">
            {t('table.density')}
          </DropdownMenu.Label>
          <DropdownMenu.RadioGroup value={density} onValueChange={(value) => onDensityChange(value as Density)}>
            {(['comfortable', 'compact'] as const).map((option) => (
              <DropdownMenu.RadioItem key={option} value={option} className={itemClass}>
                <DropdownMenu.ItemIndicator className="w-3">●</DropdownMenu.ItemIndicator>
                <span className={density === option ? '' : 'pl-5'}>{t(`table.density.${option}`)}</span>
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
