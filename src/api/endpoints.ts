import { z } from 'zod';
import { auditEventSchema, auditListQuerySchema } from './schemas/audit';
import { loginRequestSchema, sessionSchema, userListQuerySchema, userSchema, userUpdateSchema } from './schemas/auth';
import { pageSchema } from './schemas/common';
import { dictionariesSchema, dictionaryEntryUpdateSchema, dictionaryEntrySchema } from './schemas/dictionaries';
import {
  bulkResultSchema,
  intakeBulkReassignSchema,
  intakeFilterSchema,
  intakeListQuerySchema,
  intakeRecordCreateSchema,
  intakeRecordSchema,
  intakeRecordUpdateSchema,
  intakeStageAdvanceSchema,
} from './schemas/intake';
import {
  policyPatchCreateSchema,
  policyPatchListQuerySchema,
  policyPatchSchema,
  policyPatchTransitionSchema,
} from './schemas/policy-patches';
import {
  caseAnswerSchema,
  caseAssignSchema,
  caseCloseSchema,
  caseFollowUpSchema,
  caseSuperviseSchema,
  serviceCaseCreateSchema,
  serviceCaseListQuerySchema,
  serviceCaseSchema,
  serviceMonthSchema,
  serviceRecordListQuerySchema,
  serviceRecordSchema,
} from './schemas/service-cases';
import {
  caseOverviewQuerySchema,
  caseOverviewSchema,
  intakeBreakdownQuerySchema,
  intakeBreakdownSchema,
  intakeFunnelSchema,
  intakeTrendSchema,
  intakeOverviewSchema,
  intakeTargetsQuerySchema,
  intakeTargetsSchema,
  patchOverviewSchema,
} from './schemas/stats';
import type { Permission } from './permissions';
import { officerSchema, savedViewCreateSchema, savedViewListQuerySchema, savedViewSchema } from './schemas/saved-views';

export const API_BASE_PATH = '/api/v1';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One route of the contract. The client, the mock handlers and the OpenAPI document all read
 * these entries, so a route's shape is written exactly once.
 */
export interface Endpoint<
  TParams extends z.ZodObject = z.ZodObject,
  TQuery extends z.ZodType = z.ZodType,
  TBody extends z.ZodType = z.ZodType,
  TResponse extends z.ZodType = z.ZodType,
> {
  method: Method;
  /** Relative to `/api/v1`, with `:name` path parameters. */
  path: string;
  summary: string;
  tag: string;
  params?: TParams;
  query?: TQuery;
  body?: TBody;
  response: TResponse;
  /** Omitted only for the login route; every other route needs a bearer token. */
  auth?: false;
  /** The permission the caller's role must hold (403 otherwise). */
  permission?: Permission;
  /** Updates carry `If-Match: <version>` and answer 409 with the current resource on mismatch. */
  ifMatch?: true;
  successStatus?: 200 | 201 | 204;
}

function endpoint<
  TParams extends z.ZodObject = z.ZodObject<Record<string, never>>,
  TQuery extends z.ZodType = z.ZodUndefined,
  TBody extends z.ZodType = z.ZodUndefined,
  TResponse extends z.ZodType = z.ZodType,
>(definition: Endpoint<TParams, TQuery, TBody, TResponse>) {
  return definition;
}

const idParams = z.object({ id: z.string().min(1) });
const noContent = z.null();

