import { can, TALENT_OFFICE_DEPARTMENT, type Permission, type Subject } from '../permissions';
import { addDays, chinaDay, chinaIsoAt, compareInstants, type Day } from '../../lib/calendar';
import type { WorkingCalendar } from '../../lib/working-days';
import {
  caseStatusSchema,
  DUE_SOON_WORKING_DAYS,
  type CaseAction,
  type CaseStatus,
  type ServiceCase,
} from './service-cases';

/**
 * Who of the case's chain takes an action: the talent office (人才办), the lead department (主办,
 * the one the case is dispatched to; the talent office itself when it answers directly, 直办),
 * either, or an assisting department (协办) whose report the case still awaits.
 */
export type CaseActor = 'office' | 'lead' | 'leadOrOffice' | 'assist';

/** What a case must be, beyond its status, for an action; each names why it is refused. */
export type CaseCondition = 'returnable' | 'extensionPending' | 'noExtensionPending' | 'escalable' | 'assistsReported';

/** One action of the case workflow: in which states, by whom, and where it leads. */
export interface CaseStep {
  /** The statuses it may be taken in. */
  from: readonly CaseStatus[];
  /** The permission it needs (the role). */
  permission: Permission;
  by: CaseActor;
  /** The status after it; `null` keeps the status, or the request decides (a review, a visit). */
  to: CaseStatus | null;
  when?: CaseCondition;
}

const every: readonly CaseStatus[] = caseStatusSchema.options;
/** Not closed: the priority may change. */
const open = every.filter((status) => status !== 'closed');
/** With a lead department that has it in hand, or is about to: what 我的待办 lists of an officer's. */
export const heldStatuses: readonly CaseStatus[] = ['dispatched', 'inProgress', 'suspended'];
const held = heldStatuses;

/**
 * The hotline lifecycle (12345 practice, as the city's departments already work it) as one table
 * of states, actions, roles and conditions: the API refuses what it does not allow, the UI offers
 * only what it allows, and the tests walk it.
 *
 * - 派单 dispatch: the talent office sends a case to a lead department (or moves it, 改派).
 * - 签收 sign / 退单 return: the department accepts it (its clock starts) or returns it with a
 *   reason; 异议审核 reviewReturn: the talent office sends it elsewhere or upholds the dispatch, and
 *   a department whose objection was overruled may not return the case again.
 * - 分派 assign: the handling officer within the lead department.
 * - 挂起 suspend / 恢复 resume: the clock stops while the requester is awaited.
 * - 延期申请 requestExtension / 延期审批 decideExtension: more time, asked by the department at
 *   least a working day before the deadline and decided by a manager of the talent office.
 * - 办结 answer: the lead department's countermeasure; 审核 accept / 退回 sendBack by the office.
 * - 回访 followUp: satisfied closes the case (结案); unsatisfied for a reason the department
 *   caused redoes it (重办) with a new deadline.
 * - 催办 remind, 督办 supervise: the talent office urges the department that holds the case;
 *   提级 escalate: a manager hands a case unresolved after two rounds, or returned by a department
 *   and passed on, to a task force (专班) or the leadership, with its own deadline;
 *   调整优先级 prioritize: on any open case.
 * - 协办 requestAssist: the lead department (or the talent office) asks another department for its
 *   part, by a sub-deadline; 协办反馈 reportAssist: that department reports to the lead, and the
 *   lead answers only once every assisting department has reported.
 * - 并单 merge: the talent office closes a duplicate (same requester or enterprise, same problem)
 *   into the case it repeats, before any department works on it; it is counted there, once.
 * - 共性/个性 classify: the talent office tags a demand as shared (it joins the pool policy patches
 *   draw on) or individual, at any stage.
 */
