import { sql } from 'drizzle-orm';
import type { Backend } from '../../domain/rules/context';
import type { ServerConfig } from '../config';
import { scryptCredentials } from '../credentials';
import { bootstrap, type Bootstrapped } from './bootstrap';
import { openDatabase, type OpenedDatabase } from './database';
import { migrate } from './migrator';
import { createSqlStore } from './sql-store';

/** What the database part of the server reads from its configuration. */
export type DatabaseConfig = Pick<ServerConfig, 'databaseUrl' | 'dataDir' | 'admin' | 'seedDemo'>;

export interface OpenedBackend {
  backend: Backend;
  /** Whether the database answers (for `/readyz`). */
  ready(): Promise<boolean>;
  /** Closes the connections (the pool, or the embedded database, flushing it to disk). */
  close(): Promise<void>;
  /** What happened at start, for the log. */
  startup: { driver: OpenedDatabase['driver']; migrationsApplied: string[]; bootstrapped: Bootstrapped };
}

/**
 * The server's backend on its database: a PostgreSQL server when `databaseUrl` is set, else the
 * embedded one with its files in `dataDir`. Migrates it, gives an empty one its first data
 * (see `bootstrap`), and answers the rules with the SQL store, the system clock and scrypt.
 */
export async function openBackend(config: DatabaseConfig): Promise<OpenedBackend> {
  const database = await openDatabase(
    config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir },
  );
  try {
    const { applied } = await migrate(database);
    const credentials = scryptCredentials();
    const now = () => new Date();
    const bootstrapped = await bootstrap(database.db, {
      seedDemo: config.seedDemo,
      admin: config.admin,
      credentials,
      now: now(),
    });
    const maintenance = database.driver === 'pglite' ? await maintainEmbedded(database) : undefined;
    return {
      backend: { store: createSqlStore(database.db), now, credentials },
      ready: () =>
        database.db.execute(sql`select 1`).then(
          () => true,
          () => false,
        ),
      close: async () => {
        clearInterval(maintenance);
        await database.close();
      },
      startup: { driver: database.driver, migrationsApplied: applied, bootstrapped },
    };
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}

const MAINTENANCE_INTERVAL_MS = 6 * 60 * 60 * 1000;

/**
 * The embedded database runs no autovacuum (it has no background workers), so the server does
 * its work: at start and every few hours, reclaim dead rows and refresh the planner's statistics
 * (about a second at 100,000 records, during which queries wait).
 */
async function maintainEmbedded(database: OpenedDatabase): Promise<NodeJS.Timeout> {
  const vacuum = () => database.db.execute(sql`vacuum analyze`);
  await vacuum();
  const timer = setInterval(() => {
    vacuum().catch((error: unknown) => console.error('embedded database maintenance failed:', error));
  }, MAINTENANCE_INTERVAL_MS);
  timer.unref();
  return timer;
}
