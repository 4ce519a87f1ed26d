import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { isApiError } from '../../api/api-error';
import { dictionaryQueries, useSaveHolidayYear } from '../../api/queries/dictionary-queries';
import type { HolidayYear } from '../../api/schemas/calendar';
import { ErrorState } from '../../components/feedback/error-state';
import { inputClass } from '../../components/form/form-field';
import { Button } from '../../components/ui/button';
import { Skeleton } from '../../components/ui/skeleton';
import { toast } from '../../components/ui/toaster';
import { addDays, lastDayOfMonth, todayInChina } from '../../lib/calendar';
import { cn } from '../../lib/cn';
import { describeError } from '../../lib/describe-error';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';
import { isWeekend } from '../../lib/working-days';

const months = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));
const weekdayOf = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

/**
 * 节假日安排: a year's official arrangement as a wall calendar. A weekday clicked becomes a day off
 * (休), a weekend day a working day (调休上班); clicked again, it is ordinary. The year's days are
 * one grid for the keyboard: arrows move by a day or a week, Space or Enter marks. Saved whole,
 * with the version seen; deadlines count on it from then on.
 */
export function HolidayCalendar() {
  const { t } = useI18n();
  const format = useFormat();
  const holidays = useQuery(dictionaryQueries.holidays());
  const thisYear = Number(todayInChina().slice(0, 4));
  const [year, setYear] = useState(thisYear + 1);
  const dirty = useRef(false);
  const stored = holidays.data?.find((y) => y.year === year);
  const years = [...new Set([...(holidays.data ?? []).map((y) => y.year), thisYear, thisYear + 1])].sort();
  const missing = [thisYear, thisYear + 1].filter((y) => holidays.data && !holidays.data.some((h) => h.year === y));

  return (
    <section aria-labelledby="holidays-heading" className="space-y-4">
      <h2 id="holidays-heading" className="text-lg font-semibold">
        {t('admin.holidays')}
      </h2>
      <p className="text-sm text-muted-foreground">{t('admin.holidaysHint')}</p>
      {missing.length > 0 && (
        <p role="status" className="rounded-md border border-warning/50 bg-warning/10 p-3 text-sm">
          {t('admin.holidaysMissing', { years: missing.join('、') })}
        </p>
      )}
      <label className="flex w-40 flex-col gap-1 text-sm">
        <span className="text-muted-foreground">{t('admin.year')}</span>
        <select
          className={inputClass}
          value={year}
          onChange={(event) => {
            // Marks not saved are not dropped unasked.
            if (dirty.current && !window.confirm(t('admin.discard', { year }))) return;
            dirty.current = false;
            setYear(Number(event.target.value));
          }}
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {t('admin.yearOption', { year: y })}
              {holidays.data?.some((h) => h.year === y) ? '' : t('admin.notEntered')}
            </option>
          ))}
        </select>
      </label>
      {holidays.isPending && <Skeleton className="h-96 w-full" />}
      {holidays.error && !holidays.data && (
        <ErrorState error={holidays.error} onRetry={() => void holidays.refetch()} />
      )}
      {holidays.data && (
        <YearEditor
          key={`${year}:${stored?.version ?? 0}`}
          year={year}
          stored={stored}
          onDirty={(value) => (dirty.current = value)}
        />
      )}
      {stored?.updatedAt && (
        <p className="text-xs text-muted-foreground">
          {t('admin.updatedBy', { name: stored.updatedByName ?? '', at: format.dateTime(stored.updatedAt) })}
        </p>
      )}
    </section>
  );
}

