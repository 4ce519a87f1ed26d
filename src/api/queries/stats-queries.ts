import { queryOptions } from '@tanstack/react-query';
import { apiClient } from '../../lib/api-client';
import type { PatchOverviewQuery } from '../schemas/stats';

export const statsQueries = {
  all: () => ['stats'] as const,
  caseOverview: (month?: string) =>
    queryOptions({
      queryKey: [...statsQueries.all(), 'cases', 'overview', { month }],
      queryFn: ({ signal }) => apiClient.request('caseOverview', { query: { month }, signal }),
    }),
  patchOverview: (query: PatchOverviewQuery = {}) =>
    queryOptions({
      queryKey: [...statsQueries.all(), 'patches', 'overview', query],
      queryFn: ({ signal }) => apiClient.request('patchOverview', { query, signal }),
    }),
};
