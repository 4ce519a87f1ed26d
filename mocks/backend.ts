import type { z } from 'zod';
import type { EndpointName, Endpoints, ResponseOf } from '../src/api/endpoints';
import type { AuditEntityType } from '../src/api/schemas/audit';
import { listAuditEvents } from './rules/audit';
import { login, logout } from './rules/auth';
import type { RuleContext } from './rules/context';
import { listUsers, updateDictionaryEntry, updateUser } from './rules/administration';
import {
  advanceIntakeStage,
  createIntakeRecord,
  getIntakeRecord,
  listIntakeRecords,
  presentIntakeRecord,
  reassignIntakeRecords,
  updateIntakeRecord,
} from './rules/intake';
import { matchesAny, paginate, sortItems } from './rules/list';
import { createPolicyPatch, getPolicyPatch, listPolicyPatches, transitionPolicyPatch } from './rules/policy-patches';
import {
  answerServiceCase,
  assignServiceCase,
  closeServiceCase,
  createServiceCase,
  followUpServiceCase,
  getServiceCase,
  inCaseScope,
  listServiceCases,
  presentServiceCase,
  superviseServiceCase,
} from './rules/service-cases';
import {
  caseOverview,
  intakeBreakdown,
  intakeFunnel,
  intakeOverview,
  intakeTargets,
  intakeTrend,
  patchOverview,
} from './rules/stats';
import { createSavedView, deleteSavedView, listSavedViews } from './rules/saved-views';
import { can } from '../src/api/permissions';

type Parsed<E, K extends string> = E extends { [P in K]?: infer S }
  ? S extends z.ZodType
    ? z.output<S>
    : undefined
  : undefined;

export interface OperationRequest<N extends EndpointName> {
  ctx: N extends 'login' ? Omit<RuleContext, 'user'> : RuleContext;
  params: Parsed<Endpoints[N], 'params'>;
  query: Parsed<Endpoints[N], 'query'>;
  body: Parsed<Endpoints[N], 'body'>;
  /** The version named by `If-Match`, or null when the header is absent. */
  ifMatch: number | null;
  authorization: string | null;
}

export type Operations = { [N in EndpointName]: (request: OperationRequest<N>) => ResponseOf<N> };

function canSeeAudited(ctx: RuleContext, entityType: AuditEntityType, entityId: string): boolean {
  if (entityType === 'intakeRecord') return can(ctx.user, 'intake:read');
  if (entityType !== 'serviceCase') return true;
  const serviceCase = ctx.db.serviceCases.get(entityId);
  return serviceCase !== undefined && inCaseScope(ctx, serviceCase);
}

/** Each route of the contract mapped to its rule; the HTTP adapters only translate. */
export const operations: Operations = {
  login: ({ ctx, body }) => login(ctx.db, body, ctx.now()),
  logout: ({ ctx, authorization }) => {
    logout(ctx.db, authorization);
    return null;
  },
  me: ({ ctx }) => ctx.user,
  listUsers: ({ ctx, query }) => listUsers(ctx, query),
  updateUser: ({ ctx, params, body, ifMatch }) => updateUser(ctx, params.id, body, ifMatch),
  listOfficers: ({ ctx }) =>
    [...ctx.db.users.values()]
      .filter((u) => u.active && u.role !== 'admin' && can(u, 'case:triage'))
      .map(({ id, displayName, departmentCode }) => ({ id, displayName, departmentCode })),
  getDictionaries: ({ ctx }) => ctx.db.dictionaries,
  updateDictionaryEntry: ({ ctx, params, body }) => updateDictionaryEntry(ctx, params.kind, params.code, body),
  listIntakeRecords: ({ ctx, query }) => listIntakeRecords(ctx, query),
  getIntakeRecord: ({ ctx, params }) => presentIntakeRecord(ctx, getIntakeRecord(ctx, params.id)),
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
  getPolicyPatch: ({ ctx, params }) => getPolicyPatch(ctx, params.id),
  createPolicyPatch: ({ ctx, body }) => createPolicyPatch(ctx, body),
  transitionPolicyPatch: ({ ctx, params, body, ifMatch }) => transitionPolicyPatch(ctx, params.id, body, ifMatch),
  patchOverview: ({ ctx }) => patchOverview(ctx),
  listServiceMonths: ({ ctx }) => [...ctx.db.serviceMonths.values()].sort((a, b) => b.year - a.year),
  listServiceRecords: ({ ctx, query }) => {
    const records = [...ctx.db.serviceRecords.values()].filter(
      (r) => (!query.month || r.monthId === query.month) && matchesAny(query.department, r.departmentCode),
    );
    const sorted = sortItems(records, query.sort, { on: (r) => r.on, participants: (r) => r.participants }, '-on');
    return paginate(sorted, query.page, query.pageSize);
  },
  listServiceCases: ({ ctx, query }) => listServiceCases(ctx, query),
  getServiceCase: ({ ctx, params }) => presentServiceCase(ctx, getServiceCase(ctx, params.id)),
  createServiceCase: ({ ctx, body }) => createServiceCase(ctx, body),
  assignServiceCase: ({ ctx, params, body, ifMatch }) => assignServiceCase(ctx, params.id, body, ifMatch),
  answerServiceCase: ({ ctx, params, body, ifMatch }) => answerServiceCase(ctx, params.id, body, ifMatch),
  closeServiceCase: ({ ctx, params, body, ifMatch }) => closeServiceCase(ctx, params.id, body, ifMatch),
  followUpServiceCase: ({ ctx, params, body, ifMatch }) => followUpServiceCase(ctx, params.id, body, ifMatch),
  superviseServiceCase: ({ ctx, params, body, ifMatch }) => superviseServiceCase(ctx, params.id, body, ifMatch),
  caseOverview: ({ ctx, query }) => caseOverview(ctx, query.month),
  listSavedViews: ({ ctx, query }) => listSavedViews(ctx, query.resource),
  createSavedView: ({ ctx, body }) => createSavedView(ctx, body),
  deleteSavedView: ({ ctx, params }) => {
    deleteSavedView(ctx, params.id);
    return null;
  },
  listAuditEvents: ({ ctx, query }) => listAuditEvents(ctx, query, (type, id) => canSeeAudited(ctx, type, id)),
};
