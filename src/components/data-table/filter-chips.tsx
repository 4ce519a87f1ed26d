import { X } from 'lucide-react';
import { useI18n } from '../../lib/i18n/i18n';

export interface FilterChip {
  /** The URL key and the value it removes. */
  param: string;
  value: string;
  title: string;
  label: string;
}

/** The active filters as removable chips, e.g. one a chart click set. */
export function FilterChips({
  chips,
  onRemove,
  onClear,
}: {
  chips: FilterChip[];
  onRemove: (chip: FilterChip) => void;
  onClear: () => void;
}) {
  const { t } = useI18n();
  if (chips.length === 0) return null;
  return (
    <ul aria-label={t('table.activeFilters')} className="flex flex-wrap items-center gap-1.5">
      {chips.map((chip) => (
        <li key={`${chip.param}=${chip.value}`}>
          <span className="inline-flex items-center gap-1 rounded-full border bg-accent py-0.5 pr-1 pl-2.5 text-xs text-accent-foreground">
            <span className="opacity-80">
              {chip.title}
              {t('common.colon')}
            </span>
            {chip.label}
            <button
              type="button"
              onClick={() => onRemove(chip)}
              aria-label={t('table.removeFilter', { title: chip.title, label: chip.label })}
              className="rounded-full p-0.5 hover:bg-surface"
            >
              <X className="size-3" aria-hidden />
            </button>
          </span>
        </li>
      ))}
      <li>
        <button
          type="button"
          onClick={onClear}
          className="text-xs text-muted-foreground underline-offset-2 hover:underline"
        >
          {t('table.clearAll')}
        </button>
      </li>
    </ul>
  );
}
