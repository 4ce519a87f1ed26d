import { z } from 'zod';
import { intakeListQuerySchema, intakeRecordSchema } from '../schemas/intake';
import { pageSchema, pickedIdsSchema } from '../schemas/common';
import { policyPatchListQuerySchema, policyPatchSchema } from '../schemas/policy-patches';
import {
  serviceCaseListQuerySchema,
  serviceCaseSchema,
  serviceRecordListQuerySchema,
  serviceRecordSchema,
} from '../schemas/service-cases';
import { endpoint, type Endpoint } from './endpoint';

/** The file an export is written to. */
export const exportFormatSchema = z.enum(['xlsx', 'csv']);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

/**
 * A list's query for an export: its filters and sort, larger pages (the exporter pages through
 * them, never asking for everything at once), the file it is for, and, for an export of the rows
 * a user picked, their ids (within the filters). Page 1 is logged.
 */
const exportPaging = {
  pageSize: z.coerce.number().int().min(1).max(1000).default(500),
  format: exportFormatSchema,
  id: pickedIdsSchema.optional(),
};
export const intakeExportQuerySchema = intakeListQuerySchema.extend(exportPaging);
export const caseExportQuerySchema = serviceCaseListQuerySchema.extend(exportPaging);
export const serviceRecordExportQuerySchema = serviceRecordListQuerySchema.extend(exportPaging);
export const patchExportQuerySchema = policyPatchListQuerySchema.extend(exportPaging);

/**
 * 导出: what a manager exports is what they may see (personal data masked without
 * `personal:read`, a department's scope), page by page; the first page writes the export, its
 * filters and its row count, to the operation log.
 */
export const exportEndpoints = {
  exportIntakeRecords: endpoint({
    method: 'GET',
    path: '/exports/intake-records',
    summary: 'Intake records for an export, page by page (report:export; page 1 is logged)',
    tag: 'exports',
    permission: 'report:export',
    query: intakeExportQuerySchema,
    response: pageSchema(intakeRecordSchema),
  }),
  exportServiceCases: endpoint({
    method: 'GET',
    path: '/exports/service-cases',
    summary: 'Service cases for an export, page by page, in the caller’s scope (report:export; page 1 is logged)',
    tag: 'exports',
    permission: 'report:export',
    query: caseExportQuerySchema,
    response: pageSchema(serviceCaseSchema),
  }),
  exportServiceRecords: endpoint({
    method: 'GET',
    path: '/exports/service-records',
    summary: 'The services delivered (服务清单) for an export, page by page (report:export; page 1 is logged)',
    tag: 'exports',
    permission: 'report:export',
    query: serviceRecordExportQuerySchema,
    response: pageSchema(serviceRecordSchema),
  }),
  exportPolicyPatches: endpoint({
    method: 'GET',
    path: '/exports/policy-patches',
    summary: 'Policy patches for an export, page by page, as the caller may see them (report:export; page 1 is logged)',
    tag: 'exports',
    permission: 'report:export',
    query: patchExportQuerySchema,
    response: pageSchema(policyPatchSchema),
  }),
} satisfies Record<string, Endpoint>;
