import { z } from 'zod';
import { pageSchema } from '../schemas/common';
import type { Permission } from '../permissions';
import {
  caseAcceptSchema,
  type CaseAction,
  caseAnswerSchema,
  caseAssignSchema,
  caseDispatchBodySchema,
  caseEscalateSchema,
  caseExtensionDecisionSchema,
  caseExtensionRequestSchema,
  caseFollowUpSchema,
  casePrioritizeSchema,
  caseRemindSchema,
  caseResumeSchema,
  caseReturnSchema,
  caseReviewReturnSchema,
  caseSendBackSchema,
  caseSignSchema,
  caseSuspendSchema,
  caseQueueCountsQuerySchema,
  caseQueueCountsSchema,
  caseSuperviseSchema,
  serviceCaseCreateSchema,
  serviceCaseListQuerySchema,
  serviceCaseSchema,
  serviceMonthSchema,
  serviceRecordListQuerySchema,
  serviceRecordSchema,
} from '../schemas/service-cases';
import {
  caseOverviewQuerySchema,
  caseOverviewSchema,
  caseOversightQuerySchema,
  caseOversightSchema,
} from '../schemas/stats';
import {
  caseScoresQuerySchema,
  caseScoresSchema,
  scoringSettingsSchema,
  scoringSettingsUpdateSchema,
} from '../schemas/case-scores';
import { endpoint, idParams, type Endpoint } from './endpoint';

/** One lifecycle action on a case (see `caseWorkflow`): sent with If-Match, answered with the case. */
function caseAction<B extends z.ZodType>(
  path: string,
  summary: string,
  body: B,
  permission: Permission = 'case:triage',
) {
  return endpoint({
    method: 'POST',
    path: `/service-cases/:id/${path}`,
    summary,
    tag: 'service-cases',
    permission,
    params: idParams,
    body,
    response: serviceCaseSchema,
    ifMatch: true,
  });
}

