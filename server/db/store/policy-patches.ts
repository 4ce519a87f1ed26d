import { and, gt, lte, or, sql } from 'drizzle-orm';
import { patchStatusSchema, type PatchStatus, type PolicyPatch } from '../../../src/api/schemas/policy-patches';
import type { PatchQuery, PatchSortField, PolicyPatchStore } from '../../../domain/store';
import type { Database } from '../database';
import { policyPatches, serviceCases } from '../schema';
import { anyOf, pagedDocs, rankOf, searchTerms, textSearch } from './sql';
import { versionedDocs } from './versioned';

const t = policyPatches;

export function patchColumns(patch: PolicyPatch): typeof policyPatches.$inferInsert {
  return {
    id: patch.id,
    doc: patch,
    version: patch.version,
    status: patch.status,
    statusRank: rankOf(patch.status, patchStatusSchema.options),
    policyCode: patch.policyCode,
    leadDepartmentCode: patch.leadDepartmentCode,
    title: patch.title,
    demandCaseIds: patch.demandCaseIds,
    collectedAt: patch.collectedAt,
    issuedAt: patch.issuedAt,
    updatedAt: patch.updatedAt,
    search: searchTerms(patch.id, patch.title, patch.blockage, patch.amendment),
  };
}

const sortColumns = {
  id: t.id,
  title: t.title,
  status: t.statusRank,
  collectedAt: t.collectedAt,
  issuedAt: t.issuedAt,
  updatedAt: t.updatedAt,
} satisfies Record<PatchSortField, unknown>;

/** The store's filters in SQL: a collected-at span is later than `after`, not later than `until`. */
function patchWhere(query: PatchQuery) {
  return and(
    anyOf(t.id, query.id),
    anyOf(t.status, query.status),
    anyOf(t.policyCode, query.policy),
    anyOf(t.leadDepartmentCode, query.department),
    textSearch(t.search, query.q),
    query.collected &&
      or(
        ...query.collected.map(({ after, until }) =>
          and(
            after === null ? undefined : gt(t.collectedAt, after),
            until === null ? undefined : lte(t.collectedAt, until),
          ),
        ),
      ),
  );
}

export function patchStore(db: Database): PolicyPatchStore {
  return {
    ...versionedDocs<PolicyPatch>(db, t, patchColumns),

    list(query, sort) {
      return pagedDocs<PolicyPatch>(
        db,
        t,
        patchWhere(query),
        { by: sortColumns[sort.field], descending: sort.descending },
        query.page,
        query.pageSize,
      );
    },

    async facts(query) {
      // Each patch's earliest linked demand, from the cases that exist (instants order as text).
      const firstDemandAt = sql<string | null>`(select min(${serviceCases.receivedAt}) from ${serviceCases}
        where ${serviceCases.id} = any(${t.demandCaseIds}))`;
      const found = await db
        .select({
          id: t.id,
          status: t.status,
          policyCode: t.policyCode,
          collectedAt: t.collectedAt,
          issuedAt: t.issuedAt,
          firstDemandAt,
          demandCount: sql<number>`cardinality(${t.demandCaseIds})`,
          effects: sql<PolicyPatch['effects']>`${t.doc}->'effects'`,
        })
        .from(t)
        .where(patchWhere(query))
        .orderBy(t.id);
      return found.map((row) => ({ ...row, status: row.status as PatchStatus, demandCount: Number(row.demandCount) }));
    },
  };
}
