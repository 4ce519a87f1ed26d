import type { Page } from '../../src/api/schemas/common';
import { problems } from './problem';

export type SortValue = string | number | null;
export type SortAccessors<T> = Record<string, (item: T) => SortValue>;

/** Sorts by `field` or `-field`; an unknown field is the caller's mistake (400). */
export function sortItems<T>(items: T[], sort: string | undefined, accessors: SortAccessors<T>, fallback: string): T[] {
  const spec = sort ?? fallback;
  const descending = spec.startsWith('-');
  const field = descending ? spec.slice(1) : spec;
  const accessor = accessors[field];
  if (!accessor) {
    throw problems.badRequest(`Cannot sort by "${field}"`, [
      { field: 'sort', message: `one of: ${Object.keys(accessors).join(', ')}` },
    ]);
  }
  const direction = descending ? -1 : 1;
  return [...items].sort((a, b) => {
    const x = accessor(a);
    const y = accessor(b);
    if (x === y) return 0;
    // Empty values sort last whichever the direction.
    if (x === null) return 1;
    if (y === null) return -1;
    return direction * compare(x, y);
  });
}

function compare(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'zh-CN');
}

export function paginate<T>(items: T[], page: number, pageSize: number): Page<T> {
  const start = (page - 1) * pageSize;
  return { items: items.slice(start, start + pageSize), total: items.length, page, pageSize };
}

/** True when no values are asked for, or the item's value is one of them. */
export function matchesAny(values: readonly string[] | undefined, value: string | null): boolean {
  return !values || values.length === 0 || (value !== null && values.includes(value));
}

export function matchesText(q: string | undefined, ...fields: (string | null)[]): boolean {
  if (!q) return true;
  const needle = q.toLowerCase();
  return fields.some((field) => field?.toLowerCase().includes(needle));
}

export function inDateRange(day: string | null, from: string | undefined, to: string | undefined): boolean {
  if (!from && !to) return true;
  if (!day) return false;
  return (!from || day >= from) && (!to || day <= to.slice(0, 10));
}
