import { can, TALENT_OFFICE_DEPARTMENT } from '../../src/api/permissions';
import type { Page } from '../../src/api/schemas/common';
import {
  caseActionRefusal,
  caseTimeLimits,
  heldStatuses,
  MAX_DEADLINE_DAYS,
  involvesDepartment,
  lapsedWorkingDays,
  lapseNoticeSent,
  openAssists,
  type CaseRefusal,
} from '../../src/api/schemas/case-workflow';
import type { FieldError } from '../../src/api/schemas/common';
import type {
  CaseAccept,
  CaseAction,
  CaseAnswer,
  CaseAssign,
  CaseAssistReport,
  CaseAssistRequest,
  CaseClassify,
  CaseMerge,
  CaseDispatchBody,
  CaseEscalate,
  CaseExtensionDecision,
  CaseExtensionRequest,
  CaseFollowUp,
  CasePrioritize,
  CaseRemind,
  CaseResume,
  CaseReturn,
  CaseReviewReturn,
  CaseSendBack,
  CaseSupervise,
  CaseSuspend,
  ServiceCase,
  ServiceCaseCreate,
  ServiceCaseListQuery,
  ServiceRecord,
  ServiceRecordListQuery,
} from '../../src/api/schemas/service-cases';
import { recordAudit } from './audit';
import type { RuleContext } from './context';
import { addDays, compareInstants, cstDay, toCstIso } from './dates';
import { maskAddress, maskIdNumber, maskPhone } from './masking';
import { problems } from './problem';
import { checkReferences } from './references';
import { checkVersion, saveVersioned } from './versioning';
import { parseSort } from './sorting';
import { caseSortFields, serviceRecordSortFields, type Picked } from '../store';
import { caseScope } from './scope';
import { caseQueueFrame } from './case-queue';
import { loadWorkingCalendar } from './calendar';
import * as lifecycle from './case-lifecycle';
import type { CaseMove } from './case-lifecycle';

