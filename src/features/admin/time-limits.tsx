import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { dictionaryQueries, useUpdateDictionaryEntry } from '../../api/queries/dictionary-queries';
import type { DemandCategory } from '../../api/schemas/dictionaries';
import { ErrorState } from '../../components/feedback/error-state';
import { inputClass } from '../../components/form/form-field';
import { Button } from '../../components/ui/button';
import { Skeleton } from '../../components/ui/skeleton';
import { toast } from '../../components/ui/toaster';
import { describeError } from '../../lib/describe-error';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';

/** 办理时限: each demand category's working days, from signing to the answer. */
export function TimeLimits() {
  const { t } = useI18n();
  const dictionaries = useQuery(dictionaryQueries.all());
  return (
    <section aria-labelledby="time-limits-heading" className="space-y-3">
      <h2 id="time-limits-heading" className="text-lg font-semibold">
        {t('admin.timeLimits')}
      </h2>
      <p className="text-sm text-muted-foreground">{t('admin.timeLimitsHint')}</p>
      {dictionaries.isPending && <Skeleton className="h-48 w-full" />}
      {dictionaries.error && !dictionaries.data && (
        <ErrorState error={dictionaries.error} onRetry={() => void dictionaries.refetch()} />
      )}
      {dictionaries.data && (
        <table className="w-full max-w-xl text-sm">
          <caption className="sr-only">{t('admin.timeLimits')}</caption>
          <thead className="text-left text-muted-foreground">
            <tr>
              <th scope="col" className="py-2">
                {t('case.field.category')}
              </th>
              <th scope="col" className="py-2">
                {t('admin.workingDays')}
              </th>
              <th scope="col" className="py-2">
                <span className="sr-only">{t('common.save')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {dictionaries.data.demandCategories.map((category) => (
              <TimeLimitRow key={`${category.code}:${category.timeLimitDays}`} category={category} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function TimeLimitRow({ category }: { category: DemandCategory }) {
  const { t } = useI18n();
  const format = useFormat();
  const [days, setDays] = useState(String(category.timeLimitDays));
  const [error, setError] = useState<string | null>(null);
  const update = useUpdateDictionaryEntry();
  const value = Number(days);
  const valid = Number.isInteger(value) && value >= 1 && value <= 60;
  const name = format.entry(category);
  const id = `limit-${category.code}`;
  return (
    <tr className="border-t">
      <th scope="row" className="py-2 text-left font-normal">
        <label htmlFor={id}>{name}</label>
      </th>
      <td className="py-2">
        <input
          id={id}
          type="number"
          min={1}
          max={60}
          value={days}
          aria-invalid={!valid || undefined}
          aria-describedby={!valid || error ? `${id}-error` : undefined}
          onChange={(event) => setDays(event.target.value)}
          className={`${inputClass} w-24`}
        />
        {(!valid || error) && (
          <p id={`${id}-error`} className="mt-1 text-xs text-danger">
            {valid ? error : t('admin.workingDaysRange')}
          </p>
        )}
      </td>
      <td className="py-2 text-right">
        <Button
          size="sm"
          disabled={!valid || value === category.timeLimitDays || update.isPending}
          onClick={() => {
            setError(null);
            const { name: zh, nameEn, order, active } = category;
            update.mutate(
              {
                kind: 'demandCategories',
                code: category.code,
                input: { name: zh, nameEn, order, active, timeLimitDays: value },
              },
              {
                onSuccess: () =>
                  toast({ tone: 'success', title: t('admin.timeLimitSaved', { category: name, days: value }) }),
                onError: (e) => setError(describeError(e, t)),
              },
            );
          }}
        >
          {t('common.save')}
        </Button>
      </td>
    </tr>
  );
}
