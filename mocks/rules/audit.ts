import type { z } from 'zod';
import { can, type Permission } from '../../src/api/permissions';
import type { AuditChange, AuditEntityType, AuditEvent, auditListQuerySchema } from '../../src/api/schemas/audit';
import type { Page } from '../../src/api/schemas/common';
import { compareInstants } from '../../src/lib/calendar';
import type { RuleContext } from './context';
import { toCstIso } from './dates';
import { paginate } from './list';
import { maskAddress, maskIdNumber, maskPhone } from './masking';

const ignoredFields = new Set(['version', 'updatedAt']);

/** Keeps who changed what, field by field, on every update. */
export function recordAudit<T extends object>(
  ctx: RuleContext,
  entityType: AuditEntityType,
  entityId: string,
  action: string,
  before: T | null,
  after: T,
): AuditEvent {
  const changes = Object.keys(after)
    .filter((field) => !ignoredFields.has(field))
    .filter((field) => JSON.stringify(before?.[field as keyof T]) !== JSON.stringify(after[field as keyof T]))
    .map((field) => ({ field, from: before?.[field as keyof T] ?? null, to: after[field as keyof T] }));
  ctx.db.counters.audit = (ctx.db.counters.audit ?? 0) + 1;
  const event: AuditEvent = {
    id: `AE-${String(ctx.db.counters.audit).padStart(6, '0')}`,
    entityType,
    entityId,
    action,
    actorId: ctx.user.id,
    actorName: ctx.user.displayName,
    at: toCstIso(ctx.now()),
    changes,
  };
  ctx.db.auditEvents.push(event);
  return event;
}

/** Whose history a reader may open at all: users' and dictionaries' are the administrator's. */
const readPermission: Partial<Record<AuditEntityType, Permission>> = {
  user: 'user:read',
  dictionary: 'dictionary:manage',
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
  const personal = personalFields[event.entityType];
  if (!personal || can(ctx.user, personal.permission)) return event;
  const changes: AuditChange[] = event.changes.map((change) => {
    const mask = personal.mask[change.field];
    return mask ? { ...change, from: maskValue(change.from, mask), to: maskValue(change.to, mask) } : change;
  });
  return { ...event, changes };
}

export function canReadHistoryOf(ctx: RuleContext, entityType: AuditEntityType): boolean {
  const permission = readPermission[entityType];
  return permission === undefined || can(ctx.user, permission);
}

export function listAuditEvents(
  ctx: RuleContext,
  query: z.infer<typeof auditListQuerySchema>,
  canSee: (entityType: AuditEntityType, entityId: string) => boolean,
): Page<AuditEvent> {
  const events = ctx.db.auditEvents
    .filter((e) => !query.entityType || e.entityType === query.entityType)
    .filter((e) => !query.entityId || e.entityId === query.entityId)
    .filter((e) => canReadHistoryOf(ctx, e.entityType) && canSee(e.entityType, e.entityId))
    .sort((a, b) => compareInstants(b.at, a.at) || b.id.localeCompare(a.id));
  const page = paginate(events, query.page, query.pageSize);
  return { ...page, items: page.items.map((e) => presentAuditEvent(ctx, e)) };
}
