import type { Page } from '../../src/api/schemas/common';
import { compareCodePoints as compareText } from '../../domain/rules/sorting';
import type { Sort } from '../../domain/store';

export type SortValue = string | number | null;
export type SortAccessors<T, F extends string> = Record<F, (item: T) => SortValue>;

function compare(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return compareText(String(a), String(b));
}

/** Sorts by one field either way; empty values last whichever the direction; ties by id. */
export function sortItems<T extends { id: string }, F extends string>(
  items: T[],
  sort: Sort<F>,
  accessors: SortAccessors<T, F>,
): T[] {
  const accessor = accessors[sort.field];
  const direction = sort.descending ? -1 : 1;
  return [...items].sort((a, b) => {
    const x = accessor(a);
    const y = accessor(b);
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      const order = direction * compare(x, y);
      if (order !== 0) return order;
    }
    return compare(a.id, b.id);
  });
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

/** A missing value never matches a bound. */
export function inNumberRange(value: number | null, min: number | undefined, max: number | undefined): boolean {
  if (min === undefined && max === undefined) return true;
  return value !== null && (min === undefined || value >= min) && (max === undefined || value <= max);
}

/** Money in cents, as the figures are answered. */
const roundMoney = (value: number) => Math.round(value * 100) / 100;

/** A number's decimal digits and places, as JavaScript writes it (and the server stores it): 12.5 → 125n, 1. */
function decimal(value: number): [digits: bigint, places: number] {
  const match = /^(-?\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (!match) throw new RangeError(`Not an amount of money: ${value}`);
  const [, whole = '0', fraction = '', exponent = '0'] = match;
  const digits = BigInt(`${whole}${fraction}`);
  const places = fraction.length - Number(exponent);
  return places >= 0 ? [digits, places] : [digits * 10n ** BigInt(-places), 0];
}

/**
 * A sum of money kept exact, as PostgreSQL sums `numeric`, and rounded to cents at the end as the
 * server rounds it. A float sum drifts with the order of addition, and a total near a half cent
 * then rounds the other way: 0.03 + 0.005 is 0.034999… (0.03), exactly 0.035 (0.04).
 */
export function moneySum() {
  let units = 0n;
  let scale = 0;
  return {
    add(value: number) {
      const [digits, places] = decimal(value);
      if (places > scale) {
        units *= 10n ** BigInt(places - scale);
        scale = places;
      }
      units += digits * 10n ** BigInt(scale - places);
    },
    total(): number {
      const sign = units < 0n ? '-' : '';
      const text = (units < 0n ? -units : units).toString().padStart(scale + 1, '0');
      const point = text.length - scale;
      return roundMoney(Number(`${sign}${text.slice(0, point)}${scale > 0 ? `.${text.slice(point)}` : ''}`));
    },
  };
}
