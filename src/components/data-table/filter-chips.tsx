import { X } from 'lucide-react';
import { useI18n, type Translate } from '../../lib/i18n/i18n';
import type { ColumnFilterMeta } from './features';

export interface FilterChip {
  /** The URL keys the chip stands for; removing it clears them (or only `value` of a list). */
  params: readonly string[];
  value?: string;
  title: string;
  label: string;
}

function listOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return value === undefined || value === null || value === '' ? [] : [String(value)];
}

/** The chips one column filter shows for the current URL state. */
export function filterChipsOf(
  title: string,
  filter: ColumnFilterMeta,
  search: Record<string, unknown>,
  t: Translate,
  formatDate: (day: string) => string,
): FilterChip[] {
  switch (filter.variant) {
    case 'multiSelect':
    case 'select': {
      const labels = new Map(filter.options.map((o) => [o.value, o.label]));
      return listOf(search[filter.param]).map((value) => ({
        params: [filter.param],
        value: filter.variant === 'multiSelect' ? value : undefined,
        title,
        label: labels.get(value) ?? value,
      }));
    }
    case 'boolean':
      return search[filter.param] === true || search[filter.param] === 'true'
        ? [{ params: [filter.param], title, label: filter.label }]
        : [];
    case 'dateRange':
    case 'numberRange': {
      const [low, high] = filter.params.map((param) => listOf(search[param])[0]);
      if (low === undefined && high === undefined) return [];
      const dates = filter.variant === 'dateRange';
      const unit = filter.variant === 'numberRange' && filter.unit ? filter.unit : '';
      const show = (value: string) => (dates ? formatDate(value) : `${value}${unit}`);
      const label =
        low !== undefined && high !== undefined
          ? t('table.range.between', { from: show(low), to: show(high) })
          : low !== undefined
            ? t(dates ? 'table.range.since' : 'table.range.atLeast', { value: show(low) })
            : t(dates ? 'table.range.until' : 'table.range.atMost', { value: show(high!) });
      return [{ params: filter.params, title, label }];
    }
  }
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
        <li key={`${chip.params.join('+')}=${chip.value ?? ''}`}>
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
