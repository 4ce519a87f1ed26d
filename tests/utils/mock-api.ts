import { createMockApi } from '../../mocks/node';

/** One mock API for the whole test run; `tests/setup.ts` resets it after each test. */
export const mockApi = createMockApi();
