import { Bug } from 'lucide-react';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { Button } from '../../components/ui/button';
import { useI18n } from '../../lib/i18n/i18n';
import { NotFoundPage } from './not-found-page';

/** Catches a crash in one route; the shell and the other pages keep working. */
export function RouteErrorPage() {
  const error = useRouteError();
  const { t } = useI18n();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div role="alert" className="mx-auto max-w-lg py-16 text-center">
      <Bug className="mx-auto size-10 text-danger" aria-hidden />
      <h1 className="mt-3 text-xl font-semibold">{t('error.pageCrashed')}</h1>
      <p className="mt-2 text-muted-foreground">{t('error.pageCrashedHint')}</p>
      <details className="mt-3 text-left text-xs text-muted-foreground">
        <summary className="cursor-pointer">{t('common.details')}</summary>
        <code className="mt-1 block break-all">{message}</code>
      </details>
      <Button variant="primary" className="mt-5" onClick={() => window.location.reload()}>
        {t('error.reload')}
      </Button>
    </div>
  );
}
