import { caseTimeLimits, openAssists, pendingExtension } from '../../src/api/schemas/case-workflow';
import type { CaseAssist, CaseDispatch, Satisfaction, ServiceCase } from '../../src/api/schemas/service-cases';
import type { User } from '../../src/api/schemas/auth';
import { compareInstants } from '../../src/lib/calendar';
import type { WorkingCalendar } from '../../src/lib/working-days';
import { cstDay, isoAt } from './dates';

/**
 * What each lifecycle action changes on a case, as pure functions: the rules apply them after
 * checking who asks and what they sent, and the demo data is generated through the same ones, so
 * the two cannot drift apart. Deadlines count working days on the holiday calendar and fall at
 * 18:00 of their last day.
 */
export interface CaseMove {
  /** When, as an instant in China time. */
  now: string;
  actor: Pick<User, 'id' | 'displayName'>;
  calendar: WorkingCalendar;
  /** The case's category's time limit in working days (办理时限). */
  timeLimitDays: number;
}

/** What a demand is registered with: who asks for what, and its personal data. */
export type CaseRegistration = Pick<
  ServiceCase,
  | 'id'
  | 'monthId'
  | 'requesterType'
  | 'requesterName'
  | 'enterpriseName'
  | 'requesterPhone'
  | 'requesterIdNumber'
  | 'requesterAddress'
  | 'categoryCode'
  | 'title'
  | 'description'
  | 'priority'
>;

/**
 * 登记: a new demand, to be dispatched within a working day; its answer deadline is provisional
 * (dispatch, sign-off and the category's limit) until a department signs for it.
 */
export function registerCase(
  registration: CaseRegistration,
  move: Pick<CaseMove, 'now' | 'calendar' | 'timeLimitDays'>,
): ServiceCase {
  return {
    ...registration,
    status: 'new',
    departmentCode: null,
    assigneeId: null,
    assigneeName: null,
    receivedAt: move.now,
    dueAt: dueAfter(move, caseTimeLimits.dispatch + caseTimeLimits.sign + move.timeLimitDays),
    stageDueAt: dueAfter(move, caseTimeLimits.dispatch),
    round: 1,
    dispatches: [],
    signedAt: null,
    extensions: [],
    suspensions: [],
    notices: [],
    assists: [],
    mergedInto: null,
    commonality: null,
    accepted: null,
    sentBack: null,
    countermeasure: null,
    citedPolicyCode: null,
    answeredAt: null,
    handlingWorkingDays: null,
    closedAt: null,
    supervision: null,
    escalation: null,
    followUp: null,
    linkedPatchId: null,
    updatedAt: move.now,
    version: 1,
  };
}

type Change = Partial<ServiceCase>;
type Officer = Pick<User, 'id' | 'displayName'> | null;

/** 18:00 of the `n`th working day after the move (n = 0: today, or the next working day). */
export const dueAfter = (move: Pick<CaseMove, 'now' | 'calendar'>, n: number) =>
  isoAt(move.calendar.addWorkingDays(cstDay(move.now), n), 18);

const signature = (move: CaseMove) => ({ byName: move.actor.displayName, at: move.now });

/** The open 协办 requests `which` picks, withdrawn now: kept, and owed no more. */
function withdrawAssists(c: ServiceCase, move: CaseMove, which: (a: CaseAssist) => boolean): CaseAssist[] {
  const open = openAssists(c);
  return c.assists.map((a) => (open.includes(a) && which(a) ? { ...a, withdrawnAt: move.now } : a));
}

/** The last dispatch, changed. */
function withLastDispatch(c: ServiceCase, change: Partial<CaseDispatch>): CaseDispatch[] {
  return c.dispatches.map((d, i) => (i === c.dispatches.length - 1 ? { ...d, ...change } : d));
}

/**
 * 派单 (or 改派): to a lead department, which has one working day to sign or return it. What the
 * department it leaves had in hand ends with it: a suspension ends now, an extension not yet
 * decided is withdrawn, and the new lead's own open 协办 request is moot.
 */
export function dispatchCase(
  c: ServiceCase,
  move: CaseMove,
  departmentCode: string,
  officer: Officer,
  upheld = false,
): Change {
  const signDueAt = dueAfter(move, caseTimeLimits.sign);
  return {
    ...(c.suspensions.at(-1)?.resumedAt === null ? { suspensions: endSuspension(c, move).suspensions } : {}),
    extensions: c.extensions.map((e) =>
      e.decision === null
        ? { ...e, decision: 'withdrawn' as const, decidedByName: move.actor.displayName, decidedAt: move.now }
        : e,
    ),
    assists: withdrawAssists(c, move, (a) => a.departmentCode === departmentCode),
    status: 'dispatched',
    departmentCode,
    assigneeId: officer?.id ?? null,
    assigneeName: officer?.displayName ?? null,
    dispatches: [
      ...c.dispatches,
      { departmentCode, ...signature(move), signDueAt, signedAt: null, upheld, returned: null },
    ],
    signedAt: null,
    // Until it is signed: the sign-off day plus the category's limit.
    dueAt: dueAfter(move, caseTimeLimits.sign + move.timeLimitDays),
    stageDueAt: signDueAt,
  };
}

