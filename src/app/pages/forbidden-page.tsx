import { ShieldAlert } from 'lucide-react';
import { Link } from 'react-router';
import { Button } from '../../components/ui/button';
import { useI18n } from '../../lib/i18n/i18n';
import { useSessionState } from '../../lib/session';

export function ForbiddenPage() {
  const { t } = useI18n();
  const { session } = useSessionState();
  const role = session ? t(`role.${session.user.role}`) : '';
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <ShieldAlert className="mx-auto size-10 text-warning" aria-hidden />
      <h1 className="mt-3 text-xl font-semibold">{t('page.forbidden')}</h1>
      <p className="mt-2 text-muted-foreground">{t('page.forbiddenHint', { role })}</p>
      <Button asChild variant="primary" className="mt-5">
        <Link to="/">{t('common.backHome')}</Link>
      </Button>
    </div>
  );
}
