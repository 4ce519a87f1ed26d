import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { SavedView } from '../../../src/api/schemas/saved-views';
import type { SavedViewStore } from '../../../domain/store';
import type { Database } from '../database';
import { savedViews } from '../schema';

const t = savedViews;
type ViewRow = typeof savedViews.$inferSelect;

const toView = (row: ViewRow): SavedView => ({
  id: row.id,
  resource: row.resource as SavedView['resource'],
  name: row.name,
  search: row.search,
  shared: row.shared,
  ownerId: row.ownerId,
  ownerName: row.ownerName,
  createdAt: row.createdAt,
});

export function savedViewStore(db: Database): SavedViewStore {
  return {
    async list(resource, userId) {
      const found = await db
        .select()
        .from(t)
        .where(and(eq(t.resource, resource), or(t.shared, eq(t.ownerId, userId))))
        // The reader's own views first, then by name.
        .orderBy(sql`${t.ownerId} = ${userId} desc`, asc(t.name), asc(t.id));
      return found.map(toView);
    },
    async get(id) {
      const [row] = await db.select().from(t).where(eq(t.id, id));
      return row && toView(row);
    },
    /** False when the owner already has a view of that name for that list (a unique constraint). */
    async insert(view) {
      const inserted = await db
        .insert(t)
        .values(view)
        .onConflictDoNothing({ target: [t.ownerId, t.resource, t.name] })
        .returning({ id: t.id });
      return inserted.length > 0;
    },
    async delete(id) {
      await db.delete(t).where(eq(t.id, id));
    },
  };
}
