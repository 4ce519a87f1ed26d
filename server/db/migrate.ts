/**
 * Applies pending migrations to the configured database and exits:
 * `npx tsx server/db/migrate.ts` (DATABASE_URL, else the embedded database in DATA_DIR).
 * The server also migrates at start; this is for deployments that migrate as a separate step.
 */
import { loadConfig } from '../config';
import { openDatabase } from './database';
import { migrate } from './migrator';

const config = loadConfig();
const database = await openDatabase(
  config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir },
);
try {
  const { applied } = await migrate(database);
  process.stdout.write(
    applied.length === 0 ? 'The schema is up to date.\n' : `Applied ${applied.length}: ${applied.join(', ')}\n`,
  );
} finally {
  await database.close();
}
