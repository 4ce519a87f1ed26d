import { useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { useAdvanceIntakeStage } from '../../api/queries/intake-queries';
import { intakeStageAdvanceSchema, intakeStages, type IntakeRecord } from '../../api/schemas/intake';
import { ErrorState } from '../../components/feedback/error-state';
import { FormField } from '../../components/form/form-field';
import { schemaResolver } from '../../components/form/schema-resolver';
import { applyServerErrors } from '../../components/form/server-errors';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { toast } from '../../components/ui/toaster';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';
import { todayInChina } from '../../lib/today';

type AdvanceValues = z.input<typeof intakeStageAdvanceSchema>;
const controlClass = 'h-9 rounded-md border bg-surface px-2 aria-invalid:border-danger';

/**
 * Moves a record on to a later stage on a given day. Skipping stages records them as reached the
 * same day, so that is confirmed first, naming the stages.
 */
export function AdvanceStageForm({ record }: { record: IntakeRecord }) {
  const { t } = useI18n();
  const format = useFormat();
  const later = intakeStages.slice(intakeStages.indexOf(record.stage) + 1);
  const since = record.stageDates[record.stage]!;
  const today = todayInChina();
  // The contract's shape, and the day between the current stage's date and today.
  const schema = intakeStageAdvanceSchema.refine((v) => v.on >= since && v.on <= today, {
    path: ['on'],
    message: t('intake.advanceOnRange', { from: format.date(since), to: format.date(today) }),
  });
  const form = useForm<AdvanceValues>({
    resolver: schemaResolver(schema, t),
    defaultValues: { stage: later[0]!, on: today },
  });
  const [stage, on] = useWatch({ control: form.control, name: ['stage', 'on'] });
  const [confirming, setConfirming] = useState(false);
  const advance = useAdvanceIntakeStage();
  const skipped = later.slice(0, later.indexOf(stage));
  const stageList = skipped.map((s) => t(`stage.${s}`)).join(t('common.listSeparator'));

  const save = form.handleSubmit((values) =>
    advance.mutate(
      { id: record.id, input: values, version: record.version },
      {
        onSuccess: () => toast({ tone: 'success', title: t('intake.advanced', { stage: t(`stage.${values.stage}`) }) }),
        onError: (error) => applyServerErrors(form, error, t),
      },
    ),
  );
  const submit = form.handleSubmit(() => (skipped.length > 0 ? setConfirming(true) : save()));

  return (
    <FormProvider {...form}>
      <form onSubmit={submit} noValidate className="rounded-md border p-3" aria-labelledby="advance-stage-title">
        <h3 id="advance-stage-title" className="mb-2 font-semibold">
          {t('intake.advance')}
        </h3>
        <div className="flex flex-wrap items-start gap-3 text-sm">
          <FormField<AdvanceValues> name="stage" label={t('intake.advanceTo')}>
            {(props) => (
              <select {...props} className={controlClass}>
                {later.map((s) => (
                  <option key={s} value={s}>
                    {t(`stage.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField<AdvanceValues> name="on" label={t('intake.advanceOn')}>
            {(props) => <input {...props} type="date" min={since} max={today} className={controlClass} />}
          </FormField>
          <Button type="submit" variant="primary" disabled={advance.isPending} className="mt-6">
            {t('intake.advance')}
          </Button>
        </div>
        {skipped.length > 0 && (
          <p className="mt-2 text-xs text-muted-foreground">{t('intake.skippedStages', { stages: stageList })}</p>
        )}
        {advance.error && <ErrorState error={advance.error} compact className="mt-2" />}
        <ConfirmDialog
          open={confirming}
          onOpenChange={setConfirming}
          title={t('intake.skipConfirmTitle')}
          description={t('intake.skipConfirmBody', {
            stages: stageList,
            stage: t(`stage.${stage}`),
            on: format.date(on || today),
          })}
          confirmLabel={t('intake.advance')}
          onConfirm={() => void save()}
        />
      </form>
    </FormProvider>
  );
}
