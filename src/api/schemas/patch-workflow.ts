import { can, TALENT_OFFICE_DEPARTMENT, type Permission, type Subject } from '../permissions';
import type { PatchStatus, PolicyPatch } from './policy-patches';

export type PatchMove = 'draft' | 'consult' | 'redraft' | 'submit' | 'sendBack' | 'issue' | 'evaluate' | 'withdraw';

/** One move of the patch workflow: from which statuses, to which, by whom, and what it needs. */
export interface PatchStep {
  from: readonly PatchStatus[];
  to: PatchStatus;
  /** The permission it needs (the role). */
  permission: Permission;
  /**
   * `note`: a reason, kept in the stages; `clause`: the amended clause drafted (a patch goes out
   * for comment with its text); `effect`: the effect of at least one month reported.
   */
  needs: 'note' | 'clause' | 'effect' | null;
}

/**
 * The patch workflow as one table: the API refuses what it does not allow, the board and the
 * detail offer only what it allows, and the tests walk it. Every move is also the talent office's
 * or the lead department's (牵头单位) alone.
 *
 * - 起草 draft, 征求意见 consult (once the clause is drafted), 提交审议 submit: officers make the patch.
 * - 退回修改 redraft: consultation sends it back to drafting, saying why.
 * - 审议退回 sendBack and 发布 issue: the review is a manager's.
 * - 开展评估 evaluate: once issued and its effect has been reported.
 * - 撤回 withdraw: a manager's decision, with a reason, at any stage before issue.
 */
export const patchWorkflow: Record<PatchMove, PatchStep> = {
  draft: { from: ['collected'], to: 'drafting', permission: 'patch:propose', needs: null },
  consult: { from: ['drafting'], to: 'consultation', permission: 'patch:propose', needs: 'clause' },
  redraft: { from: ['consultation'], to: 'drafting', permission: 'patch:propose', needs: 'note' },
  submit: { from: ['consultation'], to: 'review', permission: 'patch:propose', needs: null },
  sendBack: { from: ['review'], to: 'drafting', permission: 'patch:approve', needs: 'note' },
  issue: { from: ['review'], to: 'issued', permission: 'patch:approve', needs: null },
  evaluate: { from: ['issued'], to: 'evaluating', permission: 'patch:propose', needs: 'effect' },
  withdraw: {
    from: ['collected', 'drafting', 'consultation', 'review'],
    to: 'withdrawn',
    permission: 'patch:approve',
    needs: 'note',
  },
};

const moves = Object.keys(patchWorkflow) as PatchMove[];

/** The move that takes a patch in `from` to `to`, if the workflow has one. */
export function patchMoveBetween(from: PatchStatus, to: PatchStatus): PatchMove | null {
  return moves.find((move) => patchWorkflow[move].from.includes(from) && patchWorkflow[move].to === to) ?? null;
}

/** Whether the user works on the patch: the talent office does on every patch, a department on those it leads. */
export function worksOnPatch(subject: Subject, patch: Pick<PolicyPatch, 'leadDepartmentCode'>): boolean {
  return subject.departmentCode === TALENT_OFFICE_DEPARTMENT || subject.departmentCode === patch.leadDepartmentCode;
}

/** Why a move is refused, or null when the user may make it on the patch now (needs apart). */
export function patchMoveRefusal(
  subject: Subject,
  patch: Pick<PolicyPatch, 'status' | 'leadDepartmentCode'>,
  move: PatchMove,
): 'status' | 'role' | 'department' | null {
  const step = patchWorkflow[move];
  if (!can(subject, step.permission)) return 'role';
  if (!worksOnPatch(subject, patch)) return 'department';
  if (!step.from.includes(patch.status)) return 'status';
  return null;
}

/** The moves the user may make on the patch now, in the workflow's order. */
export function patchMovesFor(
  subject: Subject,
  patch: Pick<PolicyPatch, 'status' | 'leadDepartmentCode'>,
): PatchMove[] {
  return moves.filter((move) => patchMoveRefusal(subject, patch, move) === null);
}

/** Statuses in which the effect of an issued patch is reported. */
export const patchEffectStatuses: readonly PatchStatus[] = ['issued', 'evaluating'];
