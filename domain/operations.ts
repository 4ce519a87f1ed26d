import { importServiceCases } from './rules/case-import';
import type { z } from 'zod';
import type { EndpointName, Endpoints, ResponseOf } from '../src/api/endpoints';
import { listAuditEvents } from './rules/audit';
import { login, logout } from './rules/auth';
import { listHolidayYears, saveHolidayYear } from './rules/calendar';
import type { Backend, RuleContext } from './rules/context';
import { listOfficers, listUsers, updateDictionaryEntry, updateUser } from './rules/administration';
import {
  advanceIntakeStage,
  createIntakeRecord,
  getIntakeRecord,
  listIntakeRecords,
  presentIntakeRecord,
  reassignIntakeRecords,
  updateIntakeRecord,
} from './rules/intake';
import { caseOversight } from './rules/case-oversight';
import { caseQueueCounts } from './rules/case-queue';
import { caseScores, getScoringSettings, saveScoringSettings } from './rules/case-scores';
import { getKnowledgeBase, saveKnowledgeBase } from './rules/knowledge';
import { exportIntakeRecords, exportPolicyPatches, exportServiceCases, exportServiceRecords } from './rules/exports';
import { patchOverview, patchTreeCounts } from './rules/patch-analytics';
import {
  createPolicyPatch,
  getPolicyPatch,
  linkPolicyPatchCases,
  listPolicyPatches,
  presentPolicyPatch,
  recordPatchEffect,
  transitionPolicyPatch,
  updatePolicyPatch,
} from './rules/policy-patches';
import {
  acceptServiceCase,
  answerServiceCase,
  assignServiceCase,
  createServiceCase,
  decideServiceCaseExtension,
  dispatchServiceCase,
  escalateServiceCase,
  followUpServiceCase,
  getServiceCase,
  listServiceCases,
  listServiceRecords,
  presentServiceCase,
  prioritizeServiceCase,
  remindServiceCase,
  requestServiceCaseAssist,
  reportServiceCaseAssist,
  mergeServiceCase,
  classifyServiceCase,
  requestServiceCaseExtension,
  resumeServiceCase,
  returnServiceCase,
  reviewReturnOfServiceCase,
  sendBackServiceCase,
  signServiceCase,
  superviseServiceCase,
  suspendServiceCase,
} from './rules/service-cases';
import { caseOverview, intakeBreakdown, intakeFunnel, intakeOverview, intakeTargets, intakeTrend } from './rules/stats';
import { createSavedView, deleteSavedView, listSavedViews } from './rules/saved-views';

type Parsed<E, K extends string> = E extends { [P in K]?: infer S }
  ? S extends z.ZodType
    ? z.output<S>
    : undefined
  : undefined;

export interface OperationRequest<N extends EndpointName> {
  ctx: N extends 'login' ? Backend : RuleContext;
  params: Parsed<Endpoints[N], 'params'>;
  query: Parsed<Endpoints[N], 'query'>;
  body: Parsed<Endpoints[N], 'body'>;
  /** The version named by `If-Match`, or null when the header is absent. */
  ifMatch: number | null;
  authorization: string | null;
}

export type Operations = {
  [N in EndpointName]: (request: OperationRequest<N>) => Promise<ResponseOf<N>> | ResponseOf<N>;
};

