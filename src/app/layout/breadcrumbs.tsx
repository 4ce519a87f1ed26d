import { ChevronRight } from 'lucide-react';
import { Link, useMatches } from 'react-router';
import { useI18n } from '../../lib/i18n/i18n';
import type { RouteHandle } from '../use-document-title';

/** Built from the `handle.crumb` of each matched route. */
export function Breadcrumbs() {
  const { t } = useI18n();
  const crumbs = useMatches().flatMap((match) => {
    const crumb = (match.handle as RouteHandle | undefined)?.crumb;
    return crumb ? [{ path: match.pathname, label: t(crumb) }] : [];
  });
  if (crumbs.length === 0) return null;
  return (
    <nav aria-label={t('nav.breadcrumb')} className="text-sm text-muted-foreground">
      <ol className="flex min-w-0 items-center gap-1">
        <li className="hidden sm:block">
          <Link to="/" className="hover:underline">
            {t('nav.home')}
          </Link>
        </li>
        {crumbs.map((crumb, index) => (
          <li key={crumb.path} className="flex min-w-0 items-center gap-1">
            <ChevronRight
              className={index === 0 ? 'hidden size-3.5 shrink-0 sm:block' : 'size-3.5 shrink-0'}
              aria-hidden
            />
            {index === crumbs.length - 1 ? (
              <span aria-current="page" className="truncate text-foreground">
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
