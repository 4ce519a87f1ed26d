import { queryOptions } from '@tanstack/react-query';
import { apiClient } from '../../lib/api-client';

export const officerQueries = {
  all: () =>
    queryOptions({
      queryKey: ['officers'],
      queryFn: ({ signal }) => apiClient.request('listOfficers', { signal }),
      staleTime: 10 * 60_000,
    }),
};
