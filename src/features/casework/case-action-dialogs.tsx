import { useForm, useFormContext, useWatch, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { z } from 'zod';
import { caseQueries, useCaseAction } from '../../api/queries/case-queries';
import { setsDeadlines } from '../../api/schemas/case-workflow';
import {
  caseCloseSchema,
  caseFollowUpSchema,
  casePrioritizeSchema,
  casePrioritySchema,
  caseSuperviseSchema,
  satisfactionSchema,
  type ServiceCase,
} from '../../api/schemas/service-cases';
import { FormDialog, useFormDialogOutcome } from '../../components/form/form-dialog';
import { FormField, inputClass, textareaClass } from '../../components/form/form-field';
import { schemaResolver } from '../../components/form/schema-resolver';
import { chinaIsoAt, toChinaIso, todayInChina } from '../../lib/calendar';
import { useFormat } from '../../lib/i18n/format';
import { useI18n, type Translate } from '../../lib/i18n/i18n';
import { useSessionState } from '../../lib/session';
import type { CaseLabels } from './use-case-labels';

interface ActionDialogProps {
  serviceCase: ServiceCase;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/**
 * What every action does after the server answered (see `useFormDialogOutcome`); a 409 refetches
 * the case.
 */
function useActionOutcome<T extends FieldValues, O>(
  serviceCase: ServiceCase,
  form: UseFormReturn<T, unknown, O>,
  onOpenChange: (open: boolean) => void,
  done: string,
) {
  return useFormDialogOutcome(form, onOpenChange, {
    done: () => done,
    recordKey: caseQueries.detail(serviceCase.id).queryKey,
  });
}

/** `2026-11-30T18:00` (China time, as a datetime-local field shows it) from an instant. */
const toLocalInput = (instant: string) => toChinaIso(instant).slice(0, 16);
/** The instant of a datetime-local value read as China time. */
const fromLocalInput = (value: string) =>
  chinaIsoAt(value.slice(0, 10), Number(value.slice(11, 13)), Number(value.slice(14, 16)));

/** The two fields a dispatch sets, in any form that has them. */
interface DepartmentOfficerValues {
  departmentCode: string;
  assigneeId: string;
}

/**
 * 承办部门 and 承办人, for one case or many: the officers offered are the department's, and a new
 * department clears the officer. A department's own officer keeps the department.
 */
export function DepartmentOfficerFields({ labels, office }: { labels: CaseLabels; office: boolean }) {
  const { t } = useI18n();
  const { control, setValue } = useFormContext<DepartmentOfficerValues>();
  const department = useWatch({ control, name: 'departmentCode' });
  return (
    <>
      <FormField<DepartmentOfficerValues> name="departmentCode" label={t('case.field.department')} required>
        {(props) => (
          <select
            {...props}
            disabled={!office}
            className={inputClass}
            onChange={(event) => {
              void props.onChange(event);
              setValue('assigneeId', '');
            }}
          >
            <option value="">{t('form.choose')}</option>
            {labels.options.department.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField<DepartmentOfficerValues>
        name="assigneeId"
        label={t('case.field.assignee')}
        hint={t('case.assigneeHint')}
      >
        {(props) => (
          <select {...props} className={inputClass}>
            <option value="">{t('form.none')}</option>
            {labels.officersOf(department).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        )}
      </FormField>
    </>
  );
}

const assignFormSchema = (t: Translate) =>
  z.object({
    departmentCode: z.string().min(1, t('form.required')),
    assigneeId: z.string(),
    due: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, t('form.required')),
  });
type AssignValues = z.input<ReturnType<typeof assignFormSchema>>;

/**
 * 分派: to a department and an officer, with the deadline. The talent office sets the deadline; a
 * department's officer hands its own case to a colleague and keeps the deadline as it is.
 */
export function AssignDialog({ serviceCase, labels, open, onOpenChange }: ActionDialogProps & { labels: CaseLabels }) {
  const { t } = useI18n();
  const user = useSessionState().session?.user;
  const office = user ? setsDeadlines(user) : false;
  const form = useForm<AssignValues>({
    resolver: schemaResolver(assignFormSchema(t), t),
    values: {
      departmentCode: serviceCase.departmentCode ?? (office ? '' : (user?.departmentCode ?? '')),
      assigneeId: serviceCase.assigneeId ?? '',
      due: toLocalInput(serviceCase.dueAt),
    },
  });
  const assign = useCaseAction('assignServiceCase');
  const outcome = useActionOutcome(serviceCase, form, onOpenChange, t('case.done.assign'));
  const submit = form.handleSubmit((values) =>
    assign.mutate(
      {
        id: serviceCase.id,
        version: serviceCase.version,
        input: {
          departmentCode: values.departmentCode,
          assigneeId: values.assigneeId || null,
          // A department keeps the deadline exactly as the talent office set it.
          dueAt: office ? fromLocalInput(values.due) : serviceCase.dueAt,
        },
      },
      outcome,
    ),
  );
  return (
    <FormDialog
      title={t('case.action.assign')}
      form={form}
      onSubmit={submit}
      pending={assign.isPending}
      error={assign.error}
      open={open}
      onOpenChange={onOpenChange}
    >
      <DepartmentOfficerFields labels={labels} office={office} />
      <FormField<AssignValues>
        name="due"
        label={t('case.field.dueAt')}
        required
        hint={office ? t('case.dueHint') : t('case.dueKept')}
      >
        {(props) => <input {...props} type="datetime-local" readOnly={!office} className={inputClass} />}
      </FormField>
    </FormDialog>
  );
}

type CloseValues = z.input<typeof caseCloseSchema>;

/** 办结: the talent office accepts the answer and closes the case; the follow-up visit comes next. */
export function CloseDialog({ serviceCase, open, onOpenChange }: ActionDialogProps) {
  const { t } = useI18n();
  const form = useForm<CloseValues>({ resolver: schemaResolver(caseCloseSchema, t), defaultValues: { note: '' } });
  const close = useCaseAction('closeServiceCase');
  const outcome = useActionOutcome(serviceCase, form, onOpenChange, t('case.done.close'));
  const submit = form.handleSubmit((input) =>
    close.mutate({ id: serviceCase.id, version: serviceCase.version, input: { note: input.note ?? '' } }, outcome),
  );
  return (
    <FormDialog
      title={t('case.action.close')}
      form={form}
      onSubmit={submit}
      pending={close.isPending}
      error={close.error}
      open={open}
      onOpenChange={onOpenChange}
    >
      <FormField<CloseValues> name="note" label={t('case.field.note')}>
        {(props) => <textarea {...props} rows={3} className={textareaClass} />}
      </FormField>
    </FormDialog>
  );
}

type SuperviseValues = z.input<typeof caseSuperviseSchema>;

/** 督办: a manager puts the case under supervision, with a deadline and a note. */
export function SuperviseDialog({ serviceCase, open, onOpenChange }: ActionDialogProps) {
  const { t } = useI18n();
  const format = useFormat();
  const today = todayInChina();
  const schema = caseSuperviseSchema.refine((v) => v.deadline >= today, {
    path: ['deadline'],
    message: t('case.deadlineFrom', { from: format.date(today) }),
  });
  const form = useForm<SuperviseValues>({
    resolver: schemaResolver(schema, t),
    defaultValues: { deadline: serviceCase.supervision?.deadline ?? '', note: '' },
  });
  const supervise = useCaseAction('superviseServiceCase');
  const outcome = useActionOutcome(serviceCase, form, onOpenChange, t('case.done.supervise'));
  const submit = form.handleSubmit((input) =>
    supervise.mutate({ id: serviceCase.id, version: serviceCase.version, input }, outcome),
  );
  return (
    <FormDialog
      title={t('case.action.supervise')}
      form={form}
      onSubmit={submit}
      pending={supervise.isPending}
      error={supervise.error}
      open={open}
      onOpenChange={onOpenChange}
    >
      <FormField<SuperviseValues> name="deadline" label={t('case.field.superviseDeadline')} required>
        {(props) => <input {...props} type="date" min={today} className={inputClass} />}
      </FormField>
      <FormField<SuperviseValues> name="note" label={t('case.field.superviseNote')} required>
        {(props) => <textarea {...props} rows={3} className={textareaClass} />}
      </FormField>
    </FormDialog>
  );
}

type FollowUpValues = z.input<typeof caseFollowUpSchema>;

/** 回访: how satisfied the requester is; 不满意 reopens the case. */
export function FollowUpDialog({ serviceCase, open, onOpenChange }: ActionDialogProps) {
  const { t } = useI18n();
  const form = useForm<FollowUpValues>({
    resolver: schemaResolver(caseFollowUpSchema, t),
    defaultValues: { satisfaction: undefined, note: '' },
  });
  const followUp = useCaseAction('followUpServiceCase');
  const outcome = useActionOutcome(serviceCase, form, onOpenChange, t('case.done.followUp'));
  const submit = form.handleSubmit((input) =>
    followUp.mutate({ id: serviceCase.id, version: serviceCase.version, input }, outcome),
  );
  const error = form.formState.errors.satisfaction;
  return (
    <FormDialog
      title={t('case.action.followUp')}
      form={form}
      onSubmit={submit}
      pending={followUp.isPending}
      error={followUp.error}
      open={open}
      onOpenChange={onOpenChange}
    >
      <fieldset aria-describedby={error ? 'follow-up-satisfaction-error' : undefined}>
        <legend className="mb-1 text-sm font-medium">
          {t('case.field.satisfaction')}
          <span aria-hidden className="text-danger">
            {' '}
            *
          </span>
        </legend>
        <div className="flex flex-wrap gap-3">
          {satisfactionSchema.options.map((option) => (
            <label key={option} className="inline-flex items-center gap-1.5 text-sm">
              <input type="radio" value={option} {...form.register('satisfaction')} />
              {t(`case.satisfaction.${option}`)}
            </label>
          ))}
        </div>
        {error && (
          <p id="follow-up-satisfaction-error" className="mt-1 text-sm text-danger">
            {error.message}
          </p>
        )}
      </fieldset>
      <FormField<FollowUpValues> name="note" label={t('case.field.note')}>
        {(props) => <textarea {...props} rows={3} className={textareaClass} />}
      </FormField>
    </FormDialog>
  );
}

type PriorityValues = z.input<typeof casePrioritizeSchema>;

/** 调整优先级: the talent office raises or lowers an open case's priority; the deadline stays. */
export function PriorityDialog({ serviceCase, open, onOpenChange }: ActionDialogProps) {
  const { t } = useI18n();
  const form = useForm<PriorityValues>({
    resolver: schemaResolver(casePrioritizeSchema, t),
    values: { priority: serviceCase.priority },
  });
  const prioritize = useCaseAction('prioritizeServiceCase');
  const outcome = useActionOutcome(serviceCase, form, onOpenChange, t('case.done.prioritize'));
  const submit = form.handleSubmit((input) =>
    prioritize.mutate({ id: serviceCase.id, version: serviceCase.version, input }, outcome),
  );
  return (
    <FormDialog
      title={t('case.action.prioritize')}
      form={form}
      onSubmit={submit}
      pending={prioritize.isPending}
      error={prioritize.error}
      open={open}
      onOpenChange={onOpenChange}
    >
      <PriorityField />
    </FormDialog>
  );
}

/** 优先级, for one case or many. */
export function PriorityField() {
  const { t } = useI18n();
  return (
    <FormField<PriorityValues> name="priority" label={t('case.field.priority')} required>
      {(props) => (
        <select {...props} className={inputClass}>
          {casePrioritySchema.options.map((priority) => (
            <option key={priority} value={priority}>
              {t(`case.priority.${priority}`)}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
