import { queryOptions } from '@tanstack/react-query';
import { apiClient } from '../../lib/api-client';
import type { IntakeFilter, IntakeListQuery } from '../schemas/intake';
import type { IntakeDimension } from '../schemas/stats';
import { statsQueries } from './stats-queries';

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
