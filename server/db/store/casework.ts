import { and, desc, asc, eq } from 'drizzle-orm';
import type { ServiceMonth, ServiceRecord } from '../../../src/api/schemas/service-cases';
import type { ServiceRecordSortField, Store } from '../../../domain/store';
import type { Database } from '../database';
import { serviceMonths, serviceRecords } from '../schema';
import { anyOf, docSearch, pagedDocs } from './sql';

export const monthColumns = (month: ServiceMonth): typeof serviceMonths.$inferInsert => ({
  id: month.id,
  doc: month,
  year: month.year,
});

export const serviceRecordColumns = (record: ServiceRecord): typeof serviceRecords.$inferInsert => ({
  id: record.id,
  doc: record,
  monthId: record.monthId,
  on: record.on,
  departmentCode: record.departmentCode,
  participants: record.participants,
});

/** The service months, newest first. */
export function serviceMonthStore(db: Database): Store['serviceMonths'] {
  return {
    async list() {
      const found = await db
        .select({ doc: serviceMonths.doc })
        .from(serviceMonths)
        .orderBy(desc(serviceMonths.year), asc(serviceMonths.id));
      return found.map((row) => row.doc);
    },
    async get(id) {
      const [row] = await db.select({ doc: serviceMonths.doc }).from(serviceMonths).where(eq(serviceMonths.id, id));
      return row?.doc;
    },
  };
}

const t = serviceRecords;
const sortColumns = { on: t.on, participants: t.participants } satisfies Record<ServiceRecordSortField, unknown>;

/** The services delivered (服务清单), by month and department. */
export function serviceRecordStore(db: Database): Store['serviceRecords'] {
  return {
    list(query, sort) {
      const where = and(
        anyOf(t.id, query.id),
        query.month ? eq(t.monthId, query.month) : undefined,
        anyOf(t.departmentCode, query.department),
        docSearch(t.doc, ['title', 'enterpriseName'], query.q),
      );
      return pagedDocs<ServiceRecord>(
        db,
        t,
        where,
        { by: sortColumns[sort.field], descending: sort.descending },
        query.page,
        query.pageSize,
      );
    },
  };
}
