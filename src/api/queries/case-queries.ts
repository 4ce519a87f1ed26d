import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../lib/api-client';
import type { BodyOf } from '../endpoints';
import { caseActionEndpoints } from '../endpoints/service-cases';
import type { CaseAction, ServiceCaseListQuery, ServiceRecordListQuery } from '../schemas/service-cases';
import { statsQueries } from './stats-queries';

/** Casework: the months, the three lists, one case and its history, the queue's counts. */
export const caseQueries = {
  all: () => ['service-cases'] as const,
  months: () =>
    queryOptions({
      queryKey: ['service-months'],
      queryFn: ({ signal }) => apiClient.request('listServiceMonths', { signal }),
      // Newest first, wherever they are listed or the newest is taken.
      select: (months) => [...months].sort((a, b) => b.startsOn.localeCompare(a.startsOn)),
      staleTime: 10 * 60_000,
    }),
  lists: () => [...caseQueries.all(), 'list'] as const,
  list: (query: ServiceCaseListQuery) =>
    queryOptions({
      queryKey: [...caseQueries.lists(), query],
      queryFn: ({ signal }) => apiClient.request('listServiceCases', { query, signal }),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...caseQueries.all(), 'detail', id],
      queryFn: ({ signal }) => apiClient.request('getServiceCase', { params: { id }, signal }),
    }),
  history: (id: string) =>
    queryOptions({
      queryKey: [...caseQueries.all(), 'history', id],
      queryFn: ({ signal }) =>
        apiClient.request('listAuditEvents', {
          query: { entityType: 'serviceCase', entityId: id, pageSize: 100 },
          signal,
        }),
    }),
  /** The queue views' counts: refreshed in the background, as cases fall due while one works. */
  counts: (month?: string) =>
    queryOptions({
      queryKey: [...statsQueries.all(), 'cases', 'queue', { month }],
      queryFn: ({ signal }) => apiClient.request('caseQueueCounts', { query: { month }, signal }),
      refetchInterval: 60_000,
    }),
  /** The managers' oversight of a month (every month's cases when none). */
  oversight: (month?: string) =>
    queryOptions({
      queryKey: [...statsQueries.all(), 'cases', 'oversight', { month }],
      queryFn: ({ signal }) => apiClient.request('caseOversight', { query: { month }, signal }),
    }),
  /** The departments' scores (考核) of a calendar month, `YYYY-MM`. */
  scores: (month: string) =>
    queryOptions({
      queryKey: [...statsQueries.all(), 'cases', 'scores', { month }],
      queryFn: ({ signal }) => apiClient.request('caseScores', { query: { month }, signal }),
    }),
  scoringSettings: () =>
    queryOptions({
      queryKey: [...statsQueries.all(), 'scoring-settings'],
      queryFn: ({ signal }) => apiClient.request('getScoringSettings', { signal }),
    }),
  /** The standard answers (知识库): they change seldom. */
  knowledge: () =>
    queryOptions({
      queryKey: ['knowledge-base'],
      queryFn: ({ signal }) => apiClient.request('getKnowledgeBase', { signal }),
      staleTime: 5 * 60_000,
    }),
  records: (query: ServiceRecordListQuery) =>
    queryOptions({
      queryKey: ['service-records', query],
      queryFn: ({ signal }) => apiClient.request('listServiceRecords', { query, signal }),
    }),
};

/** After any case action: the lists, the case, its history, and every figure. */
const caseChanged = { invalidates: [caseQueries.all(), statsQueries.all()] };

type CaseActionEndpoint = (typeof caseActionEndpoints)[CaseAction];

/**
 * One workflow action on a case, sent with the version the user saw (`If-Match`); the answer goes
 * into the cache at once, so the workspace shows the new state before the lists refresh.
 */
export function useCaseAction<A extends CaseAction>(action: A) {
  type N = (typeof caseActionEndpoints)[A];
  const name: N = caseActionEndpoints[action];
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input, version }: { id: string; input: BodyOf<N>; version: number }) =>
      // Every action answers the case; the body's type is the named action's.
      apiClient.request<CaseActionEndpoint>(name, {
        params: { id },
        body: input as BodyOf<CaseActionEndpoint>,
        ifMatch: version,
      }),
    meta: caseChanged,
    onSuccess: (serviceCase) => queryClient.setQueryData(caseQueries.detail(serviceCase.id).queryKey, serviceCase),
  });
}

/** A manager's weights and thresholds, sent with the version seen; every score is refigured. */
export function useSaveScoringSettings() {
  return useMutation({
    mutationFn: ({ input, version }: { input: BodyOf<'saveScoringSettings'>; version: number }) =>
      apiClient.request('saveScoringSettings', { body: input, ifMatch: version }),
    meta: { invalidates: [statsQueries.all()] },
  });
}

/** A manager's edit of the knowledge base, sent whole with the version seen. */
export function useSaveKnowledgeBase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, version }: { input: BodyOf<'saveKnowledgeBase'>; version: number }) =>
      apiClient.request('saveKnowledgeBase', { body: input, ifMatch: version }),
    onSuccess: (saved) => queryClient.setQueryData(caseQueries.knowledge().queryKey, saved),
  });
}

/** 导入需求清单: a dry run (what an import would do) or the import; an import refreshes the lists and figures. */
export function useImportServiceCases() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'importServiceCases'>) => apiClient.request('importServiceCases', { body }),
    onSuccess: (result) => {
      if (result.created.length === 0) return;
      for (const queryKey of caseChanged.invalidates) void queryClient.invalidateQueries({ queryKey });
    },
  });
}
