import type { User } from '../../src/api/schemas/auth';
import type { Satisfaction, ServiceCase } from '../../src/api/schemas/service-cases';
import { caseTimeLimits } from '../../src/api/schemas/case-workflow';
import type { WorkingCalendar } from '../../src/lib/working-days';
import * as lifecycle from '../../domain/rules/case-lifecycle';
import { addDays, cstDay, isoAt, toCstIso } from '../../domain/rules/dates';
import type { CaseStep } from './case-history';

const returnReasons = [
  '该事项不属于本单位职责范围，建议转交属地板块办理',
  '诉求涉及多个部门，请明确主办单位',
  '申请人所在企业不在本单位服务范围内',
];
const upholdNotes = ['经核实，该事项属于贵单位职责，请签收办理', '异议理由不充分，请按原派单办理'];
const extensionReasons = [
  '需协调上级部门审批，办理周期较长',
  '等待企业补齐相关证明材料',
  '涉及跨部门会商，需延长办理时限',
];
const sendBackReasons = ['答复未针对诉求要点，请补充具体措施', '未说明办理时限和责任人，请完善后重报'];
const suspendReasons = ['等待申请人补充材料', '申请人出差，暂无法联系核实'];
const remindNotes = ['该件已超期，请抓紧办理并反馈', '请于明日前报送办理进展'];
const lapseNotes = ['该件逾期已满五个工作日，请部门主要负责人督促办理，并于两个工作日内书面反馈'];
const assistRequests = [
  '请核实申请人社保缴纳及人才层次认定情况',
  '请提供相关政策口径及可协调的房源、学位等资源',
  '请协助核实企业经营及纳税情况',
];
const assistReports = [
  '经核实，申请人符合相关条件，同意按政策办理',
  '已提供政策口径，具体以主办部门答复为准',
  '经核查，相关材料齐全，可予支持',
];

/** What a simulated case's lifecycle draws on: the seeded randomness, the calendar, the people. */
export interface CaseSimulation {
  random: () => number;
  calendar: WorkingCalendar;
  /** Nothing happens after this instant (the day before the anchor, at midnight). */
  cutoff: string;
  officeStaff: readonly User[];
  manager: User;
  staffOf: (departmentCode: string) => readonly User[];
  /** The lead department it is dispatched to first. */
  department: string;
  /** Departments a return may be sent on to. */
  bureaus: readonly string[];
  timeLimitDays: number;
  /** Share of delays a slow department takes beyond the usual, ≥ 1. */
  slowness: number;
  answer: { countermeasure: string; citedPolicyCode: string | null; redo: string };
  /** Registered, but not dispatched for days (the office behind). */
  waitsForDispatch: boolean;
  /**
   * Draws for 协办, 并单, 共性/个性 and written notices: a stream of their own, so the rest of the
   * demo data stays as it was before they were simulated.
   */
  coordination: () => number;
  /** A repeat of this earlier case (same requester, same problem): merged into it, not dispatched. */
  duplicateOf: string | null;
}

/**
 * A case's life from registration, through the rules' own lifecycle changes (`case-lifecycle.ts`),
 * as far as the clock allows: each action at a drawn time after the one before, none after the
 * cutoff, so recent cases stop part-way and old ones are closed. Answers the steps, in time order.
 */