export const caseWorkflow: Record<CaseAction, CaseStep> = {
  dispatch: {
    from: ['new', 'dispatched', 'inProgress', 'suspended'],
    permission: 'case:triage',
    by: 'office',
    to: 'dispatched',
  },
  sign: { from: ['dispatched'], permission: 'case:triage', by: 'lead', to: 'inProgress' },
  return: { from: ['dispatched'], permission: 'case:triage', by: 'lead', to: 'returned', when: 'returnable' },
  reviewReturn: { from: ['returned'], permission: 'case:triage', by: 'office', to: 'dispatched' },
  assign: { from: held, permission: 'case:triage', by: 'leadOrOffice', to: null },
  suspend: { from: ['inProgress'], permission: 'case:triage', by: 'lead', to: 'suspended' },
  resume: { from: ['suspended'], permission: 'case:triage', by: 'leadOrOffice', to: 'inProgress' },
  requestExtension: {
    from: ['inProgress', 'suspended'],
    permission: 'case:triage',
    by: 'lead',
    to: null,
    when: 'noExtensionPending',
  },
  decideExtension: { from: held, permission: 'case:supervise', by: 'office', to: null, when: 'extensionPending' },
  answer: { from: ['inProgress'], permission: 'case:triage', by: 'lead', to: 'answered', when: 'assistsReported' },
  accept: { from: ['answered'], permission: 'case:triage', by: 'office', to: 'visiting' },
  sendBack: { from: ['answered'], permission: 'case:triage', by: 'office', to: 'inProgress' },
  followUp: { from: ['visiting'], permission: 'case:triage', by: 'office', to: null },
  remind: { from: held, permission: 'case:triage', by: 'office', to: null },
  supervise: { from: held, permission: 'case:supervise', by: 'office', to: null },
  escalate: { from: held, permission: 'case:supervise', by: 'office', to: null, when: 'escalable' },
  prioritize: { from: open, permission: 'case:triage', by: 'office', to: null },
  requestAssist: { from: held, permission: 'case:triage', by: 'leadOrOffice', to: null },
  reportAssist: { from: held, permission: 'case:triage', by: 'assist', to: null },
  merge: { from: ['new', 'dispatched', 'returned'], permission: 'case:triage', by: 'office', to: 'closed' },
  classify: { from: every, permission: 'case:triage', by: 'office', to: null },
};

/**
 * The time limits of the lifecycle in working days; the answer's own limit is the demand
 * category's (`timeLimitDays`). A stage is due at 18:00 of its last working day.
 */
export const caseTimeLimits = {
  /** 派单: the talent office dispatches a registered demand. */
  dispatch: 1,
  /** 签收 or 退单. */
  sign: 1,
  /** 异议审核: a return is decided. */
  review: 1,
  /** 审核: an answer is accepted or sent back. */
  accept: 1,
  /** 回访 after acceptance. */
  followUp: 3,
  /** 协办: an assisting department reports to the lead. */
  assist: 3,
  /** A department's deadline lapsed by this many working days raises a 催办通知书 for its head. */
  lapseNotice: 5,
} as const;

/** How far ahead (calendar days) a deadline may be set: a later one is a slip of the keyboard. */
export const MAX_DEADLINE_DAYS = 366;

type CaseFacts = Pick<
  ServiceCase,
  'status' | 'departmentCode' | 'dispatches' | 'extensions' | 'round' | 'escalation' | 'assists'
>;

/** The 协办 requests still awaiting their department's report. */
export const openAssists = (c: Pick<ServiceCase, 'assists'>) =>
  c.assists.filter((a) => a.report === null && a.withdrawnAt === null);

/** Whether a department sees the case: the lead's, or one it is asked to assist with. */
export const involvesDepartment = (c: Pick<ServiceCase, 'departmentCode' | 'assists'>, departmentCode: string) =>
  c.departmentCode === departmentCode || c.assists.some((a) => a.departmentCode === departmentCode);

export const pendingExtension = (c: Pick<ServiceCase, 'extensions'>) =>
  c.extensions.find((e) => e.decision === null) ?? null;

const conditions: Record<CaseCondition, (c: CaseFacts) => boolean> = {
  returnable: (c) => !(c.dispatches.at(-1)?.upheld ?? false),
  extensionPending: (c) => pendingExtension(c) !== null,
  noExtensionPending: (c) => pendingExtension(c) === null,
  escalable: (c) => c.escalation === null && (c.round >= 2 || c.dispatches.some((d) => d.returned !== null)),
  assistsReported: (c) => openAssists(c).length === 0,
};

function actsAs(subject: Subject, c: CaseFacts, by: CaseActor): boolean {
  const office = subject.departmentCode === TALENT_OFFICE_DEPARTMENT;
  const lead = c.departmentCode !== null && subject.departmentCode === c.departmentCode;
  switch (by) {
    case 'office':
      return office;
    case 'lead':
      return lead;
    case 'leadOrOffice':
      return office || lead;
    case 'assist':
      return openAssists(c).some((a) => a.departmentCode === subject.departmentCode);
  }
}

export type CaseRefusal = 'role' | 'department' | 'status' | CaseCondition;

/** Why an action is refused, or null when the user may take it on the case now. */
export function caseActionRefusal(subject: Subject, c: CaseFacts, action: CaseAction): CaseRefusal | null {
  const step = caseWorkflow[action];
  if (!can(subject, step.permission)) return 'role';
  if (!actsAs(subject, c, step.by)) return 'department';
  if (!step.from.includes(c.status)) return 'status';
  if (step.when && !conditions[step.when](c)) return step.when;
  return null;
}

