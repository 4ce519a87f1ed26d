import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ChevronDown, Languages, LogOut, Monitor, Moon, RotateCcw, Sun, UserRound } from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import { lazy, Suspense, useState } from 'react';
import { dictionaryQueries } from '../../api/queries/dictionary-queries';
import type { User } from '../../api/schemas/auth';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { LanguageSelect, localeNames } from '../../components/ui/language-select';
import { Menu, menuItemClass, MenuLabel, MenuSeparator } from '../../components/ui/menu';
import { toast } from '../../components/ui/toaster';
import { apiClient } from '../../lib/api-client';
import { useDemo } from '../../lib/demo';
import { useFormat } from '../../lib/i18n/format';
import { locales, useI18n, type Locale } from '../../lib/i18n/i18n';
import { sessionStore } from '../../lib/session';
import { useTheme, type ThemePreference } from '../../lib/theme';
import { Breadcrumbs } from './breadcrumbs';
import { CaseBell } from './case-bell';
import { mediaQueries, useMediaQuery } from './use-media-query';

// Dialog code is not on the first page: the phone drawer and the reset question load when needed.
const NavDrawer = lazy(() => import('./nav-drawer').then((m) => ({ default: m.NavDrawer })));
const ConfirmDialog = lazy(() =>
  import('../../components/ui/confirm-dialog').then((m) => ({ default: m.ConfirmDialog })),
);

const themeIcons = { light: Sun, dark: Moon, system: Monitor } as const;
const themeLabels = { light: 'header.themeLight', dark: 'header.themeDark', system: 'header.themeSystem' } as const;
const radioItemClass = `${menuItemClass} data-[state=checked]:text-primary`;

function ThemeOptions() {
  const { t } = useI18n();
  const { preference, setPreference } = useTheme();
  return (
    <DropdownMenu.RadioGroup value={preference} onValueChange={(value) => setPreference(value as ThemePreference)}>
      {(Object.keys(themeLabels) as ThemePreference[]).map((option) => {
        const Icon = themeIcons[option];
        return (
          <DropdownMenu.RadioItem key={option} value={option} className={radioItemClass}>
            <Icon className="size-4" aria-hidden />
            {t(themeLabels[option])}
          </DropdownMenu.RadioItem>
        );
      })}
    </DropdownMenu.RadioGroup>
  );
}

function LanguageOptions() {
  const { locale, setLocale } = useI18n();
  return (
    <DropdownMenu.RadioGroup value={locale} onValueChange={(value) => setLocale(value as Locale)}>
      {locales.map((option) => (
        <DropdownMenu.RadioItem key={option} value={option} lang={option} className={radioItemClass}>
          <Languages className="size-4" aria-hidden />
          {localeNames[option]}
        </DropdownMenu.RadioItem>
      ))}
    </DropdownMenu.RadioGroup>
  );
}

/**
 * Breadcrumbs, then the demo badge, language, theme and user menu. On phones the navigation moves
 * into a drawer and everything but the user menu folds into it.
 */
export function Header({ user }: { user: User }) {
  const { t } = useI18n();
  const format = useFormat();
  const { preference } = useTheme();
  const demo = useDemo();
  const queryClient = useQueryClient();
  const tablet = useMediaQuery(mediaQueries.tablet);
  const [confirmReset, setConfirmReset] = useState(false);
  const departments = useQuery({ ...dictionaryQueries.all(), select: (d) => d.departments });
  const department = format.entry(
    departments.data?.find((d) => d.code === user.departmentCode),
    user.departmentCode,
  );
  const ThemeIcon = themeIcons[preference];
  const role = t(`role.${user.role}`);

  async function signOut() {
    // Best effort: the session ends here even if the server cannot be told.
    await apiClient.request('logout').catch(() => undefined);
    sessionStore.end('signedOut');
    queryClient.clear();
  }

  async function resetDemo() {
    await demo?.reset();
    sessionStore.end('signedOut');
    queryClient.clear();
    toast({ title: t('demo.reset'), tone: 'success' });
  }

  return (
    <header className="no-print sticky top-0 z-30 flex h-14 items-center gap-2 border-b bg-surface px-3 md:gap-3 md:px-4">
      {!tablet && (
        <Suspense fallback={<span aria-hidden className="-ml-1 size-9 shrink-0" />}>
          <NavDrawer user={user} />
        </Suspense>
      )}
      <div className="min-w-0 flex-1">
        <Breadcrumbs />
      </div>
      <div className="flex shrink-0 items-center gap-2">
        {tablet && demo && (
          <Badge tone="warning" title={t('demo.notice')} className="shrink-0 whitespace-nowrap">
            {t('demo.badge')}
          </Badge>
        )}
        <CaseBell />
        {tablet && <LanguageSelect />}
        {tablet && (
          <Menu
            className="min-w-36"
            trigger={
              <Button
                variant="ghost"
                size="icon"
                aria-label={`${t('header.theme')}${t('common.colon')}${t(themeLabels[preference])}`}
              >
                <ThemeIcon className="size-4" aria-hidden />
              </Button>
            }
          >
            <ThemeOptions />
          </Menu>
        )}
        <Menu
          className="min-w-56"
          trigger={
            <Button variant="ghost" className={tablet ? undefined : 'px-2'}>
              <span className="sr-only">{t('header.userMenu')}</span>
              {!tablet && <UserRound className="size-4" aria-hidden />}
              <span className="font-medium">{user.displayName}</span>
              {tablet && <Badge tone="primary">{role}</Badge>}
              {!tablet && <span className="sr-only">{role}</span>}
              <ChevronDown className="size-4" aria-hidden />
            </Button>
          }
        >
          <div className="px-2 py-1.5 text-sm">
            <p className="flex items-center gap-2 font-medium">
              {user.displayName}
              {!tablet && <Badge tone="primary">{role}</Badge>}
            </p>
            <p className="text-muted-foreground">
              {t('header.department')}
              {t('common.colon')}
              {department}
            </p>
            {!tablet && demo && (
              <p className="mt-1.5">
                <Badge tone="warning">{t('demo.badge')}</Badge>
              </p>
            )}
          </div>
          {!tablet && (
            <>
              <MenuSeparator />
              <MenuLabel>{t('header.language')}</MenuLabel>
              <LanguageOptions />
              <MenuSeparator />
              <MenuLabel>{t('header.theme')}</MenuLabel>
              <ThemeOptions />
            </>
          )}
          <MenuSeparator />
          {demo && (
            <DropdownMenu.Item onSelect={() => setConfirmReset(true)} className={menuItemClass}>
              <RotateCcw className="size-4" aria-hidden />
              {t('demo.reset')}
            </DropdownMenu.Item>
          )}
          <DropdownMenu.Item onSelect={() => void signOut()} className={menuItemClass}>
            <LogOut className="size-4" aria-hidden />
            {t('header.signOut')}
          </DropdownMenu.Item>
        </Menu>
      </div>
      {confirmReset && (
        <Suspense fallback={null}>
          <ConfirmDialog
            open
            onOpenChange={setConfirmReset}
            title={t('demo.reset')}
            description={t('demo.resetConfirm')}
            confirmLabel={t('demo.reset')}
            destructive
            onConfirm={() => void resetDemo()}
          />
        </Suspense>
      )}
    </header>
  );
}
