import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ChevronDown, Languages, LogOut, Monitor, Moon, RotateCcw, Sun } from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import { useState } from 'react';
import { dictionaryQueries } from '../../api/queries/dictionary-queries';
import type { User } from '../../api/schemas/auth';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { Menu, menuItemClass, MenuSeparator } from '../../components/ui/menu';
import { toast } from '../../components/ui/toaster';
import { apiClient } from '../../lib/api-client';
import { useDemo } from '../../lib/demo';
import { useFormat } from '../../lib/i18n/format';
import { locales, useI18n, type Locale } from '../../lib/i18n/i18n';
import { sessionStore } from '../../lib/session';
import { useTheme, type ThemePreference } from '../../lib/theme';
import { Breadcrumbs } from './breadcrumbs';

const localeNames: Record<Locale, string> = { 'zh-CN': '简体中文', en: 'English' };
const themeIcons = { light: Sun, dark: Moon, system: Monitor } as const;
const themeLabels = { light: 'header.themeLight', dark: 'header.themeDark', system: 'header.themeSystem' } as const;

export function Header({ user }: { user: User }) {
  const { t, locale, setLocale } = useI18n();
  const format = useFormat();
  const { preference, setPreference } = useTheme();
  const demo = useDemo();
  const queryClient = useQueryClient();
  const [confirmReset, setConfirmReset] = useState(false);
  const departments = useQuery({ ...dictionaryQueries.all(), select: (d) => d.departments });
  const department = format.entry(
    departments.data?.find((d) => d.code === user.departmentCode),
    user.departmentCode,
  );
  const ThemeIcon = themeIcons[preference];

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
    <header className="no-print flex h-14 items-center gap-3 border-b bg-surface px-4">
      <Breadcrumbs />
      <div className="ml-auto flex items-center gap-2">
        {demo && (
          <Badge tone="warning" title={t('demo.notice')}>
            {t('demo.badge')}
          </Badge>
        )}
        <label className="flex items-center gap-1.5 text-sm">
          <Languages className="size-4 text-muted-foreground" aria-hidden />
          <span className="sr-only">{t('header.language')}</span>
          <select
            value={locale}
            onChange={(event) => setLocale(event.target.value as Locale)}
            className="h-8 rounded-md border bg-surface px-1.5 text-sm"
          >
            {locales.map((l) => (
              <option key={l} value={l} lang={l}>
                {localeNames[l]}
              </option>
            ))}
          </select>
        </label>
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
          <DropdownMenu.RadioGroup
            value={preference}
            onValueChange={(value) => setPreference(value as ThemePreference)}
          >
            {(Object.keys(themeLabels) as ThemePreference[]).map((option) => {
              const Icon = themeIcons[option];
              return (
                <DropdownMenu.RadioItem
                  key={option}
                  value={option}
                  className={`${menuItemClass} data-[state=checked]:text-primary`}
                >
                  <Icon className="size-4" aria-hidden />
                  {t(themeLabels[option])}
                </DropdownMenu.RadioItem>
              );
            })}
          </DropdownMenu.RadioGroup>
        </Menu>
        <Menu
          className="min-w-56"
          trigger={
            <Button variant="ghost">
              <span className="sr-only">{t('header.userMenu')}</span>
              <span className="font-medium">{user.displayName}</span>
              <Badge tone="primary">{t(`role.${user.role}`)}</Badge>
              <ChevronDown className="size-4" aria-hidden />
            </Button>
          }
        >
          <div className="px-2 py-1.5 text-sm">
            <p className="font-medium">{user.displayName}</p>
            <p className="text-muted-foreground">
              {t('header.department')}
              {t('common.colon')}
              {department}
            </p>
          </div>
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
      <ConfirmDialog
        open={confirmReset}
        onOpenChange={setConfirmReset}
        title={t('demo.reset')}
        description={t('demo.resetConfirm')}
        confirmLabel={t('demo.reset')}
        destructive
        onConfirm={() => void resetDemo()}
      />
    </header>
  );
}
