import { SearchX } from 'lucide-react';
import { Link } from 'react-router';
import { Button } from '../../components/ui/button';
import { useI18n } from '../../lib/i18n/i18n';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <SearchX className="mx-auto size-10 text-muted-foreground" aria-hidden />
      <h1 className="mt-3 text-xl font-semibold">{t('page.notFound')}</h1>
      <p className="mt-2 text-muted-foreground">{t('page.notFoundHint')}</p>
      <Button asChild variant="primary" className="mt-5">
        <Link to="/">{t('common.backHome')}</Link>
      </Button>
    </div>
  );
}