/** 签收: the clock starts; the signer handles it unless an officer was named. */
export function signCase(c: ServiceCase, move: CaseMove): Change {
  const dueAt = dueAfter(move, move.timeLimitDays);
  return {
    status: 'inProgress',
    signedAt: move.now,
    dispatches: withLastDispatch(c, { signedAt: move.now }),
    assigneeId: c.assigneeId ?? move.actor.id,
    assigneeName: c.assigneeName ?? move.actor.displayName,
    dueAt,
    stageDueAt: dueAt,
  };
}

/** 退单: back to the talent office, which decides the objection within a working day. */
export function returnCase(c: ServiceCase, move: CaseMove, reason: string): Change {
  const reviewDueAt = dueAfter(move, caseTimeLimits.review);
  return {
    status: 'returned',
    dispatches: withLastDispatch(c, {
      returned: {
        reason,
        ...signature(move),
        reviewDueAt,
        decision: null,
        decisionNote: '',
        decidedByName: null,
        decidedAt: null,
      },
    }),
    assigneeId: null,
    assigneeName: null,
    stageDueAt: reviewDueAt,
  };
}

/**
 * 异议审核: the objection stands, and the case goes to another department; or it is overruled,
 * and the case goes back to the department that returned it, which may not return it again.
 */
export function reviewReturnCase(
  c: ServiceCase,
  move: CaseMove,
  review: { decision: 'redispatch' | 'uphold'; note: string; departmentCode: string },
): Change {
  const last = c.dispatches.at(-1)!;
  const reviewed: ServiceCase = {
    ...c,
    dispatches: withLastDispatch(c, {
      returned: {
        ...last.returned!,
        decision: review.decision,
        decisionNote: review.note,
        decidedByName: move.actor.displayName,
        decidedAt: move.now,
      },
    }),
  };
  const upheld = review.decision === 'uphold';
  return dispatchCase(reviewed, move, upheld ? last.departmentCode : review.departmentCode, null, upheld);
}

/** 挂起: the clock stops. */
export function suspendCase(c: ServiceCase, move: CaseMove, reason: string): Change {
  return {
    status: 'suspended',
    suspensions: [...c.suspensions, { reason, ...signature(move), resumedAt: null, pausedWorkingDays: null }],
    stageDueAt: null,
  };
}

/** The open suspension ended now, with the working days it lasted. */
function endSuspension(c: ServiceCase, move: CaseMove): { suspensions: ServiceCase['suspensions']; paused: number } {
  const open = c.suspensions.at(-1)!;
  const paused = move.calendar.workingDaysBetween(cstDay(open.at), cstDay(move.now));
  return {
    suspensions: c.suspensions.map((s) => (s === open ? { ...s, resumedAt: move.now, pausedWorkingDays: paused } : s)),
    paused,
  };
}

/** 恢复: the deadline moves by the working days the case waited (a pending extension's date with it). */
export function resumeCase(c: ServiceCase, move: CaseMove): Change {
  const { suspensions, paused } = endSuspension(c, move);
  const later = (instant: string) =>
    isoAt(
      move.calendar.addWorkingDays(cstDay(instant), paused),
      Number(instant.slice(11, 13)),
      Number(instant.slice(14, 16)),
    );
  const dueAt = paused === 0 ? c.dueAt : later(c.dueAt);
  return {
    status: 'inProgress',
    suspensions,
    dueAt,
    stageDueAt: dueAt,
  };
}

export function requestExtension(c: ServiceCase, move: CaseMove, dueAt: string, reason: string): Change {
  return {
    extensions: [
      ...c.extensions,
      {
        requestedDueAt: dueAt,
        previousDueAt: c.dueAt,
        reason,
        ...signature(move),
        decision: null,
        decisionNote: '',
        decidedByName: null,
        decidedAt: null,
      },
    ],
  };
}

