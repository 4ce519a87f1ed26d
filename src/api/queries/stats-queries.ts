import { queryOptions } from '@tanstack/react-query';
import { apiClient } from '../../lib/api-client';
import type { IntakeFilter } from '../schemas/intake';

export const statsQueries = {
  all: () => ['stats'] as const,
  intakeOverview: (filter: IntakeFilter) =>
    queryOptions({
      queryKey: [...statsQueries.all(), 'intake', 'overview', filter],
      queryFn: ({ signal }) => apiClient.request('intakeOverview', { query: filter, signal }),
    }),
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
