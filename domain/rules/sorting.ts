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

/** A UTF-16 unit's place in code-point order: surrogates (characters beyond U+FFFF) after every other unit. */
const codePointRank = (unit: number) =>
  unit >= 0xd800 && unit <= 0xdfff ? unit + 0x2000 : unit >= 0xe000 ? unit - 0x800 : unit;

/**
 * Code-point order, as PostgreSQL's `COLLATE "C"` orders UTF-8. JavaScript's `<` compares UTF-16
 * units instead, which puts a character beyond U+FFFF (𠮷, a surrogate pair) before those from
 * U+E000 to U+FFFF (the fullwidth forms: （, ｚ).
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) < codePointRank(y) ? -1 : 1;
  }
  return a.length < b.length ? -1 : 1;
}