/** Service months, their services, cases (工单) and casework statistics. */
export const serviceCaseEndpoints = {
  listServiceMonths: endpoint({
    method: 'GET',
    path: '/service-months',
    summary: 'The annual service months',
    tag: 'service-cases',
    response: z.array(serviceMonthSchema),
  }),
  listServiceRecords: endpoint({
    method: 'GET',
    path: '/service-records',
    summary: 'The service list (服务清单) of a month',
    tag: 'service-cases',
    query: serviceRecordListQuerySchema,
    response: pageSchema(serviceRecordSchema),
  }),
  listServiceCases: endpoint({
    method: 'GET',
    path: '/service-cases',
    summary: "Service cases in the caller's data scope, paged and filtered",
    tag: 'service-cases',
    query: serviceCaseListQuerySchema,
    response: pageSchema(serviceCaseSchema),
  }),
  getServiceCase: endpoint({
    method: 'GET',
    path: '/service-cases/:id',
    summary: 'One service case',
    tag: 'service-cases',
    params: idParams,
    response: serviceCaseSchema,
  }),
  createServiceCase: endpoint({
    method: 'POST',
    path: '/service-cases',
    summary: 'Register a demand',
    tag: 'service-cases',
    permission: 'case:triage',
    body: serviceCaseCreateSchema,
    response: serviceCaseSchema,
    successStatus: 201,
  }),
  dispatchServiceCase: caseAction(
    'dispatch',
    'Dispatch (派单) or move (改派) a case to a lead department',
    caseDispatchBodySchema,
  ),
  signServiceCase: caseAction('sign', 'Sign for a dispatched case (签收); its clock starts', caseSignSchema),
  returnServiceCase: caseAction('return', 'Return a dispatched case with a reason (退单)', caseReturnSchema),
  reviewReturnOfServiceCase: caseAction(
    'review-return',
    'Decide a return (异议审核): send the case to another department, or uphold the dispatch',
    caseReviewReturnSchema,
  ),
  assignServiceCase: caseAction('assign', 'Name the handling officer within the lead department', caseAssignSchema),
  suspendServiceCase: caseAction('suspend', 'Stop the clock while the requester is awaited (挂起)', caseSuspendSchema),
  resumeServiceCase: caseAction('resume', 'Restart the clock; the deadline moves by the days paused', caseResumeSchema),
  requestServiceCaseExtension: caseAction(
    'extension',
    'Ask for a later deadline (延期申请), by the working day before the deadline',
    caseExtensionRequestSchema,
  ),
  decideServiceCaseExtension: caseAction(
    'extension/decision',
    'Approve or refuse the pending extension (a manager of the talent office)',
    caseExtensionDecisionSchema,
    'case:supervise',
  ),
  answerServiceCase: caseAction(
    'answer',
    'Record the countermeasure (对策) and report it done (办结)',
    caseAnswerSchema,
  ),
  acceptServiceCase: caseAction(
    'accept',
    'Accept the answer (审核通过); the requester is visited next',
    caseAcceptSchema,
  ),
  sendBackServiceCase: caseAction(
    'send-back',
    'Send the answer back to the department with a reason',
    caseSendBackSchema,
  ),
  followUpServiceCase: caseAction(
    'follow-up',
    'Record the follow-up visit (回访): closes the case, or redoes it (重办) when the department caused 不满意',
    caseFollowUpSchema,
  ),
  remindServiceCase: caseAction('remind', 'Send the lead department a reminder (催办)', caseRemindSchema),
  superviseServiceCase: caseAction(
    'supervise',
    'Put a case under supervision (督办) with its own deadline',
    caseSuperviseSchema,
    'case:supervise',
  ),
  escalateServiceCase: caseAction(
    'escalate',
    'Escalate (提级) a case unresolved after two rounds or passed between departments, with its own deadline',
    caseEscalateSchema,
    'case:supervise',
  ),
  prioritizeServiceCase: caseAction(
    'priority',
    "Change an open case's priority (the talent office; the deadline stays)",
    casePrioritizeSchema,
  ),
  caseQueueCounts: endpoint({
    method: 'GET',
    path: '/stats/service-cases/queue',
    summary: "How many cases each triage queue view holds in the caller's scope",
    tag: 'stats',
    query: caseQueueCountsQuerySchema,
    response: caseQueueCountsSchema,
  }),
  caseOverview: endpoint({
    method: 'GET',
    path: '/stats/service-cases/overview',
    summary: "Backlog, overdue and resolution time in the caller's scope",
    tag: 'stats',
    query: caseOverviewQuerySchema,
    response: caseOverviewSchema,
  }),
  caseOversight: endpoint({
    method: 'GET',
    path: '/stats/service-cases/oversight',
    summary:
      "Casework oversight in the caller's scope: a month's daily flow, and resolution time, SLA compliance and satisfaction by department and category",
    tag: 'stats',
    query: caseOversightQuerySchema,
    response: caseOversightSchema,
  }),
  caseScores: endpoint({
    method: 'GET',
    path: '/stats/service-cases/scores',
    summary: "Each department's month (考核): the rates, the composite score and its tier; a department sees its own",
    tag: 'stats',
    query: caseScoresQuerySchema,
    response: caseScoresSchema,
  }),
  getScoringSettings: endpoint({
    method: 'GET',
    path: '/settings/scoring',
    summary: 'The weights and thresholds departments are scored by',
    tag: 'stats',
    response: scoringSettingsSchema,
  }),
  saveScoringSettings: endpoint({
    method: 'PUT',
    path: '/settings/scoring',
    summary: 'Set the weights and thresholds (a manager; If-Match 0 before the first save)',
    tag: 'stats',
    permission: 'case:supervise',
    body: scoringSettingsUpdateSchema,
    response: scoringSettingsSchema,
    ifMatch: true,
  }),
} satisfies Record<string, Endpoint>;

/** The route of each workflow action. */
export const caseActionEndpoints = {
  dispatch: 'dispatchServiceCase',
  sign: 'signServiceCase',
  return: 'returnServiceCase',
  reviewReturn: 'reviewReturnOfServiceCase',
  assign: 'assignServiceCase',
  suspend: 'suspendServiceCase',
  resume: 'resumeServiceCase',
  requestExtension: 'requestServiceCaseExtension',
  decideExtension: 'decideServiceCaseExtension',
  answer: 'answerServiceCase',
  accept: 'acceptServiceCase',
  sendBack: 'sendBackServiceCase',
  followUp: 'followUpServiceCase',
  remind: 'remindServiceCase',
  supervise: 'superviseServiceCase',
  escalate: 'escalateServiceCase',
  prioritize: 'prioritizeServiceCase',
} as const satisfies Record<CaseAction, keyof typeof serviceCaseEndpoints>;
