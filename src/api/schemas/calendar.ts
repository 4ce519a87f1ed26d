import { z } from 'zod';
import { isoDateSchema, isoDateTimeSchema, versionSchema } from './common';

/**
 * One year's official holiday arrangement: weekdays off (`off`) and weekend days worked (调休,
 * `work`). Deadlines in working days are counted on these; an administrator enters each year's
 * as the State Council publishes it.
 */
export const holidayYearSchema = z.object({
  year: z.number().int().min(1900).max(2100),
  off: z.array(isoDateSchema),
  work: z.array(isoDateSchema),
  /** Where it comes from (the notice's title or number). */
  source: z.string().max(200),
  updatedAt: isoDateTimeSchema.nullable(),
  updatedByName: z.string().nullable(),
  version: versionSchema,
});
export type HolidayYear = z.infer<typeof holidayYearSchema>;

/** A year in the address as written: four digits (not 0x7EA, 02026 or " 2026"). */
export const holidayYearParamsSchema = z.object({
  year: z
    .string()
    .regex(/^\d{4}$/, 'a year of four digits')
    .transform(Number)
    .pipe(z.number().int().min(1900).max(2100)),
});

/** A whole year's arrangement, replacing the stored one (If-Match its version; a new year has none). */
export const holidayYearUpdateSchema = z.object({
  off: z.array(isoDateSchema).max(40),
  work: z.array(isoDateSchema).max(20),
  source: z.string().trim().max(200),
});
export type HolidayYearUpdate = z.infer<typeof holidayYearUpdateSchema>;
