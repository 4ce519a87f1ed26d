import { can, TALENT_OFFICE_DEPARTMENT, type Permission, type Subject } from '../permissions';
import type { CaseAction, CaseStatus, ServiceCase } from './service-cases';

/** One action of the case workflow: in which states, by whom, and where it leads. */
export interface CaseStep {
  /** The statuses it may be taken in. */
  from: readonly CaseStatus[];
  /** The permission it needs (the role). */
  permission: Permission;
  /** Only the talent office (人才办) takes it: a department's officer may not. */
  officeOnly: boolean;
  /** The status after it; `null` keeps the status (a follow-up decides by the answer). */
  to: CaseStatus | null;
}

const open: readonly CaseStatus[] = ['new', 'assigned', 'answered', 'reopened'];

/**
 * The casework workflow as one table of states, actions, roles and guards: the API refuses what it
 * does not allow, the UI offers only what it allows, and the tests walk it. New states and
 * actions (the hotline lifecycle) are added as rows.
 *
 * - 分派 assign: the talent office dispatches a case to a department (and sets its deadline); a
 *   department may hand its own case to another of its officers, never move the deadline.
 * - 答复 answer: the department gives the countermeasure (对策).
 * - 办结 close, 回访 follow-up, 督办 supervise: the talent office's.
 * - 调整优先级 prioritize: the talent office raises or lowers an open case's priority; the
 *   deadline stays as it is (moving it is an assignment's).
 */
export const caseWorkflow: Record<CaseAction, CaseStep> = {
  assign: { from: open, permission: 'case:triage', officeOnly: false, to: 'assigned' },
  answer: { from: ['assigned', 'reopened'], permission: 'case:triage', officeOnly: false, to: 'answered' },
  close: { from: ['answered'], permission: 'case:triage', officeOnly: true, to: 'closed' },
  followUp: { from: ['closed'], permission: 'case:triage', officeOnly: true, to: null },
  supervise: { from: open, permission: 'case:supervise', officeOnly: true, to: null },
  prioritize: { from: open, permission: 'case:triage', officeOnly: true, to: null },
};

/**
 * A closed case waits for its follow-up visit (回访) until it has had one since it was closed: an
 * unsatisfied visit reopens a case, so a closed case whose last visit was unsatisfied has been
 * answered and closed again since, and is due another.
 */
export function awaitsFollowUp(serviceCase: Pick<ServiceCase, 'status' | 'followUp'>): boolean {
  return (
    serviceCase.status === 'closed' &&
    (serviceCase.followUp === null || serviceCase.followUp.satisfaction === 'unsatisfied')
  );
}

/** Why an action is refused, or null when the user may take it on the case now. */
export function caseActionRefusal(
  subject: Subject,
  serviceCase: Pick<ServiceCase, 'status' | 'followUp'>,
  action: CaseAction,
): 'status' | 'role' | 'department' | null {
  const step = caseWorkflow[action];
  if (!can(subject, step.permission)) return 'role';
  if (step.officeOnly && subject.departmentCode !== TALENT_OFFICE_DEPARTMENT) return 'department';
  if (!step.from.includes(serviceCase.status)) return 'status';
  if (action === 'followUp' && !awaitsFollowUp(serviceCase)) return 'status';
  return null;
}

/** The actions the user may take on the case now, in the workflow's order. */
export function caseActionsFor(subject: Subject, serviceCase: Pick<ServiceCase, 'status' | 'followUp'>): CaseAction[] {
  return (Object.keys(caseWorkflow) as CaseAction[]).filter(
    (action) => caseActionRefusal(subject, serviceCase, action) === null,
  );
}

/** Whether the user's department sets deadlines (the talent office does; departments keep them). */
export const setsDeadlines = (subject: Subject) => subject.departmentCode === TALENT_OFFICE_DEPARTMENT;
