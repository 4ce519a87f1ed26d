import { z } from 'zod';
import { idSchema, isoDateTimeSchema, listQuerySchema } from './common';

/**
 * What a history event is of; `export` is a file exported (its filters and row count), `import`
 * a demand list imported into a service month (the file, its rows, what was created).
 */
export const auditEntityTypeSchema = z.enum([
  'intakeRecord',
  'policyPatch',
  'serviceCase',
  'user',
  'dictionary',
  'export',
  'import',
]);
export type AuditEntityType = z.infer<typeof auditEntityTypeSchema>;

export const auditChangeSchema = z.object({
  field: z.string(),
  from: z.unknown(),
  to: z.unknown(),
});
export type AuditChange = z.infer<typeof auditChangeSchema>;

/**
 * Every change to a record is kept: who, when, what changed. A reader gets the history as they
 * may see the record: personal data in `changes` masked without the right to read it, and the
 * history of users and dictionaries for administrators only.
 */
export const auditEventSchema = z.object({
  id: idSchema,
  entityType: auditEntityTypeSchema,
  entityId: idSchema,
  action: z.string().max(32),
  actorId: idSchema,
  actorName: z.string(),
  at: isoDateTimeSchema,
  changes: z.array(auditChangeSchema),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditListQuerySchema = listQuerySchema.extend({
  entityType: auditEntityTypeSchema.optional(),
  entityId: idSchema.optional(),
});
