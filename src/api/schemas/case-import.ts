import { z } from 'zod';
import { fieldErrorSchema, idSchema } from './common';

/** The most rows one import takes: a department's list for a month, with room to spare. */
export const MAX_IMPORT_ROWS = 1000;
/**
 * The most an import's request may weigh: under the server's default body limit (1 MiB), so a
 * list too wordy for one request is told to be split before anything is sent.
 */
export const MAX_IMPORT_BODY_BYTES = 1_000_000;

/**
 * A row of a demand list (需求清单) as read from the file, its dictionary columns already turned
 * from names into codes where the names were known; everything is checked again by the server,
 * row by row, so one bad row is reported, not the whole file refused.
 */
const cell = z.string().max(4000);
export const caseImportRowSchema = z.object({
  /** The row's number in the file (the header is row 1). */
  row: z.number().int().min(2).max(1_000_000),
  requesterType: cell,
  requesterName: cell,
  enterpriseName: cell,
  requesterPhone: cell,
  categoryCode: cell,
  title: cell,
  description: cell,
  priority: cell,
});
export type CaseImportRow = z.infer<typeof caseImportRowSchema>;
export type CaseImportField = Exclude<keyof CaseImportRow, 'row'>;

export const caseImportBodySchema = z.object({
  monthId: idSchema,
  fileName: z.string().trim().min(1).max(200),
  /** Check only: what an import would do, nothing written. */
  dryRun: z.boolean(),
  rows: z.array(caseImportRowSchema).min(1).max(MAX_IMPORT_ROWS),
});
export type CaseImportBody = z.infer<typeof caseImportBodySchema>;

const rowNumber = z.number().int().min(2);
export const caseImportResultSchema = z.object({
  dryRun: z.boolean(),
  total: z.number().int().nonnegative(),
  /** Rows that pass every check and are new: what an import creates. */
  valid: z.number().int().nonnegative(),
  /** The cases created (none on a dry run). */
  created: z.array(idSchema),
  /** Rows already registered for the month (the same requester's phone, title and description), or repeated in the file. */
  duplicates: z.array(z.object({ row: rowNumber, caseId: idSchema.nullable(), sameAsRow: rowNumber.nullable() })),
  /** Each broken rule: the row, the field, what it held. */
  problems: z.array(fieldErrorSchema.extend({ row: rowNumber, value: z.string() })),
});
export type CaseImportResult = z.infer<typeof caseImportResultSchema>;
