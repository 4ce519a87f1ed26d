import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/api-error';

/**
 * Retries only what may succeed unchanged (network trouble, 5xx), twice at most. Not a timeout:
 * the user has already waited the whole limit, and the skeleton must stop there.
 */
export function createQueryClient(options: { retry?: boolean } = {}) {
  return new QueryClient({
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
}