export const endpoints = {
  login: endpoint({
    method: 'POST',
    path: '/auth/login',
    summary: 'Sign in; answers a bearer token',
    tag: 'auth',
    auth: false,
    body: loginRequestSchema,
    response: sessionSchema,
  }),
  logout: endpoint({
    method: 'POST',
    path: '/auth/logout',
    summary: 'End the current session',
    tag: 'auth',
    response: noContent,
    successStatus: 204,
  }),
  me: endpoint({
    method: 'GET',
    path: '/auth/me',
    summary: 'The signed-in user',
    tag: 'auth',
    response: userSchema,
  }),
  listUsers: endpoint({
    method: 'GET',
    path: '/users',
    summary: 'Users with roles and departments',
    tag: 'admin',
    permission: 'user:read',
    query: userListQuerySchema,
    response: z.array(userSchema),
  }),
  updateUser: endpoint({
    method: 'PUT',
    path: '/users/:id',
    summary: "Change a user's role, department or active flag",
    tag: 'admin',
    permission: 'user:manage',
    params: idParams,
    body: userUpdateSchema,
    response: userSchema,
    ifMatch: true,
  }),
  listOfficers: endpoint({
    method: 'GET',
    path: '/officers',
    summary: 'Active users who can be given records and cases (names and departments only)',
    tag: 'dictionaries',
    response: z.array(officerSchema),
  }),
  getDictionaries: endpoint({
    method: 'GET',
    path: '/dictionaries',
    summary: 'All reference data: channels, events, tiers, industries, towns, departments, categories, policies',
    tag: 'dictionaries',
    response: dictionariesSchema,
  }),
  updateDictionaryEntry: endpoint({
    method: 'PUT',
    path: '/dictionaries/:kind/:code',
    summary: 'Rename, reorder or deactivate a dictionary entry',
    tag: 'dictionaries',
    permission: 'dictionary:manage',
    params: z.object({ kind: z.string(), code: z.string() }),
    body: dictionaryEntryUpdateSchema,
    response: dictionaryEntrySchema,
  }),
  listIntakeRecords: endpoint({
    method: 'GET',
    path: '/intake-records',
    summary: 'Intake records, paged, sorted and filtered on the server',
    tag: 'intake',
    query: intakeListQuerySchema,
    response: pageSchema(intakeRecordSchema),
  }),
  getIntakeRecord: endpoint({
    method: 'GET',
    path: '/intake-records/:id',
    summary: 'One intake record',
    tag: 'intake',
    params: idParams,
    response: intakeRecordSchema,
  }),
  createIntakeRecord: endpoint({
    method: 'POST',
    path: '/intake-records',
    summary: 'Create an intake record at the lead stage',
    tag: 'intake',
    permission: 'intake:write',
    body: intakeRecordCreateSchema,
    response: intakeRecordSchema,
    successStatus: 201,
  }),
  updateIntakeRecord: endpoint({
    method: 'PUT',
    path: '/intake-records/:id',
    summary: 'Edit an intake record',
    tag: 'intake',
    permission: 'intake:write',
    params: idParams,
    body: intakeRecordUpdateSchema,
    response: intakeRecordSchema,
    ifMatch: true,
  }),
  advanceIntakeStage: endpoint({
    method: 'POST',
    path: '/intake-records/:id/stage',
    summary: 'Move a record to a later stage',
    tag: 'intake',
    permission: 'intake:write',
    params: idParams,
    body: intakeStageAdvanceSchema,
    response: intakeRecordSchema,
    ifMatch: true,
  }),
  reassignIntakeRecords: endpoint({
    method: 'POST',
    path: '/intake-records/bulk/reassign',
    summary: 'Give many records to another officer',
    tag: 'intake',
    permission: 'intake:write',
    body: intakeBulkReassignSchema,
    response: bulkResultSchema,
  }),
  intakeOverview: endpoint({
    method: 'GET',
    path: '/stats/intake/overview',
    summary: 'Totals for a period, with the previous period and the same period last year',
    tag: 'stats',
    query: intakeFilterSchema,
    response: intakeOverviewSchema,
  }),
  intakeBreakdown: endpoint({
    method: 'GET',
    path: '/stats/intake/breakdown',
    summary: 'Counts by stage grouped by one dimension',
    tag: 'stats',
    query: intakeBreakdownQuerySchema,
    response: intakeBreakdownSchema,
  }),
  intakeFunnel: endpoint({
    method: 'GET',
    path: '/stats/intake/funnel',
    summary: 'How many records reached each stage',
    tag: 'stats',
    query: intakeFilterSchema,
    response: intakeFunnelSchema,
  }),
  intakeTrend: endpoint({
    method: 'GET',
    path: '/stats/intake/trend',
    summary: 'Leads and landings per month and channel',
    tag: 'stats',
    query: intakeFilterSchema,
    response: intakeTrendSchema,
  }),
  intakeTargets: endpoint({
    method: 'GET',
    path: '/stats/intake/targets',
    summary: 'Annual landed targets per channel against actual',
    tag: 'stats',
    query: intakeTargetsQuerySchema,
    response: intakeTargetsSchema,
  }),
  listPolicyPatches: endpoint({
    method: 'GET',
    path: '/policy-patches',
    summary: 'Policy patches, paged and filtered',
    tag: 'policy-patches',
    query: policyPatchListQuerySchema,
    response: pageSchema(policyPatchSchema),
  }),
  getPolicyPatch: endpoint({
    method: 'GET',
    path: '/policy-patches/:id',
    summary: 'One policy patch',
    tag: 'policy-patches',
    params: idParams,
    response: policyPatchSchema,
  }),
  createPolicyPatch: endpoint({
    method: 'POST',
    path: '/policy-patches',
    summary: 'Propose a patch (status 征集)',
    tag: 'policy-patches',
    permission: 'patch:propose',
    body: policyPatchCreateSchema,
    response: policyPatchSchema,
    successStatus: 201,
  }),
  transitionPolicyPatch: endpoint({
    method: 'POST',
    path: '/policy-patches/:id/transition',
    summary: 'Move a patch along its workflow; issuing needs approval rights',
    tag: 'policy-patches',
    permission: 'patch:propose',
    params: idParams,
    body: policyPatchTransitionSchema,
    response: policyPatchSchema,
    ifMatch: true,
  }),
  patchOverview: endpoint({
    method: 'GET',
    path: '/stats/policy-patches/overview',
    summary: 'Patches by status and policy, time to issue, effect',
    tag: 'stats',
    response: patchOverviewSchema,
  }),
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
  assignServiceCase: endpoint({
    method: 'POST',
    path: '/service-cases/:id/assign',
    summary: 'Assign to a department and officer with a due date',
    tag: 'service-cases',
    permission: 'case:triage',
    params: idParams,
    body: caseAssignSchema,
    response: serviceCaseSchema,
    ifMatch: true,
  }),
  answerServiceCase: endpoint({
    method: 'POST',
    path: '/service-cases/:id/answer',
    summary: 'Record the countermeasure (对策)',
    tag: 'service-cases',
    permission: 'case:triage',
    params: idParams,
    body: caseAnswerSchema,
    response: serviceCaseSchema,
    ifMatch: true,
  }),
  closeServiceCase: endpoint({
    method: 'POST',
    path: '/service-cases/:id/close',
    summary: 'Close an answered case',
    tag: 'service-cases',
    permission: 'case:triage',
    params: idParams,
    body: caseCloseSchema,
    response: serviceCaseSchema,
    ifMatch: true,
  }),
  followUpServiceCase: endpoint({
    method: 'POST',
    path: '/service-cases/:id/follow-up',
    summary: 'Record the follow-up visit (回访); 不满意 reopens the case',
    tag: 'service-cases',
    permission: 'case:triage',
    params: idParams,
    body: caseFollowUpSchema,
    response: serviceCaseSchema,
    ifMatch: true,
  }),
  superviseServiceCase: endpoint({
    method: 'POST',
    path: '/service-cases/:id/supervise',
    summary: 'Put a case under supervision (督办) with its own deadline',
    tag: 'service-cases',
    permission: 'case:supervise',
    params: idParams,
    body: caseSuperviseSchema,
    response: serviceCaseSchema,
    ifMatch: true,
  }),
  caseOverview: endpoint({
    method: 'GET',
    path: '/stats/service-cases/overview',
    summary: "Backlog, overdue and resolution time in the caller's scope",
    tag: 'stats',
    query: caseOverviewQuerySchema,
    response: caseOverviewSchema,
  }),
  listSavedViews: endpoint({
    method: 'GET',
    path: '/saved-views',
    summary: "The caller's saved views of a table and those shared with the team",
    tag: 'saved-views',
    query: savedViewListQuerySchema,
    response: z.array(savedViewSchema),
  }),
  createSavedView: endpoint({
    method: 'POST',
    path: '/saved-views',
    summary: 'Save a named view, privately or shared with the team',
    tag: 'saved-views',
    body: savedViewCreateSchema,
    response: savedViewSchema,
    successStatus: 201,
  }),
  deleteSavedView: endpoint({
    method: 'DELETE',
    path: '/saved-views/:id',
    summary: 'Delete a saved view (its owner only)',
    tag: 'saved-views',
    params: idParams,
    response: noContent,
    successStatus: 204,
  }),
  listAuditEvents: endpoint({
    method: 'GET',
    path: '/audit-events',
    summary: 'The change history of a record',
    tag: 'audit',
    query: auditListQuerySchema,
    response: pageSchema(auditEventSchema),
  }),
} satisfies Record<string, Endpoint>;

export type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;

type Part<N extends EndpointName, K extends 'params' | 'query' | 'body'> = Endpoints[N] extends { [P in K]?: infer S }
  ? S
  : never;
type Infer<T> = T extends z.ZodType ? z.infer<T> : never;
export type ResponseOf<N extends EndpointName> = Infer<Endpoints[N]['response']>;
export type BodyOf<N extends EndpointName> = Infer<Part<N, 'body'>>;
/** Query values as the caller writes them (before defaults and coercion). */
export type QueryOf<N extends EndpointName> =
  Part<N, 'query'> extends z.ZodType ? Partial<z.input<Part<N, 'query'>>> : never;
export type ParamsOf<N extends EndpointName> = Infer<Part<N, 'params'>>;
