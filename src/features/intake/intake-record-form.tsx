import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { isApiError } from '../../api/api-error';
import { intakeQueries, useCreateIntakeRecord, useUpdateIntakeRecord } from '../../api/queries/intake-queries';
import { intakeRecordCreateSchema, intakeRecordSchema, type IntakeRecord } from '../../api/schemas/intake';
import { ErrorState } from '../../components/feedback/error-state';
import { ConflictNotice, type ConflictField, type FieldChange } from '../../components/form/conflict-notice';
import { FormField, inputClass, textareaClass } from '../../components/form/form-field';
import { schemaResolver } from '../../components/form/schema-resolver';
import { applyServerErrors } from '../../components/form/server-errors';
import { useConflict } from '../../components/form/use-conflict';
import { useDiscardGuard } from '../../components/form/use-discard-guard';
import { Button } from '../../components/ui/button';
import { Sheet } from '../../components/ui/sheet';
import { toast } from '../../components/ui/toaster';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';
import type { FacetParam } from './intake-search';
import type { IntakeLabels } from './use-intake-labels';

const input = intakeRecordCreateSchema.shape;

/** The form's own shape (text inputs give strings) checked and turned into the contract's input. */
const intakeFormSchema = z
  .object({
    ...input,
    eventCode: z
      .string()
      .transform((v) => v || null)
      .pipe(input.eventCode),
    investment: z
      .string()
      .trim()
      .transform((v) => (v === '' ? null : Number(v)))
      .pipe(input.investment),
  })
  // Only projects carry an investment.
  .transform((values) => (values.kind === 'person' ? { ...values, investment: null } : values));
type IntakeFormValues = z.input<typeof intakeFormSchema>;

function valuesOf(record: IntakeRecord | undefined): IntakeFormValues {
  return {
    kind: record?.kind ?? 'person',
    name: record?.name ?? '',
    organization: record?.organization ?? '',
    phone: record?.phone ?? '',
    channelCode: record?.channelCode ?? '',
    eventCode: record?.eventCode ?? '',
    tierCode: record?.tierCode ?? '',
    industryCode: record?.industryCode ?? '',
    townCode: record?.townCode ?? '',
    officerId: record?.officerId ?? '',
    investment: record?.investment === null || record?.investment === undefined ? '' : String(record.investment),
    note: record?.note ?? '',
  };
}

interface IntakeRecordFormProps {
  labels: IntakeLabels;
  /** Absent: a new record. */
  record?: IntakeRecord;
  onClose: () => void;
  onSaved: (record: IntakeRecord) => void;
}

/**
 * Create or edit a record. The contract's schema checks it; the server's 422 lands on the same
 * fields; a 409 is merged field by field; closing or leaving with unsaved edits asks first.
 */
