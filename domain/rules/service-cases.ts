import { can, TALENT_OFFICE_DEPARTMENT } from '../../src/api/permissions';
import type { Page } from '../../src/api/schemas/common';
import { caseActionRefusal, setsDeadlines } from '../../src/api/schemas/case-workflow';
import type { FieldError } from '../../src/api/schemas/common';
import {
  type CaseAction,
  type CaseAnswer,
  type CaseAssign,
  type CaseClose,
  type CaseFollowUp,
  type CasePrioritize,
  type CaseSupervise,
  type ServiceCase,
  type ServiceCaseCreate,
  type ServiceCaseListQuery,
} from '../../src/api/schemas/service-cases';
import { recordAudit } from './audit';
import type { RuleContext } from './context';
import { addDays, compareInstants, cstDay, isoAt, toCstIso } from './dates';
import { maskAddress, maskIdNumber, maskPhone } from './masking';
import { problems } from './problem';
import { checkReferences } from './references';
import { checkVersion, saveVersioned } from './versioning';
import { parseSort } from './sorting';
import { caseSortFields } from '../store';
import { caseScope } from './scope';
import { caseQueueFrame } from './case-queue';

function inCaseScope(ctx: RuleContext, serviceCase: ServiceCase): boolean {
  const { departmentCode } = caseScope(ctx);
  return departmentCode === null || serviceCase.departmentCode === departmentCode;
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

export async function listServiceCases(ctx: RuleContext, query: ServiceCaseListQuery): Promise<Page<ServiceCase>> {
  const sort = parseSort(query.sort, caseSortFields, 'dueAt');
  const page = await ctx.store.serviceCases.list(caseScope(ctx), query, sort, await caseQueueFrame(ctx));
  return { ...page, items: page.items.map((c) => presentServiceCase(ctx, c)) };
}

export async function getServiceCase(ctx: RuleContext, id: string): Promise<ServiceCase> {
  const serviceCase = await ctx.store.serviceCases.get(id);
  // Out of scope looks the same as missing: another department learns nothing.
  if (!serviceCase || !inCaseScope(ctx, serviceCase)) throw problems.notFound(`Service case ${id}`);
  return serviceCase;
}

export async function createServiceCase(ctx: RuleContext, input: ServiceCaseCreate): Promise<ServiceCase> {
  const month = await ctx.store.serviceMonths.get(input.monthId);
  checkReferences(
    await ctx.store.dictionaries.get(),
    [['categoryCode', 'demandCategories', input.categoryCode]],
    month ? [] : [{ field: 'monthId', code: 'unknown_code', message: 'unknown service month' }],
  );
  if (ctx.user.departmentCode !== TALENT_OFFICE_DEPARTMENT) {
    throw problems.forbidden('Only the talent office registers demands');
  }
  const prefix = `SC-${month!.year}-`;
  const serial = await ctx.store.nextSerial(prefix);
  const now = toCstIso(ctx.now());
  const slaDays = { low: 30, normal: 20, high: 10, urgent: 5 }[input.priority];
  const serviceCase: ServiceCase = {
    ...input,
    id: `${prefix}${String(serial).padStart(4, '0')}`,
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
    citedPolicyCode: null,
    linkedPatchId: null,
    updatedAt: now,
    version: 1,
  };
  await ctx.store.serviceCases.insert(serviceCase);
  await recordAudit(ctx, 'serviceCase', serviceCase.id, 'create', null, serviceCase);
  return presentServiceCase(ctx, serviceCase);
}

type Change = (current: ServiceCase) => Partial<ServiceCase> | Promise<Partial<ServiceCase>>;

/** Why the workflow refuses an action, as the API answers it. */
function refusal(action: CaseAction, current: ServiceCase, reason: 'role' | 'department' | 'status') {
  switch (reason) {
    case 'role':
      return problems.forbidden(`Your role may not take "${action}" on a case`);
    case 'department':
      return problems.forbidden(`Only the talent office takes "${action}" on a case`);
    case 'status':
      return problems.invalidTransition(
        action === 'followUp' && current.status === 'closed'
          ? 'The case has had its follow-up visit since it was closed'
          : `"${action}" is not allowed on a case that is ${current.status}`,
      );
  }
}

/**
 * Every case action: scope (404), version (428/409), the workflow table (403 for the role or the
 * department, 409 for the status), then the change (which may refuse the request's content),
 * versioned and audited.
 */
async function act(
  ctx: RuleContext,
  id: string,
  action: CaseAction,
  ifMatch: number | null,
  change: Change,
): Promise<ServiceCase> {
  const current = await getServiceCase(ctx, id);
  checkVersion(current, ifMatch, (c) => presentServiceCase(ctx, c));
  const refused = caseActionRefusal(ctx.user, current, action);
  if (refused !== null) throw refusal(action, current, refused);
  const next: ServiceCase = {
    ...current,
    ...(await change(current)),
    version: current.version + 1,
    updatedAt: toCstIso(ctx.now()),
  };
  await saveVersioned(ctx.store.serviceCases, current, next, (c) => presentServiceCase(ctx, c));
  await recordAudit(ctx, 'serviceCase', id, action, current, next);
  return presentServiceCase(ctx, next);
}

/** How far ahead a case may be made due. */
const MAX_DUE_DAYS = 366;

function dueAtErrors(ctx: RuleContext, dueAt: string): FieldError[] {
  const today = cstDay(ctx.now());
  const latest = addDays(today, MAX_DUE_DAYS);
  if (compareInstants(dueAt, ctx.now()) <= 0) {
    return [{ field: 'dueAt', code: 'not_future', message: 'must be in the future' }];
  }
  if (cstDay(dueAt) > latest) {
    // A case is due within the year: a later date is a slip of the keyboard (or year 2101).
    return [
      {
        field: 'dueAt',
        code: 'date_out_of_range',
        params: { from: today, to: latest },
        message: `must be by ${latest}`,
      },
    ];
  }
  return [];
}

/**
 * 分派: the talent office sends a case to a department and sets or moves its deadline; a
 * department may hand its own case to another of its officers, keeping the deadline it was given.
 */
export function assignServiceCase(ctx: RuleContext, id: string, input: CaseAssign, ifMatch: number | null) {
  return act(ctx, id, 'assign', ifMatch, async (current) => {
    // The same instant in any offset is the same deadline; another instant is a move.
    const moved = compareInstants(input.dueAt, current.dueAt) !== 0;
    if (!setsDeadlines(ctx.user)) {
      if (input.departmentCode !== ctx.user.departmentCode) {
        throw problems.forbidden('Only the talent office moves a case to another department');
      }
      if (moved) {
        throw problems.forbidden(
          `Only the talent office sets or moves a deadline: send the case's due time ${current.dueAt} unchanged`,
        );
      }
    }
    const errors: FieldError[] = [];
    const assignee = input.assigneeId ? await ctx.store.users.get(input.assigneeId) : null;
    if (input.assigneeId && (!assignee || !assignee.active || assignee.departmentCode !== input.departmentCode)) {
      errors.push({
        field: 'assigneeId',
        code: 'inactive_assignee',
        message: 'must be an active member of the department',
      });
    }
    // A deadline kept as it was is no error, even once it has passed: reassigning an overdue case.
    if (moved) errors.push(...dueAtErrors(ctx, input.dueAt));
    checkReferences(
      await ctx.store.dictionaries.get(),
      [['departmentCode', 'departments', input.departmentCode]],
      errors,
    );
    return {
      status: 'assigned',
      departmentCode: input.departmentCode,
      assigneeId: assignee?.id ?? null,
      assigneeName: assignee?.displayName ?? null,
      // Stored in China time, as every instant, so instants order as text.
      dueAt: toCstIso(input.dueAt),
    };
  });
}

export async function answerServiceCase(ctx: RuleContext, id: string, input: CaseAnswer, ifMatch: number | null) {
  const citedPolicyCode = input.citedPolicyCode ?? null;
  checkReferences(await ctx.store.dictionaries.get(), [['citedPolicyCode', 'policies', citedPolicyCode]]);
  return act(ctx, id, 'answer', ifMatch, () => ({
    status: 'answered',
    countermeasure: input.countermeasure,
    citedPolicyCode,
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
  return act(ctx, id, 'supervise', ifMatch, () => {
    if (input.deadline < cstDay(ctx.now())) {
      throw problems.validation([{ field: 'deadline', code: 'not_future', message: 'must not be in the past' }]);
    }
    return { supervision: { ...input, byName: ctx.user.displayName, at: toCstIso(ctx.now()) } };
  });
}

/** 调整优先级: the talent office re-ranks an open case; its deadline is not moved by it. */
export function prioritizeServiceCase(ctx: RuleContext, id: string, input: CasePrioritize, ifMatch: number | null) {
  return act(ctx, id, 'prioritize', ifMatch, () => ({ priority: input.priority }));
}