export function simulateCase(created: ServiceCase, sim: CaseSimulation): CaseStep[] {
  const { random, calendar } = sim;
  const draw = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const steps: CaseStep[] = [];
  let current = created;
  let clock = created.receivedAt;

  /** 9:00–17:59 of the `n`th working day after the last action. */
  const later = (n: number) =>
    isoAt(calendar.addWorkingDays(cstDay(clock), Math.round(n * sim.slowness)), between(9, 17), between(0, 59));
  /** The action at `at` (or just after the last), unless the clock has run out: the lifecycle's change applied. */
  const take = (
    action: CaseStep['action'],
    at: string,
    actor: User,
    change: (c: ServiceCase, move: lifecycle.CaseMove) => Partial<ServiceCase>,
  ): boolean => {
    const when = at > clock ? at : toCstIso(new Date(Date.parse(clock) + 30 * 60_000));
    if (when > sim.cutoff) return false;
    const partial = change(current, { now: when, actor, calendar, timeLimitDays: sim.timeLimitDays });
    current = { ...current, ...partial };
    steps.push({ action, at: when, actor, change: partial });
    clock = when;
    return true;
  };
  const handler = () => sim.staffOf(current.departmentCode!).find((u) => u.id === current.assigneeId)!;

  const chance = sim.coordination;
  if (sim.duplicateOf !== null) {
    const into = sim.duplicateOf;
    take('merge', later(random() < 0.7 ? 0 : 1), draw(sim.officeStaff), (c, m) => lifecycle.mergeCase(c, m, into));
    return steps;
  }

  let department = sim.department;
  const officer = random() < 0.6 ? draw(sim.staffOf(department)) : null;
  const dispatchAt = sim.waitsForDispatch
    ? later(between(2, 6))
    : toCstIso(new Date(Date.parse(clock) + between(10, 180) * 60_000));
  if (
    !take('dispatch', dispatchAt, draw(sim.officeStaff), (c, m) => lifecycle.dispatchCase(c, m, department, officer))
  ) {
    return steps;
  }

  // The talent office does not return what it took on itself (直办).
  if (random() < 0.08 && department !== 'dept.rcb') {
    const returned = take('return', later(random() < 0.8 ? 0 : 1), draw(sim.staffOf(department)), (c, m) =>
      lifecycle.returnCase(c, m, draw(returnReasons)),
    );
    if (!returned) return steps;
    const uphold = random() < 0.4;
    const next = uphold ? department : draw(sim.bureaus.filter((b) => b !== department));
    const reviewed = take('reviewReturn', later(between(0, 2)), draw(sim.officeStaff), (c, m) =>
      lifecycle.reviewReturnCase(c, m, {
        decision: uphold ? 'uphold' : 'redispatch',
        note: uphold ? draw(upholdNotes) : '',
        departmentCode: next,
      }),
    );
    if (!reviewed) return steps;
    department = next;
  }

  const signer = current.assigneeId ? handler() : draw(sim.staffOf(department));
  const signDays = random() < 0.12 ? between(2, 3) : random() < 0.6 ? 0 : 1;
  if (!take('sign', later(signDays), signer, (c, m) => lifecycle.signCase(c, m))) return steps;

  // 协办: now and then the lead asks another bureau for its part, which reports in about 3 working days.
  if (chance() < 0.12) {
    const helper = sim.bureaus.filter((b) => b !== department)[Math.floor(chance() * (sim.bureaus.length - 1))]!;
    const staff = sim.staffOf(helper);
    const asked = take('requestAssist', later(chance() < 0.7 ? 0 : 1), handler(), (c, m) =>
      lifecycle.requestAssist(c, m, helper, assistRequests[Math.floor(chance() * assistRequests.length)]!),
    );
    if (!asked) return steps;
    const reportDays = chance() < 0.8 ? 1 + Math.floor(chance() * 3) : 4 + Math.floor(chance() * 2);
    const reporter = staff[Math.floor(chance() * staff.length)]!;
    const reported = take('reportAssist', later(reportDays), reporter, (c, m) =>
      lifecycle.reportAssist(c, m, helper, assistReports[Math.floor(chance() * assistReports.length)]!),
    );
    if (!reported) return steps;
  }

  if (random() < 0.05) {
    if (
      !take('suspend', later(between(1, 2)), handler(), (c, m) => lifecycle.suspendCase(c, m, draw(suspendReasons)))
    ) {
      return steps;
    }
    if (!take('resume', later(between(2, 5)), handler(), (c, m) => lifecycle.resumeCase(c, m))) return steps;
  }

  if (created.priority !== 'low' && random() < 0.06) {
    const supervised = take('supervise', later(between(0, 1)), sim.manager, (c, m) => ({
      ...lifecycle.remindCase(c, m, 'supervision', '请加快办理并及时反馈'),
      supervision: {
        deadline: addDays(cstDay(c.dueAt), -1),
        note: '请加快办理并及时反馈',
        byName: sim.manager.displayName,
        at: m.now,
      },
    }));
    if (!supervised) return steps;
  }

  if (random() < 0.1) {
    // Asked in time: by the working day before the deadline, for five working days more.
    const askAt = later(between(1, 4));
    const lastDay = calendar.previousWorkingDay(cstDay(current.dueAt));
    if (cstDay(askAt) <= lastDay) {
      const requestedDueAt = isoAt(calendar.addWorkingDays(cstDay(current.dueAt), 5), 18);
      const asked = take('requestExtension', askAt, handler(), (c, m) =>
        lifecycle.requestExtension(c, m, requestedDueAt, draw(extensionReasons)),
      );
      if (!asked) return steps;
      const decision = random() < 0.8 ? 'approved' : 'refused';
      if (
        !take('decideExtension', later(between(0, 2)), sim.manager, (c, m) =>
          lifecycle.decideExtension(c, m, decision, decision === 'refused' ? '理由不充分，请按期办结' : ''),
        )
      ) {
        return steps;
      }
    }
  }

  for (let sentBack = false; ;) {
    const handling = Math.max(1, Math.round(sim.timeLimitDays * (0.3 + random() * 1.1)));
    const answerAt = later(handling);
    // Running late: the talent office reminds the department the working day after the deadline.
    const remindAt = isoAt(calendar.addWorkingDays(cstDay(current.dueAt), 1), 10);
    if (answerAt > remindAt && random() < 0.6) {
      if (
        !take('remind', remindAt, draw(sim.officeStaff), (c, m) =>
          lifecycle.remindCase(c, m, 'reminder', draw(remindNotes)),
        )
      ) {
        return steps;
      }
      // Lapsed by five working days: the written 催办通知书 for the department's head.
      const lapseAt = isoAt(calendar.addWorkingDays(cstDay(current.dueAt), caseTimeLimits.lapseNotice), 10);
      if (answerAt > lapseAt && chance() < 0.8) {
        const noticed = take('remind', lapseAt, draw(sim.officeStaff), (c, m) =>
          lifecycle.remindCase(c, m, 'lapseNotice', lapseNotes[0]!),
        );
        if (!noticed) return steps;
      }
    }
    const countermeasure = current.round === 1 ? sim.answer.countermeasure : sim.answer.redo;
    if (
      !take('answer', answerAt, handler(), (c, m) =>
        lifecycle.answerCase(c, m, countermeasure, sim.answer.citedPolicyCode),
      )
    ) {
      return steps;
    }
    if (!sentBack && random() < 0.1) {
      sentBack = true;
      if (
        !take('sendBack', later(random() < 0.8 ? 0 : 1), draw(sim.officeStaff), (c, m) =>
          lifecycle.sendBackCase(c, m, draw(sendBackReasons)),
        )
      ) {
        return steps;
      }
      continue;
    }
    if (!take('accept', later(random() < 0.8 ? 0 : 1), draw(sim.officeStaff), (_c, m) => lifecycle.acceptCase(m))) {
      return steps;
    }
    // 共性/个性: the office tags about a third of the accepted answers.
    const tag = chance();
    if (current.commonality === null && tag < 0.35) {
      const commonality = tag < 0.15 ? 'common' : 'individual';
      take('classify', clock, draw(sim.officeStaff), () => ({ commonality }));
    }
    const satisfaction = weighted(random(), [
      ['satisfied', 0.78],
      ['basically_satisfied', 0.17],
      ['unsatisfied', 0.05],
    ]);
    // A second round is not redone again: unresolved after two, a case is escalated instead.
    const attributable = satisfaction === 'unsatisfied' && current.round === 1 && random() < 0.6;
    const visited = take('followUp', later(between(1, caseTimeLimits.followUp)), draw(sim.officeStaff), (c, m) =>
      lifecycle.followUpCase(c, m, {
        satisfaction,
        attributable,
        // 不满意 always says why (the rules ask it of every visit).
        note:
          satisfaction !== 'unsatisfied' ? '' : attributable ? '申请人反映问题仍未解决' : '申请人对政策规定本身不满意',
      }),
    );
    if (!visited || current.status === 'closed') return steps;
    // Redone: half the time a manager escalates it to a task force at once.
    if (random() < 0.5) {
      const escalated = take('escalate', later(between(0, 1)), sim.manager, (_c, m) =>
        lifecycle.escalateCase(m, {
          level: random() < 0.7 ? 'taskForce' : 'leadership',
          reason: '申请人两次反映未解决，提级协调',
          deadline: calendar.addWorkingDays(cstDay(m.now), 5),
        }),
      );
      if (!escalated) return steps;
    }
  }
}

function weighted(x: number, shares: [Satisfaction, number][]): Satisfaction {
  let sum = 0;
  for (const [value, share] of shares) {
    sum += share;
    if (x < sum) return value;
  }
  return shares.at(-1)![0];
}
