import type { BulkVersionedStore, VersionedStore } from '../store';
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

/**
 * Stores `next` over `current` as one compare-and-set: when another request changed the record
 * between our read and this write, the caller gets 409 with the record as it is now.
 */
export async function saveVersioned<T extends { id: string; version: number }>(
  records: VersionedStore<T>,
  current: T,
  next: T,
  present: (resource: T) => unknown,
): Promise<void> {
  if (await records.update(next, current.version)) return;
  const latest = await records.get(current.id);
  if (!latest) throw problems.notFound(current.id);
  throw problems.versionConflict(present(latest));
}

/**
 * Stores many records at once (a bulk action), each over the version before it as a
 * compare-and-set. One that another request changed meanwhile fails the whole action (the
 * caller's transaction undoes the rest): 409 with that record as it is now.
 */
export async function saveVersionedMany<T extends { id: string; version: number }>(
  records: BulkVersionedStore<T>,
  next: readonly T[],
  present: (resource: T) => unknown,
): Promise<void> {
  const [refused] = await records.updateMany(next);
  if (refused === undefined) return;
  const latest = await records.get(refused);
  if (!latest) throw problems.notFound(refused);
  throw problems.versionConflict(present(latest));
}
