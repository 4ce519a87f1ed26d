import { can, TALENT_OFFICE_DEPARTMENT } from '../../src/api/permissions';
import type { Page } from '../../src/api/schemas/common';
import {
  caseActionsByStatus,
  type CaseAction,
  type CaseAnswer,
  type CaseAssign,
  type CaseClose,
  type CaseFollowUp,
  type CaseSupervise,
  type ServiceCase,
  type ServiceCaseCreate,
  type ServiceCaseListQuery,
} from '../../src/api/schemas/service-cases';
import { recordAudit } from './audit';
import type { RuleContext } from './context';
import { addDays, compareInstants, cstDay, isoAt, toCstIso } from './dates';
import { matchesAny, matchesText, paginate, sortItems, type SortAccessors } from './list';
import { maskAddress, maskIdNumber, maskPhone } from './masking';
import { problems } from './problem';
import { checkReferences } from './references';
import { checkVersion } from './versioning';

const priorityRank = { low: 0, normal: 1, high: 2, urgent: 3 } as const;
const sortAccessors: SortAccessors<ServiceCase> = {
  id: (c) => c.id,
  // Instants sort as moments: a due time sent as `…Z` and one stored as `…+08:00` compare rightly.
  receivedAt: (c) => Date.parse(c.receivedAt),
  dueAt: (c) => Date.parse(c.dueAt),
  priority: (c) => priorityRank[c.priority],
  status: (c) => c.status,
  updatedAt: (c) => Date.parse(c.updatedAt),
  department: (c) => c.departmentCode,
  category: (c) => c.categoryCode,
};

/** The talent office sees every case; another department only the cases assigned to it. */
export function inCaseScope(ctx: RuleContext, serviceCase: ServiceCase): boolean {
  return ctx.user.departmentCode === TALENT_OFFICE_DEPARTMENT || serviceCase.departmentCode === ctx.user.departmentCode;
}

export function isOpen(serviceCase: ServiceCase): boolean {
  return serviceCase.status !== 'closed';
}

/** Waiting for a countermeasure: the SLA due time measures this part of the work. */
export function awaitsAnswer(serviceCase: ServiceCase): boolean {
  return serviceCase.status === 'new' || serviceCase.status === 'assigned' || serviceCase.status === 'reopened';
}

/** Overdue: unanswered past its SLA due time, or open past its supervision (督办) deadline. */
export function isOverdue(serviceCase: ServiceCase, now: Date): boolean {
  if (!isOpen(serviceCase)) return false;
  const supervisionDue = serviceCase.supervision ? isoAt(serviceCase.supervision.deadline, 23, 59) : null;
  return (
    (awaitsAnswer(serviceCase) && compareInstants(serviceCase.dueAt, now) < 0) ||
    (supervisionDue !== null && compareInstants(supervisionDue, now) < 0)
  );
}

export function presentServiceCase(ctx: RuleContext, serviceCase: ServiceCase): ServiceCase {
  if (can(ctx.user, 'personal:read')) return serviceCase;
  return {
    ...serviceCase,
    requesterPhone: maskPhone(serviceCase.requesterPhone),
    requesterIdNumber: maskIdNumber(serviceCase.requesterIdNumber),
    requesterAddress: maskAddress(serviceCase.requesterAddress),
  };
}

export function scopedServiceCases(ctx: RuleContext, monthId?: string): ServiceCase[] {
  const result: ServiceCase[] = [];
  for (const c of ctx.db.serviceCases.values()) {
    if ((!monthId || c.monthId === monthId) && inCaseScope(ctx, c)) result.push(c);
  }
  return result;
}

export function listServiceCases(ctx: RuleContext, query: ServiceCaseListQuery): Page<ServiceCase> {
  const now = ctx.now();
  const filtered = scopedServiceCases(ctx, query.month).filter(
    (c) =>
      matchesAny(query.status, c.status) &&
      matchesAny(query.priority, c.priority) &&
      matchesAny(query.category, c.categoryCode) &&
      matchesAny(query.department, c.departmentCode) &&
      matchesAny(query.assignee, c.assigneeId) &&
      (query.overdue === undefined || isOverdue(c, now) === (query.overdue === 'true')) &&
      (query.supervised === undefined || (c.supervision !== null && isOpen(c)) === (query.supervised === 'true')) &&
      matchesText(query.q, c.id, c.title, c.requesterName, c.enterpriseName),
  );
  const page = paginate(sortItems(filtered, query.sort, sortAccessors, 'dueAt'), query.page, query.pageSize);
  return { ...page, items: page.items.map((c) => presentServiceCase(ctx, c)) };
}

export function getServiceCase(ctx: RuleContext, id: string): ServiceCase {
  const serviceCase = ctx.db.serviceCases.get(id);
  // Out of scope looks the same as missing: another department learns nothing.
  if (!serviceCase || !inCaseScope(ctx, serviceCase)) throw problems.notFound(`Service case ${id}`);
  return serviceCase;
}

