import { z } from 'zod';
import {
  codeSchema,
  writtenTextSchema,
  idSchema,
  isoDateTimeSchema,
  listQuerySchema,
  multiValueSchema,
  versionSchema,
} from './common';

export const patchStatusSchema = z.enum([
  'collected',
  'drafting',
  'consultation',
  'review',
  'issued',
  'evaluating',
  'withdrawn',
]);
export type PatchStatus = z.infer<typeof patchStatusSchema>;

/** Statuses in which a patch is still being made (before its issue or withdrawal). */
export const patchInProgressStatuses: readonly PatchStatus[] = ['collected', 'drafting', 'consultation', 'review'];

/**
 * The effect of an issued patch in one month (the lead department reports it): people who
 * benefited and funds disbursed, in 万元.
 */
export const patchEffectMonthSchema = z.object({
  month: z.string().regex(/^(19\d\d|20\d\d|2100)-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM'),
  beneficiaries: z.number().int().nonnegative().max(10_000_000),
  fundsDisbursed: z.number().nonnegative().max(100_000_000),
});
export type PatchEffectMonth = z.infer<typeof patchEffectMonthSchema>;

export const patchStatusChangeSchema = z.object({
  status: patchStatusSchema,
  at: isoDateTimeSchema,
  byName: z.string(),
  /** Why: required when a patch is sent back or withdrawn. */
  note: z.string().max(500).nullable().default(null),
});

/** 政策补丁: amends a policy of the 1+N+X system to clear a blockage (梗阻). */
export const policyPatchSchema = z.object({
  id: idSchema,
  title: z.string().min(1).max(96),
  policyCode: codeSchema,
  blockage: z.string().min(1).max(1000),
  /** The amended clause (补丁条款): empty until it is drafted. */
  amendment: z.string().max(4000),
  leadDepartmentCode: codeSchema,
  status: patchStatusSchema,
  /** The demands that revealed the blockage, those in the caller's data scope. */
  demandCaseIds: z.array(idSchema),
  /** How many demands are linked, in every department's scope. */
  demandCount: z.number().int().nonnegative(),
  proposedById: idSchema,
  collectedAt: isoDateTimeSchema,
  issuedAt: isoDateTimeSchema.nullable(),
  statusHistory: z.array(patchStatusChangeSchema),
  /** The effect after issue, month by month (oldest first); empty before issue. */
  effects: z.array(patchEffectMonthSchema),
  updatedAt: isoDateTimeSchema,
  version: versionSchema,
});
export type PolicyPatch = z.infer<typeof policyPatchSchema>;

/** A patch's age, in days since it was collected: the aging buckets of the table and the charts. */
export const patchAgeSchema = z.enum(['d30', 'd90', 'd180', 'older']);
export type PatchAge = z.infer<typeof patchAgeSchema>;
/** The days each age bucket ends at (inclusive); the last has no end. */
export const patchAgeLimits: Record<PatchAge, number> = { d30: 30, d90: 90, d180: 180, older: Infinity };

/** The patch table's filters; `policy` names a node of the 1+N+X tree and matches its whole branch. */
export const policyPatchFilterSchema = z.object({
  status: z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(patchStatusSchema)).optional(),
  policy: multiValueSchema.optional(),
  department: multiValueSchema.optional(),
  age: z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(patchAgeSchema)).optional(),
  q: z.string().trim().max(100).optional(),
});
export type PolicyPatchFilter = z.infer<typeof policyPatchFilterSchema>;

export const policyPatchListQuerySchema = listQuerySchema.extend(policyPatchFilterSchema.shape);
export type PolicyPatchListQuery = z.infer<typeof policyPatchListQuerySchema>;

const patchInputShape = {
  title: writtenTextSchema(96),
  policyCode: codeSchema,
  blockage: writtenTextSchema(1000),
  amendment: z.string().trim().max(4000).default(''),
  leadDepartmentCode: codeSchema,
};

/** A new patch (status 征集), from scratch or from the demands that revealed it. */
export const policyPatchCreateSchema = z.object({ ...patchInputShape, demandCaseIds: z.array(idSchema).max(50) });
export type PolicyPatchCreate = z.infer<typeof policyPatchCreateSchema>;

/** The patch's text and ownership, edited while it is being made. */
export const policyPatchUpdateSchema = z.object(patchInputShape);
export type PolicyPatchUpdate = z.infer<typeof policyPatchUpdateSchema>;

/** A move to `status` along the workflow; `note` says why when the move needs a reason. */
export const policyPatchTransitionSchema = z.object({
  status: patchStatusSchema,
  note: z.string().trim().max(500).optional(),
});
export type PolicyPatchTransition = z.infer<typeof policyPatchTransitionSchema>;

/** Demands to link to a patch and to unlink from it (each in the caller's data scope). */
export const policyPatchLinksSchema = z
  .object({
    link: z.array(idSchema).max(50).default([]),
    unlink: z.array(idSchema).max(50).default([]),
  })
  .refine((links) => links.link.length + links.unlink.length > 0, { message: 'nothing to link or unlink' })
  .refine((links) => !links.link.some((id) => links.unlink.includes(id)), {
    message: 'a demand both linked and unlinked',
    path: ['unlink'],
  });
export type PolicyPatchLinks = z.infer<typeof policyPatchLinksSchema>;
