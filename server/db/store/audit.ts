import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { AuditEvent } from '../../../src/api/schemas/audit';
import type { AuditStore } from '../../../domain/store';
import type { Database } from '../database';
import { auditEvents, serviceCases } from '../schema';
import { caseInScope } from './service-cases';
import { countAll, rows } from './sql';

type AuditRow = typeof auditEvents.$inferSelect;

const toEvent = (row: AuditRow): AuditEvent => ({
  id: row.id,
  entityType: row.entityType as AuditEvent['entityType'],
  entityId: row.entityId,
  action: row.action,
  actorId: row.actorId,
  actorName: row.actorName,
  at: row.at,
  changes: row.changes,
});

/** `AE-000123`: six digits, more once there are a million events. */
export const auditId = (serial: number | string) => `AE-${String(serial).padStart(6, '0')}`;

export function auditStore(db: Database): AuditStore {
  return {
    async append(event) {
      const [next] = await rows<{ serial: string }>(db, sql`select nextval('audit_event_serial')::text as serial`);
      const stored: AuditEvent = { id: auditId(next!.serial), ...event };
      await db.insert(auditEvents).values(stored);
      return stored;
    },

    async appendMany(events) {
      if (events.length === 0) return [];
      const serials = await rows<{ serial: string }>(
        db,
        sql`select nextval('audit_event_serial')::text as serial from generate_series(1, ${events.length})`,
      );
      // One statement per thousand events; `nextval` over a series hands the serials out in order.
      const stored = events.map((event, index): AuditEvent => ({ id: auditId(serials[index]!.serial), ...event }));
      for (let start = 0; start < stored.length; start += 1000) {
        await db.insert(auditEvents).values(stored.slice(start, start + 1000));
      }
      return stored;
    },

    async list(filter, visibility, page, pageSize) {
      if (visibility.entityTypes.length === 0) return { items: [], total: 0, page, pageSize };
      // A case's history goes with the case: only cases the reader sees, and only cases that exist.
      const caseVisible = sql`exists (select 1 from ${serviceCases} where ${and(
        eq(serviceCases.id, auditEvents.entityId),
        caseInScope(visibility.caseScope),
      )})`;
      const where = and(
        filter.entityType ? eq(auditEvents.entityType, filter.entityType) : undefined,
        filter.entityId ? eq(auditEvents.entityId, filter.entityId) : undefined,
        inArray(auditEvents.entityType, visibility.entityTypes),
        sql`(${auditEvents.entityType} <> 'serviceCase' or ${caseVisible})`,
      );
      const [found, [count]] = await Promise.all([
        db
          .select()
          .from(auditEvents)
          .where(where)
          .orderBy(desc(auditEvents.at), desc(auditEvents.id))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db.select({ n: countAll() }).from(auditEvents).where(where),
      ]);
      return { items: found.map(toEvent), total: count?.n ?? 0, page, pageSize };
    },
  };
}