/** 延期审批: an approved extension is the new deadline (and counts as on time). */
export function decideExtension(
  c: ServiceCase,
  move: CaseMove,
  decision: 'approved' | 'refused',
  note: string,
): Change {
  const pending = pendingExtension(c)!;
  const extensions = c.extensions.map((e) =>
    e === pending
      ? { ...e, decision, decisionNote: note, decidedByName: move.actor.displayName, decidedAt: move.now }
      : e,
  );
  if (decision === 'refused') return { extensions };
  const dueAt = pending.requestedDueAt;
  // While dispatched the stage is the sign-off, while suspended there is none: only handling moves.
  return { extensions, dueAt, ...(c.status === 'inProgress' ? { stageDueAt: dueAt } : {}) };
}

export function answerCase(
  c: ServiceCase,
  move: CaseMove,
  countermeasure: string,
  citedPolicyCode: string | null,
): Change {
  // The time paused since this department signed (a suspension before a 改派 was another's).
  const paused = c.suspensions
    .filter((s) => c.signedAt !== null && compareInstants(s.at, c.signedAt) >= 0)
    .reduce((days, s) => days + (s.pausedWorkingDays ?? 0), 0);
  const handled =
    c.signedAt === null ? null : move.calendar.workingDaysBetween(cstDay(c.signedAt), cstDay(move.now)) - paused;
  return {
    status: 'answered',
    countermeasure,
    citedPolicyCode,
    answeredAt: move.now,
    handlingWorkingDays: handled === null ? null : Math.max(0, handled),
    stageDueAt: dueAfter(move, caseTimeLimits.accept),
  };
}

/** 审核通过: the answer stands; the requester is visited within three working days. */
export function acceptCase(move: CaseMove): Change {
  return {
    status: 'visiting',
    accepted: signature(move),
    sentBack: null,
    stageDueAt: dueAfter(move, caseTimeLimits.followUp),
  };
}

/** 退回: the answer is not good enough; the department works on against its deadline. */
export function sendBackCase(c: ServiceCase, move: CaseMove, reason: string): Change {
  return { status: 'inProgress', sentBack: { reason, ...signature(move) }, stageDueAt: c.dueAt };
}

/**
 * 回访: satisfied, or unsatisfied for a reason outside the department, closes the case (结案);
 * unsatisfied for the department's own reason redoes it (重办) with a new deadline.
 */
export function followUpCase(
  c: ServiceCase,
  move: CaseMove,
  visit: { satisfaction: Satisfaction; attributable: boolean; note: string },
): Change {
  const attributable = visit.satisfaction === 'unsatisfied' && visit.attributable;
  const followUp = { ...visit, attributable, ...signature(move) };
  if (!attributable) return { followUp, status: 'closed', closedAt: move.now, stageDueAt: null };
  const dueAt = dueAfter(move, move.timeLimitDays);
  return { followUp, status: 'inProgress', round: c.round + 1, dueAt, stageDueAt: dueAt, sentBack: null };
}

export function remindCase(
  c: ServiceCase,
  move: CaseMove,
  kind: ServiceCase['notices'][number]['kind'],
  note: string,
): Change {
  const lapsedDueAt = kind === 'lapseNotice' ? c.stageDueAt : null;
  return { notices: [...c.notices, { kind, departmentCode: c.departmentCode, note, lapsedDueAt, ...signature(move) }] };
}

/** 提级: taken up by a task force or the leadership, with its own deadline (the department still answers). */
export function escalateCase(
  move: CaseMove,
  escalation: { level: 'taskForce' | 'leadership'; reason: string; deadline: string },
): Change {
  return { escalation: { ...escalation, ...signature(move) } };
}

/** 协办: another department is asked for its part, to report to the lead within its sub-deadline. */
export function requestAssist(c: ServiceCase, move: CaseMove, departmentCode: string, request: string): Change {
  const dueAt = dueAfter(move, caseTimeLimits.assist);
  return {
    assists: [...c.assists, { departmentCode, request, ...signature(move), dueAt, report: null, withdrawnAt: null }],
  };
}

/** 协办反馈: the assisting department's report to the lead, on its open request. */
export function reportAssist(c: ServiceCase, move: CaseMove, departmentCode: string, text: string): Change {
  return {
    assists: c.assists.map((a) =>
      a.departmentCode === departmentCode && openAssists(c).includes(a)
        ? { ...a, report: { text, ...signature(move) } }
        : a,
    ),
  };
}

/** 并单: the duplicate closes into the case it repeats, with nothing left for anyone to do. */
export function mergeCase(c: ServiceCase, move: CaseMove, intoId: string): Change {
  return {
    status: 'closed',
    mergedInto: intoId,
    closedAt: move.now,
    stageDueAt: null,
    // An assisting department owes nothing on a case closed into another.
    assists: withdrawAssists(c, move, () => true),
  };
}
