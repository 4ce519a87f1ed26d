import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { sessionStore } from '../src/lib/session';
import { mockApi } from './utils/mock-api';

// Whole pages render here, charts included, on 2-core machines: give findBy/waitFor 5 s, not 1 s.
configure({ asyncUtilTimeout: 5000 });

beforeAll(() => mockApi.server.listen({ onUnhandledRequest: 'error' }));
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
