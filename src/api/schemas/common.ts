import { z } from 'zod';

/** Stable identifiers such as `SC-2024-00017`. */
export const idSchema = z.string().min(1).max(64);
/** Codes of reference data (dictionary entries), e.g. `channel.event`. */
export const codeSchema = z.string().min(1).max(64);
/**
 * Years the office works in, 1900–2100: a year beyond is a typing mistake, and the calendar and
 * PostgreSQL's dates have no room for some (year 0000, or 10000 once a `Z` time becomes China time).
 */
const workingYears = /^(19\d\d|20\d\d|2100)-/;
export const isoDateTimeSchema = z.iso.datetime({ offset: true }).regex(workingYears, 'year out of range');
export const isoDateSchema = z.iso.date().regex(workingYears, 'year out of range');
/**
 * Whether text has something to read: not only white space, invisible format characters
 * (zero-width spaces, direction marks), which a trim leaves in place, combining marks with
 * nothing to combine with, and the letters drawn blank (the Hangul fillers, the braille blank).
 */
export const hasVisibleText = (text: string) =>
  text.replace(/[\s\p{Cf}\p{M}\u115F\u1160\u3164\uFFA0\u2800]/gu, '').length > 0;

/**
 * Text a person must write: trimmed, not empty, something in it to read, at most `max` long. An
 * empty text is reported once, as missing, not also as unreadable.
 */
export const writtenTextSchema = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((text) => text === '' || hasVisibleText(text), 'visible');

/** Optimistic-concurrency token: sent back as `If-Match`, bumped on every update. */
export const versionSchema = z.number().int().nonnegative();

export const sortSchema = z.string().regex(/^-?[a-zA-Z]+$/, 'sort must be a field name, optionally prefixed by "-"');

/** Repeated query keys (`?channel=a&channel=b`) arrive as a string or a string array. */
export const multiValueSchema = z.preprocess(
  (value) => (typeof value === 'string' ? [value] : value),
  z.array(codeSchema).max(50),
);

/** The most rows an export of picked rows names (their ids travel in the address). */
export const MAX_PICKED_IDS = 500;
/** Rows picked by id: one (`?id=a`) or several (`?id=a&id=b`). */
export const pickedIdsSchema = z.preprocess(
  (value) => (typeof value === 'string' ? [value] : value),
  z.array(idSchema).min(1).max(MAX_PICKED_IDS),
);

export const listQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  sort: sortSchema.optional(),
  q: z.string().trim().max(100).optional(),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().nonnegative(),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
  });
}
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export const dateRangeQuerySchema = z.object({
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
});

/** RFC 9457 problem details, with field errors on 400/422 and the current resource on 409. */
/**
 * One field's error: `code` says which rule (a schema check such as `too_big`, or a rule such as
 * `inactive_assignee`) and `params` its limits, so a client words it in the user's language;
 * `message` is the server's own words, for logs and for clients that know no better.
 */
export const fieldErrorSchema = z.object({
  field: z.string(),
  message: z.string(),
  code: z.string().max(40).optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

export const problemCodeSchema = z.enum([
  'bad_request',
  'validation_failed',
  'unauthenticated',
  'invalid_credentials',
  'forbidden',
  'not_found',
  'version_conflict',
  'precondition_required',
  'invalid_transition',
  'internal',
]);
export type ProblemCode = z.infer<typeof problemCodeSchema>;

export const problemDetailsSchema = z.object({
  type: z.string().default('about:blank'),
  title: z.string(),
  status: z.number().int().min(400).max(599),
  detail: z.string().optional(),
  instance: z.string().optional(),
  code: problemCodeSchema.optional(),
  errors: z.array(fieldErrorSchema).optional(),
  /** On 409: the resource as the server holds it now. */
  current: z.unknown().optional(),
});
export type ProblemDetails = z.infer<typeof problemDetailsSchema>;
