import { can } from '../../src/api/permissions';
import type { z } from 'zod';
import type {
  caseExportQuerySchema,
  intakeExportQuerySchema,
  patchExportQuerySchema,
  serviceRecordExportQuerySchema,
} from '../../src/api/endpoints/exports';
import type { Page } from '../../src/api/schemas/common';
import type { IntakeRecord } from '../../src/api/schemas/intake';
import type { PolicyPatch } from '../../src/api/schemas/policy-patches';
import type { ServiceCase, ServiceRecord } from '../../src/api/schemas/service-cases';
import { recordAudit } from './audit';
import type { RuleContext } from './context';
import { problems } from './problem';
import { listIntakeRecords } from './intake';
import { listPolicyPatches } from './policy-patches';
import { listServiceCases, listServiceRecords } from './service-cases';

type ExportQuery = { page: number; pageSize: number; format: string } & Record<string, unknown>;

/** The filters and sort of an export as a query string, the paging and the format left out. */
function filtersOf({ page: _page, pageSize: _pageSize, format: _format, ...filters }: ExportQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters).sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null) params.append(key, String(item));
    }
  }
  return params.toString();
}

/** Page 1 of an export writes it to the operation log: what, in which format, with which filters, how many rows. */
async function logged<T>(ctx: RuleContext, resource: string, query: ExportQuery, page: Page<T>): Promise<Page<T>> {
  if (query.page === 1) {
    await recordAudit(ctx, 'export', resource, 'export', null, {
      format: query.format,
      filters: filtersOf(query),
      rowCount: page.total,
    });
  }
  return page;
}

/**
 * Intake records for an export: the list's rules (masking included), logged on page 1. Exporting
 * is no way around the list's own permission: the records are the talent office's.
 */
export async function exportIntakeRecords(ctx: RuleContext, query: z.output<typeof intakeExportQuerySchema>) {
  if (!can(ctx.user, 'intake:read')) throw problems.forbidden('Intake records are the talent office’s');
  return logged<IntakeRecord>(ctx, 'intakeRecords', query, await listIntakeRecords(ctx, query));
}

/** Service cases for an export: the list's rules (scope and masking), logged on page 1. */
export async function exportServiceCases(ctx: RuleContext, query: z.output<typeof caseExportQuerySchema>) {
  return logged<ServiceCase>(ctx, 'serviceCases', query, await listServiceCases(ctx, query));
}

/** The services delivered (服务清单) for an export, logged on page 1. */
export async function exportServiceRecords(ctx: RuleContext, query: z.output<typeof serviceRecordExportQuerySchema>) {
  return logged<ServiceRecord>(ctx, 'serviceRecords', query, await listServiceRecords(ctx, query));
}

/** Policy patches for an export: the list's rules (a department sees only its own linked demands), logged on page 1. */
export async function exportPolicyPatches(ctx: RuleContext, query: z.output<typeof patchExportQuerySchema>) {
  return logged<PolicyPatch>(ctx, 'policyPatches', query, await listPolicyPatches(ctx, query));
}
