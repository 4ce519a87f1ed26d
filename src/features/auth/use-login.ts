import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginRequest } from '../../api/schemas/auth';
import { apiClient } from '../../lib/api-client';
import { sessionStore } from '../../lib/session';

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: LoginRequest) => apiClient.request('login', { body: credentials }),
    onSuccess: (session) => {
      // Nothing cached for the previous user may leak into this one's screens.
      queryClient.clear();
      sessionStore.signIn(session);
    },
  });
}
