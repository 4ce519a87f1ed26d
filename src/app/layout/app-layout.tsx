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
      <Sidebar role={session.user.role} />
      <div className="flex min-w-0 flex-1 flex-col">
        <Header user={session.user} />
        {demo && demo.activeFaults.length > 0 && (
          <p role="status" className="no-print border-b bg-warning/10 px-4 py-1.5 text-sm text-warning">
            {t('demo.faultsActive', { faults: demo.activeFaults.join(', ') })}
          </p>
        )}
        <main id="main" tabIndex={-1} className="flex-1 p-6 outline-none">
          <Outlet />
        </main>
        {demo && <footer className="border-t px-6 py-2 text-xs text-muted-foreground">{t('demo.notice')}</footer>}
      </div>
    </div>
  );
}
