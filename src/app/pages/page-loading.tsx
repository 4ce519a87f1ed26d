import { LoaderCircle } from 'lucide-react';
import { useI18n } from '../../lib/i18n/i18n';

/** Shown while a route's code loads on the first visit. */
export function PageLoading() {
  const { t } = useI18n();
  return (
    <div role="status" className="grid min-h-[50vh] place-items-center text-muted-foreground">
      <span className="flex items-center gap-2">
        <LoaderCircle className="size-5 animate-spin" aria-hidden />
        {t('common.loading')}
      </span>
    </div>
  );
}