export function IntakeRecordForm({ labels, record, onClose, onSaved }: IntakeRecordFormProps) {
  const { t } = useI18n();
  const format = useFormat();
  const queryClient = useQueryClient();
  const form = useForm<IntakeFormValues, unknown, z.output<typeof intakeFormSchema>>({
    resolver: schemaResolver(intakeFormSchema, t),
    defaultValues: valuesOf(record),
  });
  // The version the user's edits are based on; a 409 moves it to the server's.
  const [base, setBase] = useState(record);
  // When the version the user started from was saved: changes after it are the other side's.
  const [conflictSince, setConflictSince] = useState('');
  const { conflict, start: startConflict, choose, clear: clearConflict } = useConflict(form);
  const create = useCreateIntakeRecord();
  const update = useUpdateIntakeRecord();
  const mutation = record ? update : create;
  const guard = useDiscardGuard(form.formState.isDirty);
  const history = useQuery({ ...intakeQueries.history(record?.id ?? ''), enabled: conflict !== null && !!record });
  const [kind, channelCode] = useWatch({ control: form.control, name: ['kind', 'channelCode'] });

  const close = () => guard.requestClose(onClose);

  const submit = form.handleSubmit((values) => {
    if (conflict && conflict.unresolved > 0) return;
    const onError = (error: unknown) => {
      if (isApiError(error) && error.code === 'version_conflict') {
        const current = intakeRecordSchema.safeParse(error.current);
        if (current.success) {
          startConflict(valuesOf(base), valuesOf(current.data));
          setConflictSince(base?.updatedAt ?? '');
          setBase(current.data);
          void queryClient.invalidateQueries({ queryKey: intakeQueries.history(current.data.id).queryKey });
        }
        return;
      }
      applyServerErrors(form, error, t);
    };
    const onSuccess = (saved: IntakeRecord) => {
      guard.release();
      clearConflict();
      toast({ tone: 'success', title: t(record ? 'intake.saved' : 'intake.created', { id: saved.id }) });
      onSaved(saved);
    };
    if (record) update.mutate({ id: record.id, input: values, version: base!.version }, { onSuccess, onError });
    else create.mutate(values, { onSuccess, onError });
  });

  const option = (param: FacetParam) =>
    param === 'event'
      ? labels.options.event.filter((o) => labels.eventChannels.get(o.value) === channelCode)
      : labels.options[param];
  const select = (name: keyof IntakeFormValues, label: string, param: FacetParam, optional = false) => (
    <FormField<IntakeFormValues> name={name} label={label} required={!optional}>
      {(props) => (
        <select {...props} className={inputClass}>
          <option value="">{optional ? t('form.none') : t('form.choose')}</option>
          {option(param).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );

  const conflictFields: ConflictField[] = [
    { name: 'kind', label: t('intake.field.kind'), show: (v) => t(`kind.${v as 'person' | 'project'}`) },
    { name: 'name', label: t('intake.field.name'), show: String },
    { name: 'organization', label: t('intake.field.organization'), show: (v) => String(v) || '—' },
    { name: 'phone', label: t('intake.field.phone'), show: (v) => String(v) || '—' },
    { name: 'officerId', label: t('intake.field.officer'), show: (v) => labels.label('officer', String(v)) },
    { name: 'channelCode', label: t('intake.field.channel'), show: (v) => labels.label('channel', String(v)) },
    { name: 'eventCode', label: t('intake.field.event'), show: (v) => (v ? labels.label('event', String(v)) : '—') },
    { name: 'tierCode', label: t('intake.field.tier'), show: (v) => labels.label('tier', String(v)) },
    { name: 'industryCode', label: t('intake.field.industry'), show: (v) => labels.label('industry', String(v)) },
    { name: 'townCode', label: t('intake.field.town'), show: (v) => labels.label('town', String(v)) },
    {
      name: 'investment',
      label: t('intake.field.investment'),
      show: (v) => (v === '' ? '—' : `${format.amount(Number(v))} ${t('unit.tenThousandYuan')}`),
    },
    { name: 'note', label: t('intake.field.note'), show: (v) => String(v) || '—' },
  ];
  // Who last changed each field since the version the user started from.
  const changedBy = (field: string): FieldChange | undefined => {
    const events = history.data?.items ?? [];
    const after = conflictSince ? Date.parse(conflictSince) : Number.NEGATIVE_INFINITY;
    const event = events.find((e) => Date.parse(e.at) > after && e.changes.some((c) => c.field === field));
    return event ? { actorName: event.actorName, at: event.at } : undefined;
  };

  const failure = mutation.error;
  const showFailure =
    // A 409 shows as the merge notice; one whose current version could not be read, as an error.
    failure &&
    !(isApiError(failure) && ((failure.code === 'version_conflict' && conflict) || failure.fieldErrors.length > 0));

  return (
    <Sheet
      title={record ? t('intake.editTitle', { id: record.id }) : t('intake.createTitle')}
      onClose={close}
      wide
      // A form opens on its first field.
      onOpenAutoFocus={(event) => {
        event.preventDefault();
        form.setFocus('name');
      }}
    >
      <FormProvider {...form}>
        <form onSubmit={submit} noValidate className="space-y-4">
          {conflict && (
            <ConflictNotice conflict={conflict} fields={conflictFields} changedBy={changedBy} onChoose={choose} />
          )}
          <fieldset>
            <legend className="text-sm font-medium">{t('intake.field.kind')}</legend>
            <div className="mt-1 flex gap-4">
              {(['person', 'project'] as const).map((value) => (
                <label key={value} className="flex items-center gap-1.5 text-sm">
                  <input type="radio" value={value} {...form.register('kind')} />
                  {t(`kind.${value}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField<IntakeFormValues> name="name" label={t('intake.field.name')} required>
              {(props) => <input {...props} className={inputClass} />}
            </FormField>
            <FormField<IntakeFormValues> name="organization" label={t('intake.field.organization')}>
              {(props) => <input {...props} className={inputClass} />}
            </FormField>
            <FormField<IntakeFormValues> name="phone" label={t('intake.field.phone')} hint={t('form.phoneHint')}>
              {(props) => <input {...props} type="tel" inputMode="tel" className={inputClass} />}
            </FormField>
            {select('officerId', t('intake.field.officer'), 'officer')}
            <FormField<IntakeFormValues> name="channelCode" label={t('intake.field.channel')} required>
              {(props) => (
                <select
                  {...props}
                  onChange={(event) => {
                    // An event belongs to one channel; changing the channel clears it.
                    void props.onChange(event);
                    form.setValue('eventCode', '', { shouldDirty: true });
                  }}
                  className={inputClass}
                >
                  <option value="">{t('form.choose')}</option>
                  {option('channel').map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            {select('eventCode', t('intake.field.event'), 'event', true)}
            {select('tierCode', t('intake.field.tier'), 'tier')}
            {select('industryCode', t('intake.field.industry'), 'industry')}
            {select('townCode', t('intake.field.town'), 'town')}
            {kind === 'project' && (
              <FormField<IntakeFormValues>
                name="investment"
                label={t('intake.field.investment')}
                hint={t('form.investmentHint')}
              >
                {(props) => (
                  <div className="flex items-center gap-2">
                    <input {...props} type="text" inputMode="decimal" className={inputClass} />
                    <span className="shrink-0 text-sm text-muted-foreground">{t('unit.tenThousandYuan')}</span>
                  </div>
                )}
              </FormField>
            )}
          </div>
          <FormField<IntakeFormValues>
            name="note"
            label={t('intake.field.note')}
            hint={t('form.maxLength', { max: 2000 })}
          >
            {(props) => <textarea {...props} rows={4} className={textareaClass} />}
          </FormField>
          {Object.keys(form.formState.errors).length > 0 && (
            <p role="alert" className="text-sm font-medium text-danger">
              {t('form.fixErrors')}
            </p>
          )}
          {showFailure && <ErrorState error={failure} compact />}
          <div className="flex justify-end gap-2 border-t pt-4">
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button
              type="submit"
              variant="primary"
              disabled={mutation.isPending || (conflict !== null && conflict.unresolved > 0)}
            >
              {conflict ? t('form.saveMerged') : t('common.save')}
            </Button>
          </div>
        </form>
      </FormProvider>
      {guard.dialog}
    </Sheet>
  );
}
