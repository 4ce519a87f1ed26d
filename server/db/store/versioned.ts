import { and, eq } from 'drizzle-orm';
import type { VersionedStore } from '../../../domain/store';
import type { Database } from '../database';
import type { intakeRecords, policyPatches, serviceCases } from '../schema';

/** The tables that keep a versioned contract object in `doc`, with columns derived from it. */
type DocTable = typeof intakeRecords | typeof policyPatches | typeof serviceCases;

/**
 * get, insert and update of one kind of versioned record. `columns` derives every column from the
 * record, so a row's columns always say what its `doc` says; `update` is a single compare-and-set
 * statement, so of two writers holding the same version exactly one succeeds.
 */
export function versionedDocs<T extends { id: string; version: number }>(
  db: Database,
  table: DocTable,
  columns: (record: T) => DocTable['$inferInsert'],
): VersionedStore<T> {
  return {
    async get(id) {
      const [row] = await db.select({ doc: table.doc }).from(table).where(eq(table.id, id));
      return row?.doc as T | undefined;
    },
    async insert(record) {
      await db.insert(table).values(columns(record));
    },
    async update(record, expectedVersion) {
      const changed = await db
        .update(table)
        .set(columns(record))
        .where(and(eq(table.id, record.id), eq(table.version, expectedVersion)))
        .returning({ id: table.id });
      return changed.length > 0;
    },
  };
}
