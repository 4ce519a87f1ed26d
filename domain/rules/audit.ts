import type { z } from 'zod';
import { can, type Permission } from '../../src/api/permissions';
import {
  auditEntityTypeSchema,
  type AuditChange,
  type AuditEntityType,
  type AuditEvent,
  type auditListQuerySchema,
} from '../../src/api/schemas/audit';
import type { Page } from '../../src/api/schemas/common';
import type { RuleContext } from './context';
import { toCstIso } from './dates';
import type { AuditVisibility } from '../store';
import { caseScope } from './scope';
import { maskAddress, maskIdNumber, maskPhone } from './masking';

const ignoredFields = new Set(['version', 'updatedAt']);

/** Who changed what, field by field: the event an update leaves in the history. */
export function auditEventOf<T extends object>(
  ctx: RuleContext,
  entityType: AuditEntityType,
  entityId: string,
  action: string,
  before: T | null,
  after: T,
): Omit<AuditEvent, 'id'> {
  const changes = Object.keys(after)
    .filter((field) => !ignoredFields.has(field))
    .filter((field) => JSON.stringify(before?.[field as keyof T]) !== JSON.stringify(after[field as keyof T]))
    .map((field) => ({ field, from: before?.[field as keyof T] ?? null, to: after[field as keyof T] }));
  return {
    entityType,
    entityId,
    action,
    actorId: ctx.user.id,
    actorName: ctx.user.displayName,
    at: toCstIso(ctx.now()),
    changes,
  };
}

/** Keeps who changed what, field by field, on every update. */
export async function recordAudit<T extends object>(
  ctx: RuleContext,
  entityType: AuditEntityType,
  entityId: string,
  action: string,
  before: T | null,
  after: T,
): Promise<AuditEvent> {
  return ctx.store.audit.append(auditEventOf(ctx, entityType, entityId, action, before, after));
}

/** Whose history a reader may open at all: users' and dictionaries' are the administrator's. */
const readPermission: Partial<Record<AuditEntityType, Permission>> = {
  user: 'user:read',
  dictionary: 'dictionary:manage',
  export: 'report:export',
  import: 'case:triage',
};

/** The personal data each kind of record holds, how it is masked, and who may read it unmasked. */
const personalFields: Partial<
  Record<AuditEntityType, { permission: Permission; mask: Record<string, (value: string) => string | null> }>
> = {
  intakeRecord: { permission: 'intake:personal:read', mask: { phone: maskPhone } },
  serviceCase: {
    permission: 'personal:read',
    mask: { requesterPhone: maskPhone, requesterIdNumber: maskIdNumber, requesterAddress: maskAddress },
  },
};

function maskValue(value: unknown, mask: (value: string) => string | null): unknown {
  return typeof value === 'string' ? mask(value) : value;
}

/**
 * An event as this reader may see it: the history never shows more than the record itself
 * would, so personal data in recorded changes is masked, on read, for readers without the right.
 */
export function presentAuditEvent(ctx: RuleContext, event: AuditEvent): AuditEvent {
  // A patch's demands may be any department's: a department's reader sees how many, not which.
  if (event.entityType === 'policyPatch' && caseScope(ctx).departmentCode !== null) {
    return { ...event, changes: event.changes.filter((change) => change.field !== 'demandCaseIds') };
  }
  const personal = personalFields[event.entityType];
  if (!personal || can(ctx.user, personal.permission)) return event;
  const changes: AuditChange[] = event.changes.map((change) => {
    const mask = personal.mask[change.field];
    return mask ? { ...change, from: maskValue(change.from, mask), to: maskValue(change.to, mask) } : change;
  });
  return { ...event, changes };
}

export async function listAuditEvents(
  ctx: RuleContext,
  query: z.infer<typeof auditListQuerySchema>,
): Promise<Page<AuditEvent>> {
  const visibility: AuditVisibility = {
    entityTypes: auditEntityTypeSchema.options.filter((type) => {
      const permission = readPermission[type];
      return (
        (permission === undefined || can(ctx.user, permission)) &&
        (type !== 'intakeRecord' || can(ctx.user, 'intake:read'))
      );
    }),
    caseScope: caseScope(ctx),
  };
  const page = await ctx.store.audit.list(query, visibility, query.page, query.pageSize);
  return { ...page, items: page.items.map((e) => presentAuditEvent(ctx, e)) };
}
