import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from './migrator';
import { rows } from './store/sql';
import { openTestDatabase, type TestDatabase } from './testing';

let database: TestDatabase;

/** The database's own message (drizzle wraps it as the cause of "Failed query: …"). */
async function refusal(query: Promise<unknown>): Promise<string> {
  const error = await query.then(
    () => null,
    (e: unknown) => e as Error,
  );
  return error ? String((error.cause as Error | undefined)?.message ?? error.message) : 'no error';
}
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database?.close());

describe('migrations', () => {
  it('are recorded once and applying them again changes nothing', async () => {
    const applied = await rows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    expect(applied[0]!.n).toBeGreaterThanOrEqual(2);
    expect(await migrate(database)).toEqual({ applied: [] });
    expect(await migrate(database)).toEqual({ applied: [] });
    const again = await rows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    expect(again[0]!.n).toBe(applied[0]!.n);
  });

  it('sort text by code point, whatever the server locale', async () => {
    const sorted = await rows<{ id: string }>(
      database.db,
      sql`select v as id from (values ('b'), ('B'), ('a'), ('é'), ('z'), ('中')) as t(v) order by v collate "C"`,
    );
    const columnCollation = await rows<{ collation: string }>(
      database.db,
      sql`select collation_name as collation from information_schema.columns
        where table_name = 'intake_records' and column_name = 'name'`,
    );
    expect(sorted.map((r) => r.id)).toEqual(['B', 'a', 'b', 'z', 'é', '中']);
    expect(columnCollation[0]!.collation).toBe('C');
  });

  it('keep the audit trail append-only', async () => {
    await database.db.execute(
      sql`insert into audit_events (id, entity_type, entity_id, action, actor_id, actor_name, at, changes)
        values ('AE-000001', 'user', 'u.x', 'update', 'u.admin', 'admin', '2026-11-25T10:00:00+08:00', '[]')`,
    );
    expect(await refusal(database.db.execute(sql`update audit_events set action = 'forged'`))).toMatch(/append-only/);
    expect(await refusal(database.db.execute(sql`delete from audit_events`))).toMatch(/append-only/);
    const kept = await rows<{ action: string }>(database.db, sql`select action from audit_events`);
    expect(kept).toEqual([{ action: 'update' }]);
  });
});
