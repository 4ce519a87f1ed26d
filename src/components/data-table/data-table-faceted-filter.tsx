import { Check, ListFilter } from 'lucide-react';
import { Popover } from 'radix-ui';
import { useId, useState } from 'react';
import { cn } from '../../lib/cn';
import { useI18n } from '../../lib/i18n/i18n';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { PopoverPanel } from '../ui/popover-panel';
import type { FilterOption } from './features';

interface FacetedFilterProps {
  title: string;
  options: FilterOption[];
  selected: readonly string[];
  onChange: (values: string[]) => void;
}

/** A multi-select facet in a popover: checkboxes, a search box for long lists, and clear. */
export function DataTableFacetedFilter({ title, options, selected, onChange }: FacetedFilterProps) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const id = useId();
  const shown = query ? options.filter((o) => o.label.toLowerCase().includes(query.toLowerCase())) : options;
  // What the user has ticked, ahead of the address catching up: quick clicks build on each other.
  // Kept only while the address still says what it said at the click (compared by value).
  const selectedKey = selected.join('\n');
  const [ticked, setTicked] = useState<{ from: string; values: string[] } | null>(null);
  const current = ticked && ticked.from === selectedKey ? ticked.values : selected;
  const toggle = (value: string) => {
    const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
    setTicked({ from: selectedKey, values: next });
    onChange(next);
  };
  return (
    <Popover.Root onOpenChange={(open) => !open && setQuery('')}>
      <Popover.Trigger asChild>
        <Button size="sm" className={cn('border-dashed', selected.length > 0 && 'border-solid border-primary')}>
          <ListFilter className="size-3.5" aria-hidden />
          <span className="sr-only">{t('table.filterBy')}</span>
          {title}
          {selected.length > 0 && (
            <Badge tone="primary">
              <span className="sr-only">{t('table.filterCount')}</span>
              {selected.length}
            </Badge>
          )}
        </Button>
      </Popover.Trigger>
      <PopoverPanel label={title} className="flex w-60 flex-col p-2">
        <fieldset>
          <legend className="px-1 pb-1 text-xs font-medium text-muted-foreground">{title}</legend>
          {options.length > 8 && (
            <input
              type="search"
              aria-label={t('table.searchOptions', { title })}
              placeholder={t('table.searchOptions', { title })}
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              className="mb-2 h-8 w-full rounded border bg-surface px-2 text-sm"
            />
          )}
          <ul className="max-h-64 overflow-auto">
            {shown.map((option) => {
              const checked = current.includes(option.value);
              return (
                <li key={option.value}>
                  <label
                    htmlFor={`${id}-${option.value}`}
                    className="flex cursor-pointer items-center gap-2 rounded px-1.5 py-1 text-sm hover:bg-muted"
                  >
                    <input
                      id={`${id}-${option.value}`}
                      type="checkbox"
                      checked={checked}
                      onChange={() => toggle(option.value)}
                      className="peer sr-only"
                    />
                    <span
                      aria-hidden
                      className={cn(
                        'grid size-4 place-items-center rounded border peer-focus-visible:outline-2 peer-focus-visible:outline-focus',
                        checked && 'border-primary bg-primary text-primary-foreground',
                      )}
                    >
                      {checked && <Check className="size-3" />}
                    </span>
                    {option.label}
                  </label>
                </li>
              );
            })}
            {shown.length === 0 && <li className="px-1.5 py-1 text-sm text-muted-foreground">{t('common.noData')}</li>}
          </ul>
        </fieldset>
        {selected.length > 0 && (
          <Button size="sm" variant="ghost" className="mt-1 w-full justify-center" onClick={() => onChange([])}>
            {t('table.clearFilter')}
          </Button>
        )}
      </PopoverPanel>
    </Popover.Root>
  );
}
