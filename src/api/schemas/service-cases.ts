import { z } from 'zod';
import {
  codeSchema,
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

export const caseStatusSchema = z.enum(['new', 'assigned', 'answered', 'closed', 'reopened']);
export type CaseStatus = z.infer<typeof caseStatusSchema>;
export const casePrioritySchema = z.enum(['low', 'normal', 'high', 'urgent']);
export type CasePriority = z.infer<typeof casePrioritySchema>;
export const satisfactionSchema = z.enum(['satisfied', 'basically_satisfied', 'unsatisfied']);
export type Satisfaction = z.infer<typeof satisfactionSchema>;
export const requesterTypeSchema = z.enum(['person', 'enterprise']);

export const caseActionSchema = z.enum(['assign', 'answer', 'close', 'followUp', 'supervise', 'prioritize']);
export type CaseAction = z.infer<typeof caseActionSchema>;

/**
 * The triage queue's views (see `caseWorkflow` for the actions): 待分派 new; 我的待办 open cases
 * assigned to the caller; 即将到期 open and due within two working days; 已逾期 overdue; 督办中
 * supervised and open; 待回访 closed and awaiting the follow-up visit; 全部 all.
 */
export const caseQueueViewSchema = z.enum(['new', 'mine', 'dueSoon', 'overdue', 'supervised', 'followUp', 'all']);
export type CaseQueueView = z.infer<typeof caseQueueViewSchema>;
/** How many working days ahead "due soon" looks. */
export const DUE_SOON_WORKING_DAYS = 2;

export const supervisionSchema = z.object({
  deadline: isoDateSchema,
  note: z.string().max(500),
  byName: z.string(),
  at: isoDateTimeSchema,
});

export const followUpSchema = z.object({
  satisfaction: satisfactionSchema,
  note: z.string().max(1000),
  byName: z.string(),
  at: isoDateTimeSchema,
});

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
  dueAt: isoDateTimeSchema,
  countermeasure: z.string().max(4000).nullable(),
  /** The policy of the 1+N+X system the answer rests on, if it cites one. */
  citedPolicyCode: codeSchema.nullable().default(null),
  answeredAt: isoDateTimeSchema.nullable(),
  closedAt: isoDateTimeSchema.nullable(),
  supervision: supervisionSchema.nullable(),
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
  /** A queue view, combined with the filters above. */
  view: caseQueueViewSchema.optional(),
});
export type ServiceCaseListQuery = z.infer<typeof serviceCaseListQuerySchema>;

export const serviceCaseCreateSchema = z.object({
  monthId: idSchema,
  requesterType: requesterTypeSchema,
  requesterName: z.string().trim().min(1).max(64),
  enterpriseName: z.string().trim().max(96).nullable(),
  requesterPhone: z
    .string()
    .trim()
    .regex(/^1\d{10}$/, 'phone'),
  categoryCode: codeSchema,
  title: z.string().trim().min(1).max(96),
  description: z.string().trim().min(1).max(4000),
  priority: casePrioritySchema,
});
export type ServiceCaseCreate = z.infer<typeof serviceCaseCreateSchema>;

export const caseAssignSchema = z.object({
  departmentCode: codeSchema,
  assigneeId: idSchema.nullable(),
  dueAt: isoDateTimeSchema,
});
export const caseAnswerSchema = z.object({
  countermeasure: z.string().trim().min(1).max(4000),
  /** A policy of the 1+N+X tree the answer cites (optional). */
  citedPolicyCode: codeSchema.nullable().optional(),
});
export const caseCloseSchema = z.object({
  note: z.string().trim().max(1000).default(''),
});
export const caseFollowUpSchema = z.object({
  satisfaction: satisfactionSchema,
  note: z.string().trim().max(1000),
});
export const caseSuperviseSchema = z.object({
  deadline: isoDateSchema,
  note: z.string().trim().min(1).max(500),
});
export const casePrioritizeSchema = z.object({ priority: casePrioritySchema });
export type CaseAssign = z.infer<typeof caseAssignSchema>;
export type CaseAnswer = z.infer<typeof caseAnswerSchema>;
export type CaseClose = z.infer<typeof caseCloseSchema>;
export type CaseFollowUp = z.infer<typeof caseFollowUpSchema>;
export type CaseSupervise = z.infer<typeof caseSuperviseSchema>;
export type CasePrioritize = z.infer<typeof casePrioritizeSchema>;

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
