import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, useFormContext, type Path } from 'react-hook-form';
import type { z } from 'zod';
import { caseQueries, useSaveScoringSettings } from '../../api/queries/case-queries';
import {
  scoreRateSchema,
  scoringSettingsFieldsSchema,
  scoringSettingsRules,
  type CaseScores,
  type DepartmentScore,
  type ScoreRatio,
  type ScoreTier,
  type ScoringSettings,
} from '../../api/schemas/case-scores';
import { ErrorState } from '../../components/feedback/error-state';
import { FormDialog, useFormDialogOutcome } from '../../components/form/form-dialog';
import { FormField, inputClass } from '../../components/form/form-field';
import { schemaResolver } from '../../components/form/schema-resolver';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Skeleton } from '../../components/ui/skeleton';
import { downloadCsv } from '../../lib/csv';
import { useFormat, type Formatters } from '../../lib/i18n/format';
import { printDocument } from '../../lib/print';
import { useI18n, type Translate } from '../../lib/i18n/i18n';
import { useSessionState } from '../../lib/session';
import { useCan } from '../../lib/use-can';
import { TALENT_OFFICE_DEPARTMENT } from '../../api/permissions';
import type { CaseLabels } from './use-case-labels';

const tierTone: Record<ScoreTier, 'success' | 'neutral' | 'warning' | 'danger'> = {
  excellent: 'success',
  good: 'neutral',
  pass: 'warning',
  poor: 'danger',
};

/**
 * 部门考核: each department's month by the rates written out beside the table, a composite score on
 * the weights a manager sets, and tiers rather than a bare ranking; the month's notice (通报) draft,
 * naming the departments below 合格, ready to print; the table as CSV.
 */
export function CaseScoresPanel({
  period,
  onPeriod,
  labels,
}: {
  period: string;
  onPeriod: (period: string) => void;
  labels: CaseLabels;
}) {
  const { t } = useI18n();
  const format = useFormat();
  const scores = useQuery(caseQueries.scores(period));
  const canSet = useCan('case:configure');
  // The notice speaks for the talent office about every department: a department sees its own row only.
  const office = useSessionState().session?.user.departmentCode === TALENT_OFFICE_DEPARTMENT;
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [noticeOpen, setNoticeOpen] = useState(false);
  const s = scores.data;
  const name = (code: string) => labels.label('department', code);

  return (
    <div className="space-y-5">
      <h2 className="text-lg font-semibold">{t('case.tab.scores')}</h2>
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-sm">
          <span className="text-muted-foreground">{t('score.period')}</span>
          <input
            type="month"
            className="h-9 rounded-md border bg-surface px-2"
            value={period}
            onChange={(event) => event.target.value && onPeriod(event.target.value)}
          />
        </label>
        {s?.partial && <p className="text-sm text-warning">{t('score.partial')}</p>}
        <div className="ml-auto flex flex-wrap gap-2">
          {canSet && s && (
            <Button size="sm" onClick={() => setSettingsOpen(true)}>
              {t('score.settings')}
            </Button>
          )}
          <Button size="sm" disabled={!s} onClick={() => s && downloadCsv(scoresCsv(s, name, t), `考核-${period}.csv`)}>
            {t('score.csv')}
          </Button>
          {office && (
            <Button size="sm" variant="primary" disabled={!s} onClick={() => setNoticeOpen((open) => !open)}>
              {t(noticeOpen ? 'score.hideNotice' : 'score.notice')}
            </Button>
          )}
        </div>
      </div>
      {scores.isPending && <Skeleton className="h-64 w-full" />}
      {scores.error && !s && <ErrorState error={scores.error} onRetry={() => void scores.refetch()} />}
      {s && (
        <>
          <p className="text-sm text-muted-foreground">{settingsLine(s.settings, t, format)}</p>
          {s.direct && (
            <p className="text-sm">
              {s.direct.answered === 0
                ? t('score.directNone')
                : t('score.direct', {
                    answered: s.direct.answered,
                    direct: s.direct.direct,
                    share: format.percent(s.direct.direct / s.direct.answered),
                  })}
            </p>
          )}
          <ScoreTable scores={s} name={name} />
          {office && noticeOpen && <ScoreNotice scores={s} name={name} />}
          <Definitions />
          {settingsOpen && <SettingsDialog settings={s.settings} onOpenChange={setSettingsOpen} />}
        </>
      )}
    </div>
  );
}

