import { z } from 'zod';
import {
  codeSchema,
  hasVisibleText,
  writtenTextSchema,
  idSchema,
  isoDateSchema,
  isoDateTimeSchema,
  listQuerySchema,
  multiValueSchema,
  versionSchema,
} from './common';

/** 专项服务月: one annual service month, keeping the three lists (三张清单). */
export const serviceMonthSchema = z.object({
  id: idSchema,
  year: z.number().int().min(2000).max(2100),
  title: z.string(),
  startsOn: isoDateSchema,
  endsOn: isoDateSchema,
});
export type ServiceMonth = z.infer<typeof serviceMonthSchema>;

/**
 * Where a case stands in the hotline lifecycle (see `caseWorkflow`): 待派单 new → 待签收
 * dispatched → (退单待审 returned →) 办理中 inProgress (挂起 suspended while waiting for the
 * requester) → 待审核 answered → 待回访 visiting → 已结案 closed.
 */
export const caseStatusSchema = z.enum([
  'new',
  'dispatched',
  'returned',
  'inProgress',
  'suspended',
  'answered',
  'visiting',
  'closed',
]);
export type CaseStatus = z.infer<typeof caseStatusSchema>;
export const casePrioritySchema = z.enum(['low', 'normal', 'high', 'urgent']);
export type CasePriority = z.infer<typeof casePrioritySchema>;
export const satisfactionSchema = z.enum(['satisfied', 'basically_satisfied', 'unsatisfied']);
export type Satisfaction = z.infer<typeof satisfactionSchema>;
export const requesterTypeSchema = z.enum(['person', 'enterprise']);

export const caseActionSchema = z.enum([
  'dispatch',
  'sign',
  'return',
  'reviewReturn',
  'assign',
  'suspend',
  'resume',
  'requestExtension',
  'decideExtension',
  'answer',
  'accept',
  'sendBack',
  'followUp',
  'remind',
  'supervise',
  'escalate',
  'prioritize',
  'requestAssist',
  'reportAssist',
  'merge',
  'classify',
]);
export type CaseAction = z.infer<typeof caseActionSchema>;

/**
 * The triage queue's views (see `caseWorkflow` for the actions): 待派单 new; 待签收 dispatched;
 * 退单待审 returned; 我的待办 cases assigned to the caller that their department holds (to sign, in hand, suspended); 延期待批 an extension awaiting
 * the talent office; 待审核 answered; 即将到期 due within one working day (yellow); 已逾期 overdue
 * (red); 督办中 supervised and open; 待回访 visiting; 协办待办 awaiting an assisting department's
 * report (the caller's, for a department); 逾期待通知 held by a department 5 working days past its
 * stage's deadline (a 催办通知书 is due); 共性需求池 tagged 共性 and not yet behind a policy patch;
 * 全部 all.
 */
export const caseQueueViewSchema = z.enum([
  'new',
  'dispatched',
  'returned',
  'mine',
  'extension',
  'answered',
  'dueSoon',
  'overdue',
  'supervised',
  'followUp',
  'assisting',
  'lapsed',
  'pool',
  'all',
]);
export type CaseQueueView = z.infer<typeof caseQueueViewSchema>;
/** How many working days ahead "due soon" (the yellow warning) looks. */
export const DUE_SOON_WORKING_DAYS = 1;

export const supervisionSchema = z.object({
  deadline: isoDateSchema,
  note: z.string().max(500),
  byName: z.string(),
  at: isoDateTimeSchema,
});

export const followUpSchema = z.object({
  satisfaction: satisfactionSchema,
  /** For 不满意: whether the department caused it (then the case is redone, 重办). */
  attributable: z.boolean().default(false),
  note: z.string().max(1000),
  byName: z.string(),
  at: isoDateTimeSchema,
});

const signature = { byName: z.string(), at: isoDateTimeSchema };

/**
 * 派单: one dispatch of the case to a lead department, and what became of it: signed (签收) by
 * its deadline or not, or returned (退单) with a reason, and the talent office's review of the
 * objection (异议审核): sent to another department, or upheld (the department keeps it).
 */
export const caseDispatchSchema = z.object({
  departmentCode: codeSchema,
  ...signature,
  signDueAt: isoDateTimeSchema,
  signedAt: isoDateTimeSchema.nullable(),
  /** Sent back to the same department after its objection was overruled: it may not return it again. */
  upheld: z.boolean(),
  returned: z
    .object({
      reason: z.string().max(500),
      ...signature,
      reviewDueAt: isoDateTimeSchema,
      decision: z.enum(['redispatch', 'uphold']).nullable(),
      decisionNote: z.string().max(500),
      decidedByName: z.string().nullable(),
      decidedAt: isoDateTimeSchema.nullable(),
    })
    .nullable(),
});
export type CaseDispatch = z.infer<typeof caseDispatchSchema>;

