import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database as DemoDatabase } from '../../mocks/data/database';
import { generateDatabase } from '../../mocks/data/generate';
import { scryptCredentials } from '../credentials';
import { openDatabase, type OpenedDatabase } from './database';
import { loadDemoData } from './demo-data';
import { migrate } from './migrator';

/** Cheap hashes for tests: the demo users' passwords are hashed on every reseed. */
export const testCredentials = scryptCredentials({ N: 2 ** 10, r: 8, p: 1 });

/** The day the test data is generated around, fixed so expectations do not drift with the calendar. */
export const TEST_ANCHOR = '2026-11-25';

export interface TestDatabase extends OpenedDatabase {
  /** Which database the tests run on, for their names. */
  label: string;
}

/**
 * A migrated, empty database for one test file: on the PostgreSQL server named by `DATABASE_URL`
 * a database of its own (dropped on close), else the embedded one in memory. One per file, as
 * each embedded database costs seconds to start and hundreds of megabytes.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  if (!process.env.DATABASE_URL) {
    const database = await openDatabase({ memory: true });
    await migrate(database);
    return { ...database, label: 'embedded' };
  }
  const server = await createServerDatabase(process.env.DATABASE_URL);
  const database = await openDatabase({ databaseUrl: server.url });
  await migrate(database);
  return {
    ...database,
    label: 'server',
    async close() {
      await database.close();
      await server.drop();
    },
  };
}

/** A new, empty database on the server at `url`, for one test file; `drop` removes it. */
export async function createServerDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `talent_test_${randomBytes(6).toString('hex')}`;
  await administer(url, `create database ${name}`);
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  return {
    url: testUrl.toString(),
    drop: () => administer(url, `drop database if exists ${name} with (force)`),
  };
}

async function administer(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

let demo: DemoDatabase | undefined;

/** The mock's generated demo data around `TEST_ANCHOR` (generated once per file). */
export function demoData(): DemoDatabase {
  demo ??= generateDatabase({ anchor: TEST_ANCHOR });
  return demo;
}

/** Empties the database and loads the demo data. */
export async function reseed(database: OpenedDatabase): Promise<DemoDatabase> {
  const data = demoData();
  await loadDemoData(database.db, data, testCredentials, { reset: true });
  return data;
}