function settingsLine(settings: ScoringSettings, t: Translate, format: Formatters): string {
  const weights = scoreRateSchema.options
    .map((rate) => `${t(`score.rate.${rate}`)} ${format.integer(settings.weights[rate] ?? 0)}`)
    .join(t('common.listSeparator'));
  return t('score.settingsLine', {
    weights,
    excellent: settings.thresholds.excellent,
    good: settings.thresholds.good,
    pass: settings.thresholds.pass,
    minimum: settings.minimumCases,
  });
}

function Ratio({ ratio }: { ratio: ScoreRatio }) {
  const format = useFormat();
  if (ratio.rate === null) return <span className="text-muted-foreground">—</span>;
  return (
    <span className="flex flex-col">
      <span className="tabular-nums">{format.percent(ratio.rate)}</span>
      <span className="text-xs text-muted-foreground tabular-nums">
        {format.integer(ratio.count)}/{format.integer(ratio.of)}
      </span>
    </span>
  );
}

function ScoreTable({ scores, name }: { scores: CaseScores; name: (code: string) => string }) {
  const { t } = useI18n();
  const format = useFormat();
  if (scores.departments.length === 0) return <p className="text-sm text-muted-foreground">{t('score.empty')}</p>;
  return (
    <div className="overflow-x-auto rounded-lg border">
      <table className="w-full min-w-[56rem] text-sm">
        <caption className="sr-only">
          {t(scores.direct === null ? 'score.captionOwn' : 'score.caption', { month: scores.month })}
        </caption>
        <thead className="bg-muted/50 text-left">
          <tr>
            <th scope="col" className="px-3 py-2">
              {t('case.field.department')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('score.score')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('score.tier')}
            </th>
            {scoreRateSchema.options.map((rate) => (
              <th key={rate} scope="col" className="px-3 py-2">
                {t(`score.rate.${rate}`)}
              </th>
            ))}
            <th scope="col" className="px-3 py-2">
              {t('score.averageWorkingDays')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('score.overdue')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('score.returns')}
            </th>
          </tr>
        </thead>
        <tbody>
          {scores.departments.map((row) => (
            <tr key={row.departmentCode} className="border-t">
              <th scope="row" className="px-3 py-2 text-left font-medium">
                {name(row.departmentCode)}
              </th>
              <td className="px-3 py-2 tabular-nums">{row.score === null ? '—' : format.decimal(row.score)}</td>
              <td className="px-3 py-2">
                {row.tier ? (
                  <Badge tone={tierTone[row.tier]} className="whitespace-nowrap">
                    {t(`score.tierName.${row.tier}`)}
                  </Badge>
                ) : (
                  <span className="text-xs text-muted-foreground">{t('score.untiered')}</span>
                )}
              </td>
              {scoreRateSchema.options.map((rate) => (
                <td key={rate} className="px-3 py-2">
                  <Ratio ratio={row[rate]} />
                </td>
              ))}
              <td className="px-3 py-2 tabular-nums">
                {row.averageWorkingDays === null ? '—' : format.decimal(row.averageWorkingDays)}
              </td>
              <td className={row.overdue > 0 ? 'px-3 py-2 text-danger tabular-nums' : 'px-3 py-2 tabular-nums'}>
                {format.integer(row.overdue)}
              </td>
              <td className="px-3 py-2 tabular-nums">
                {t('score.returnsOf', { returns: row.returns, overruled: row.returnsOverruled })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** 指标口径: every figure's definition, as the rules count it. */
function Definitions() {
  const { t } = useI18n();
  const terms = [
    ...scoreRateSchema.options.map((rate) => [t(`score.rate.${rate}`), t(`score.define.${rate}`)] as const),
    [t('score.averageWorkingDays'), t('score.define.averageWorkingDays')] as const,
    [t('score.overdue'), t('score.define.overdue')] as const,
    [t('score.returns'), t('score.define.returns')] as const,
    [t('score.score'), t('score.define.score')] as const,
  ];
  return (
    <section aria-labelledby="score-definitions" className="rounded-lg border p-4">
      <h3 id="score-definitions" className="mb-2 text-sm font-semibold">
        {t('score.definitions')}
      </h3>
      <dl className="grid gap-x-4 gap-y-1.5 text-sm sm:grid-cols-[9rem_1fr]">
        {terms.map(([term, definition]) => (
          <div key={term} className="contents">
            <dt className="font-medium">{term}</dt>
            <dd className="text-muted-foreground">{definition}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** The month's notice draft, from the figures alone: who is below 合格, and by how much; printable. */
function ScoreNotice({ scores, name }: { scores: CaseScores; name: (code: string) => string }) {
  const { t } = useI18n();
  const format = useFormat();
  const [year, month] = scores.month.split('-').map(Number) as [number, number];
  const tiered = scores.departments.filter((d) => d.tier !== null);
  const untiered = scores.departments.length - tiered.length;
  const minimum = scores.settings.minimumCases;
  const poor = tiered.filter((d) => d.tier === 'poor');
  const excellent = tiered.filter((d) => d.tier === 'excellent');
  const rate = (r: ScoreRatio) => (r.rate === null ? '—' : format.percent(r.rate));
  const line = (d: DepartmentScore) =>
    t('score.noticeLine', {
      department: name(d.departmentCode),
      score: d.score === null ? '—' : format.decimal(d.score),
      onTime: rate(d.onTime),
      timelySign: rate(d.timelySign),
      satisfaction: rate(d.satisfaction),
      overdue: d.overdue,
      returns: d.returns,
    });
  return (
    <section aria-labelledby="score-notice-title" className="print-document rounded-lg border bg-surface p-6">
      <h3 id="score-notice-title" className="text-center text-lg font-semibold">
        {t('score.noticeTitle', { year, month })}
      </h3>
      <p className="mt-4 text-sm leading-7">
        {tiered.length === 0
          ? t('score.noticeNoneTiered', { year, month, minimum })
          : t('score.noticeIntro', {
              year,
              month,
              departments: tiered.length,
              excellent: excellent.length,
              poor: poor.length,
              pass: scores.settings.thresholds.pass,
            })}
        {tiered.length > 0 && untiered > 0 && t('score.noticeUntiered', { departments: untiered, minimum })}
        {scores.partial && t('score.noticePartial')}
      </p>
      {excellent.length > 0 && (
        <p className="mt-2 text-sm leading-7">
          {t('score.noticeExcellent', { departments: excellent.map((d) => name(d.departmentCode)).join('、') })}
        </p>
      )}
      {poor.length > 0 ? (
        <>
          <p className="mt-2 text-sm leading-7">{t('score.noticePoor')}</p>
          <ol className="mt-1 list-decimal space-y-1 pl-6 text-sm leading-7">
            {poor.map((d) => (
              <li key={d.departmentCode}>{line(d)}</li>
            ))}
          </ol>
          <p className="mt-2 text-sm leading-7">{t('score.noticeAsk')}</p>
        </>
      ) : (
        tiered.length > 0 && (
          <p className="mt-2 text-sm leading-7">
            {t('score.noticeNonePoor', { pass: scores.settings.thresholds.pass })}
          </p>
        )
      )}
      <p className="mt-6 text-right text-sm">{t('score.noticeSigned')}</p>
      <p className="text-right text-sm">{format.date(scores.at)}</p>
      <div className="no-print mt-4 flex justify-end">
        <Button size="sm" onClick={printDocument}>
          {t('score.print')}
        </Button>
      </div>
    </section>
  );
}

const settingsFormSchema = (t: Translate) =>
  scoringSettingsFieldsSchema
    .refine(scoringSettingsRules[0].holds, { path: ['weights'], message: t('score.weightsSum') })
    .refine(scoringSettingsRules[1].holds, { path: ['thresholds'], message: t('score.thresholdsOrder') });
type SettingsValues = z.input<ReturnType<typeof settingsFormSchema>>;

/** 权重与档次: a manager's; the version seen travels with it. */
function SettingsDialog({
  settings,
  onOpenChange,
}: {
  settings: ScoringSettings;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useI18n();
  const form = useForm<SettingsValues>({
    resolver: schemaResolver(settingsFormSchema(t), t),
    defaultValues: { weights: settings.weights, thresholds: settings.thresholds, minimumCases: settings.minimumCases },
  });
  const save = useSaveScoringSettings();
  const outcome = useFormDialogOutcome(form, onOpenChange, {
    done: () => t('score.saved'),
    recordKey: caseQueries.scoringSettings().queryKey,
  });
  const submit = form.handleSubmit((input) => save.mutate({ input, version: settings.version }, outcome));
  return (
    <FormDialog
      title={t('score.settings')}
      description={t('score.settingsHint')}
      form={form}
      onSubmit={submit}
      pending={save.isPending}
      error={save.error}
      open
      onOpenChange={onOpenChange}
    >
      <fieldset className="grid grid-cols-2 gap-3">
        <legend className="mb-1 text-sm font-medium">{t('score.weights')}</legend>
        {scoreRateSchema.options.map((rate) => (
          <NumberField key={rate} name={`weights.${rate}`} label={t(`score.rate.${rate}`)} min={0} />
        ))}
      </fieldset>
      <fieldset className="grid grid-cols-3 gap-3">
        <legend className="mb-1 text-sm font-medium">{t('score.thresholds')}</legend>
        {(['excellent', 'good', 'pass'] as const).map((tier) => (
          <NumberField key={tier} name={`thresholds.${tier}`} label={t(`score.tierName.${tier}`)} min={0} />
        ))}
      </fieldset>
      {[form.formState.errors.weights?.message, form.formState.errors.thresholds?.message].map(
        (message) =>
          message && (
            <p key={message} role="alert" className="text-sm text-danger">
              {message}
            </p>
          ),
      )}
      <NumberField name="minimumCases" label={t('score.minimumCases')} min={1} />
    </FormDialog>
  );
}

/** A whole number from `min` to 100 in the settings form, read as a number (empty: none). */
function NumberField({ name, label, min }: { name: Path<SettingsValues>; label: string; min: number }) {
  const { register } = useFormContext<SettingsValues>();
  return (
    <FormField<SettingsValues> name={name} label={label} required>
      {(props) => (
        <input
          {...props}
          {...register(name, { setValueAs: (v: string) => (v === '' ? Number.NaN : Number(v)) })}
          type="number"
          min={min}
          max={100}
          className={inputClass}
        />
      )}
    </FormField>
  );
}

/** The table as the CSV a manager opens in Excel: headers in Chinese, rates as percentages. */
function scoresCsv(scores: CaseScores, name: (code: string) => string, t: Translate): string[][] {
  const pct = (r: ScoreRatio) => (r.rate === null ? '' : (r.rate * 100).toFixed(1));
  return [
    [
      t('case.field.department'),
      t('score.score'),
      t('score.tier'),
      ...scoreRateSchema.options.map((rate) => `${t(`score.rate.${rate}`)}（%）`),
      t('score.averageWorkingDays'),
      t('score.overdue'),
      t('score.returnsCount'),
      t('score.returnsOverruled'),
    ],
    ...scores.departments.map((d) => [
      name(d.departmentCode),
      d.score === null ? '' : String(d.score),
      d.tier === null ? t('score.untiered') : t(`score.tierName.${d.tier}`),
      ...scoreRateSchema.options.map((rate) => pct(d[rate])),
      d.averageWorkingDays === null ? '' : String(d.averageWorkingDays),
      String(d.overdue),
      String(d.returns),
      String(d.returnsOverruled),
    ]),
  ];
}
