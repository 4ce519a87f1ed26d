import type { Sort } from '../store';
import { problems } from './problem';

/** Reads `field` or `-field` against the fields a list sorts by; any other is the caller's mistake (400). */
export function parseSort<F extends string>(sort: string | undefined, fields: readonly F[], fallback: string): Sort<F> {
  const spec = sort ?? fallback;
  const descending = spec.startsWith('-');
  const field = (descending ? spec.slice(1) : spec) as F;
  if (!fields.includes(field)) {
    throw problems.badRequest(`Cannot sort by "${field}"`, [
      { field: 'sort', message: `one of: ${fields.join(', ')}` },
    ]);
  }
  return { field, descending };
}

/** Code-point order, as PostgreSQL's `COLLATE "C"`, so the mock and the server sort text alike. */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
