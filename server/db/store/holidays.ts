import { and, asc, eq } from 'drizzle-orm';
import type { HolidayStore } from '../../../domain/store';
import type { Database } from '../database';
import { holidayYears } from '../schema';

/** A handful of rows, read whole; a year is saved by compare-and-set on its version. */
export function holidayStore(db: Database): HolidayStore {
  return {
    async list() {
      const found = await db.select({ doc: holidayYears.doc }).from(holidayYears).orderBy(asc(holidayYears.year));
      return found.map((row) => row.doc);
    },
    async save(year, expectedVersion) {
      if (expectedVersion === 0) {
        const inserted = await db
          .insert(holidayYears)
          .values({ year: year.year, doc: year, version: year.version })
          .onConflictDoNothing()
          .returning({ year: holidayYears.year });
        return inserted.length === 1;
      }
      const updated = await db
        .update(holidayYears)
        .set({ doc: year, version: year.version })
        .where(and(eq(holidayYears.year, year.year), eq(holidayYears.version, expectedVersion)))
        .returning({ year: holidayYears.year });
      return updated.length === 1;
    },
  };
}
