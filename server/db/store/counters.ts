import { sql } from 'drizzle-orm';
import type { Database } from '../database';
import { rows } from './sql';

/**
 * Tables whose ids the rules number with `nextSerial`. A prefix met for the first time (a new
 * year's `IR-2027-`, or records inserted without a counter) starts after the highest serial its
 * ids already carry, as the mock's store does.
 */
const numberedTables = ['intake_records', 'service_cases', 'policy_patches', 'saved_views', 'audit_events'];

/**
 * The next serial of `prefix`: one atomic upsert, so concurrent callers each get their own. Inside
 * a transaction the counter's row stays locked until it ends (callers of the same prefix queue),
 * and a rollback takes the number back.
 */
export async function nextSerial(db: Database, prefix: string): Promise<number> {
  const [bumped] = await rows<{ value: number }>(
    db,
    sql`update counters set value = value + 1 where prefix = ${prefix} returning value::int as value`,
  );
  if (bumped) return bumped.value;
  const highest = sql.join(
    numberedTables.map(
      (table) => sql`select substr(id, char_length(${prefix}) + 1) as serial from ${sql.identifier(table)}
        where starts_with(id, ${prefix})`,
    ),
    sql` union all `,
  );
  // Two first callers at once: one inserts, the other finds the row and takes the next number.
  const [created] = await rows<{ value: number }>(
    db,
    sql`insert into counters (prefix, value)
      select ${prefix}, coalesce(max(serial::numeric), 0) + 1 from (${highest}) as ids where serial ~ '^[0-9]+$'
      on conflict (prefix) do update set value = counters.value + 1
      returning value::int as value`,
  );
  return created!.value;
}
