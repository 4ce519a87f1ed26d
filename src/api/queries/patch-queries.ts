import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../lib/api-client';
import type { BodyOf } from '../endpoints';
import type { PolicyPatch, PolicyPatchFilter, PolicyPatchListQuery } from '../schemas/policy-patches';
import { caseQueries } from './case-queries';
import { statsQueries } from './stats-queries';

/** Policy patches: the list, one patch and its history, the tree's counts. */
export const patchQueries = {
  all: () => ['policy-patches'] as const,
  list: (query: PolicyPatchListQuery) =>
    queryOptions({
      queryKey: [...patchQueries.all(), 'list', query],
      queryFn: ({ signal }) => apiClient.request('listPolicyPatches', { query, signal }),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...patchQueries.all(), 'detail', id],
      queryFn: ({ signal }) => apiClient.request('getPolicyPatch', { params: { id }, signal }),
    }),
  history: (id: string) =>
    queryOptions({
      queryKey: [...patchQueries.all(), 'history', id],
      queryFn: ({ signal }) =>
        apiClient.request('listAuditEvents', {
          query: { entityType: 'policyPatch', entityId: id, pageSize: 100 },
          signal,
        }),
    }),
  /** Per policy and status, under the table's other filters. */
  tree: (filter: Omit<PolicyPatchFilter, 'policy'>) =>
    queryOptions({
      queryKey: [...statsQueries.all(), 'patches', 'tree', filter],
      queryFn: ({ signal }) => apiClient.request('patchTreeCounts', { query: filter, signal }),
    }),
};

/** A patch's change reaches its lists, the figures and, through the links, the demands. */
const patchChanged = { invalidates: [patchQueries.all(), statsQueries.all(), caseQueries.all()] };

type PatchWriteEndpoint = 'updatePolicyPatch' | 'transitionPolicyPatch' | 'linkPolicyPatchCases' | 'recordPatchEffect';

/**
 * One change to a patch, sent with the version the user saw (`If-Match`); the answer goes into the
 * cache at once, so the detail shows it before the lists refresh.
 */
export function usePatchWrite<N extends PatchWriteEndpoint>(name: N) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input, version }: { id: string; input: BodyOf<N>; version: number }) =>
      // Every write answers the patch; the body's type is the named write's.
      apiClient.request<PatchWriteEndpoint>(name, {
        params: { id },
        body: input as BodyOf<PatchWriteEndpoint>,
        ifMatch: version,
      }),
    meta: patchChanged,
    onSuccess: (patch: PolicyPatch) => queryClient.setQueryData(patchQueries.detail(patch.id).queryKey, patch),
  });
}

export function useCreatePolicyPatch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BodyOf<'createPolicyPatch'>) => apiClient.request('createPolicyPatch', { body: input }),
    meta: patchChanged,
    onSuccess: (patch) => queryClient.setQueryData(patchQueries.detail(patch.id).queryKey, patch),
  });
}
