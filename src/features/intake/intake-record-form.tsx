import { AlertTriangle } from 'lucide-react';
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { isApiError } from '../../api/api-error';
import { intakeRecordCreateSchema, intakeRecordSchema, type IntakeRecord } from '../../api/schemas/intake';
import { ErrorState } from '../../components/feedback/error-state';
import { Button } from '../../components/ui/button';
import { toast } from '../../components/ui/toaster';
import { schemaFieldErrors, serverFieldErrors, type FieldErrors } from '../../lib/form-errors';
import { useI18n } from '../../lib/i18n/i18n';
import type { MessageKey } from '../../lib/i18n/zh-cn';
import { useCreateIntakeRecord, useUpdateIntakeRecord } from './intake-mutations';
import { Sheet } from '../../components/ui/sheet';
import type { FacetParam } from './intake-search';
import type { IntakeLabels } from './use-intake-labels';

interface FormValues {
  kind: 'person' | 'project';
  name: string;
  organization: string;
  phone: string;
  channelCode: string;
  eventCode: string;
  tierCode: string;
  industryCode: string;
  townCode: string;
  officerId: string;
  investment: string;
  note: string;
}

function valuesOf(record: IntakeRecord | undefined): FormValues {
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

function toInput(values: FormValues) {
  return {
    ...values,
    eventCode: values.eventCode || null,
    investment: values.kind === 'project' && values.investment.trim() !== '' ? Number(values.investment) : null,
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
 * Create or edit a record. The client checks with the contract's own schema; the server's 422
 * lands on the same fields; on a 409 the newer version is shown and the user's input is kept.
 */
export function IntakeRecordForm({ labels, record, onClose, onSaved }: IntakeRecordFormProps) {
  const { t } = useI18n();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<FormValues>(() => valuesOf(record));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [version, setVersion] = useState(record?.version);
  const [theirs, setTheirs] = useState<IntakeRecord | null>(null);
  const create = useCreateIntakeRecord();
  const update = useUpdateIntakeRecord();
  const mutation = record ? update : create;

  const set = <K extends keyof FormValues>(field: K, value: FormValues[K]) => {
    setValues((current) => ({
      ...current,
      [field]: value,
      // An event belongs to one channel; changing the channel clears it.
      ...(field === 'channelCode' ? { eventCode: '' } : {}),
    }));
    setErrors(({ [field]: _cleared, ...rest }) => rest);
  };

  function focusFirstError(found: FieldErrors) {
    const first = Object.keys(found)[0];
    if (first) formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = intakeRecordCreateSchema.safeParse(toInput(values));
    if (!parsed.success) {
      const found = schemaFieldErrors(parsed.error, t);
      setErrors(found);
      focusFirstError(found);
      return;
    }
    const onError = (error: unknown) => {
      if (isApiError(error) && error.code === 'version_conflict') {
        const current = intakeRecordSchema.safeParse(error.current);
        if (current.success) {
          setTheirs(current.data);
          setVersion(current.data.version);
        }
        return;
      }
      const found = serverFieldErrors(error);
      setErrors(found);
      focusFirstError(found);
    };
    const onSuccess = (saved: IntakeRecord) => {
      toast({ tone: 'success', title: t(record ? 'intake.saved' : 'intake.created', { id: saved.id }) });
      onSaved(saved);
    };
    if (record) update.mutate({ id: record.id, input: parsed.data, version: version! }, { onSuccess, onError });
    else create.mutate(parsed.data, { onSuccess, onError });
  }

  const field = (
    name: keyof FormValues,
    label: MessageKey,
    control: (props: { id: string; name: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }) => ReactNode,
    required = false,
  ) => {
    const controlId = `${id}-${name}`;
    const error = errors[name];
    return (
      <div>
        <label htmlFor={controlId} className="block text-sm font-medium">
          {t(label)}
          {required && (
            <span aria-hidden className="ml-0.5 text-danger">
              *
            </span>
          )}
        </label>
        <div className="mt-1">
          {control({
            id: controlId,
            name,
            'aria-invalid': error ? true : undefined,
            'aria-describedby': error ? `${controlId}-error` : undefined,
          })}
        </div>
        {error && (
          <p id={`${controlId}-error`} className="mt-1 text-sm text-danger">
            {error}
          </p>
        )}
      </div>
    );
  };
  const inputClass = 'h-9 w-full rounded-md border bg-surface px-3 aria-invalid:border-danger';
  const select = (name: keyof FormValues, param: FacetParam, optional = false) =>
    function SelectControl(props: { id: string; name: string }) {
      const options =
        param === 'event'
          ? labels.options.event.filter((o) => eventChannel(labels, o.value) === values.channelCode)
          : labels.options[param];
      return (
        <select
          {...props}
          value={values[name]}
          onChange={(e) => set(name, e.target.value)}
          className={inputClass}
          required={!optional}
        >
          <option value="">{optional ? t('form.none') : t('form.choose')}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      );
    };

  return (
    <Sheet title={record ? t('intake.editTitle', { id: record.id }) : t('intake.createTitle')} onClose={onClose} wide>
      <form ref={formRef} onSubmit={submit} noValidate className="space-y-4">
        {theirs && (
          <div role="alert" className="rounded-md border border-warning/50 bg-warning/10 p-3 text-sm">
            <p className="flex items-center gap-2 font-semibold text-warning">
              <AlertTriangle className="size-4" aria-hidden />
              {t('form.conflictTitle')}
            </p>
            <p className="mt-1">{t('form.conflictBody')}</p>
            <p className="mt-2 font-medium">{t('form.theirs')}</p>
            <ul className="mt-1 list-disc pl-5">
              <li>
                {t('intake.field.name')}
                {t('common.colon')}
                {theirs.name}
              </li>
              <li>
                {t('intake.field.officer')}
                {t('common.colon')}
                {theirs.officerName}
              </li>
              <li>
                {t('intake.field.stage')}
                {t('common.colon')}
                {t(`stage.${theirs.stage}`)}
              </li>
              <li>
                {t('intake.field.note')}
                {t('common.colon')}
                {theirs.note || '—'}
              </li>
            </ul>
          </div>
        )}
        <fieldset>
          <legend className="text-sm font-medium">{t('intake.field.kind')}</legend>
          <div className="mt-1 flex gap-4">
            {(['person', 'project'] as const).map((kind) => (
              <label key={kind} className="flex items-center gap-1.5 text-sm">
                <input
                  type="radio"
                  name="kind"
                  value={kind}
                  checked={values.kind === kind}
                  onChange={() => set('kind', kind)}
                />
                {t(`kind.${kind}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-2">
          {field(
            'name',
            'intake.field.name',
            (p) => (
              <input {...p} value={values.name} onChange={(e) => set('name', e.target.value)} className={inputClass} />
            ),
            true,
          )}
          {field('organization', 'intake.field.organization', (p) => (
            <input
              {...p}
              value={values.organization}
              onChange={(e) => set('organization', e.target.value)}
              className={inputClass}
            />
          ))}
          {field('phone', 'intake.field.phone', (p) => (
            <input
              {...p}
              type="tel"
              inputMode="tel"
              value={values.phone}
              onChange={(e) => set('phone', e.target.value)}
              className={inputClass}
            />
          ))}
          {field('officerId', 'intake.field.officer', select('officerId', 'officer'), true)}
          {field('channelCode', 'intake.field.channel', select('channelCode', 'channel'), true)}
          {field('eventCode', 'intake.field.event', select('eventCode', 'event', true))}
          {field('tierCode', 'intake.field.tier', select('tierCode', 'tier'), true)}
          {field('industryCode', 'intake.field.industry', select('industryCode', 'industry'), true)}
          {field('townCode', 'intake.field.town', select('townCode', 'town'), true)}
          {values.kind === 'project' &&
            field('investment', 'intake.field.investment', (p) => (
              <div className="flex items-center gap-2">
                <input
                  {...p}
                  type="number"
                  min={0}
                  step={1}
                  value={values.investment}
                  onChange={(e) => set('investment', e.target.value)}
                  className={inputClass}
                />
                <span className="shrink-0 text-sm text-muted-foreground">{t('unit.tenThousandYuan')}</span>
              </div>
            ))}
        </div>
        {field('note', 'intake.field.note', (p) => (
          <textarea
            {...p}
            rows={4}
            value={values.note}
            onChange={(e) => set('note', e.target.value)}
            className="w-full rounded-md border bg-surface px-3 py-2 aria-invalid:border-danger"
          />
        ))}
        {Object.keys(errors).length > 0 && (
          <p role="alert" className="text-sm font-medium text-danger">
            {t('form.fixErrors')}
          </p>
        )}
        {mutation.error && !isApiError(mutation.error) && <ErrorState error={mutation.error} compact />}
        {isApiError(mutation.error) &&
          mutation.error.code !== 'version_conflict' &&
          mutation.error.fieldErrors.length === 0 && <ErrorState error={mutation.error} compact />}
        <div className="flex justify-end gap-2 border-t pt-4">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary" disabled={mutation.isPending}>
            {t('common.save')}
          </Button>
        </div>
      </form>
    </Sheet>
  );
}

function eventChannel(labels: IntakeLabels, eventCode: string): string | undefined {
  return labels.eventChannels.get(eventCode);
}
