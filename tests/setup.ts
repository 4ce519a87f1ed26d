import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { loadCatalogue } from '../src/lib/i18n/i18n';
import { sessionStore } from '../src/lib/session';
import { mockApi } from './utils/mock-api';

// Whole pages render here, charts included, on 2-core machines: give findBy/waitFor 5 s, not 1 s.
configure({ asyncUtilTimeout: 5000 });

beforeAll(async () => {
  mockApi.server.listen({ onUnhandledRequest: 'error' });
  // The app loads English before rendering in it; tests render in either language at once.
  await Promise.all([loadCatalogue('en'), loadCatalogue('zh-CN')]);
});
beforeEach(() => mockApi.prepareSessions());
afterEach(() => {
  mockApi.server.resetHandlers();
  mockApi.reset();
  // Node-environment test files (scripts/) have no DOM to clean.
  if (typeof document === 'undefined') return;
  cleanup();
  localStorage.clear();
  sessionStore.reset();
});
afterAll(() => mockApi.server.close());
