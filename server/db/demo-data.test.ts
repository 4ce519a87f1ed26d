import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../mocks/data/reference';
import { DatabaseNotEmptyError, highestSerials, loadDemoData, scaleDemoData } from './demo-data';
import { createSqlStore } from './sql-store';
import { rows } from './store/sql';
import { demoData, openTestDatabase, reseed, testCredentials, type TestDatabase } from './testing';

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database?.close());

describe('demo data', () => {
  it('loads into an empty database only, unless asked to reset', async () => {
    const data = await reseed(database);
    await expect(loadDemoData(database.db, data, testCredentials)).rejects.toBeInstanceOf(DatabaseNotEmptyError);
    const store = createSqlStore(database.db);
    await store.intakeRecords.update({ ...data.intakeRecords.get('IR-2026-00001')!, note: 'changed', version: 2 }, 1);
    await loadDemoData(database.db, data, testCredentials, { reset: true });
    expect(await store.intakeRecords.get('IR-2026-00001')).toEqual(data.intakeRecords.get('IR-2026-00001'));
  });

  it('gives every user a hash of their own of the demo password', async () => {
    const data = await reseed(database);
    const store = createSqlStore(database.db);
    const hashes = await Promise.all([...data.users.keys()].map((id) => store.users.passwordHash(id)));
    expect(new Set(hashes).size).toBe(data.users.size);
    expect(await testCredentials.verifyPassword(DEMO_PASSWORD, hashes[0]!)).toBe(true);
    expect(await testCredentials.verifyPassword('wrong', hashes[0]!)).toBe(false);
  });

  it('starts the counters after the highest serial of each prefix', async () => {
    const data = await reseed(database);
    const counters = await rows<{ prefix: string; value: number }>(
      database.db,
      sql`select prefix, value::int as value from counters`,
    );
    const ids = [data.intakeRecords, data.serviceCases, data.policyPatches, data.savedViews].flatMap((m) => [
      ...m.keys(),
    ]);
    expect(new Map(counters.map((c) => [c.prefix, c.value]))).toEqual(highestSerials(ids));
    expect(counters.map((c) => c.prefix)).toEqual(expect.arrayContaining(['IR-2026-', 'SC-2025-', 'PP-2025-', 'SV-']));
  });

  it('grows deterministically for benchmarks, copies under fresh ids of their source prefix', async () => {
    const data = demoData();
    const grown = scaleDemoData(data, { intake: data.intakeRecords.size + 500, cases: data.serviceCases.size + 300 });
    expect(grown.intakeRecords.size).toBe(data.intakeRecords.size + 500);
    expect(grown.serviceCases.size).toBe(data.serviceCases.size + 300);
    expect([...scaleDemoData(data, { intake: data.intakeRecords.size + 500 }).intakeRecords.keys()]).toEqual([
      ...grown.intakeRecords.keys(),
    ]);
    const [firstCopyId, firstCopy] = [...grown.intakeRecords][data.intakeRecords.size]!;
    const source = data.intakeRecords.values().next().value!;
    expect(firstCopy).toEqual({ ...source, id: firstCopyId });
    expect(firstCopyId).toBe(
      `IR-2023-${String(highestSerials(data.intakeRecords.keys()).get('IR-2023-')! + 1).padStart(5, '0')}`,
    );
    expect(scaleDemoData(data, { intake: 10 }).intakeRecords).toEqual(data.intakeRecords);

    await loadDemoData(database.db, grown, testCredentials, { reset: true });
    const store = createSqlStore(database.db);
    const page = await store.intakeRecords.list({}, { field: 'id', descending: false }, 1, 1);
    expect(page.total).toBe(grown.intakeRecords.size);
  });
});
