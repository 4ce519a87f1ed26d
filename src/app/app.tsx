import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Toaster } from '../components/ui/toaster';
import { DemoProvider, type DemoControls } from '../lib/demo';
import { I18nProvider, type Locale } from '../lib/i18n/i18n';
import { ThemeProvider } from '../lib/theme';

interface AppProvidersProps {
  queryClient: QueryClient;
  demo: DemoControls | null;
  locale?: Locale;
  children: ReactNode;
}

/** Everything a page needs around it; the tests render through the same providers. */
export function AppProviders({ queryClient, demo, locale, children }: AppProvidersProps) {
  return (
    <I18nProvider locale={locale}>
      <ThemeProvider>
        <DemoProvider value={demo}>
          <QueryClientProvider client={queryClient}>
            {children}
            <Toaster />
          </QueryClientProvider>
        </DemoProvider>
      </ThemeProvider>
    </I18nProvider>
  );
}
