import { NavLink } from 'react-router';
import { can } from '../../api/permissions';
import type { Role } from '../../api/schemas/auth';
import { cn } from '../../lib/cn';
import { useI18n } from '../../lib/i18n/i18n';
import { appSections } from '../sections';

export function Sidebar({ role }: { role: Role }) {
  const { t } = useI18n();
  const visible = Object.values(appSections).filter(
    (section) => !('permission' in section) || can(role, section.permission),
  );
  return (
    <nav aria-label={t('nav.main')} className="no-print flex w-52 shrink-0 flex-col border-r bg-surface">
      <div className="flex h-14 items-center gap-2 border-b px-4">
        <span
          aria-hidden
          className="grid size-7 place-items-center rounded bg-primary text-sm font-bold text-primary-foreground"
        >
          才
        </span>
        <span className="font-semibold">{t('app.name')}</span>
      </div>
      <ul className="flex flex-col gap-0.5 p-2">
        {visible.map(({ path, label, icon: Icon }) => (
          <li key={path}>
            <NavLink
              to={path}
              end={path === '/'}
              className={({ isActive }) =>
                cn(
                  'flex items-center gap-2.5 rounded-md px-3 py-2 text-sm',
                  isActive ? 'bg-accent font-medium text-accent-foreground' : 'text-foreground hover:bg-muted',
                )
              }
            >
              <Icon className="size-4" aria-hidden />
              {t(label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
