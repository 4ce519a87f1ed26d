import { pageSchema } from '../schemas/common';
import {
  policyPatchCreateSchema,
  policyPatchListQuerySchema,
  policyPatchSchema,
  policyPatchTransitionSchema,
} from '../schemas/policy-patches';
import { patchOverviewSchema } from '../schemas/stats';
import { endpoint, idParams, type Endpoint } from './endpoint';

/** Policy patches (政策补丁) in the 1+N+X system. */
export const policyPatchEndpoints = {
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
} satisfies Record<string, Endpoint>;