/** Each route of the contract mapped to its rule; the HTTP adapters only translate. */
export const operations: Operations = {
  login: ({ ctx, body }) => login(ctx, body),
  logout: async ({ ctx, authorization }) => {
    await logout(ctx, authorization);
    return null;
  },
  me: ({ ctx }) => ctx.user,
  listUsers: ({ ctx, query }) => listUsers(ctx, query),
  updateUser: ({ ctx, params, body, ifMatch }) => updateUser(ctx, params.id, body, ifMatch),
  listOfficers: ({ ctx }) => listOfficers(ctx),
  getDictionaries: ({ ctx }) => ctx.store.dictionaries.get(),
  updateDictionaryEntry: ({ ctx, params, body }) => updateDictionaryEntry(ctx, params.kind, params.code, body),
  listHolidayYears: ({ ctx }) => listHolidayYears(ctx),
  saveHolidayYear: ({ ctx, params, body, ifMatch }) => saveHolidayYear(ctx, params.year, body, ifMatch),
  listIntakeRecords: ({ ctx, query }) => listIntakeRecords(ctx, query),
  getIntakeRecord: async ({ ctx, params }) => presentIntakeRecord(ctx, await getIntakeRecord(ctx, params.id)),
  createIntakeRecord: ({ ctx, body }) => createIntakeRecord(ctx, body),
  updateIntakeRecord: ({ ctx, params, body, ifMatch }) => updateIntakeRecord(ctx, params.id, body, ifMatch),
  advanceIntakeStage: ({ ctx, params, body, ifMatch }) => advanceIntakeStage(ctx, params.id, body, ifMatch),
  reassignIntakeRecords: ({ ctx, body }) => reassignIntakeRecords(ctx, body),
  intakeOverview: ({ ctx, query }) => intakeOverview(ctx, query),
  intakeBreakdown: ({ ctx, query }) => intakeBreakdown(ctx, query, query.dimension),
  intakeFunnel: ({ ctx, query }) => intakeFunnel(ctx, query),
  intakeTrend: ({ ctx, query }) => intakeTrend(ctx, query),
  intakeTargets: ({ ctx, query }) => intakeTargets(ctx, query.year),
  listPolicyPatches: ({ ctx, query }) => listPolicyPatches(ctx, query),
  getPolicyPatch: async ({ ctx, params }) => presentPolicyPatch(ctx, await getPolicyPatch(ctx, params.id)),
  createPolicyPatch: async ({ ctx, body }) => presentPolicyPatch(ctx, await createPolicyPatch(ctx, body)),
  updatePolicyPatch: async ({ ctx, params, body, ifMatch }) =>
    presentPolicyPatch(ctx, await updatePolicyPatch(ctx, params.id, body, ifMatch)),
  transitionPolicyPatch: async ({ ctx, params, body, ifMatch }) =>
    presentPolicyPatch(ctx, await transitionPolicyPatch(ctx, params.id, body, ifMatch)),
  linkPolicyPatchCases: async ({ ctx, params, body, ifMatch }) =>
    presentPolicyPatch(ctx, await linkPolicyPatchCases(ctx, params.id, body, ifMatch)),
  recordPatchEffect: async ({ ctx, params, body, ifMatch }) =>
    presentPolicyPatch(ctx, await recordPatchEffect(ctx, params.id, body, ifMatch)),
  patchOverview: ({ ctx, query }) => patchOverview(ctx, query),
  patchTreeCounts: ({ ctx, query }) => patchTreeCounts(ctx, query),
  listServiceMonths: ({ ctx }) => ctx.store.serviceMonths.list(),
  listServiceRecords: ({ ctx, query }) => listServiceRecords(ctx, query),
  listServiceCases: ({ ctx, query }) => listServiceCases(ctx, query),
  getServiceCase: async ({ ctx, params }) => presentServiceCase(ctx, await getServiceCase(ctx, params.id)),
  createServiceCase: ({ ctx, body }) => createServiceCase(ctx, body),
  importServiceCases: ({ ctx, body }) => importServiceCases(ctx, body),
  dispatchServiceCase: ({ ctx, params, body, ifMatch }) => dispatchServiceCase(ctx, params.id, body, ifMatch),
  signServiceCase: ({ ctx, params, ifMatch }) => signServiceCase(ctx, params.id, ifMatch),
  returnServiceCase: ({ ctx, params, body, ifMatch }) => returnServiceCase(ctx, params.id, body, ifMatch),
  reviewReturnOfServiceCase: ({ ctx, params, body, ifMatch }) =>
    reviewReturnOfServiceCase(ctx, params.id, body, ifMatch),
  assignServiceCase: ({ ctx, params, body, ifMatch }) => assignServiceCase(ctx, params.id, body, ifMatch),
  suspendServiceCase: ({ ctx, params, body, ifMatch }) => suspendServiceCase(ctx, params.id, body, ifMatch),
  resumeServiceCase: ({ ctx, params, body, ifMatch }) => resumeServiceCase(ctx, params.id, body, ifMatch),
  requestServiceCaseExtension: ({ ctx, params, body, ifMatch }) =>
    requestServiceCaseExtension(ctx, params.id, body, ifMatch),
  decideServiceCaseExtension: ({ ctx, params, body, ifMatch }) =>
    decideServiceCaseExtension(ctx, params.id, body, ifMatch),
  answerServiceCase: ({ ctx, params, body, ifMatch }) => answerServiceCase(ctx, params.id, body, ifMatch),
  acceptServiceCase: ({ ctx, params, body, ifMatch }) => acceptServiceCase(ctx, params.id, body, ifMatch),
  sendBackServiceCase: ({ ctx, params, body, ifMatch }) => sendBackServiceCase(ctx, params.id, body, ifMatch),
  followUpServiceCase: ({ ctx, params, body, ifMatch }) => followUpServiceCase(ctx, params.id, body, ifMatch),
  remindServiceCase: ({ ctx, params, body, ifMatch }) => remindServiceCase(ctx, params.id, body, ifMatch),
  superviseServiceCase: ({ ctx, params, body, ifMatch }) => superviseServiceCase(ctx, params.id, body, ifMatch),
  escalateServiceCase: ({ ctx, params, body, ifMatch }) => escalateServiceCase(ctx, params.id, body, ifMatch),
  prioritizeServiceCase: ({ ctx, params, body, ifMatch }) => prioritizeServiceCase(ctx, params.id, body, ifMatch),
  requestServiceCaseAssist: ({ ctx, params, body, ifMatch }) => requestServiceCaseAssist(ctx, params.id, body, ifMatch),
  reportServiceCaseAssist: ({ ctx, params, body, ifMatch }) => reportServiceCaseAssist(ctx, params.id, body, ifMatch),
  mergeServiceCase: ({ ctx, params, body, ifMatch }) => mergeServiceCase(ctx, params.id, body, ifMatch),
  classifyServiceCase: ({ ctx, params, body, ifMatch }) => classifyServiceCase(ctx, params.id, body, ifMatch),
  caseQueueCounts: ({ ctx, query }) => caseQueueCounts(ctx, query.month),
  caseOverview: ({ ctx, query }) => caseOverview(ctx, query.month),
  caseOversight: ({ ctx, query }) => caseOversight(ctx, query),
  caseScores: ({ ctx, query }) => caseScores(ctx, query.month),
  getScoringSettings: ({ ctx }) => getScoringSettings(ctx),
  saveScoringSettings: ({ ctx, body, ifMatch }) => saveScoringSettings(ctx, body, ifMatch),
  getKnowledgeBase: ({ ctx }) => getKnowledgeBase(ctx),
  exportIntakeRecords: ({ ctx, query }) => exportIntakeRecords(ctx, query),
  exportServiceCases: ({ ctx, query }) => exportServiceCases(ctx, query),
  exportServiceRecords: ({ ctx, query }) => exportServiceRecords(ctx, query),
  exportPolicyPatches: ({ ctx, query }) => exportPolicyPatches(ctx, query),
  saveKnowledgeBase: ({ ctx, body, ifMatch }) => saveKnowledgeBase(ctx, body, ifMatch),
  listSavedViews: ({ ctx, query }) => listSavedViews(ctx, query.resource),
  createSavedView: ({ ctx, body }) => createSavedView(ctx, body),
  deleteSavedView: async ({ ctx, params }) => {
    await deleteSavedView(ctx, params.id);
    return null;
  },
  listAuditEvents: ({ ctx, query }) => listAuditEvents(ctx, query),
};
