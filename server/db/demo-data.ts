import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Credentials } from '../../domain/rules/context';
import type { Database as DemoDatabase } from '../../mocks/data/database';
import { DEMO_PASSWORD } from '../../mocks/data/reference';
import type { Database } from './database';
import {
  auditEvents,
  counters,
  dictionaryEntries,
  holidayYears,
  intakeRecords,
  intakeTargets,
  policyPatches,
  savedViews,
  serviceCases,
  serviceMonths,
  serviceRecords,
  settings,
  users,
} from './schema';
import { serviceRecordColumns, monthColumns } from './store/casework';
import { dictionaryRows } from './store/dictionaries';
import { intakeColumns } from './store/intake-columns';
import { patchColumns } from './store/policy-patches';
import { caseColumns } from './store/service-cases';
import { rows, writableColumns } from './store/sql';

/** Rows per INSERT. */
const BATCH = 1000;

/** Every table, emptied by `reset`. */
const allTables = sql.raw(
  [
    'audit_events',
    'saved_views',
    'sessions',
    'service_cases',
    'service_records',
    'service_months',
    'policy_patches',
    'intake_records',
    'intake_targets',
    'dictionary_entries',
    'holiday_years',
    'settings',
    'counters',
    'users',
  ].join(', '),
);

export class DatabaseNotEmptyError extends Error {
  override readonly name = 'DatabaseNotEmptyError';
}

export async function isEmpty(db: Database): Promise<boolean> {
  const [row] = await rows<{ used: boolean }>(
    db,
    sql`select exists (select 1 from ${users}) or exists (select 1 from ${intakeRecords})
      or exists (select 1 from ${serviceCases}) or exists (select 1 from ${dictionaryEntries}) as used`,
  );
  return !row?.used;
}

/**
 * Bulk insert: each batch travels as one JSON parameter that PostgreSQL unpacks into rows
 * (`json_populate_recordset`), two to three times faster on the embedded database than a
 * multi-row VALUES with a parameter per column.
 */
async function insertAll<T extends PgTable>(db: Database, table: T, values: T['$inferInsert'][]): Promise<void> {
  const writable = writableColumns(table);
  const columns = Object.fromEntries(writable);
  const list = sql.join(
    writable.map(([, column]) => sql.identifier(column.name)),
    sql`, `,
  );
  for (let start = 0; start < values.length; start += BATCH) {
    const batch = values
      .slice(start, start + BATCH)
      .map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [columns[key]!.name, value])));
    await db.execute(
      sql`insert into ${table} (${list}) select ${list} from json_populate_recordset(null::${table}, ${JSON.stringify(batch)}::json)`,
    );
  }
}

/** The last serial per id prefix (`IR-2026-00017` → `IR-2026-`: 17), for `counters`. */
export function highestSerials(ids: Iterable<string>): Map<string, number> {
  const highest = new Map<string, number>();
  for (const id of ids) {
    const match = /^(.*?)(\d+)$/.exec(id);
    if (!match) continue;
    const [, prefix, digits] = match as unknown as [string, string, string];
    highest.set(prefix, Math.max(highest.get(prefix) ?? 0, Number(digits)));
  }
  return highest;
}

export interface LoadOptions {
  /** Empty every table first; without it a database that holds data is refused. */
  reset?: boolean;
}

/**
 * Loads a generated demo database (`mocks/data/generate.ts`, the mock's own data) in one
 * transaction: all of it or nothing. Each user gets their own scrypt hash of the demo password;
 * the counters start after the highest serial of each id prefix, and audit ids after the last event.
 */
export async function loadDemoData(
  db: Database,
  data: DemoDatabase,
  credentials: Credentials,
  { reset = false }: LoadOptions = {},
): Promise<void> {
  // Hashed before the transaction opens: scrypt is slow on purpose.
  const userRows = await Promise.all(
    [...data.users.values()].map(async (user) => ({
      ...user,
      passwordHash: await credentials.hashPassword(DEMO_PASSWORD),
    })),
  );
  const numbered = [data.intakeRecords, data.serviceCases, data.policyPatches, data.savedViews].flatMap((map) => [
    ...map.keys(),
  ]);
  const lastAudit = highestSerials(data.auditEvents.map((event) => event.id)).get('AE-') ?? 0;

  await db.transaction(async (tx) => {
    if (reset) {
      await tx.execute(sql`truncate ${allTables}`);
    } else if (!(await isEmpty(tx))) {
      throw new DatabaseNotEmptyError('The database already holds data; seed with --reset to replace it.');
    }
    await insertAll(tx, users, userRows);
    await insertAll(tx, dictionaryEntries, dictionaryRows(data.dictionaries));
    // The official years are also entered by their migration: those stay as they are.
    await tx
      .insert(holidayYears)
      .values([...data.holidayYears.values()].map((doc) => ({ year: doc.year, doc, version: doc.version })))
      .onConflictDoNothing();
    await insertAll(
      tx,
      intakeTargets,
      [...data.intakeTargets].map(([key, target]) => {
        const [year, channelCode] = key.split(':') as [string, string];
        return { year: Number(year), channelCode, target };
      }),
    );
    await insertAll(
      tx,
      settings,
      [...data.settings].map(([key, doc]) => ({ key, doc, version: (doc as { version: number }).version })),
    );
    await insertAll(tx, intakeRecords, [...data.intakeRecords.values()].map(intakeColumns));
    await insertAll(tx, serviceMonths, [...data.serviceMonths.values()].map(monthColumns));
    await insertAll(tx, serviceRecords, [...data.serviceRecords.values()].map(serviceRecordColumns));
    await insertAll(tx, serviceCases, [...data.serviceCases.values()].map(caseColumns));
    await insertAll(tx, policyPatches, [...data.policyPatches.values()].map(patchColumns));
    await insertAll(tx, savedViews, [...data.savedViews.values()]);
    await insertAll(tx, auditEvents, data.auditEvents);
    await insertAll(
      tx,
      counters,
      [...highestSerials(numbered)].map(([prefix, value]) => ({ prefix, value })),
    );
    // setval(…, false) hands out the given value next; (…, true) the one after it.
    await tx.execute(
      lastAudit > 0
        ? sql`select setval('audit_event_serial', ${lastAudit}, true)`
        : sql`select setval('audit_event_serial', 1, false)`,
    );
  });
}

/**
 * The demo data grown to `intake` records and `cases` cases (for benchmarks): copies of the
 * generated ones, in turn, each under the next free id of its source's prefix (`IR-2025-06201`),
 * so the result is as deterministic as the generator. Sizes below the generated ones change nothing.
 */
export function scaleDemoData(data: DemoDatabase, size: { intake?: number; cases?: number }): DemoDatabase {
  return {
    ...data,
    intakeRecords: withCopies(data.intakeRecords, size.intake ?? 0),
    serviceCases: withCopies(data.serviceCases, size.cases ?? 0),
  };
}

function withCopies<T extends { id: string }>(records: Map<string, T>, target: number): Map<string, T> {
  const sources = [...records.values()];
  const result = new Map(records);
  const serials = highestSerials(records.keys());
  for (let i = 0; result.size < target && sources.length > 0; i++) {
    const source = sources[i % sources.length]!;
    const [, prefix, digits] = /^(.*?)(\d+)$/.exec(source.id) as unknown as [string, string, string];
    const serial = (serials.get(prefix) ?? 0) + 1;
    serials.set(prefix, serial);
    const id = `${prefix}${String(serial).padStart(digits.length, '0')}`;
    result.set(id, { ...source, id });
  }
  return result;
}
