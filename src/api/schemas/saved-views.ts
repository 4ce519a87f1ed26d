import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from './common';

export const savedViewResourceSchema = z.enum(['intakeRecords', 'serviceCases', 'policyPatches']);
export type SavedViewResource = z.infer<typeof savedViewResourceSchema>;

/** A named table view: the URL query of filters, sort and page size, private or shared with the team. */
export const savedViewSchema = z.object({
  id: idSchema,
  resource: savedViewResourceSchema,
  name: z.string().min(1).max(40),
  /** The view's query string, without the leading `?`. */
  search: z.string().max(2000),
  shared: z.boolean(),
  ownerId: idSchema,
  ownerName: z.string(),
  createdAt: isoDateTimeSchema,
});
export type SavedView = z.infer<typeof savedViewSchema>;

export const savedViewCreateSchema = z.object({
  resource: savedViewResourceSchema,
  name: z.string().trim().min(1).max(40),
  search: z.string().max(2000),
  shared: z.boolean(),
});
export type SavedViewCreate = z.infer<typeof savedViewCreateSchema>;

export const savedViewListQuerySchema = z.object({ resource: savedViewResourceSchema });

export const officerSchema = z.object({
  id: idSchema,
  displayName: z.string(),
  departmentCode: z.string(),
});
export type Officer = z.infer<typeof officerSchema>;
