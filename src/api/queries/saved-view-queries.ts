import { queryOptions, useMutation } from '@tanstack/react-query';
import { apiClient } from '../../lib/api-client';
import type { SavedViewCreate, SavedViewResource } from '../schemas/saved-views';

export const savedViewQueries = {
  all: () => ['saved-views'] as const,
  list: (resource: SavedViewResource) =>
    queryOptions({
      queryKey: [...savedViewQueries.all(), resource],
      queryFn: ({ signal }) => apiClient.request('listSavedViews', { query: { resource }, signal }),
    }),
};

const savedViewsChanged = { invalidates: [savedViewQueries.all()] };

export function useCreateSavedView() {
  return useMutation({
    mutationFn: (input: SavedViewCreate) => apiClient.request('createSavedView', { body: input }),
    meta: savedViewsChanged,
  });
}

export function useDeleteSavedView() {
  return useMutation({
    mutationFn: (id: string) => apiClient.request('deleteSavedView', { params: { id } }),
    meta: savedViewsChanged,
  });
}
