import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import type { DemoControls } from '../lib/demo';
import { initialLocale, loadCatalogue } from '../lib/i18n/i18n';
import { AppProviders } from './app';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';
import './styles.css';

/**
 * The mock switch: the only place `src/` reaches into `mocks/`. Dev without VITE_API_URL (unless
 * VITE_ENABLE_MOCKS=false, as `npm run dev:server` sets) and the demo build start the MSW worker;
 * in a normal build this branch is dead and no mock code ships.
 */
async function startMocks(): Promise<DemoControls | null> {
  // Written out in full: Vite replaces `import.meta.env.X` at build time, so this branch (and the
  // mock code) drops out of a normal build; a destructured `import.meta.env` would keep it.
  const enabled = import.meta.env.VITE_ENABLE_MOCKS;
  if (enabled === 'true' || (import.meta.env.DEV && !import.meta.env.VITE_API_URL && enabled !== 'false')) {
    const { startMockApi } = await import('../../mocks/browser');
    return startMockApi();
  }
  return null;
}

const [demo] = await Promise.all([startMocks(), loadCatalogue(initialLocale(), 'shell')]);
const queryClient = createQueryClient();
const router = createAppRouter();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProviders queryClient={queryClient} demo={demo}>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
