import { ListFilter } from 'lucide-react';
import { Popover } from 'radix-ui';
import { useId, useState, type FormEvent } from 'react';
import { cn } from '../../lib/cn';
import { useI18n } from '../../lib/i18n/i18n';
import type { SearchPatch } from '../../lib/use-search-state';
import { Button } from '../ui/button';
import { PopoverPanel } from '../ui/popover-panel';
import type { ColumnFilterMeta } from './features';

type RangeFilter = Extract<ColumnFilterMeta, { variant: 'dateRange' | 'numberRange' }>;

function first(value: unknown): string {
  const item = Array.isArray(value) ? value[0] : value;
  return item === undefined || item === null ? '' : String(item);
}

/**
 * A from–to filter (dates or numbers) in a popover. Applied on submit, so a half-typed bound
 * never reaches the server; a reversed range is refused with a message.
 */
export function DataTableRangeFilter({
  title,
  filter,
  search,
  onChange,
}: {
  title: string;
  filter: RangeFilter;
  search: Record<string, unknown>;
  onChange: (patch: SearchPatch) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [lowParam, highParam] = filter.params;
  const applied = [first(search[lowParam]), first(search[highParam])] as const;
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<readonly [string, string]>(applied);
  const [error, setError] = useState<string | null>(null);
  const active = applied[0] !== '' || applied[1] !== '';
  const type = filter.variant === 'dateRange' ? 'date' : 'number';

  function openChange(next: boolean) {
    if (next) {
      setDraft(applied);
      setError(null);
    }
    setOpen(next);
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    const [low, high] = draft;
    if (type === 'number' && [low, high].some((v) => v !== '' && !(Number(v) >= 0))) {
      setError(t('table.range.nonNegative'));
      return;
    }
    const reversed =
      low !== '' && high !== '' && (type === 'number' ? Number(low) > Number(high) : low.localeCompare(high) > 0);
    if (reversed) {
      setError(t('table.range.reversed'));
      return;
    }
    onChange({ [lowParam]: low || undefined, [highParam]: high || undefined });
    setOpen(false);
  }
  const input = (index: 0 | 1, label: string) => (
    <div>
      <label htmlFor={`${id}-${index}`} className="block text-xs text-muted-foreground">
        {label}
      </label>
      <div className="mt-1 flex items-center gap-1">
        <input
          id={`${id}-${index}`}
          type={type}
          inputMode={type === 'number' ? 'decimal' : undefined}
          step={filter.variant === 'numberRange' ? (filter.step ?? 'any') : undefined}
          min={type === 'number' ? 0 : undefined}
          value={draft[index]}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => {
            const value = event.target.value;
            setDraft((current) => (index === 0 ? [value, current[1]] : [current[0], value]));
            setError(null);
          }}
          className="h-8 w-full rounded border bg-surface px-2 text-sm aria-invalid:border-danger"
        />
        {filter.variant === 'numberRange' && filter.unit && (
          <span className="shrink-0 text-xs text-muted-foreground">{filter.unit}</span>
        )}
      </div>
    </div>
  );

  return (
    <Popover.Root open={open} onOpenChange={openChange}>
      <Popover.Trigger asChild>
        <Button size="sm" className={cn('border-dashed', active && 'border-solid border-primary')}>
          <ListFilter className="size-3.5" aria-hidden />
          <span className="sr-only">{t('table.filterBy')}</span>
          {title}
        </Button>
      </Popover.Trigger>
      <PopoverPanel label={title} className="w-64 p-3">
        <form onSubmit={submit} noValidate className="space-y-2" aria-label={title}>
          {input(0, t('table.range.from'))}
          {input(1, t('table.range.to'))}
          {error && (
            <p id={`${id}-error`} role="alert" className="text-xs text-danger">
              {error}
            </p>
          )}
          <div className="flex justify-end gap-2 pt-1">
            {active && (
              <Button
                size="sm"
                variant="ghost"
                onClick={() => {
                  onChange({ [lowParam]: undefined, [highParam]: undefined });
                  setOpen(false);
                }}
              >
                {t('table.clearFilter')}
              </Button>
            )}
            <Button size="sm" type="submit" variant="primary">
              {t('table.range.apply')}
            </Button>
          </div>
        </form>
      </PopoverPanel>
    </Popover.Root>
  );
}
