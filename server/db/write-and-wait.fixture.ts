/**
 * For the durability test: opens the embedded database in the given directory, commits one
 * write, says so, and waits to be killed (`kill -9`), never closing the database.
 */
import { openDatabase } from './database';
import { migrate } from './migrator';
import { createSqlStore } from './sql-store';

const [dataDir, prefix] = process.argv.slice(2) as [string, string];
const database = await openDatabase({ dataDir });
await migrate(database);
const serial = await createSqlStore(database.db).nextSerial(prefix);
process.stdout.write(`committed ${serial}\n`);
setInterval(() => undefined, 60_000);
