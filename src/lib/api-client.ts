import { createApiClient } from '../api/client';
import { apiBaseUrl, env } from './env';
import { sessionStore } from './session';

/** The one configured client: base URL from the environment, token from the session. */
export const apiClient = createApiClient({
  baseUrl: apiBaseUrl,
  getToken: sessionStore.token,
  onUnauthorized: () => sessionStore.end('expired'),
  timeoutMs: env.VITE_API_TIMEOUT_MS,
});
