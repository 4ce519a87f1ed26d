import { PanelLeftClose, PanelLeftOpen } from 'lucide-react';
import { useState } from 'react';
import { NavLink } from 'react-router';
import { can } from '../../api/permissions';
import type { User } from '../../api/schemas/auth';
import { Button } from '../../components/ui/button';
import { cn } from '../../lib/cn';
import { useI18n } from '../../lib/i18n/i18n';
import { appSections } from '../sections';
import { mediaQueries, useMediaQuery } from './use-media-query';

const COLLAPSED_KEY = 'tod.sidebarCollapsed';

export function AppMark({ iconOnly, className }: { iconOnly?: boolean; className?: string }) {
  const { t } = useI18n();
  return (
    <div className={cn('flex h-14 shrink-0 items-center gap-2', iconOnly ? 'justify-center px-2' : 'px-4', className)}>
      <span
        aria-hidden
        className="grid size-7 shrink-0 place-items-center rounded bg-primary text-sm font-bold text-primary-foreground"
      >
        才
      </span>
      {/* Wraps rather than truncates: "Talent Office Dashboard" needs two lines in 13 rem. */}
      <span className={iconOnly ? 'sr-only' : 'min-w-0 leading-tight font-semibold text-balance'}>{t('app.name')}</span>
    </div>
  );
}

/** The sections this user may open; labels stay in the accessible name when only icons show. */
export function NavLinks({ user, iconOnly, onNavigate }: { user: User; iconOnly?: boolean; onNavigate?: () => void }) {
  const { t } = useI18n();
  const visible = Object.values(appSections).filter(
    (section) => !('permission' in section) || can(user, section.permission),
  );
  return (
    <ul className="flex flex-col gap-0.5 p-2">
      {visible.map(({ path, label, icon: Icon }) => (
        <li key={path}>
          <NavLink
            to={path}
            end={path === '/'}
            onClick={onNavigate}
            title={iconOnly ? t(label) : undefined}
            className={({ isActive }) =>
              cn(
                'flex items-center gap-2.5 rounded-md py-2 text-sm',
                iconOnly ? 'justify-center px-2' : 'px-3',
                isActive ? 'bg-accent font-medium text-accent-foreground' : 'text-foreground hover:bg-muted',
              )
            }
          >
            <Icon className="size-4 shrink-0" aria-hidden />
            <span className={iconOnly ? 'sr-only' : undefined}>{t(label)}</span>
          </NavLink>
        </li>
      ))}
    </ul>
  );
}

/**
 * The side navigation from tablet width up: icons only below laptop width, labels beside them
 * above it unless the user collapsed it (remembered in this browser). Phones use `NavDrawer`.
 */
export function Sidebar({ user }: { user: User }) {
  const { t } = useI18n();
  const desktop = useMediaQuery(mediaQueries.desktop);
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSED_KEY) === 'true');
  const iconOnly = !desktop || collapsed;

  function toggle() {
    localStorage.setItem(COLLAPSED_KEY, String(!collapsed));
    setCollapsed(!collapsed);
  }

  return (
    <nav
      aria-label={t('nav.main')}
      className={cn(
        'no-print sticky top-0 hidden h-screen shrink-0 flex-col border-r bg-surface md:flex',
        iconOnly ? 'w-14' : 'w-52',
      )}
    >
      <AppMark iconOnly={iconOnly} className="border-b" />
      <div className="min-h-0 flex-1 overflow-y-auto">
        <NavLinks user={user} iconOnly={iconOnly} />
      </div>
      {desktop && (
        <div className={cn('border-t p-2', iconOnly && 'flex justify-center')}>
          <Button
            variant="ghost"
            size="icon"
            onClick={toggle}
            aria-expanded={!collapsed}
            aria-label={collapsed ? t('nav.expand') : t('nav.collapse')}
            title={collapsed ? t('nav.expand') : t('nav.collapse')}
          >
            {collapsed ? (
              <PanelLeftOpen className="size-4" aria-hidden />
            ) : (
              <PanelLeftClose className="size-4" aria-hidden />
            )}
          </Button>
        </div>
      )}
    </nav>
  );
}
