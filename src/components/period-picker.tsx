import { CalendarRange } from 'lucide-react';
import { useId } from 'react';
import { monthSpan, quarterSpan, shiftYears, todayInChina, yearSpan } from '../lib/calendar';
import { cn } from '../lib/cn';
import { useI18n } from '../lib/i18n/i18n';
import type { MessageKey } from '../lib/i18n/zh-cn';

export interface Period {
  from?: string;
  to?: string;
}

type Preset = 'all' | 'thisMonth' | 'thisQuarter' | 'thisYear' | 'lastYear';

/** The calendar ranges staff ask for, as of `today` (YYYY-MM-DD). */
export function presetPeriod(preset: Preset, today: string): Period {
  switch (preset) {
    case 'all':
      return {};
    case 'thisMonth':
      return monthSpan(today);
    case 'thisQuarter':
      return quarterSpan(today);
    case 'thisYear':
      return yearSpan(today);
    case 'lastYear':
      return yearSpan(shiftYears(today, -1));
  }
}

const presets: Preset[] = ['all', 'thisMonth', 'thisQuarter', 'thisYear', 'lastYear'];

/** Quick ranges plus a custom from–to; the value lives in the caller's URL state. */
export function PeriodPicker({
  value,
  onChange,
  allowAll = true,
}: {
  value: Period;
  onChange: (period: Period) => void;
  allowAll?: boolean;
}) {
  const { t } = useI18n();
  const id = useId();
  const today = todayInChina();
  const active = presets.find((p) => {
    const period = presetPeriod(p, today);
    return period.from === value.from && period.to === value.to;
  });
  const invalid = Boolean(value.from && value.to && value.from > value.to);
  return (
    <fieldset className="flex flex-wrap items-center gap-2">
      <legend className="sr-only">{t('period.label')}</legend>
      <CalendarRange className="size-4 text-muted-foreground" aria-hidden />
      <div role="group" aria-label={t('period.label')} className="flex overflow-hidden rounded-md border">
        {presets
          .filter((p) => allowAll || p !== 'all')
          .map((preset) => (
            <button
              key={preset}
              type="button"
              aria-pressed={active === preset}
              onClick={() => onChange(presetPeriod(preset, today))}
              className={cn(
                'border-r px-2.5 py-1 text-sm last:border-r-0',
                active === preset ? 'bg-primary text-primary-foreground' : 'bg-surface hover:bg-muted',
              )}
            >
              {t(`period.${preset}` as MessageKey)}
            </button>
          ))}
      </div>
      <label htmlFor={`${id}-from`} className="text-sm text-muted-foreground">
        {t('period.from')}
      </label>
      <input
        id={`${id}-from`}
        type="date"
        value={value.from ?? ''}
        max={value.to}
        onChange={(event) => onChange({ ...value, from: event.target.value || undefined })}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        className="h-8 rounded-md border bg-surface px-2 text-sm"
      />
      <label htmlFor={`${id}-to`} className="text-sm text-muted-foreground">
        {t('period.to')}
      </label>
      <input
        id={`${id}-to`}
        type="date"
        value={value.to ?? ''}
        min={value.from}
        onChange={(event) => onChange({ ...value, to: event.target.value || undefined })}
        aria-invalid={invalid || undefined}
        className="h-8 rounded-md border bg-surface px-2 text-sm"
      />
      {invalid && (
        <p id={`${id}-error`} role="alert" className="text-sm text-danger">
          {t('period.invalid')}
        </p>
      )}
    </fieldset>
  );
}
