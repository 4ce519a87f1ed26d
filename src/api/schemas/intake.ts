import { z } from 'zod';
import {
  codeSchema,
  dateRangeQuerySchema,
  idSchema,
  isoDateSchema,
  isoDateTimeSchema,
  listQuerySchema,
  multiValueSchema,
  versionSchema,
  writtenTextSchema,
} from './common';

export const intakeStageSchema = z.enum(['lead', 'negotiating', 'signed', 'landed']);
export type IntakeStage = z.infer<typeof intakeStageSchema>;
export const intakeStages = intakeStageSchema.options;

export const intakeKindSchema = z.enum(['person', 'project']);

export const intakeStageDatesSchema = z.object({
  lead: isoDateSchema,
  negotiating: isoDateSchema.nullable(),
  signed: isoDateSchema.nullable(),
  landed: isoDateSchema.nullable(),
});

/** 招引记录: one talent or project moving 线索 → 洽谈 → 签约 → 落户. */
export const intakeRecordSchema = z.object({
  id: idSchema,
  kind: intakeKindSchema,
  name: z.string().min(1).max(64),
  organization: z.string().max(96),
  /** Personal data: masked (`138****5678`) for viewers. */
  phone: z.string().max(32),
  channelCode: codeSchema,
  eventCode: codeSchema.nullable(),
  tierCode: codeSchema,
  industryCode: codeSchema,
  townCode: codeSchema,
  stage: intakeStageSchema,
  stageDates: intakeStageDatesSchema,
  officerId: idSchema,
  officerName: z.string(),
  /** Planned investment of a project, in 万元 (10,000 CNY). */
  investment: z.number().nonnegative().nullable(),
  note: z.string().max(2000),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  version: versionSchema,
});
export type IntakeRecord = z.infer<typeof intakeRecordSchema>;

export const intakeFilterSchema = dateRangeQuerySchema.extend({
  channel: multiValueSchema.optional(),
  stage: z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(intakeStageSchema)).optional(),
  tier: multiValueSchema.optional(),
  industry: multiValueSchema.optional(),
  town: multiValueSchema.optional(),
  event: multiValueSchema.optional(),
  officer: multiValueSchema.optional(),
  kind: intakeKindSchema.optional(),
  /** Only records that came from a recruitment event (引才活动). */
  hasEvent: z.enum(['true']).optional(),
  /** Landing (落户) date range, inclusive; records not landed never match. */
  landedFrom: isoDateSchema.optional(),
  landedTo: isoDateSchema.optional(),
  /** Investment range in 万元, inclusive; records without an investment never match. */
  investmentMin: z.coerce.number().nonnegative().max(10_000_000).optional(),
  investmentMax: z.coerce.number().nonnegative().max(10_000_000).optional(),
});
export type IntakeFilter = z.infer<typeof intakeFilterSchema>;

export const intakeListQuerySchema = listQuerySchema.extend(intakeFilterSchema.shape);
export type IntakeListQuery = z.infer<typeof intakeListQuerySchema>;

const intakeInputShape = {
  kind: intakeKindSchema,
  name: writtenTextSchema(64),
  organization: z.string().trim().max(96),
  phone: z
    .string()
    .trim()
    .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})?$/, 'phone'),
  channelCode: codeSchema,
  eventCode: codeSchema.nullable(),
  tierCode: codeSchema,
  industryCode: codeSchema,
  townCode: codeSchema,
  officerId: idSchema,
  investment: z.number().nonnegative().max(10_000_000).nullable(),
  note: z.string().max(2000),
};
export const intakeRecordCreateSchema = z.object(intakeInputShape);
export type IntakeRecordCreate = z.infer<typeof intakeRecordCreateSchema>;
export const intakeRecordUpdateSchema = z.object(intakeInputShape);
export type IntakeRecordUpdate = z.infer<typeof intakeRecordUpdateSchema>;

export const intakeStageAdvanceSchema = z.object({
  stage: intakeStageSchema,
  on: isoDateSchema,
});
export type IntakeStageAdvance = z.infer<typeof intakeStageAdvanceSchema>;

/** Reassigns the records picked one by one, or every record a filter matches (the server counts them). */
export const intakeBulkReassignSchema = z.union([
  z.object({ ids: z.array(idSchema).min(1).max(500), officerId: idSchema }),
  z.object({ filter: intakeFilterSchema.extend({ q: z.string().max(100).optional() }), officerId: idSchema }),
]);
export type IntakeBulkReassign = z.infer<typeof intakeBulkReassignSchema>;
/** The most records one bulk action may change when it is given a filter. */
export const BULK_FILTER_LIMIT = 5000;
export const bulkResultSchema = z.object({ updated: z.number().int().nonnegative() });
