import { and, eq } from 'drizzle-orm';
import type { SettingStore } from '../../../domain/store';
import type { Database } from '../database';
import { settings } from '../schema';

/** One setting, a row under `key`, saved by compare-and-set on its version. */
export function settingStore<T extends { version: number }>(db: Database, key: string): SettingStore<T> {
  return {
    async get() {
      const [row] = await db.select({ doc: settings.doc }).from(settings).where(eq(settings.key, key));
      return row?.doc as T | undefined;
    },
    async save(next, expectedVersion) {
      if (expectedVersion === 0) {
        const inserted = await db
          .insert(settings)
          .values({ key, doc: next, version: next.version })
          .onConflictDoNothing()
          .returning({ key: settings.key });
        return inserted.length === 1;
      }
      const updated = await db
        .update(settings)
        .set({ doc: next, version: next.version })
        .where(and(eq(settings.key, key), eq(settings.version, expectedVersion)))
        .returning({ key: settings.key });
      return updated.length === 1;
    },
  };
}
