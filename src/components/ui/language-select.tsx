import { Languages } from 'lucide-react';
import { locales, useI18n, type Locale } from '../../lib/i18n/i18n';

/** Each language in its own name, so a reader of either can find theirs. */
export const localeNames: Record<Locale, string> = { 'zh-CN': '简体中文', en: 'English' };

/** The language as a native select: in the header on wide screens, and on the login page. */
export function LanguageSelect() {
  const { t, locale, setLocale } = useI18n();
  return (
    <label className="flex shrink-0 items-center gap-1.5 text-sm">
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
  );
}
