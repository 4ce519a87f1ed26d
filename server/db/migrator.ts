import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate as migrateServer } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migrateEmbedded } from 'drizzle-orm/pglite/migrator';
import type { Database, OpenedDatabase } from './database';
import { rows } from './store/sql';

/**
 * The SQL files drizzle-kit wrote from `schema.ts` (`migrations/*.sql`, in the order of
 * `migrations/meta/_journal.json`). Each applied one is recorded in `drizzle.__drizzle_migrations`.
 */
const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/** Any fixed number: the advisory lock that lets one server at a time migrate. */
const MIGRATION_LOCK = 7_042_026;

/**
 * Brings the schema up to date; applying it again changes nothing. Servers starting side by side
 * on one PostgreSQL take turns (an advisory lock), so a migration never runs twice; the pending
 * ones run in one transaction, so a failure leaves the schema as it was.
 */
export async function migrate(database: OpenedDatabase): Promise<{ applied: string[] }> {
  const config = { migrationsFolder };
  return database.withConnection(async (db) => {
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
    try {
      const last = await lastApplied(db);
      const pending = journal().filter((m) => m.when > last);
      // Both drivers' migrators are the same `dialect.migrate` over their own session type.
      if (database.driver === 'pglite') await migrateEmbedded(db as Parameters<typeof migrateEmbedded>[0], config);
      else await migrateServer(db as Parameters<typeof migrateServer>[0], config);
      return { applied: pending.map((m) => m.tag) };
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
    }
  });
}

function journal(): { tag: string; when: number }[] {
  const text = readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8');
  return (JSON.parse(text) as { entries: { tag: string; when: number }[] }).entries;
}

/** When the newest applied migration was written (drizzle's journal time), 0 before any. */
async function lastApplied(db: Database): Promise<number> {
  const [table] = await rows<{ exists: boolean }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as exists`,
  );
  if (!table?.exists) return 0;
  const [last] = await rows<{ at: string | null }>(
    db,
    sql`select max(created_at)::text as at from drizzle.__drizzle_migrations`,
  );
  return Number(last?.at ?? 0);
}