/** The actions the user may take on the case now, in the workflow's order. */
export function caseActionsFor(subject: Subject, c: CaseFacts): CaseAction[] {
  return (Object.keys(caseWorkflow) as CaseAction[]).filter((action) => caseActionRefusal(subject, c, action) === null);
}

export const isOpenCase = (c: Pick<ServiceCase, 'status'>) => c.status !== 'closed';

/**
 * Whose lapsed deadlines a caller is shown as overdue: the talent office every case's; a
 * department only those of cases it leads and holds (to sign, in hand, suspended), not a case it
 * assisted with or one that waits on the talent office.
 */
export const deadlineOwnedBy = (departmentCode: string | null, c: Pick<ServiceCase, 'departmentCode' | 'status'>) =>
  departmentCode === null || (c.departmentCode === departmentCode && heldStatuses.includes(c.status));

/**
 * Where "due soon" (the yellow warning) ends: at midnight after the `DUE_SOON_WORKING_DAYS`th
 * working day after today in China, so on a Friday it reaches past the weekend to Monday.
 */
export function dueSoonBefore(now: string | Date, calendar: WorkingCalendar): string {
  const lastDay = calendar.addWorkingDays(chinaDay(now), DUE_SOON_WORKING_DAYS);
  return chinaIsoAt(addDays(lastDay, 1), 0);
}

/** The earliest deadline set over the case from above (督办 or 提级), as an instant: 23:59 of its day. */
export function oversightDueAt(c: Pick<ServiceCase, 'supervision' | 'escalation'>): string | null {
  const days = [c.supervision?.deadline, c.escalation?.deadline].filter((d): d is string => !!d).sort();
  return days.length === 0 ? null : chinaIsoAt(days[0]!, 23, 59);
}

/** The deadlines an open case is held to now: its stage's, and its supervision's or escalation's. */
function deadlinesOf(c: Pick<ServiceCase, 'status' | 'stageDueAt' | 'supervision' | 'escalation'>): string[] {
  if (!isOpenCase(c)) return [];
  return [c.stageDueAt, oversightDueAt(c)].filter((d): d is string => d !== null);
}

export type CaseWarning = 'overdue' | 'dueSoon';

/** Red when a deadline has passed, yellow when one falls due before the end of the next working day. */
export function caseWarning(
  c: Pick<ServiceCase, 'status' | 'stageDueAt' | 'supervision' | 'escalation'>,
  now: string | Date,
  calendar: WorkingCalendar,
): CaseWarning | null {
  const deadlines = deadlinesOf(c);
  if (deadlines.some((d) => compareInstants(d, now) < 0)) return 'overdue';
  const soon = dueSoonBefore(now, calendar);
  return deadlines.some((d) => compareInstants(d, soon) < 0) ? 'dueSoon' : null;
}

/** Whether the 催办通知书 for the deadline the case is held to now has been written. */
export const lapseNoticeSent = (c: Pick<ServiceCase, 'notices' | 'stageDueAt'>) =>
  c.stageDueAt !== null && c.notices.some((n) => n.kind === 'lapseNotice' && n.lapsedDueAt === c.stageDueAt);

/** Held by a department: its deadline, lapsed long enough, calls for a 催办通知书. */
export const lapsingStatuses: readonly CaseStatus[] = ['dispatched', 'inProgress'];

/**
 * Where "lapsed" ends: a department's stage due before this instant has lapsed by at least
 * `caseTimeLimits.lapseNotice` working days today (today counted when it is a working day).
 */
export function lapsedBefore(now: string | Date, calendar: WorkingCalendar): string {
  let day: Day = chinaDay(now);
  for (let left = caseTimeLimits.lapseNotice; left > 0; day = addDays(day, -1)) {
    if (calendar.isWorkingDay(day)) left--;
  }
  return chinaIsoAt(addDays(day, 1), 0);
}

/** Working days the department's stage deadline has lapsed by (0 when not past, or not a department's stage). */
export function lapsedWorkingDays(
  c: Pick<ServiceCase, 'status' | 'stageDueAt'>,
  now: string | Date,
  calendar: WorkingCalendar,
): number {
  if (!lapsingStatuses.includes(c.status) || c.stageDueAt === null || compareInstants(c.stageDueAt, now) >= 0) return 0;
  return calendar.workingDaysBetween(chinaDay(c.stageDueAt), chinaDay(now));
}
