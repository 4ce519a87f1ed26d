const DAY_MS = 86_400_000;

/** Calendar arithmetic on `YYYY-MM-DD` strings, in UTC so results never depend on the machine. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round(
    (Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / DAY_MS,
  );
}

export function dayOf(isoDateTime: string): string {
  return isoDateTime.slice(0, 10);
}

/** A China Standard Time wall-clock moment on `day`, as an ISO string with its offset. */
export function isoAt(day: string, hour: number, minute = 0): string {
  return `${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`;
}

export function elapsedDays(fromIso: string, toIso: string): number {
  return (Date.parse(toIso) - Date.parse(fromIso)) / DAY_MS;
}

/** `date` as an ISO string in China Standard Time (+08:00), so stored times sort as text. */
export function toCstIso(date: Date): string {
  const shifted = new Date(date.getTime() + 8 * 3_600_000).toISOString();
  return `${shifted.slice(0, 19)}+08:00`;
}

/** Today's date (`YYYY-MM-DD`) in China Standard Time. */
export function cstDay(date: Date): string {
  return toCstIso(date).slice(0, 10);
}
