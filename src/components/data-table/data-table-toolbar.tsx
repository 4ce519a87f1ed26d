import type { RowData } from '@tanstack/react-table';
import { RotateCcw } from 'lucide-react';
import type { ReactNode } from 'react';
import { useI18n } from '../../lib/i18n/i18n';
import { Button } from '../ui/button';
import { DataTableFacetedFilter } from './data-table-faceted-filter';
import { DataTableRangeFilter } from './data-table-range-filter';
import { DataTableSearch } from './data-table-search';
import { filterParams, type ColumnFilterMeta } from './features';
import { FilterChips } from './filter-chips';
import type { ServerTableState } from './use-server-table';

function listOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return value === undefined || value === null || value === '' ? [] : [String(value)];
}

/**
 * Search, one control per column filter (picked by the filter's variant), reset, and the active
 * filters as chips. Everything reads and writes the URL through the server-table state.
 */
export function DataTableToolbar<TData extends RowData>({
  state,
  search,
  searchPlaceholder,
  children,
}: {
  state: ServerTableState<TData>;
  /** The page's parsed URL state. */
  search: Record<string, unknown>;
  searchPlaceholder: string;
  /** Extra controls after the filters (a period picker, say). */
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const { filters } = state;
  const control = (title: string, filter: ColumnFilterMeta) => {
    const key = filterParams(filter).join('+');
    switch (filter.variant) {
      case 'multiSelect':
        return (
          <DataTableFacetedFilter
            key={key}
            title={title}
            options={filter.options}
            selected={listOf(search[filter.param])}
            onChange={(values) => filters.set(filter, { [filter.param]: values })}
          />
        );
      case 'select': {
        const id = `filter-${filter.param}`;
        return (
          <span key={key} className="inline-flex items-center gap-1.5 text-sm">
            <label htmlFor={id} className="text-muted-foreground">
              {title}
            </label>
            <select
              id={id}
              value={listOf(search[filter.param])[0] ?? ''}
              onChange={(event) => filters.set(filter, { [filter.param]: event.target.value || undefined })}
              className="h-8 rounded-md border bg-surface px-1.5"
            >
              <option value="">{t('table.any')}</option>
              {filter.options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </span>
        );
      }
      case 'boolean': {
        const on = search[filter.param] === true || search[filter.param] === 'true';
        return (
          <Button
            key={key}
            size="sm"
            aria-pressed={on}
            className={on ? 'border-primary bg-accent text-accent-foreground' : 'border-dashed'}
            onClick={() => filters.set(filter, { [filter.param]: on ? undefined : 'true' })}
          >
            {filter.label}
          </Button>
        );
      }
      case 'dateRange':
      case 'numberRange':
        return (
          <DataTableRangeFilter
            key={key}
            title={title}
            filter={filter}
            search={search}
            onChange={(patch) => filters.set(filter, patch)}
          />
        );
    }
  };

  return (
    <div className="mb-3 space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <DataTableSearch
          value={state.search.value}
          onChange={state.search.commit}
          label={t('table.search')}
          placeholder={searchPlaceholder}
        />
        {filters.columns.map(({ meta, filter }) => control(meta.label ?? filterParams(filter)[0]!, filter))}
        {children}
        {filters.active && (
          <Button size="sm" variant="ghost" onClick={filters.clear}>
            <RotateCcw className="size-3.5" aria-hidden />
            {t('table.reset')}
          </Button>
        )}
      </div>
      <FilterChips chips={filters.chips} onRemove={filters.remove} onClear={filters.clear} />
    </div>
  );
}