export function createServiceCase(ctx: RuleContext, input: ServiceCaseCreate): ServiceCase {
  const month = ctx.db.serviceMonths.get(input.monthId);
  checkReferences(
    ctx.db,
    [['categoryCode', 'demandCategories', input.categoryCode]],
    month ? [] : [{ field: 'monthId', code: 'unknown_code', message: 'unknown service month' }],
  );
  if (ctx.user.departmentCode !== TALENT_OFFICE_DEPARTMENT) {
    throw problems.forbidden('Only the talent office registers demands');
  }
  const serial = [...ctx.db.serviceCases.values()].filter((c) => c.monthId === input.monthId).length + 1;
  const now = toCstIso(ctx.now());
  const slaDays = { low: 30, normal: 20, high: 10, urgent: 5 }[input.priority];
  const serviceCase: ServiceCase = {
    ...input,
    id: `SC-${month!.year}-${String(serial).padStart(4, '0')}`,
    requesterIdNumber: null,
    requesterAddress: null,
    status: 'new',
    departmentCode: null,
    assigneeId: null,
    assigneeName: null,
    receivedAt: now,
    dueAt: isoAt(addDays(cstDay(ctx.now()), slaDays), 18),
    countermeasure: null,
    answeredAt: null,
    closedAt: null,
    supervision: null,
    followUp: null,
    linkedPatchId: null,
    updatedAt: now,
    version: 1,
  };
  ctx.db.serviceCases.set(serviceCase.id, serviceCase);
  recordAudit(ctx, 'serviceCase', serviceCase.id, 'create', null, serviceCase);
  return presentServiceCase(ctx, serviceCase);
}

type Change = (current: ServiceCase) => Partial<ServiceCase>;

/** Every case action: scope, version, workflow state, then the change, versioned and audited. */
function act(ctx: RuleContext, id: string, action: CaseAction, ifMatch: number | null, change: Change): ServiceCase {
  const current = getServiceCase(ctx, id);
  checkVersion(current, ifMatch, (c) => presentServiceCase(ctx, c));
  if (!caseActionsByStatus[current.status].includes(action)) {
    throw problems.invalidTransition(`"${action}" is not allowed on a case that is ${current.status}`);
  }
  const next: ServiceCase = {
    ...current,
    ...change(current),
    version: current.version + 1,
    updatedAt: toCstIso(ctx.now()),
  };
  ctx.db.serviceCases.set(id, next);
  recordAudit(ctx, 'serviceCase', id, action, current, next);
  return presentServiceCase(ctx, next);
}

export function assignServiceCase(ctx: RuleContext, id: string, input: CaseAssign, ifMatch: number | null) {
  const errors = [];
  const assignee = input.assigneeId ? ctx.db.users.get(input.assigneeId) : null;
  if (input.assigneeId && (!assignee || !assignee.active || assignee.departmentCode !== input.departmentCode)) {
    errors.push({
      field: 'assigneeId',
      code: 'inactive_assignee',
      message: 'must be an active member of the department',
    });
  }
  if (compareInstants(input.dueAt, ctx.now()) <= 0)
    errors.push({ field: 'dueAt', code: 'not_future', message: 'must be in the future' });
  checkReferences(ctx.db, [['departmentCode', 'departments', input.departmentCode]], errors);
  if (ctx.user.departmentCode !== TALENT_OFFICE_DEPARTMENT && input.departmentCode !== ctx.user.departmentCode) {
    throw problems.forbidden('Only the talent office moves a case to another department');
  }
  return act(ctx, id, 'assign', ifMatch, () => ({
    status: 'assigned',
    departmentCode: input.departmentCode,
    assigneeId: assignee?.id ?? null,
    assigneeName: assignee?.displayName ?? null,
    dueAt: input.dueAt,
  }));
}

export function answerServiceCase(ctx: RuleContext, id: string, input: CaseAnswer, ifMatch: number | null) {
  return act(ctx, id, 'answer', ifMatch, () => ({
    status: 'answered',
    countermeasure: input.countermeasure,
    answeredAt: toCstIso(ctx.now()),
  }));
}

export function closeServiceCase(ctx: RuleContext, id: string, _input: CaseClose, ifMatch: number | null) {
  return act(ctx, id, 'close', ifMatch, () => ({ status: 'closed', closedAt: toCstIso(ctx.now()) }));
}

/** The follow-up visit; an unsatisfied requester reopens the case. */
export function followUpServiceCase(ctx: RuleContext, id: string, input: CaseFollowUp, ifMatch: number | null) {
  const followUp = { ...input, byName: ctx.user.displayName, at: toCstIso(ctx.now()) };
  return act(ctx, id, 'followUp', ifMatch, () =>
    input.satisfaction === 'unsatisfied' ? { followUp, status: 'reopened', closedAt: null } : { followUp },
  );
}

export function superviseServiceCase(ctx: RuleContext, id: string, input: CaseSupervise, ifMatch: number | null) {
  if (input.deadline < cstDay(ctx.now())) {
    throw problems.validation([{ field: 'deadline', code: 'not_future', message: 'must not be in the past' }]);
  }
  return act(ctx, id, 'supervise', ifMatch, () => ({
    supervision: { ...input, byName: ctx.user.displayName, at: toCstIso(ctx.now()) },
  }));
}
