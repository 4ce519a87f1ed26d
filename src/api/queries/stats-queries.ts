import { queryOptions } from '@tanstack/react-query';
import { apiClient } from '../../lib/api-client';

export const statsQueries = {
  all: () => ['stats'] as const,
  caseOverview: (month?: string) =>
    queryOptions({
      queryKey: [...statsQueries.all(), 'cases', 'overview', { month }],
      queryFn: ({ signal }) => apiClient.request('caseOverview', { query: { month }, signal }),
    }),
  patchOverview: () =>
    queryOptions({
      queryKey: [...statsQueries.all(), 'patches', 'overview'],
      queryFn: ({ signal }) => apiClient.request('patchOverview', { signal }),
    }),
};
