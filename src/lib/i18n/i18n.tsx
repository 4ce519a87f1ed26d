import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './en';
import { zhCN, type Message, type MessageKey, type Messages } from './zh-cn';

export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];
export type TranslationValues = Record<string, string | number>;
export type Translate = (key: MessageKey, values?: TranslationValues) => string;

const catalogues: Record<Locale, Messages> = { 'zh-CN': zhCN, en };
const STORAGE_KEY = 'tod.locale';

const pluralRules = new Map<Locale, Intl.PluralRules>();

function pluralRulesFor(locale: Locale): Intl.PluralRules {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules;
}

/** A number passed already formatted ("1,234") still chooses its plural form. */
function toNumber(value: string | number | undefined): number {
  if (typeof value === 'number') return value;
  if (value === undefined) return Number.NaN;
  return Number(value.replace(/[^\d.-]/g, ''));
}

/** The template for `message`: a plain string, or the plural form its number calls for. */
export function selectForm(locale: Locale, message: Message, values?: TranslationValues): string {
  if (typeof message === 'string') return message;
  const count = toNumber(values?.[message.by ?? 'count']);
  if (Number.isNaN(count)) return message.other;
  return message[pluralRulesFor(locale).select(count)] ?? message.other;
}

export function translate(locale: Locale, key: MessageKey, values?: TranslationValues): string {
  // A key built at run time (an audit action, say) may be missing: show it rather than fail.
  const message = catalogues[locale][key] ?? key;
  const template = selectForm(locale, message, values);
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

function initialLocale(): Locale {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'zh-CN';
}

interface I18nValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

/** zh-CN unless the user chose English; the choice is kept in this browser. */
export function I18nProvider({ children, locale: fixed }: { children: ReactNode; locale?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(() => fixed ?? initialLocale());

  // The page title is set per route (src/app/use-document-title.ts), in this language.
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18nValue>(
    () => ({ locale, setLocale, t: (key, values) => translate(locale, key, values) }),
    [locale, setLocale],
  );
  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18nValue {
  const value = use(I18nContext);
  if (!value) throw new Error('useI18n needs an I18nProvider');
  return value;
}
