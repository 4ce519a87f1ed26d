import { Outlet } from 'react-router';
import { useDemo } from '../../lib/demo';
import { useI18n } from '../../lib/i18n/i18n';
import { useSessionState } from '../../lib/session';
import { Header } from './header';
import { Sidebar } from './sidebar';

export function AppLayout() {
  const { session } = useSessionState();
  const { t } = useI18n();
  const demo = useDemo();
  if (!session) return null;
  return (
    <div className="flex min-h-screen">
      <a
        href="#main"
        className="sr-only z-50 rounded bg-surface px-3 py-2 focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        {t('app.skipToContent')}
      </a>
      <Sidebar user={session.user} />
      {/* min-w-0 lets a wide table scroll inside its own container instead of widening the page. */}
      <div className="flex min-w-0 flex-1 flex-col">
        <Header user={session.user} />
        {demo && demo.activeFaults.length > 0 && (
          <p role="status" className="no-print border-b bg-warning/10 px-4 py-1.5 text-sm break-words text-warning">
            {t('demo.faultsActive', { faults: demo.activeFaults.join(t('common.listSeparator')) })}
          </p>
        )}
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 p-3 outline-none sm:p-4 lg:p-6">
          <Outlet />
        </main>
        {demo && (
          <footer className="border-t px-3 py-2 text-xs text-muted-foreground sm:px-4 lg:px-6">
            {t('demo.notice')}
          </footer>
        )}
      </div>
    </div>
  );
}
