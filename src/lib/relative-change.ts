/** (current − previous) / previous; null when there is nothing to compare with. */
export function relativeChange(current: number, previous: number): number | null {
  if (previous === 0) return null;
  return (current - previous) / previous;
}

/** a / b, or null when b is zero. */
export function ratio(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}
