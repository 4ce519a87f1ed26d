import { problems } from './problem';

/** Optimistic concurrency: the caller must name the version it edited, and it must be current. */
export function checkVersion<T extends { version: number }>(
  current: T,
  ifMatch: number | null,
  present: (resource: T) => unknown,
): void {
  if (ifMatch === null) throw problems.preconditionRequired();
  if (ifMatch !== current.version) throw problems.versionConflict(present(current));
}
