/** (current − previous) / previous; null when there is nothing to compare with. */
export function relativeChange(current: number, previous: number): number | null {
  if (previous === 0) return null;
  return (current - previous) / previous;
}

/**
 * The change of a rate, as a difference of rates (0.02 is 2 percentage points, 百分点); null when
 * either rate is missing. A rate's change in relative percent would read 20 % for 10 % → 12 %.
 */
export function pointChange(current: number | null, previous: number | null): number | null {
  return current === null || previous === null ? null : current - previous;
}

/** a / b, or null when b is zero. */
export function ratio(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}
