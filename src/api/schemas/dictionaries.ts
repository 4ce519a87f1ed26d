import { z } from 'zod';
import { codeSchema } from './common';

/** One entry of reference data. Lists are served by the API, never hard-coded in the UI. */
export const dictionaryEntrySchema = z.object({
  code: codeSchema,
  name: z.string().min(1).max(64),
  nameEn: z.string().min(1).max(96),
  order: z.number().int(),
  active: z.boolean(),
});
export type DictionaryEntry = z.infer<typeof dictionaryEntrySchema>;

export const industryGroupSchema = z.enum(['leading', 'emerging', 'future']);
export const industrySchema = dictionaryEntrySchema.extend({
  /** The "2+6+X" layout: 2 leading, 6 emerging, X future industries. */
  group: industryGroupSchema,
});
export type Industry = z.infer<typeof industrySchema>;

export const flagshipEventSchema = dictionaryEntrySchema.extend({
  channelCode: codeSchema,
});
export type FlagshipEvent = z.infer<typeof flagshipEventSchema>;

export const departmentSchema = dictionaryEntrySchema.extend({
  kind: z.enum(['office', 'bureau', 'town']),
});
export type Department = z.infer<typeof departmentSchema>;

/** A kind of demand, with the working days its lead department has to answer it (办理时限). */
export const demandCategorySchema = dictionaryEntrySchema.extend({
  timeLimitDays: z.number().int().min(1).max(60),
});
export type DemandCategory = z.infer<typeof demandCategorySchema>;

export const policyLevelSchema = z.enum(['core', 'specialised', 'rule']);
export type PolicyLevel = z.infer<typeof policyLevelSchema>;
/** A policy of the "1+N+X" system: 1 core policy, N specialised policies, X implementation rules. */
export const policySchema = dictionaryEntrySchema.extend({
  level: policyLevelSchema,
  parentCode: codeSchema.nullable(),
  issuedOn: z.iso.date(),
});
export type Policy = z.infer<typeof policySchema>;

export const dictionariesSchema = z.object({
  channels: z.array(dictionaryEntrySchema),
  events: z.array(flagshipEventSchema),
  talentTiers: z.array(dictionaryEntrySchema),
  industries: z.array(industrySchema),
  towns: z.array(dictionaryEntrySchema),
  departments: z.array(departmentSchema),
  demandCategories: z.array(demandCategorySchema),
  policies: z.array(policySchema),
});
export type Dictionaries = z.infer<typeof dictionariesSchema>;
export const dictionaryKindSchema = z.enum([
  'channels',
  'events',
  'talentTiers',
  'industries',
  'towns',
  'departments',
  'demandCategories',
  'policies',
]);
export type DictionaryKind = z.infer<typeof dictionaryKindSchema>;

export const dictionaryEntryUpdateSchema = z.object({
  name: z.string().trim().min(1).max(64),
  nameEn: z.string().trim().min(1).max(96),
  order: z.number().int(),
  active: z.boolean(),
  /** Demand categories only: the time limit in working days. */
  timeLimitDays: z.number().int().min(1).max(60).optional(),
});
export type DictionaryEntryUpdate = z.infer<typeof dictionaryEntryUpdateSchema>;
