import { and, sql } from 'drizzle-orm';
import { patchStatusSchema, type PatchStatus, type PolicyPatch } from '../../../src/api/schemas/policy-patches';
import type { PatchSortField, PolicyPatchStore } from '../../../domain/store';
import type { Database } from '../database';
import { policyPatches, serviceCases } from '../schema';
import { anyOf, countAll, money, pagedDocs, rankOf, rows, searchTerms, textSearch } from './sql';
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
    beneficiaries: patch.effect?.beneficiaries ?? null,
    fundsDisbursed: patch.effect ? String(patch.effect.fundsDisbursed) : null,
    search: searchTerms(patch.id, patch.title, patch.blockage),
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

export function patchStore(db: Database): PolicyPatchStore {
  return {
    ...versionedDocs<PolicyPatch>(db, t, patchColumns),

    list(query, sort) {
      const where = and(
        anyOf(t.status, query.status),
        anyOf(t.policyCode, query.policy),
        anyOf(t.leadDepartmentCode, query.department),
        textSearch(t.search, query.q),
      );
      return pagedDocs<PolicyPatch>(
        db,
        t,
        where,
        { by: sortColumns[sort.field], descending: sort.descending },
        query.page,
        query.pageSize,
      );
    },

    async figures() {
      const [counts, totals, days] = await Promise.all([
        db
          .select({ status: t.status, policyCode: t.policyCode, n: countAll() })
          .from(t)
          .groupBy(t.status, t.policyCode),
        db
          .select({
            beneficiaries: sql<number>`coalesce(sum(${t.beneficiaries}), 0)::int`,
            fundsDisbursed: sql<string>`coalesce(sum(${t.fundsDisbursed}), 0)::text`,
          })
          .from(t),
        // Per issued patch naming demands that exist: seconds from its earliest demand's receipt
        // to its issue (instants with offsets, compared as moments).
        rows<{ seconds: string }>(
          db,
          sql`select (extract(epoch from ${t.issuedAt}::timestamptz)
                - min(extract(epoch from ${serviceCases.receivedAt}::timestamptz)))::text as seconds
            from ${t} join ${serviceCases} on ${serviceCases.id} = any(${t.demandCaseIds})
            where ${t.issuedAt} is not null
            group by ${t.id}, ${t.issuedAt}
            order by ${t.id}`,
        ),
      ]);
      const byStatus = new Map<PatchStatus, number>(patchStatusSchema.options.map((status) => [status, 0]));
      const byPolicy = new Map<string, number>();
      for (const row of counts) {
        const status = row.status as PatchStatus;
        byStatus.set(status, (byStatus.get(status) ?? 0) + row.n);
        byPolicy.set(row.policyCode, (byPolicy.get(row.policyCode) ?? 0) + row.n);
      }
      return {
        byStatus,
        byPolicy,
        daysDemandToIssue: days.map((row) => (Number(row.seconds) * 1000) / 86_400_000),
        beneficiaries: totals[0]?.beneficiaries ?? 0,
        fundsDisbursed: money(totals[0]?.fundsDisbursed),
      };
    },
  };
}
