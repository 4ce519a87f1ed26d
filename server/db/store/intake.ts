import { asc } from 'drizzle-orm';
import type { IntakeRecord } from '../../../src/api/schemas/intake';
import type { IntakeSortField, IntakeStore } from '../../../domain/store';
import type { Database } from '../database';
import { intakeRecords } from '../schema';
import { intakeColumns, intakeWhere } from './intake-columns';
import { intakeFigures } from './intake-figures';
import { pagedDocs } from './sql';
import { versionedDocs } from './versioned';

const t = intakeRecords;
const sortColumns = {
  id: t.id,
  name: t.name,
  stage: t.stageRank,
  leadOn: t.leadOn,
  landedOn: t.landedOn,
  investment: t.investment,
  updatedAt: t.updatedAt,
  channel: t.channelCode,
  town: t.townCode,
  officer: t.officerName,
} satisfies Record<IntakeSortField, unknown>;

export function intakeStore(db: Database): IntakeStore {
  return {
    ...versionedDocs<IntakeRecord>(db, t, intakeColumns),
    ...intakeFigures(db),

    list(query, sort, page, pageSize) {
      const where = intakeWhere(query);
      return pagedDocs<IntakeRecord>(
        db,
        t,
        where,
        { by: sortColumns[sort.field], descending: sort.descending },
        page,
        pageSize,
      );
    },

    async ids(query, limit) {
      const found = await db
        .select({ id: t.id })
        .from(t)
        .where(intakeWhere(query))
        .orderBy(asc(t.id))
        .limit(Math.max(0, limit));
      return found.map((row) => row.id);
    },
  };
}
