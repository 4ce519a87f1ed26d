import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';

/** Drizzle over either driver: the store is written once against this. */
export type Database = PgDatabase<PgQueryResultHKT>;

/**
 * Where the data lives: a PostgreSQL server, the embedded one (PGlite) with its files in
 * `dataDir`, or the embedded one in memory (tests).
 */
export type DatabaseLocation = { databaseUrl: string } | { dataDir: string } | { memory: true };

export interface OpenedDatabase {
  db: Database;
  driver: 'postgres' | 'pglite';
  /**
   * Runs `work` on one connection of its own, outside any transaction: what must hold a session
   * lock (the migrator) needs it. On the embedded database there is only one connection.
   */
  withConnection<T>(work: (db: Database) => Promise<T>): Promise<T>;
  /** Closes the connections; closing again does nothing. */
  close(): Promise<void>;
}

/** `close` made safe to call more than once (shutdown paths and tests may both call it). */
function once(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => (closing ??= close());
}

export async function openDatabase(location: DatabaseLocation): Promise<OpenedDatabase> {
  if ('databaseUrl' in location) return openServer(location.databaseUrl);
  if ('dataDir' in location) {
    await mkdir(location.dataDir, { recursive: true });
    return openEmbedded(await PGlite.create(location.dataDir));
  }
  return openEmbedded(await PGlite.create());
}

function openEmbedded(client: PGlite): OpenedDatabase {
  const db: Database = drizzlePglite({ client });
  return {
    db,
    driver: 'pglite',
    withConnection: (work) => work(db),
    close: once(() => client.close()),
  };
}

function openServer(connectionString: string): OpenedDatabase {
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    connectionTimeoutMillis: 10_000,
    // No statement or forgotten transaction holds a connection for long: one slow request
    // cannot take the pool from every other.
    statement_timeout: 30_000,
    idle_in_transaction_session_timeout: 60_000,
    application_name: 'talent-office',
  });
  // An idle connection that fails (the server restarts) is dropped by the pool; without a
  // listener its 'error' event would end the process.
  pool.on('error', (error) => console.error('database connection lost:', error.message));
  const db: Database = drizzlePg({ client: pool });
  return {
    db,
    driver: 'postgres',
    async withConnection(work) {
      const client = await pool.connect();
      try {
        return await work(drizzlePg({ client }));
      } finally {
        client.release();
      }
    },
    close: once(() => pool.end()),
  };
}
