import { useId, useState, type FormEvent } from 'react';
import { intakeStages, type IntakeRecord, type IntakeStage } from '../../api/schemas/intake';
import { ErrorState } from '../../components/feedback/error-state';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { toast } from '../../components/ui/toaster';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';
import { todayInChina } from '../../lib/today';
import { useAdvanceIntakeStage } from '../../api/queries/intake-queries';

/**
 * Moves a record on to a later stage on a given day. Skipping stages records them as reached the
 * same day, so that is confirmed first, naming the stages.
 */
export function AdvanceStageForm({ record }: { record: IntakeRecord }) {
  const { t } = useI18n();
  const format = useFormat();
  const id = useId();
  const later = intakeStages.slice(intakeStages.indexOf(record.stage) + 1);
  const [stage, setStage] = useState<IntakeStage>(later[0]!);
  const [on, setOn] = useState(todayInChina());
  const [confirming, setConfirming] = useState(false);
  const [invalid, setInvalid] = useState(false);
  const advance = useAdvanceIntakeStage();
  const since = record.stageDates[record.stage]!;
  const today = todayInChina();
  const skipped = later.slice(0, later.indexOf(stage));

  function save() {
    advance.mutate(
      { id: record.id, input: { stage, on }, version: record.version },
      { onSuccess: () => toast({ tone: 'success', title: t('intake.advanced', { stage: t(`stage.${stage}`) }) }) },
    );
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    const outOfRange = on === '' || on < since || on > today;
    setInvalid(outOfRange);
    if (outOfRange) return;
    if (skipped.length > 0) setConfirming(true);
    else save();
  }
  return (
    <form onSubmit={submit} noValidate className="rounded-md border p-3" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="mb-2 font-semibold">
        {t('intake.advance')}
      </h3>
      <div className="flex flex-wrap items-end gap-3 text-sm">
        <div>
          <label htmlFor={`${id}-stage`} className="block text-muted-foreground">
            {t('intake.advanceTo')}
          </label>
          <select
            id={`${id}-stage`}
            value={stage}
            onChange={(e) => setStage(e.target.value as IntakeStage)}
            className="mt-1 h-9 rounded-md border bg-surface px-2"
          >
            {later.map((s) => (
              <option key={s} value={s}>
                {t(`stage.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-on`} className="block text-muted-foreground">
            {t('intake.advanceOn')}
          </label>
          <input
            id={`${id}-on`}
            type="date"
            value={on}
            min={since}
            max={today}
            required
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? `${id}-on-error` : undefined}
            onChange={(e) => {
              setOn(e.target.value);
              setInvalid(false);
            }}
            className="mt-1 h-9 rounded-md border bg-surface px-2 aria-invalid:border-danger"
          />
        </div>
        <Button type="submit" variant="primary" disabled={advance.isPending}>
          {t('intake.advance')}
        </Button>
      </div>
      {invalid && (
        <p id={`${id}-on-error`} className="mt-2 text-sm text-danger">
          {t('intake.advanceOnRange', { from: format.date(since), to: format.date(today) })}
        </p>
      )}
      {skipped.length > 0 && (
        <p className="mt-2 text-xs text-muted-foreground">
          {t('intake.skippedStages', {
            stages: skipped.map((s) => t(`stage.${s}`)).join(t('common.listSeparator')),
          })}
        </p>
      )}
      {advance.error && <ErrorState error={advance.error} compact className="mt-2" />}
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={t('intake.skipConfirmTitle')}
        description={t('intake.skipConfirmBody', {
          stages: skipped.map((s) => t(`stage.${s}`)).join(t('common.listSeparator')),
          stage: t(`stage.${stage}`),
          on: format.date(on || today),
        })}
        confirmLabel={t('intake.advance')}
        onConfirm={save}
      />
    </form>
  );
}
