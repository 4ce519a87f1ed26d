import { ChevronRight } from 'lucide-react';
import { Link, useMatches } from 'react-router';
import { useI18n } from '../../lib/i18n/i18n';
import type { MessageKey } from '../../lib/i18n/zh-cn';

export interface RouteHandle {
  crumb?: MessageKey;
}

/** Built from the `handle.crumb` of each matched route. */
export function Breadcrumbs() {
  const { t } = useI18n();
  const crumbs = useMatches()
    .filter((match) => (match.handle as RouteHandle | undefined)?.crumb)
    .map((match) => ({ path: match.pathname, label: t((match.handle as Required<RouteHandle>).crumb) }));
  if (crumbs.length === 0) return null;
  return (
    <nav aria-label={t('nav.breadcrumb')} className="text-sm text-muted-foreground">
      <ol className="flex items-center gap-1">
        <li>
          <Link to="/" className="hover:underline">
            {t('nav.home')}
          </Link>
        </li>
        {crumbs.map((crumb, index) => (
          <li key={crumb.path} className="flex items-center gap-1">
            <ChevronRight className="size-3.5" aria-hidden />
            {index === crumbs.length - 1 ? (
              <span aria-current="page" className="text-foreground">
                {crumb.label}
              </span>
            ) : (
              <Link to={crumb.path} className="hover:underline">
                {crumb.label}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
