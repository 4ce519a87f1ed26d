import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { zhCN, type Message, type MessageKey, type Messages } from './zh-cn';

export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];
export type TranslationValues = Record<string, string | number>;
export type Translate = (key: MessageKey, values?: TranslationValues) => string;

/**
 * Chinese: the shell's strings ship with the first page and the areas' load with the first area
 * page (`loadCatalogue`); English loads whole when it is chosen.
 */
const catalogues: Partial<Record<Locale, Partial<Messages>>> = { 'zh-CN': zhCN };
const complete = new Set<Locale>();
/**
 * Makes a locale's strings available before they are shown: `shell` is enough for the first page
 * (sign-in, the frame); `all` adds the areas'.
 */
export async function loadCatalogue(locale: Locale, part: 'shell' | 'all' = 'all'): Promise<void> {
  if (complete.has(locale) || (part === 'shell' && catalogues[locale])) return;
  if (locale === 'en') catalogues.en = (await import('./en')).en;
  else catalogues['zh-CN'] = { ...zhCN, ...(await import('./zh-cn-areas')).zhCNAreas };
  complete.add(locale);
}

const STORAGE_KEY = 'tod.locale';

/** The language on screen, for route loaders that fetch an area's strings with its code. */
let active: Locale = initialLocale();

export function activeLocale(): Locale {
  return active;
}

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
  const message = catalogues[locale]?.[key] ?? (zhCN as Partial<Messages>)[key] ?? key;
  const template = selectForm(locale, message, values);
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

export function initialLocale(): Locale {
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
    active = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(STORAGE_KEY, next);
    void loadCatalogue(next).then(() => setLocaleState(next));
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