/** 延期申请: more time asked by the department with a reason, and the talent office's decision. */
export const caseExtensionSchema = z.object({
  requestedDueAt: isoDateTimeSchema,
  /** The deadline when it was asked. */
  previousDueAt: isoDateTimeSchema,
  reason: z.string().max(500),
  ...signature,
  /** withdrawn: the case went to another department (改派) before it was decided. */
  decision: z.enum(['approved', 'refused', 'withdrawn']).nullable(),
  decisionNote: z.string().max(500),
  decidedByName: z.string().nullable(),
  decidedAt: isoDateTimeSchema.nullable(),
});
export type CaseExtension = z.infer<typeof caseExtensionSchema>;

/** 挂起: the clock stopped while the requester is awaited; the deadline moves by the working days it lasted. */
export const caseSuspensionSchema = z.object({
  reason: z.string().max(500),
  ...signature,
  resumedAt: isoDateTimeSchema.nullable(),
  pausedWorkingDays: z.number().int().nonnegative().nullable(),
});

/** 提级: a case unresolved after two rounds, or passed between departments, taken up by a task force or the leadership. */
export const caseEscalationSchema = z.object({
  level: z.enum(['taskForce', 'leadership']),
  reason: z.string().max(500),
  /** The escalation's own deadline: the case is overdue past 23:59 of this day. */
  deadline: isoDateSchema,
  ...signature,
});

/**
 * 催办 and 督办: logged notices to the lead department; 催办通知书 (lapseNotice) is the written one
 * for the department's head, once a deadline has lapsed by 5 working days.
 */
export const caseNoticeSchema = z.object({
  kind: z.enum(['reminder', 'supervision', 'lapseNotice']),
  departmentCode: codeSchema.nullable(),
  note: z.string().max(500),
  /** For a 催办通知书: the deadline that had lapsed. */
  lapsedDueAt: isoDateTimeSchema.nullable().default(null),
  ...signature,
});

/**
 * 协办: an assisting department asked for its part (by the lead department or the talent office),
 * by a sub-deadline of its own; it reports to the lead, which alone answers the requester.
 */
export const caseAssistSchema = z.object({
  departmentCode: codeSchema,
  request: z.string().max(500),
  ...signature,
  dueAt: isoDateTimeSchema,
  report: z.object({ text: z.string().max(2000), ...signature }).nullable(),
  /** Withdrawn unanswered: the department came to lead the case (改派), or the case was merged (并单). */
  withdrawnAt: isoDateTimeSchema.nullable().default(null),
});
export type CaseAssist = z.infer<typeof caseAssistSchema>;

/** 共性 (shared: joins the pool policy patches draw on) or 个性 (this requester's alone). */
export const caseCommonalitySchema = z.enum(['common', 'individual']);
export type CaseCommonality = z.infer<typeof caseCommonalitySchema>;

