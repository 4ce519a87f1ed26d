import type { AuditEntityType, AuditEvent } from '../../src/api/schemas/audit';
import type { Page } from '../../src/api/schemas/common';
import type { z } from 'zod';
import type { auditListQuerySchema } from '../../src/api/schemas/audit';
import type { RuleContext } from './context';
import { toCstIso } from './dates';
import { paginate } from './list';

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

export function listAuditEvents(
  ctx: RuleContext,
  query: z.infer<typeof auditListQuerySchema>,
  canSee: (entityType: AuditEntityType, entityId: string) => boolean,
): Page<AuditEvent> {
  const events = ctx.db.auditEvents
    .filter((e) => !query.entityType || e.entityType === query.entityType)
    .filter((e) => !query.entityId || e.entityId === query.entityId)
    .filter((e) => canSee(e.entityType, e.entityId))
    .sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id));
  return paginate(events, query.page, query.pageSize);
}
