import { useMemo } from 'react';
import type { DictionaryEntry } from '../../api/schemas/dictionaries';
import { useI18n, type Locale } from './i18n';

/** Numbers, percentages and dates in the active locale, through Intl. */
export function createFormatters(locale: Locale) {
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  // Money as entered: 1200 stays 1,200 and 1200.5 stays 1,200.5 (万元 to the yuan at most).
  const amount = new Intl.NumberFormat(locale, { maximumFractionDigits: 4 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const signedPercent = new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  const date = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: 'Asia/Shanghai',
  });
  const dateTime = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Shanghai',
  });
  return {
    integer: (value: number) => integer.format(value),
    decimal: (value: number) => decimal.format(value),
    amount: (value: number) => amount.format(value),
    percent: (ratio: number) => percent.format(ratio),
    change: (ratio: number) => signedPercent.format(ratio),
    /** `YYYY-MM-DD` days are calendar dates: shown as such, whatever the time zone. */
    date: (value: string) => date.format(new Date(value.length === 10 ? `${value}T12:00:00+08:00` : value)),
    dateTime: (value: string) => dateTime.format(new Date(value)),
    entry: (entry: Pick<DictionaryEntry, 'name' | 'nameEn'> | undefined, fallback = '') =>
      entry ? (locale === 'en' ? entry.nameEn : entry.name) : fallback,
  };
}

export type Formatters = ReturnType<typeof createFormatters>;

export function useFormat(): Formatters {
  const { locale } = useI18n();
  return useMemo(() => createFormatters(locale), [locale]);
}
