import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { Role } from '../../src/api/schemas/auth';
import { AppProviders } from '../../src/app/app';
import { createQueryClient } from '../../src/app/query-client';
import { appRoutes } from '../../src/app/router';
import type { DemoControls } from '../../src/lib/demo';
import type { Locale } from '../../src/lib/i18n/i18n';
import { sessionStore } from '../../src/lib/session';
import { demoAccounts } from '../../mocks/demo-accounts';
import { mockApi } from './mock-api';

/** The demo user of each role (the liaison is an officer of 住建局). */
export const demoUsername: Record<Role | 'liaison', string> = {
  viewer: 'viewer',
  officer: 'officer',
  manager: 'manager',
  admin: 'admin',
  liaison: 'liaison',
};

interface RenderAppOptions {
  /** Signed in as this demo user; `null` for signed out. */
  as?: keyof typeof demoUsername | null;
  locale?: Locale;
}

/**
 * Renders the whole app at `path` as a user would meet it: the real routes, a fresh QueryClient
 * without retries, the mock API behind MSW, and a signed-in demo user.
 */
export function renderApp(path = '/', { as = 'manager', locale = 'zh-CN' }: RenderAppOptions = {}) {
  if (as) sessionStore.signIn(mockApi.signIn(demoUsername[as]));
  const queryClient = createQueryClient({ retry: false });
  const router = createMemoryRouter(appRoutes, { initialEntries: [path] });
  const demo: DemoControls = {
    accounts: demoAccounts(mockApi.db),
    activeFaults: [],
    reset: async () => mockApi.reset(),
  };
  const user = userEvent.setup();
  const view = render(
    <AppProviders queryClient={queryClient} demo={demo} locale={locale}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...view, user, router, queryClient };
}
