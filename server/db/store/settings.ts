import { and, eq } from 'drizzle-orm';
import type { ScoringSettings } from '../../../src/api/schemas/case-scores';
import type { ScoringSettingsStore } from '../../../domain/store';
import type { Database } from '../database';
import { settings } from '../schema';

/** The scoring settings, one row under `scoring`, saved by compare-and-set on its version. */
export function scoringSettingsStore(db: Database): ScoringSettingsStore {
  return {
    async get() {
      const [row] = await db.select({ doc: settings.doc }).from(settings).where(eq(settings.key, 'scoring'));
      return row?.doc as ScoringSettings | undefined;
    },
    async save(next, expectedVersion) {
      if (expectedVersion === 0) {
        const inserted = await db
          .insert(settings)
          .values({ key: 'scoring', doc: next, version: next.version })
          .onConflictDoNothing()
          .returning({ key: settings.key });
        return inserted.length === 1;
      }
      const updated = await db
        .update(settings)
        .set({ doc: next, version: next.version })
        .where(and(eq(settings.key, 'scoring'), eq(settings.version, expectedVersion)))
        .returning({ key: settings.key });
      return updated.length === 1;
    },
  };
}
