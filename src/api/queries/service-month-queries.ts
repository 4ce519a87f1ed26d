import { queryOptions } from '@tanstack/react-query';
import { apiClient } from '../../lib/api-client';

export const serviceMonthQueries = {
  all: () =>
    queryOptions({
      queryKey: ['service-months'],
      queryFn: ({ signal }) => apiClient.request('listServiceMonths', { signal }),
      staleTime: 10 * 60_000,
    }),
};
