import { useEffect } from 'react';
import { useForm, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { z } from 'zod';
import { isApiError } from '../../api/api-error';
import { patchQueries, usePatchWrite } from '../../api/queries/patch-queries';
import { patchWorkflow, type PatchMove } from '../../api/schemas/patch-workflow';
import type { patchEffectMonthSchema } from '../../api/schemas/policy-patches';
import { type PolicyPatch } from '../../api/schemas/policy-patches';
import { FormDialog, useFormDialogOutcome } from '../../components/form/form-dialog';
import { FormField, inputClass, textareaClass } from '../../components/form/form-field';
import { schemaResolver } from '../../components/form/schema-resolver';
import { todayInChina } from '../../lib/calendar';
import { serverFieldMessage } from '../../lib/form-errors';
import { useI18n, type Translate } from '../../lib/i18n/i18n';

/** After the server answered (see `useFormDialogOutcome`); a 409 refetches the patch. */
function useOutcome<T extends FieldValues, O>(
  patch: PolicyPatch,
  form: UseFormReturn<T, unknown, O>,
  onOpenChange: (open: boolean) => void,
  done: (saved: PolicyPatch) => string,
  onDone?: (saved: PolicyPatch) => void,
) {
  return useFormDialogOutcome(form, onOpenChange, {
    done,
    recordKey: patchQueries.detail(patch.id).queryKey,
    onDone,
  });
}

const noteSchema = (t: Translate, required: boolean) =>
  z.object({
    note: z
      .string()
      .max(500)
      .refine((note) => !required || note.trim().length > 0, t('form.required')),
  });
type NoteValues = { note: string };

/**
 * One move of the workflow, from the board or the detail: where from and where to, and the reason
 * (required where the workflow asks for one, else optional, kept in the patch's stages).
 */
export function MoveDialog({
  patch,
  move,
  onClose,
  onMoved,
}: {
  patch: PolicyPatch;
  move: PatchMove;
  onClose: () => void;
  onMoved?: (patch: PolicyPatch) => void;
}) {
  const { t } = useI18n();
  const step = patchWorkflow[move];
  const form = useForm<NoteValues>({
    resolver: schemaResolver(noteSchema(t, step.needs === 'note'), t),
    defaultValues: { note: '' },
  });
  const transition = usePatchWrite('transitionPolicyPatch');
  const outcome = useOutcome(
    patch,
    form,
    (open) => !open && onClose(),
    (saved) => t('patch.moved', { id: saved.id, move: t(`patch.move.${move}`) }),
    onMoved,
  );
  const submit = form.handleSubmit(({ note }) =>
    transition.mutate(
      { id: patch.id, version: patch.version, input: { status: step.to, note: note.trim() || undefined } },
      outcome,
    ),
  );
  return (
    <FormDialog
      title={`${t(`patch.move.${move}`)}：${patch.id}`}
      description={t('patch.moveConfirm', {
        id: patch.id,
        from: t(`patch.status.${patch.status}`),
        to: t(`patch.status.${step.to}`),
      })}
      form={form}
      onSubmit={submit}
      pending={transition.isPending}
      error={transition.error}
      open
      onOpenChange={(open) => !open && onClose()}
    >
      {step.needs === 'effect' && patch.effects.length === 0 && (
        <p role="note" className="rounded-md bg-warning/10 p-2 text-sm text-warning">
          {t('patch.effect.none')}
        </p>
      )}
      {step.needs === 'clause' && !patch.amendment.trim() && (
        <p role="note" className="rounded-md bg-warning/10 p-2 text-sm text-warning">
          {t('form.rule.clauseRequired')}
        </p>
      )}
      <FormField<NoteValues>
        name="note"
        label={t('patch.note')}
        required={step.needs === 'note'}
        hint={t('patch.noteHint')}
      >
        {(props) => <textarea {...props} rows={3} className={textareaClass} />}
      </FormField>
    </FormDialog>
  );
}

/** Case ids as typed: separated by spaces, commas or 、, upper-cased, each once. */
export const parseCaseIds = (text: string) => [
  ...new Set(
    text
      .split(/[\s,，、;；]+/)
      .map((id) => id.trim().toUpperCase())
      .filter(Boolean),
  ),
];

type LinkValues = { ids: string };

/** 关联需求: link demands to the patch by their ids (each in the user's data scope). */
export function LinkDialog({
  patch,
  open,
  onOpenChange,
}: {
  patch: PolicyPatch;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useI18n();
  const schema = z.object({ ids: z.string().refine((text) => parseCaseIds(text).length > 0, t('form.required')) });
  const form = useForm<LinkValues>({ resolver: schemaResolver(schema, t), defaultValues: { ids: '' } });
  const link = usePatchWrite('linkPolicyPatchCases');
  const outcome = useOutcome(patch, form, onOpenChange, (saved) => t('patch.linked', { id: saved.id }));
  const submit = form.handleSubmit(({ ids }) =>
    link.mutate({ id: patch.id, version: patch.version, input: { link: parseCaseIds(ids), unlink: [] } }, outcome),
  );
  // The server names its refusal on `link`; the user typed into `ids`.
  useEffect(() => {
    const error = link.error;
    if (isApiError(error)) {
      const refused = error.fieldErrors.find((e) => e.field === 'link');
      if (refused) form.setError('ids', { message: serverFieldMessage(refused, t) });
    }
  }, [link.error, form, t]);
  return (
    <FormDialog
      title={t('patch.link')}
      form={form}
      onSubmit={submit}
      pending={link.isPending}
      error={link.error}
      open={open}
      onOpenChange={onOpenChange}
    >
      <FormField<LinkValues> name="ids" label={t('patch.linkIds')} required hint={t('patch.linkHint')}>
        {(props) => <textarea {...props} rows={2} className={textareaClass} placeholder="SC-2026-0001" />}
      </FormField>
    </FormDialog>
  );
}

const effectFormSchema = (t: Translate, from: string, to: string) =>
  z.object({
    month: z
      .string()
      .regex(/^\d{4}-\d{2}$/, t('form.required'))
      .refine((month) => month >= from && month <= to, t('form.rule.monthOutOfRange', { from, to })),
    beneficiaries: z.string().trim().min(1, t('form.required')).transform(Number).pipe(z.number().int().nonnegative()),
    fundsDisbursed: z.string().trim().min(1, t('form.required')).transform(Number).pipe(z.number().nonnegative()),
  });
type EffectValues = { month: string; beneficiaries: string; fundsDisbursed: string };

/** 填报月度效果: the people benefited and the funds disbursed in a month since the issue. */
export function EffectDialog({
  patch,
  open,
  onOpenChange,
}: {
  patch: PolicyPatch;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useI18n();
  const thisMonth = todayInChina().slice(0, 7);
  const issuedMonth = (patch.issuedAt ?? todayInChina()).slice(0, 7);
  const form = useForm<EffectValues, unknown, z.output<typeof patchEffectMonthSchema>>({
    resolver: schemaResolver(effectFormSchema(t, issuedMonth, thisMonth), t),
    defaultValues: { month: thisMonth, beneficiaries: '', fundsDisbursed: '' },
  });
  const record = usePatchWrite('recordPatchEffect');
  const outcome = useOutcome(patch, form, onOpenChange, () =>
    t('patch.effect.recorded', { month: form.getValues('month') }),
  );
  const submit = form.handleSubmit((input) => record.mutate({ id: patch.id, version: patch.version, input }, outcome));
  return (
    <FormDialog
      title={t('patch.effect.record')}
      form={form}
      onSubmit={submit}
      pending={record.isPending}
      error={record.error}
      open={open}
      onOpenChange={onOpenChange}
    >
      <FormField<EffectValues> name="month" label={t('patch.effect.month')} required hint={t('patch.effect.hint')}>
        {(props) => <input {...props} type="month" min={issuedMonth} max={thisMonth} className={inputClass} />}
      </FormField>
      <FormField<EffectValues> name="beneficiaries" label={t('patch.effect.beneficiaries')} required>
        {(props) => <input {...props} type="number" min={0} step={1} inputMode="numeric" className={inputClass} />}
      </FormField>
      <FormField<EffectValues> name="fundsDisbursed" label={t('patch.effect.funds')} required>
        {(props) => <input {...props} type="number" min={0} step={0.1} inputMode="decimal" className={inputClass} />}
      </FormField>
    </FormDialog>
  );
}
