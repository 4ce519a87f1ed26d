import { MutationCache, QueryClient, type QueryKey } from '@tanstack/react-query';
import { isApiError } from '../api/api-error';

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: {
      /** Query keys (general ones, from the query factories) that a success makes stale. */
      invalidates?: readonly QueryKey[];
    };
  }
}

/**
 * Retries only what may succeed unchanged (network trouble, 5xx), twice at most. Not a timeout:
 * the user has already waited the whole limit, and the skeleton must stop there.
 * Invalidation after a mutation is declared once, here, through each mutation's `meta`
 * (TkDodo, "Automatic Query Invalidation after Mutations"). It is not awaited: a save closes at
 * once and the lists and figures refresh behind it.
 */
export function createQueryClient(options: { retry?: boolean } = {}) {
  const queryClient: QueryClient = new QueryClient({
    mutationCache: new MutationCache({
      onSuccess: (_data, _variables, _context, mutation) => {
        for (const queryKey of mutation.meta?.invalidates ?? []) void queryClient.invalidateQueries({ queryKey });
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry:
          options.retry === false
            ? false
            : (failureCount, error) =>
                isApiError(error) && error.retryable && error.kind !== 'timeout' && failureCount < 2,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
