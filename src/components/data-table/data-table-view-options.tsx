import type { RowData } from '@tanstack/react-table';
import { Settings2 } from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import { useI18n } from '../../lib/i18n/i18n';
import { Button } from '../ui/button';
import { Menu, menuItemClass, MenuLabel, MenuSeparator } from '../ui/menu';
import type { Density } from './data-table';
import type { ServerTable } from './features';

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
  const checkbox = (id: string, label: string, checked: boolean, onChange: (checked: boolean) => void) => (
    <DropdownMenu.CheckboxItem
      key={id}
      checked={checked}
      onCheckedChange={(value) => onChange(value === true)}
      // Keep the menu open while several columns are toggled.
      onSelect={(event) => event.preventDefault()}
      className={menuItemClass}
    >
      <span aria-hidden className="w-3">
        {checked ? '✓' : ''}
      </span>
      {label}
    </DropdownMenu.CheckboxItem>
  );
  return (
    <Menu
      className="max-h-[70vh] w-56 overflow-auto"
      trigger={
        <Button size="sm">
          <Settings2 className="size-3.5" aria-hidden />
          {t('table.viewOptions')}
        </Button>
      }
    >
      <MenuLabel>{t('table.showColumns')}</MenuLabel>
      {columns.map((column) =>
        checkbox(column.id, column.columnDef.meta?.label ?? column.id, column.getIsVisible(), (value) =>
          column.toggleVisibility(value),
        ),
      )}
      <MenuSeparator />
      <MenuLabel>{t('table.pinColumns')}</MenuLabel>
      {columns
        .filter((column) => column.getCanPin())
        .map((column) =>
          checkbox(
            `pin-${column.id}`,
            column.columnDef.meta?.label ?? column.id,
            column.getIsPinned() === 'start',
            (value) => column.pin(value ? 'start' : false),
          ),
        )}
      <MenuSeparator />
      <MenuLabel>{t('table.density')}</MenuLabel>
      <DropdownMenu.RadioGroup value={density} onValueChange={(value) => onDensityChange(value as Density)}>
        {(['comfortable', 'compact'] as const).map((option) => (
          <DropdownMenu.RadioItem key={option} value={option} className={menuItemClass}>
            <span aria-hidden className="w-3">
              {density === option ? '●' : ''}
            </span>
            {t(`table.density.${option}`)}
          </DropdownMenu.RadioItem>
        ))}
      </DropdownMenu.RadioGroup>
    </Menu>
  );
}
