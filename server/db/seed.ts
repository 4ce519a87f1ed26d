/**
 * Loads the deterministic demo data (the mock's own generator) into the configured database:
 *
 *   npm run db:seed                               an empty database only
 *   npm run db:seed -- --reset                    empties every table first
 *   npm run db:seed -- --intake 100000 --cases 50000   grown for benchmarks
 *   npm run db:seed -- --anchor 2026-11-25        data generated around another day
 *
 * DATABASE_URL, else the embedded database in DATA_DIR; the schema is migrated first.
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { cstDay } from '../../domain/rules/dates';
import { generateDatabase } from '../../mocks/data/generate';
import { loadConfig } from '../config';
import { scryptCredentials } from '../credentials';
import { openDatabase } from './database';
import { DatabaseNotEmptyError, loadDemoData, scaleDemoData } from './demo-data';
import { migrate } from './migrator';

const { values } = parseArgs({
  options: {
    reset: { type: 'boolean', default: false },
    intake: { type: 'string' },
    cases: { type: 'string' },
    anchor: { type: 'string' },
  },
});

function count(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 10_000_000) throw new Error(`--${name} must be a whole number`);
  return n;
}

const anchor = values.anchor ?? cstDay(new Date());
if (!/^\d{4}-\d{2}-\d{2}$/.test(anchor)) throw new Error('--anchor must be a day, YYYY-MM-DD');
const size = { intake: count('intake', values.intake), cases: count('cases', values.cases) };
const config = loadConfig();
const say = (line: string) => process.stdout.write(`${line}\n`);
const started = performance.now();
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

const data = scaleDemoData(generateDatabase({ anchor }), size);
say(
  `Generated around ${anchor}: ${data.intakeRecords.size} intake records, ${data.serviceCases.size} cases, ` +
    `${data.users.size} users, ${data.auditEvents.length} audit events (${seconds(started)})`,
);
const database = await openDatabase(
  config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir },
);
try {
  await migrate(database);
  const loading = performance.now();
  await loadDemoData(database.db, data, scryptCredentials(), { reset: values.reset });
  // Fresh statistics for the planner, and the visibility map that lets counts read indexes only.
  await database.db.execute(sql`vacuum analyze`);
  say(`Loaded into ${database.driver === 'pglite' ? config.dataDir : 'the PostgreSQL server'} (${seconds(loading)}).`);
} catch (error) {
  if (!(error instanceof DatabaseNotEmptyError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await database.close();
}