/** 服务工单: one demand raised by a talent or an enterprise (需求清单), with its countermeasure (对策). */
export const serviceCaseSchema = z.object({
  id: idSchema,
  monthId: idSchema,
  requesterType: requesterTypeSchema,
  requesterName: z.string().min(1).max(64),
  enterpriseName: z.string().max(96).nullable(),
  /** Personal data below: masked for viewers. */
  requesterPhone: z.string().max(32),
  requesterIdNumber: z.string().max(32).nullable(),
  requesterAddress: z.string().max(200).nullable(),
  categoryCode: codeSchema,
  title: z.string().min(1).max(96),
  description: z.string().max(4000),
  priority: casePrioritySchema,
  status: caseStatusSchema,
  departmentCode: codeSchema.nullable(),
  assigneeId: idSchema.nullable(),
  assigneeName: z.string().nullable(),
  receivedAt: isoDateTimeSchema,
  /** The lead department's deadline to answer (办结时限), in working days from signing. */
  dueAt: isoDateTimeSchema,
  /**
   * What the case awaits now, by when: dispatch, sign-off, the review of a return, the answer,
   * its acceptance or the follow-up visit; null while suspended or closed. Warnings and the
   * queue's order read it.
   */
  stageDueAt: isoDateTimeSchema.nullable(),
  /** 1, and one more for each redo (重办) after an unsatisfied visit the department caused. */
  round: z.number().int().min(1),
  dispatches: z.array(caseDispatchSchema),
  signedAt: isoDateTimeSchema.nullable(),
  extensions: z.array(caseExtensionSchema),
  suspensions: z.array(caseSuspensionSchema),
  notices: z.array(caseNoticeSchema),
  assists: z.array(caseAssistSchema).default([]),
  /** 并单: the case this duplicate was merged into (and closed with); it is counted there, once. */
  mergedInto: idSchema.nullable().default(null),
  commonality: caseCommonalitySchema.nullable().default(null),
  /** 审核通过: who of the talent office last accepted an answer, and when. */
  accepted: z
    .object({ ...signature })
    .nullable()
    .default(null),
  /** Why the talent office last sent the answer back (cleared once accepted). */
  sentBack: z.object({ reason: z.string().max(500), ...signature }).nullable(),
  countermeasure: z.string().max(4000).nullable(),
  /** The policy of the 1+N+X system the answer rests on, if it cites one. */
  citedPolicyCode: codeSchema.nullable().default(null),
  answeredAt: isoDateTimeSchema.nullable(),
  /** Working days from signing to the answer, suspensions left out, on the calendar then in force. */
  handlingWorkingDays: z.number().int().nonnegative().nullable().default(null),
  closedAt: isoDateTimeSchema.nullable(),
  supervision: supervisionSchema.nullable(),
  escalation: caseEscalationSchema.nullable().default(null),
  followUp: followUpSchema.nullable(),
  linkedPatchId: idSchema.nullable(),
  updatedAt: isoDateTimeSchema,
  version: versionSchema,
});
export type ServiceCase = z.infer<typeof serviceCaseSchema>;

export const serviceCaseListQuerySchema = listQuerySchema.extend({
  month: idSchema.optional(),
  status: z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(caseStatusSchema)).optional(),
  priority: z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(casePrioritySchema)).optional(),
  category: multiValueSchema.optional(),
  department: multiValueSchema.optional(),
  assignee: multiValueSchema.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  supervised: z.enum(['true', 'false']).optional(),
  /** The duplicates merged into this case. */
  mergedInto: idSchema.optional(),
  /** A queue view, combined with the filters above. */
  view: caseQueueViewSchema.optional(),
});
export type ServiceCaseListQuery = z.infer<typeof serviceCaseListQuerySchema>;

export const serviceCaseCreateSchema = z.object({
  monthId: idSchema,
  requesterType: requesterTypeSchema,
  requesterName: writtenTextSchema(64),
  enterpriseName: z.string().trim().max(96).nullable(),
  requesterPhone: z
    .string()
    .trim()
    .regex(/^1\d{10}$/, 'phone'),
  categoryCode: codeSchema,
  title: writtenTextSchema(96),
  description: writtenTextSchema(4000),
  priority: casePrioritySchema,
});
export type ServiceCaseCreate = z.infer<typeof serviceCaseCreateSchema>;

/** Why, in words: required, trimmed, something visible. */
const reasonSchema = writtenTextSchema(500);

/** 派单 (and 改派): to a lead department, optionally to one of its officers. */
export const caseDispatchBodySchema = z.object({
  departmentCode: codeSchema,
  assigneeId: idSchema.nullable(),
});
/** 分派: the handling officer within the lead department. */
export const caseAssignSchema = z.object({ assigneeId: idSchema.nullable() });
/** 签收: nothing to say but the version signed for. */
export const caseSignSchema = z.object({});
export const caseReturnSchema = z.object({ reason: reasonSchema });
/** 异议审核: send the case to another department, or uphold the dispatch (the department keeps it). */
export const caseReviewReturnSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('redispatch'), departmentCode: codeSchema, note: z.string().trim().max(500) }),
  z.object({ decision: z.literal('uphold'), note: reasonSchema }),
]);
export const caseSuspendSchema = z.object({ reason: reasonSchema });
export const caseResumeSchema = z.object({ note: z.string().trim().max(500).default('') });
export const caseExtensionRequestSchema = z.object({ dueAt: isoDateTimeSchema, reason: reasonSchema });
export const caseExtensionDecisionSchema = z.object({
  decision: z.enum(['approved', 'refused']),
  note: z.string().trim().max(500),
});
export const caseSendBackSchema = z.object({ reason: reasonSchema });
/** 催办; `formal` makes it the written 催办通知书, once the deadline has lapsed by 5 working days. */
export const caseRemindSchema = z.object({ note: reasonSchema, formal: z.boolean().default(false) });
/** 协办: the department asked and what for. */
export const caseAssistRequestSchema = z.object({ departmentCode: codeSchema, request: reasonSchema });
/** 协办反馈: the assisting department's report to the lead. */
export const caseAssistReportSchema = z.object({
  report: writtenTextSchema(2000),
});
/** 并单: the case this one duplicates. */
export const caseMergeSchema = z.object({ intoId: idSchema });
export const caseClassifySchema = z.object({ commonality: caseCommonalitySchema });
export const caseAnswerSchema = z.object({
  countermeasure: writtenTextSchema(4000),
  /** A policy of the 1+N+X tree the answer cites (optional). */
  citedPolicyCode: codeSchema.nullable().optional(),
});
export const caseAcceptSchema = z.object({
  note: z.string().trim().max(1000).default(''),
});
export const caseFollowUpSchema = z
  .object({
    satisfaction: satisfactionSchema,
    /** 不满意 caused by the department: the case is redone. */
    attributable: z.boolean().default(false),
    note: z.string().trim().max(1000),
  })
  // 不满意 says why: it decides between closing and redoing, and the department reads it.
  .refine((v) => v.satisfaction !== 'unsatisfied' || hasVisibleText(v.note), { path: ['note'], message: 'visible' });
