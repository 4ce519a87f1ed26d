import { and, eq, inArray, sql } from 'drizzle-orm';
import type { BulkVersionedStore } from '../../../domain/store';
import type { Database } from '../database';
import type { intakeRecords, policyPatches, serviceCases } from '../schema';
import { rows, writableColumns } from './sql';

/** The tables that keep a versioned contract object in `doc`, with columns derived from it. */
type DocTable = typeof intakeRecords | typeof policyPatches | typeof serviceCases;

/** Rows per bulk statement: well inside PostgreSQL's 65,535 parameters and a sane payload. */
const BATCH = 1000;

function* batches<T>(items: readonly T[]): Generator<T[]> {
  for (let start = 0; start < items.length; start += BATCH) yield items.slice(start, start + BATCH);
}

/**
 * get, insert and update of one kind of versioned record. `columns` derives every column from the
 * record, so a row's columns always say what its `doc` says; `update` is a single compare-and-set
 * statement, so of two writers holding the same version exactly one succeeds. `updateMany` is the
 * same compare-and-set for a batch of rows in one statement: the rows arrive as one JSON array
 * that `jsonb_populate_recordset` turns into rows of the table's own type.
 */
export function versionedDocs<T extends { id: string; version: number }>(
  db: Database,
  table: DocTable,
  columns: (record: T) => DocTable['$inferInsert'],
): BulkVersionedStore<T> {
  const tableColumns = writableColumns(table);
  const assignments = sql.join(
    tableColumns
      .filter(([key]) => key !== 'id')
      .map(([, column]) => sql`${sql.identifier(column.name)} = x.${sql.identifier(column.name)}`),
    sql`, `,
  );
  /** A record as the table's row, keyed by column name. */
  const asRow = (record: T) => {
    const values = columns(record) as Record<string, unknown>;
    return Object.fromEntries(tableColumns.map(([key, column]) => [column.name, values[key] ?? null]));
  };

  return {
    async get(id) {
      const [row] = await db.select({ doc: table.doc }).from(table).where(eq(table.id, id));
      return row?.doc as T | undefined;
    },
    async getMany(ids) {
      const found = new Map<string, T>();
      for (const batch of batches(ids)) {
        const rows = await db.select({ id: table.id, doc: table.doc }).from(table).where(inArray(table.id, batch));
        for (const row of rows) found.set(row.id, row.doc as unknown as T);
      }
      return ids.flatMap((id) => found.get(id) ?? []);
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
    async updateMany(records) {
      const stored = new Set<string>();
      for (const batch of batches(records)) {
        const payload = JSON.stringify(batch.map(asRow));
        const changed = await rows<{ id: string }>(
          db,
          sql`update ${table} as t set ${assignments}
            from jsonb_populate_recordset(null::${table}, ${payload}::jsonb) as x
            where t.id = x.id and t.version = x.version - 1
            returning t.id`,
        );
        for (const { id } of changed) stored.add(id);
      }
      return records.flatMap((record) => (stored.has(record.id) ? [] : [record.id]));
    },
  };
}