function YearEditor({
  year,
  stored,
  onDirty,
}: {
  year: number;
  stored: HolidayYear | undefined;
  onDirty: (dirty: boolean) => void;
}) {
  const { t } = useI18n();
  const [off, setOff] = useState(() => new Set(stored?.off ?? []));
  const [work, setWork] = useState(() => new Set(stored?.work ?? []));
  const [source, setSource] = useState(stored?.source ?? t('admin.defaultSource', { year }));
  const [focused, setFocused] = useState(`${year}-01-01`);
  const [problem, setProblem] = useState<string[]>([]);
  const save = useSaveHolidayYear();
  const grid = useRef<HTMLDivElement>(null);
  const moved = useRef(false);

  useEffect(() => {
    if (!moved.current) return;
    grid.current?.querySelector<HTMLButtonElement>(`[data-day="${focused}"]`)?.focus();
  }, [focused]);

  useEffect(() => {
    const same = (a: Set<string>, b: readonly string[] = []) => a.size === b.length && b.every((d) => a.has(d));
    onDirty(!same(off, stored?.off) || !same(work, stored?.work));
  }, [off, work, stored, onDirty]);

  const toggle = (day: string) => {
    const set = isWeekend(day) ? work : off;
    const next = new Set(set);
    if (next.has(day)) next.delete(day);
    else next.add(day);
    (isWeekend(day) ? setWork : setOff)(next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const step = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 }[event.key];
    let next: string | null = step === undefined ? null : addDays(focused, step);
    if (event.key === 'Home') next = `${year}-01-01`;
    if (event.key === 'End') next = `${year}-12-31`;
    if (next === null || !next.startsWith(`${year}-`)) return;
    event.preventDefault();
    moved.current = true;
    setFocused(next);
  };

  const submit = () => {
    setProblem([]);
    save.mutate(
      { year, input: { off: [...off].sort(), work: [...work].sort(), source }, version: stored?.version ?? 0 },
      {
        onSuccess: () => toast({ tone: 'success', title: t('admin.saved', { year }) }),
        onError: (error) =>
          setProblem(
            isApiError(error) && error.fieldErrors.length > 0
              ? error.fieldErrors.map((e) => `${String(e.params?.day ?? e.field)}：${e.message}`)
              : [describeError(error, t)],
          ),
      },
    );
  };

  return (
    <div className="space-y-4">
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">{t('admin.source')}</span>
        <input className={inputClass} value={source} maxLength={200} onChange={(e) => setSource(e.target.value)} />
      </label>
      <p className="text-sm">
        {t('admin.counts', { off: off.size, work: work.size })}
        <span className="ml-3 inline-flex items-center gap-1">
          <span aria-hidden className="inline-block size-3 rounded-sm bg-danger/20" /> {t('admin.legendOff')}
        </span>
        <span className="ml-3 inline-flex items-center gap-1">
          <span aria-hidden className="inline-block size-3 rounded-sm bg-primary/25" /> {t('admin.legendWork')}
        </span>
      </p>
      <div
        ref={grid}
        role="group"
        aria-label={t('admin.calendarLabel', { year })}
        className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4"
      >
        {months.map((month) => (
          <MonthGrid
            key={month}
            first={`${year}-${month}-01`}
            off={off}
            work={work}
            focused={focused}
            onKeyDown={onKeyDown}
            onToggle={(day) => {
              moved.current = false;
              setFocused(day);
              toggle(day);
            }}
          />
        ))}
      </div>
      {problem.length > 0 && (
        <ul
          role="alert"
          className="list-disc rounded-md border border-danger/40 bg-danger/5 p-3 pl-8 text-sm text-danger"
        >
          {problem.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <div className="flex justify-end">
        <Button variant="primary" disabled={save.isPending} onClick={submit}>
          {t('admin.save', { year })}
        </Button>
      </div>
    </div>
  );
}

function MonthGrid({
  first,
  off,
  work,
  focused,
  onKeyDown,
  onToggle,
}: {
  first: string;
  off: Set<string>;
  work: Set<string>;
  focused: string;
  onKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => void;
  onToggle: (day: string) => void;
}) {
  const { t } = useI18n();
  const format = useFormat();
  const last = lastDayOfMonth(first);
  const days: string[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) days.push(day);
  const leading = (weekdayOf(first) + 6) % 7; // Monday first
  const monthLabel = t('admin.month', { month: Number(first.slice(5, 7)) });
  return (
    <div>
      <p className="mb-1 text-sm font-medium">{monthLabel}</p>
      <div className="grid grid-cols-7 gap-0.5 text-center text-xs">
        {(['0', '1', '2', '3', '4', '5', '6'] as const).map((d) => (
          <span key={d} aria-hidden className={cn('text-muted-foreground', Number(d) >= 5 && 'text-danger')}>
            {t(`admin.weekday.${d}`)}
          </span>
        ))}
        {Array.from({ length: leading }, (_, i) => (
          <span key={`gap-${i}`} aria-hidden />
        ))}
        {days.map((day) => {
          const weekend = isWeekend(day);
          const marked = weekend ? work.has(day) : off.has(day);
          const kind = weekend ? (marked ? 'work' : 'weekend') : marked ? 'off' : 'workday';
          return (
            <button
              key={day}
              type="button"
              data-day={day}
              tabIndex={day === focused ? 0 : -1}
              aria-pressed={marked}
              // The number shown first, so the name begins with what is seen.
              aria-label={`${Number(day.slice(8, 10))} ${format.date(day)} ${t(`admin.dayKind.${kind}`)}`}
              onClick={() => onToggle(day)}
              onKeyDown={onKeyDown}
              className={cn(
                'h-7 rounded-sm tabular-nums outline-offset-1 hover:ring-1 hover:ring-primary',
                kind === 'off' && 'bg-danger/20 font-semibold text-danger',
                kind === 'work' && 'bg-primary/25 font-semibold',
                kind === 'weekend' && 'text-muted-foreground',
              )}
            >
              {Number(day.slice(8, 10))}
            </button>
          );
        })}
      </div>
    </div>
  );
}
