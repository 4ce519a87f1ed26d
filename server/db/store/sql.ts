import { and, getTableColumns, inArray, or, sql, type AnyColumn, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Page } from '../../../src/api/schemas/common';
import type { Span } from '../../../src/lib/calendar';
import type { Database } from '../database';
import type { intakeRecords, policyPatches, serviceCases, serviceRecords } from '../schema';

/**
 * The pieces every list and figure is built from, each the SQL twin of a rule the mock applies
 * in memory (`mocks/store/list.ts`). A condition that does not apply is `undefined`, which
 * drizzle's `and()` leaves out.
 */

/** The rows of a raw query; both drivers answer `{ rows }`. */
export async function rows<T>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** No values asked for: no condition. Otherwise the value is one of them (a null never is). */
export function anyOf(column: AnyColumn, values: readonly string[] | undefined): SQL | undefined {
  return values && values.length > 0 ? inArray(column, [...values]) : undefined;
}

/**
 * The first day a `date` column holds in ISO notation: PostgreSQL has no year 0, which the
 * contract's days (`0000-01-01`) and the mock's text comparisons allow. A bound before it is
 * before every stored day: as a lower bound it excludes nothing, as an upper bound everything.
 */
const FIRST_DAY = '0001-01-01';
const notBefore = (column: AnyColumn, day: string) => (day < FIRST_DAY ? undefined : sql`${column} >= ${day}::date`);
const notAfter = (column: AnyColumn, day: string) => (day < FIRST_DAY ? sql`false` : sql`${column} <= ${day}::date`);

/** Inclusive day range on a `date` column; `to` may be an instant, its day counts. No day: no match. */
export function dayRange(column: AnyColumn, from: string | undefined, to: string | undefined): SQL | undefined {
  if (!from && !to) return undefined;
  return and(
    sql`${column} is not null`,
    from ? notBefore(column, from) : undefined,
    to ? notAfter(column, to.slice(0, 10)) : undefined,
  );
}

/** A day within a span (either end may be open): the rules' `inSpan`. */
export function withinSpan(column: AnyColumn, span: Partial<Span>): SQL {
  return and(
    sql`${column} is not null`,
    span.from ? notBefore(column, span.from) : undefined,
    span.to ? notAfter(column, span.to) : undefined,
  )!;
}

/** Inclusive number range; a missing value never matches a bound. */
export function numberRange(column: AnyColumn, min: number | undefined, max: number | undefined): SQL | undefined {
  if (min === undefined && max === undefined) return undefined;
  return and(
    sql`${column} is not null`,
    min === undefined ? undefined : sql`${column} >= ${min}`,
    max === undefined ? undefined : sql`${column} <= ${max}`,
  );
}

/** What `search` holds for a record: the fields `q` looks in, lowercased as JavaScript does. */
export function searchTerms(...fields: (string | null)[]): string[] {
  return fields.filter((field): field is string => field !== null).map((field) => field.toLowerCase());
}

/** `q` as a LIKE pattern for a lower-cased substring, its wildcards taken literally. */
const containing = (q: string) => `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** `q` as a case-insensitive substring of one of the record's `search` terms. */
export function textSearch(search: AnyColumn, q: string | undefined): SQL | undefined {
  if (!q) return undefined;
  return sql`exists (select 1 from unnest(${search}) as term where term like ${containing(q)})`;
}

/** `q` as a case-insensitive substring of one of these text fields of a table's `doc` (no `search` column). */
export function docSearch(doc: AnyColumn, fields: readonly string[], q: string | undefined): SQL | undefined {
  if (!q) return undefined;
  return or(...fields.map((field) => sql`lower(${doc}->>${field}) like ${containing(q)}`));
}

/** Sorted one way or the other, empty values last either way, ties by id. */
export function orderBy(value: SQLWrapper | AnyColumn, descending: boolean, id: AnyColumn): SQL[] {
  return [sql`${value} ${sql.raw(descending ? 'desc' : 'asc')} nulls last`, sql`${id} asc`];
}

/** The place of a value in a fixed list (a stage in the pipeline, a status in the workflow). */
export function rankOf(value: string, order: readonly string[]): number {
  const rank = order.indexOf(value);
  if (rank < 0) throw new Error(`unknown value "${value}" (one of ${order.join(', ')})`);
  return rank;
}

/** A page of a list, with the true total even past the end. */
/** The tables whose rows keep a contract object in `doc` and are listed a page at a time. */
type ListedTable = typeof intakeRecords | typeof policyPatches | typeof serviceCases | typeof serviceRecords;

/** One page of `table`'s objects matching `where`, in the list order, with the count of all matches. */
export async function pagedDocs<T>(
  db: Database,
  table: ListedTable,
  where: SQL | undefined,
  sort: { by: SQLWrapper | AnyColumn; descending: boolean },
  page: number,
  pageSize: number,
): Promise<Page<T>> {
  const [found, [count]] = await Promise.all([
    db
      .select({ doc: table.doc })
      .from(table)
      .where(where)
      .orderBy(...orderBy(sort.by, sort.descending, table.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: countAll() }).from(table).where(where),
  ]);
  return { items: found.map((row) => row.doc as T), total: count?.n ?? 0, page, pageSize };
}

/**
 * A table's columns a statement may write, by property name: a generated column
 * (service_cases.overdue_from) is computed by the database and refused in an insert or update.
 */
export function writableColumns(table: PgTable): [string, AnyPgColumn][] {
  return Object.entries(getTableColumns(table)).filter(([, column]) => column.generated === undefined);
}

/** `count(*)` as a JavaScript number (PostgreSQL's bigint arrives as text from node-postgres). */
export const countAll = () => sql<number>`count(*)::int`;

/** A numeric aggregate as a JavaScript number, money rounded to cents as the mock rounds it. */
export const money = (value: number | string | null | undefined) => Math.round(Number(value ?? 0) * 100) / 100;
