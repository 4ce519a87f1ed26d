import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../lib/api-client';
import type {
  IntakeBulkReassign,
  IntakeFilter,
  IntakeListQuery,
  IntakeRecord,
  IntakeRecordCreate,
  IntakeStageAdvance,
} from '../schemas/intake';
import type { IntakeDimension } from '../schemas/stats';
import { statsQueries } from './stats-queries';

/** The intake register: keys, queries and mutations side by side. */
export const intakeQueries = {
  all: () => ['intake-records'] as const,
  lists: () => [...intakeQueries.all(), 'list'] as const,
  list: (query: IntakeListQuery) =>
    queryOptions({
      queryKey: [...intakeQueries.lists(), query],
      queryFn: ({ signal }) => apiClient.request('listIntakeRecords', { query, signal }),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...intakeQueries.all(), 'detail', id],
      queryFn: ({ signal }) => apiClient.request('getIntakeRecord', { params: { id }, signal }),
    }),
  history: (id: string) =>
    queryOptions({
      queryKey: [...intakeQueries.all(), 'history', id],
      queryFn: ({ signal }) =>
        apiClient.request('listAuditEvents', {
          query: { entityType: 'intakeRecord', entityId: id, pageSize: 100 },
          signal,
        }),
    }),
};

/** After any change to the register: its lists, records and histories, and every statistic. */
const intakeChanged = { invalidates: [intakeQueries.all(), statsQueries.all()] };

/** The saved record goes into the cache as the server answered it, so the drawer shows it at once. */
function useKeepRecord() {
  const queryClient = useQueryClient();
  return (record: IntakeRecord) => queryClient.setQueryData(intakeQueries.detail(record.id).queryKey, record);
}

export function useCreateIntakeRecord() {
  const keep = useKeepRecord();
  return useMutation({
    mutationFn: (input: IntakeRecordCreate) => apiClient.request('createIntakeRecord', { body: input }),
    meta: intakeChanged,
    onSuccess: keep,
  });
}

export function useUpdateIntakeRecord() {
  const keep = useKeepRecord();
  return useMutation({
    mutationFn: ({ id, input, version }: { id: string; input: IntakeRecordCreate; version: number }) =>
      apiClient.request('updateIntakeRecord', { params: { id }, body: input, ifMatch: version }),
    meta: intakeChanged,
    onSuccess: keep,
  });
}

export function useAdvanceIntakeStage() {
  const keep = useKeepRecord();
  return useMutation({
    mutationFn: ({ id, input, version }: { id: string; input: IntakeStageAdvance; version: number }) =>
      apiClient.request('advanceIntakeStage', { params: { id }, body: input, ifMatch: version }),
    meta: intakeChanged,
    onSuccess: keep,
  });
}

export function useReassignIntakeRecords() {
  return useMutation({
    mutationFn: (input: IntakeBulkReassign) => apiClient.request('reassignIntakeRecords', { body: input }),
    meta: intakeChanged,
  });
}

/** Aggregates from the stats endpoints; the client never downloads every record to draw a chart. */
export const intakeStatsQueries = {
  all: () => [...statsQueries.all(), 'intake'] as const,
  overview: (filter: IntakeFilter) =>
    queryOptions({
      queryKey: [...intakeStatsQueries.all(), 'overview', filter],
      queryFn: ({ signal }) => apiClient.request('intakeOverview', { query: filter, signal }),
    }),
  breakdown: (dimension: IntakeDimension, filter: IntakeFilter) =>
    queryOptions({
      queryKey: [...intakeStatsQueries.all(), 'breakdown', dimension, filter],
      queryFn: ({ signal }) => apiClient.request('intakeBreakdown', { query: { ...filter, dimension }, signal }),
    }),
  funnel: (filter: IntakeFilter) =>
    queryOptions({
      queryKey: [...intakeStatsQueries.all(), 'funnel', filter],
      queryFn: ({ signal }) => apiClient.request('intakeFunnel', { query: filter, signal }),
    }),
  trend: (filter: IntakeFilter) =>
    queryOptions({
      queryKey: [...intakeStatsQueries.all(), 'trend', filter],
      queryFn: ({ signal }) => apiClient.request('intakeTrend', { query: filter, signal }),
    }),
  targets: (year: number) =>
    queryOptions({
      queryKey: [...intakeStatsQueries.all(), 'targets', year],
      queryFn: ({ signal }) => apiClient.request('intakeTargets', { query: { year }, signal }),
    }),
};