export const caseSuperviseSchema = z.object({
  deadline: isoDateSchema,
  note: writtenTextSchema(500),
});
export const casePrioritizeSchema = z.object({ priority: casePrioritySchema });
export const caseEscalateSchema = z.object({
  level: caseEscalationSchema.shape.level,
  reason: reasonSchema,
  deadline: isoDateSchema,
});
export type CaseEscalate = z.infer<typeof caseEscalateSchema>;
export type CaseDispatchBody = z.infer<typeof caseDispatchBodySchema>;
export type CaseAssign = z.infer<typeof caseAssignSchema>;
export type CaseReturn = z.infer<typeof caseReturnSchema>;
export type CaseReviewReturn = z.infer<typeof caseReviewReturnSchema>;
export type CaseSuspend = z.infer<typeof caseSuspendSchema>;
export type CaseResume = z.infer<typeof caseResumeSchema>;
export type CaseExtensionRequest = z.infer<typeof caseExtensionRequestSchema>;
export type CaseExtensionDecision = z.infer<typeof caseExtensionDecisionSchema>;
export type CaseSendBack = z.infer<typeof caseSendBackSchema>;
export type CaseRemind = z.infer<typeof caseRemindSchema>;
export type CaseAnswer = z.infer<typeof caseAnswerSchema>;
export type CaseAccept = z.infer<typeof caseAcceptSchema>;
export type CaseFollowUp = z.infer<typeof caseFollowUpSchema>;
export type CaseSupervise = z.infer<typeof caseSuperviseSchema>;
export type CasePrioritize = z.infer<typeof casePrioritizeSchema>;
export type CaseAssistRequest = z.infer<typeof caseAssistRequestSchema>;
export type CaseAssistReport = z.infer<typeof caseAssistReportSchema>;
export type CaseMerge = z.infer<typeof caseMergeSchema>;
export type CaseClassify = z.infer<typeof caseClassifySchema>;

/** 服务清单: a service delivered during the month (a visit, a briefing, a matchmaking event). */
export const serviceRecordSchema = z.object({
  id: idSchema,
  monthId: idSchema,
  on: isoDateSchema,
  kind: z.enum(['visit', 'briefing', 'matchmaking', 'training']),
  title: z.string().max(96),
  departmentCode: codeSchema,
  enterpriseName: z.string().max(96),
  participants: z.number().int().nonnegative(),
});
export type ServiceRecord = z.infer<typeof serviceRecordSchema>;
export const serviceRecordListQuerySchema = listQuerySchema.extend({
  month: idSchema.optional(),
  department: multiValueSchema.optional(),
});
export type ServiceRecordListQuery = z.infer<typeof serviceRecordListQuerySchema>;

/** The queue views' counts in the caller's scope (for the month, if one is given). */
export const caseQueueCountsQuerySchema = z.object({ month: idSchema.optional() });
export const caseQueueCountsSchema = z.object({
  counts: z.record(caseQueueViewSchema, z.number().int().nonnegative()),
  /** The instant the counts were taken at (due-soon and overdue move with the clock). */
  at: isoDateTimeSchema,
});
export type CaseQueueCounts = z.infer<typeof caseQueueCountsSchema>;
