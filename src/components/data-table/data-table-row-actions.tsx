import type { LucideIcon } from 'lucide-react';
import { MoreHorizontal } from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import { useI18n } from '../../lib/i18n/i18n';
import { Button } from '../ui/button';
import { Menu, menuItemClass } from '../ui/menu';

export interface RowAction {
  label: string;
  icon?: LucideIcon;
  onSelect: () => void;
  disabled?: boolean;
}

/**
 * A row's actions behind one button at the row's end. Clicks and keys stay here, so using the
 * menu never also opens the row.
 */
export function DataTableRowActions({ rowLabel, actions }: { rowLabel: string; actions: RowAction[] }) {
  const { t } = useI18n();
  if (actions.length === 0) return null;
  return (
    // The wrapper only stops the row's own click and Enter handlers; the button inside is the control.
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions
    <span onClick={(event) => event.stopPropagation()} onKeyDown={(event) => event.stopPropagation()}>
      <Menu
        trigger={
          <Button size="icon" variant="ghost" aria-label={t('table.rowActions', { row: rowLabel })}>
            <MoreHorizontal className="size-4" aria-hidden />
          </Button>
        }
      >
        {actions.map(({ label, icon: Icon, onSelect, disabled }) => (
          <DropdownMenu.Item key={label} disabled={disabled} onSelect={onSelect} className={menuItemClass}>
            {Icon && <Icon className="size-3.5" aria-hidden />}
            {label}
          </DropdownMenu.Item>
        ))}
      </Menu>
    </span>
  );
}