function inCaseScope(ctx: RuleContext, serviceCase: ServiceCase): boolean {
  const { departmentCode } = caseScope(ctx);
  return departmentCode === null || involvesDepartment(serviceCase, departmentCode);
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

/** 服务清单: the services delivered, newest first unless sorted otherwise. */
export function listServiceRecords(
  ctx: RuleContext,
  query: ServiceRecordListQuery & Picked,
): Promise<Page<ServiceRecord>> {
  return ctx.store.serviceRecords.list(query, parseSort(query.sort, serviceRecordSortFields, '-on'));
}

export async function listServiceCases(
  ctx: RuleContext,
  query: ServiceCaseListQuery & Picked,
): Promise<Page<ServiceCase>> {
  const sort = parseSort(query.sort, caseSortFields, 'stageDueAt');
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
  // Who may register comes first: another department learns nothing of the months or categories.
  if (ctx.user.departmentCode !== TALENT_OFFICE_DEPARTMENT) {
    throw problems.forbidden('Only the talent office registers demands');
  }
  const month = await ctx.store.serviceMonths.get(input.monthId);
  const dictionaries = await ctx.store.dictionaries.get();
  checkReferences(
    dictionaries,
    [['categoryCode', 'demandCategories', input.categoryCode]],
    month ? [] : [{ field: 'monthId', code: 'unknown_code', message: 'unknown service month' }],
  );
  const prefix = `SC-${month!.year}-`;
  const serial = await ctx.store.nextSerial(prefix);
  const move = await caseMove(ctx, input.categoryCode);
  const serviceCase = lifecycle.registerCase(
    {
      ...input,
      id: `${prefix}${String(serial).padStart(4, '0')}`,
      // Asked for later, when the case needs them.
      requesterIdNumber: null,
      requesterAddress: null,
    },
    move,
  );
  await ctx.store.serviceCases.insert(serviceCase);
  await recordAudit(ctx, 'serviceCase', serviceCase.id, 'create', null, serviceCase);
  return presentServiceCase(ctx, serviceCase);
}

/** The time limit of a demand category in working days (the campaign's 7 when it has none). */
async function timeLimitOf(ctx: RuleContext, categoryCode: string): Promise<number> {
  const category = (await ctx.store.dictionaries.get()).demandCategories.find((c) => c.code === categoryCode);
  return category?.timeLimitDays ?? 7;
}

/** An action's now, actor and calendar, for the lifecycle's changes. */
async function caseMove(ctx: RuleContext, categoryCode: string): Promise<CaseMove> {
  return {
    now: toCstIso(ctx.now()),
    actor: ctx.user,
    calendar: await loadWorkingCalendar(ctx),
    timeLimitDays: await timeLimitOf(ctx, categoryCode),
  };
}

type Change = (current: ServiceCase, move: CaseMove) => Partial<ServiceCase> | Promise<Partial<ServiceCase>>;

const conditionRefusals: Record<Exclude<CaseRefusal, 'role' | 'department' | 'status'>, string> = {
  returnable: 'The objection to this dispatch was overruled: the department handles the case',
  extensionPending: 'No extension is awaiting a decision',
  noExtensionPending: 'An extension is already awaiting a decision',
  escalable: 'A case is escalated once, after two rounds or once a department has returned it',
  assistsReported: 'The lead department answers once every assisting department has reported',
};

/** Why the workflow refuses an action, as the API answers it. */
function refusal(action: CaseAction, current: ServiceCase, reason: CaseRefusal) {
  switch (reason) {
    case 'role':
      return problems.forbidden(`Your role may not take "${action}" on a case`);
    case 'department':
      return problems.forbidden(
        current.departmentCode === null
          ? `Only the talent office takes "${action}" on a case`
          : `"${action}" is not your department's to take on this case`,
      );
    case 'status':
      return problems.invalidTransition(`"${action}" is not allowed on a case that is ${current.status}`);
    default:
      return problems.invalidTransition(conditionRefusals[reason]);
  }
}

/**
 * Every case action: scope (404), version (428/409), the workflow table (403 for the role or the
 * department, 409 for the state), then the change (which may refuse the request's content),
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
  const move = await caseMove(ctx, current.categoryCode);
  const next: ServiceCase = {
    ...current,
    ...(await change(current, move)),
    version: current.version + 1,
    updatedAt: move.now,
  };
  await saveVersioned(ctx.store.serviceCases, current, next, (c) => presentServiceCase(ctx, c));
  await recordAudit(ctx, 'serviceCase', id, action, current, next);
  return presentServiceCase(ctx, next);
}

/** A deadline's day a year ahead at most: a later one is a slip of the keyboard (or year 2101). */
function tooFarErrors(ctx: RuleContext, field: string, day: string): FieldError[] {
  const today = cstDay(ctx.now());
  const latest = addDays(today, MAX_DEADLINE_DAYS);
  return day > latest
    ? [{ field, code: 'date_out_of_range', params: { from: today, to: latest }, message: `must be by ${latest}` }]
    : [];
}

function dueAtErrors(ctx: RuleContext, field: string, dueAt: string): FieldError[] {
  if (compareInstants(dueAt, ctx.now()) <= 0) {
    return [{ field, code: 'not_future', message: 'must be in the future' }];
  }
  return tooFarErrors(ctx, field, cstDay(dueAt));
}

/** The officer named for a department's case: an active member of it, or none. */
async function officerOf(ctx: RuleContext, assigneeId: string | null, departmentCode: string) {
  if (assigneeId === null) return null;
  const officer = await ctx.store.users.get(assigneeId);
  if (!officer || !officer.active || officer.departmentCode !== departmentCode) {
    throw problems.validation([
      { field: 'assigneeId', code: 'inactive_assignee', message: 'must be an active member of the department' },
    ]);
  }
  return officer;
}

async function departmentErrors(ctx: RuleContext, departmentCode: string): Promise<void> {
  checkReferences(await ctx.store.dictionaries.get(), [['departmentCode', 'departments', departmentCode]]);
}

/** 派单 / 改派: the talent office sends the case to a lead department, optionally to one of its officers. */
export function dispatchServiceCase(ctx: RuleContext, id: string, input: CaseDispatchBody, ifMatch: number | null) {
  return act(ctx, id, 'dispatch', ifMatch, async (current, move) => {
    await departmentErrors(ctx, input.departmentCode);
    // 改派 hands the case to another department; its own officer is changed by 指定承办人.
    if (current.departmentCode === input.departmentCode && heldStatuses.includes(current.status)) {
      throw problems.validation([
        {
          field: 'departmentCode',
          code: 'current_department',
          message: 'already holds the case: name its officer instead',
        },
      ]);
    }
    const officer = await officerOf(ctx, input.assigneeId, input.departmentCode);
    return lifecycle.dispatchCase(current, move, input.departmentCode, officer);
  });
}

export function signServiceCase(ctx: RuleContext, id: string, ifMatch: number | null) {
  return act(ctx, id, 'sign', ifMatch, (current, move) => lifecycle.signCase(current, move));
}

export function returnServiceCase(ctx: RuleContext, id: string, input: CaseReturn, ifMatch: number | null) {
  return act(ctx, id, 'return', ifMatch, (current, move) => lifecycle.returnCase(current, move, input.reason));
}

export function reviewReturnOfServiceCase(
  ctx: RuleContext,
  id: string,
  input: CaseReviewReturn,
  ifMatch: number | null,
) {
  return act(ctx, id, 'reviewReturn', ifMatch, async (current, move) => {
    const returnedBy = current.dispatches.at(-1)!.departmentCode;
    if (input.decision === 'uphold') {
      return lifecycle.reviewReturnCase(current, move, { ...input, departmentCode: returnedBy });
    }
    await departmentErrors(ctx, input.departmentCode);
    if (input.departmentCode === returnedBy) {
      throw problems.validation([
        {
          field: 'departmentCode',
          code: 'same_department',
          message: 'send it to another department, or uphold the dispatch',
        },
      ]);
    }
    return lifecycle.reviewReturnCase(current, move, input);
  });
}

/** 分派: the handling officer, within the lead department (by the department or the talent office). */
export function assignServiceCase(ctx: RuleContext, id: string, input: CaseAssign, ifMatch: number | null) {
  return act(ctx, id, 'assign', ifMatch, async (current) => {
    const officer = await officerOf(ctx, input.assigneeId, current.departmentCode!);
    return { assigneeId: officer?.id ?? null, assigneeName: officer?.displayName ?? null };
  });
}

export function suspendServiceCase(ctx: RuleContext, id: string, input: CaseSuspend, ifMatch: number | null) {
  return act(ctx, id, 'suspend', ifMatch, (current, move) => lifecycle.suspendCase(current, move, input.reason));
}

export function resumeServiceCase(ctx: RuleContext, id: string, _input: CaseResume, ifMatch: number | null) {
  return act(ctx, id, 'resume', ifMatch, (current, move) => lifecycle.resumeCase(current, move));
}

/** 延期申请: asked by the lead department at least a working day before the deadline, for a later one. */
export function requestServiceCaseExtension(
  ctx: RuleContext,
  id: string,
  input: CaseExtensionRequest,
  ifMatch: number | null,
) {
  return act(ctx, id, 'requestExtension', ifMatch, (current, move) => {
    const lastDay = move.calendar.previousWorkingDay(cstDay(current.dueAt));
    if (cstDay(move.now) > lastDay) {
      throw problems.invalidTransition(
        `An extension is asked by the working day before the deadline (${lastDay}); the case is due ${current.dueAt}`,
      );
    }
    const errors = dueAtErrors(ctx, 'dueAt', input.dueAt);
    // One extension is at most one more time limit of the category (办理时限) past the deadline.
    const latest = move.calendar.addWorkingDays(cstDay(current.dueAt), move.timeLimitDays);
    if (errors.length === 0 && compareInstants(input.dueAt, current.dueAt) <= 0) {
      errors.push({
        field: 'dueAt',
        code: 'not_later',
        params: { dueAt: current.dueAt },
        message: 'must be later than the deadline',
      });
    } else if (errors.length === 0 && cstDay(input.dueAt) > latest) {
      errors.push({
        field: 'dueAt',
        code: 'extension_too_long',
        params: { latest, days: move.timeLimitDays },
        message: `at most ${move.timeLimitDays} working days past the deadline (${latest})`,
      });
    }
    if (errors.length > 0) throw problems.validation(errors);
    return lifecycle.requestExtension(current, move, toCstIso(input.dueAt), input.reason);
  });
}

export function decideServiceCaseExtension(
  ctx: RuleContext,
  id: string,
  input: CaseExtensionDecision,
  ifMatch: number | null,
) {
  return act(ctx, id, 'decideExtension', ifMatch, (current, move) =>
    lifecycle.decideExtension(current, move, input.decision, input.note),
  );
}

export async function answerServiceCase(ctx: RuleContext, id: string, input: CaseAnswer, ifMatch: number | null) {
  const citedPolicyCode = input.citedPolicyCode ?? null;
  checkReferences(await ctx.store.dictionaries.get(), [['citedPolicyCode', 'policies', citedPolicyCode]]);
  return act(ctx, id, 'answer', ifMatch, (current, move) =>
    lifecycle.answerCase(current, move, input.countermeasure, citedPolicyCode),
  );
}

export function acceptServiceCase(ctx: RuleContext, id: string, _input: CaseAccept, ifMatch: number | null) {
  return act(ctx, id, 'accept', ifMatch, (_current, move) => lifecycle.acceptCase(move));
}

export function sendBackServiceCase(ctx: RuleContext, id: string, input: CaseSendBack, ifMatch: number | null) {
  return act(ctx, id, 'sendBack', ifMatch, (current, move) => lifecycle.sendBackCase(current, move, input.reason));
}

/** 回访: closes the case, or redoes it when the requester is unsatisfied for the department's reason. */
export function followUpServiceCase(ctx: RuleContext, id: string, input: CaseFollowUp, ifMatch: number | null) {
  return act(ctx, id, 'followUp', ifMatch, (current, move) => lifecycle.followUpCase(current, move, input));
}

/** 催办; formally (催办通知书, to the department's head) once its deadline has lapsed by 5 working days. */
export function remindServiceCase(ctx: RuleContext, id: string, input: CaseRemind, ifMatch: number | null) {
  return act(ctx, id, 'remind', ifMatch, (current, move) => {
    if (input.formal) {
      const lapsed = lapsedWorkingDays(current, move.now, move.calendar);
      if (lapsed < caseTimeLimits.lapseNotice) {
        throw problems.invalidTransition(
          `A written notice (催办通知书) follows a deadline lapsed by ${caseTimeLimits.lapseNotice} working days; this case's has lapsed by ${lapsed}`,
        );
      }
      if (lapseNoticeSent(current)) {
        throw problems.invalidTransition('A written notice (催办通知书) was already sent for this deadline');
      }
    }
    return lifecycle.remindCase(current, move, input.formal ? 'lapseNotice' : 'reminder', input.note);
  });
}

/** A 督办 or 提级 deadline: a day from today to a year ahead. */
function checkDeadlineDay(ctx: RuleContext, deadline: string) {
  const errors: FieldError[] =
    deadline < cstDay(ctx.now())
      ? [{ field: 'deadline', code: 'not_future', message: 'must not be in the past' }]
      : tooFarErrors(ctx, 'deadline', deadline);
  if (errors.length > 0) throw problems.validation(errors);
}

export function superviseServiceCase(ctx: RuleContext, id: string, input: CaseSupervise, ifMatch: number | null) {
  return act(ctx, id, 'supervise', ifMatch, (current, move) => {
    checkDeadlineDay(ctx, input.deadline);
    return {
      ...lifecycle.remindCase(current, move, 'supervision', input.note),
      supervision: { ...input, byName: ctx.user.displayName, at: move.now },
    };
  });
}

/** 提级: a manager's, on a case redone or returned; the deadline lies ahead. */
export function escalateServiceCase(ctx: RuleContext, id: string, input: CaseEscalate, ifMatch: number | null) {
  return act(ctx, id, 'escalate', ifMatch, (_current, move) => {
    checkDeadlineDay(ctx, input.deadline);
    return lifecycle.escalateCase(move, input);
  });
}

/** 调整优先级: the talent office re-ranks an open case; its deadline is not moved by it. */
export function prioritizeServiceCase(ctx: RuleContext, id: string, input: CasePrioritize, ifMatch: number | null) {
  return act(ctx, id, 'prioritize', ifMatch, () => ({ priority: input.priority }));
}

/**
 * 协办: another department (not the lead, not one still owing a report) is asked for its part; the
 * talent office may be one, to confirm a talent's standing, say.
 */
export function requestServiceCaseAssist(
  ctx: RuleContext,
  id: string,
  input: CaseAssistRequest,
  ifMatch: number | null,
) {
  return act(ctx, id, 'requestAssist', ifMatch, async (current, move) => {
    await departmentErrors(ctx, input.departmentCode);
    const field = 'departmentCode';
    if (input.departmentCode === current.departmentCode) {
      throw problems.validation([
        { field, code: 'lead_department', message: 'must be a department other than the lead' },
      ]);
    }
    if (openAssists(current).some((a) => a.departmentCode === input.departmentCode)) {
      throw problems.validation([{ field, code: 'already_assisting', message: 'has not reported on its request yet' }]);
    }
    return lifecycle.requestAssist(current, move, input.departmentCode, input.request);
  });
}

/** 协办反馈: the assisting department's report to the lead. */
export function reportServiceCaseAssist(ctx: RuleContext, id: string, input: CaseAssistReport, ifMatch: number | null) {
  return act(ctx, id, 'reportAssist', ifMatch, (current, move) =>
    lifecycle.reportAssist(current, move, ctx.user.departmentCode!, input.report),
  );
}

/** Whether two demands come from the same requester: the same person, or the same enterprise. */
const sameRequester = (a: ServiceCase, b: ServiceCase) =>
  a.requesterName === b.requesterName || (a.enterpriseName !== null && a.enterpriseName === b.enterpriseName);

/**
 * 并单: the duplicate closes into the case it repeats: another open case of the same service
 * month, received no later, from the same requester (person or enterprise), not itself merged;
 * a case others were merged into stays where they are counted.
 */
export function mergeServiceCase(ctx: RuleContext, id: string, input: CaseMerge, ifMatch: number | null) {
  return act(ctx, id, 'merge', ifMatch, async (current, move) => {
    const intoId = input.intoId.trim().toUpperCase();
    const error = (code: string, message: string, params?: Record<string, string>) =>
      problems.validation([{ field: 'intoId', code, params, message }]);
    if (intoId === current.id) throw error('same_case', 'must be another case');
    const into = await ctx.store.serviceCases.get(intoId);
    if (!into) throw error('unknown_case', 'no such case', { ids: intoId });
    if (into.mergedInto !== null) {
      throw error('merged_case', `is itself merged into ${into.mergedInto}`, { into: into.mergedInto });
    }
    if (into.monthId !== current.monthId) throw error('other_month', 'must be of the same service month');
    if (into.status === 'closed') throw error('closed_case', 'is closed: dispatch this demand as a new one');
    if (compareInstants(into.receivedAt, current.receivedAt) > 0) {
      throw error('later_case', 'was received after this one: merge that one into this', { into: into.id });
    }
    if (!sameRequester(into, current)) throw error('other_requester', 'is of another requester or enterprise');
    // Duplicates already merged into this one point here: it stays the case they are counted in.
    const repeats = await ctx.store.serviceCases.list(
      { departmentCode: null },
      { mergedInto: current.id, page: 1, pageSize: 1 },
      { field: 'id', descending: false },
      await caseQueueFrame(ctx),
    );
    if (repeats.total > 0) {
      throw error('has_duplicates', `has ${repeats.total} duplicates merged into it`, { count: String(repeats.total) });
    }
    return lifecycle.mergeCase(current, move, into.id);
  });
}

/** 共性/个性: a shared demand joins the pool policy patches draw on. */
export function classifyServiceCase(ctx: RuleContext, id: string, input: CaseClassify, ifMatch: number | null) {
  return act(ctx, id, 'classify', ifMatch, () => ({ commonality: input.commonality }));
}
