import { queryOptions } from '@tanstack/react-query';
import { apiClient } from '../../lib/api-client';
import type { SavedViewResource } from '../schemas/saved-views';

export const savedViewQueries = {
  all: () => ['saved-views'] as const,
  list: (resource: SavedViewResource) =>
    queryOptions({
      queryKey: [...savedViewQueries.all(), resource],
      queryFn: ({ signal }) => apiClient.request('listSavedViews', { query: { resource }, signal }),
    }),
};
