import { queryOptions } from '@tanstack/react-query';
import { apiClient } from '../../lib/api-client';

export const dictionaryQueries = {
  all: () =>
    queryOptions({
      queryKey: ['dictionaries'],
      queryFn: ({ signal }) => apiClient.request('getDictionaries', { signal }),
      // Reference data changes rarely; an admin's edit invalidates it.
      staleTime: 10 * 60_000,
    }),
};
