import { z } from 'zod';
import {
  codeSchema,
  idSchema,
  isoDateSchema,
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

/** Forward moves of the patch workflow; `withdrawn` is reachable from any non-final status. */
export const patchTransitions: Record<PatchStatus, readonly PatchStatus[]> = {
  collected: ['drafting', 'withdrawn'],
  drafting: ['consultation', 'withdrawn'],
  consultation: ['review', 'drafting', 'withdrawn'],
  review: ['issued', 'drafting', 'withdrawn'],
  issued: ['evaluating'],
  evaluating: [],
  withdrawn: [],
};
/** Moves only a manager (or admin) may make: approving for issue. */
export const patchApprovalStatuses: readonly PatchStatus[] = ['issued'];

export const patchEffectSchema = z.object({
  beneficiaries: z.number().int().nonnegative(),
  /** Funds disbursed, in 万元. */
  fundsDisbursed: z.number().nonnegative(),
  assessedOn: isoDateSchema,
});

export const patchStatusChangeSchema = z.object({
  status: patchStatusSchema,
  at: isoDateTimeSchema,
  byName: z.string(),
});

/** 政策补丁: amends a policy of the 1+N+X system to clear a blockage (梗阻). */
export const policyPatchSchema = z.object({
  id: idSchema,
  title: z.string().min(1).max(96),
  policyCode: codeSchema,
  blockage: z.string().min(1).max(1000),
  leadDepartmentCode: codeSchema,
  status: patchStatusSchema,
  demandCaseIds: z.array(idSchema),
  proposedById: idSchema,
  collectedAt: isoDateTimeSchema,
  issuedAt: isoDateTimeSchema.nullable(),
  statusHistory: z.array(patchStatusChangeSchema),
  effect: patchEffectSchema.nullable(),
  updatedAt: isoDateTimeSchema,
  version: versionSchema,
});
export type PolicyPatch = z.infer<typeof policyPatchSchema>;

export const policyPatchListQuerySchema = listQuerySchema.extend({
  status: z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(patchStatusSchema)).optional(),
  policy: multiValueSchema.optional(),
  department: multiValueSchema.optional(),
});
export type PolicyPatchListQuery = z.infer<typeof policyPatchListQuerySchema>;

export const policyPatchCreateSchema = z.object({
  title: z.string().trim().min(1).max(96),
  policyCode: codeSchema,
  blockage: z.string().trim().min(1).max(1000),
  leadDepartmentCode: codeSchema,
  demandCaseIds: z.array(idSchema).max(50),
});
export type PolicyPatchCreate = z.infer<typeof policyPatchCreateSchema>;

export const policyPatchTransitionSchema = z.object({
  status: patchStatusSchema,
  effect: patchEffectSchema.optional(),
});
export type PolicyPatchTransition = z.infer<typeof policyPatchTransitionSchema>;
