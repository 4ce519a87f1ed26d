import { defineConfig } from 'drizzle-kit';

/**
 * drizzle-kit writes the server's migrations from `server/db/schema.ts`:
 * `npx drizzle-kit generate --name <what-changed>`. They are applied by `server/db/migrate.ts`
 * (at start and by `npx tsx server/db/migrate.ts`), never by drizzle-kit against a live database.
 */
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/db/schema.ts',
  out: './server/db/migrations',
});
