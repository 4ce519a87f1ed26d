import { useFormContext, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { TALENT_OFFICE_DEPARTMENT } from '../../api/permissions';
import { useWorkingCalendar } from '../../api/queries/dictionary-queries';
import { heldStatuses, MAX_DEADLINE_DAYS, pendingExtension } from '../../api/schemas/case-workflow';
import {
  caseAcceptSchema,
  caseEscalateSchema,
  caseExtensionDecisionSchema,
  caseFollowUpSchema,
  casePrioritizeSchema,
  casePrioritySchema,
  caseResumeSchema,
  caseReturnSchema,
  caseSendBackSchema,
  caseSuperviseSchema,
  caseSuspendSchema,
  satisfactionSchema,
  type CaseAction,
  type ServiceCase,
} from '../../api/schemas/service-cases';
import { FormDialog } from '../../components/form/form-dialog';
import { Button } from '../../components/ui/button';
import { ModalDialog } from '../../components/ui/modal-dialog';
import { FormField, inputClass, textareaClass } from '../../components/form/form-field';
import { OptionsSelect } from '../../components/form/options-select';
import { schemaResolver } from '../../components/form/schema-resolver';
import { addDays, chinaDay, chinaIsoAt, todayInChina } from '../../lib/calendar';
import { useFormat } from '../../lib/i18n/format';
import { useI18n, type Translate } from '../../lib/i18n/i18n';
import type { MessageKey } from '../../lib/i18n/zh-cn';
import { RadioGroupField, useActionForm, type ActionDialogProps } from './case-action-form';
import type { CaseLabels } from './use-case-labels';

/** The two fields a dispatch sets, in any form that has them. */
interface DepartmentOfficerValues {
  departmentCode: string;
  assigneeId: string;
}

/**
 * 承办部门 and 承办人, for one case or many: the officers offered are the department's, and a new
 * department clears the officer. `exclude` leaves out a department (the one that returned it).
 */
export function DepartmentOfficerFields({ labels, exclude }: { labels: CaseLabels; exclude?: string }) {
  const { t } = useI18n();
  const { control, setValue } = useFormContext<DepartmentOfficerValues>();
  const department = useWatch({ control, name: 'departmentCode' });
  return (
    <>
      <FormField<DepartmentOfficerValues> name="departmentCode" label={t('case.field.department')} required>
        {(props) => (
          <select
            {...props}
            className={inputClass}
            onChange={(event) => {
              void props.onChange(event);
              setValue('assigneeId', '');
            }}
          >
            <option value="">{t('form.choose')}</option>
            {labels.options.department
              .filter((o) => o.value !== exclude)
              .map((o) => (
                <option key={o.value} value={o.value}>
                  {/* To the talent office itself: it answers directly. */}
                  {o.value === TALENT_OFFICE_DEPARTMENT ? t('case.directDispatch', { department: o.label }) : o.label}
                </option>
              ))}
          </select>
        )}
      </FormField>
      <OfficerField labels={labels} departmentCode={department} />
    </>
  );
}

function OfficerField({ labels, departmentCode }: { labels: CaseLabels; departmentCode: string }) {
  const { t } = useI18n();
  return (
    <FormField<DepartmentOfficerValues>
      name="assigneeId"
      label={t('case.field.assignee')}
      hint={t('case.assigneeHint')}
    >
      {(props) => <OptionsSelect {...props} options={labels.officersOf(departmentCode)} empty={t('form.none')} />}
    </FormField>
  );
}

const dispatchFormSchema = (t: Translate) =>
  z.object({ departmentCode: z.string().min(1, t('form.required')), assigneeId: z.string() });

/** 派单 / 改派: to a lead department (and an officer of it); the deadlines follow from the category. */
export function DispatchDialog({
  serviceCase,
  labels,
  open,
  onOpenChange,
}: ActionDialogProps & { labels: CaseLabels }) {
  const { t } = useI18n();
  // 改派 of a case a department holds goes to another department (its officer changes by 指定承办人).
  const holder = heldStatuses.includes(serviceCase.status) ? serviceCase.departmentCode : null;
  const { dialog } = useActionForm(
    { serviceCase, open, onOpenChange },
    'dispatch',
    schemaResolver(dispatchFormSchema(t), t),
    holder
      ? { departmentCode: '', assigneeId: '' }
      : { departmentCode: serviceCase.departmentCode ?? '', assigneeId: serviceCase.assigneeId ?? '' },
    (v) => ({ departmentCode: v.departmentCode, assigneeId: v.assigneeId || null }),
  );
  return (
    <FormDialog
      title={t(serviceCase.dispatches.length > 0 ? 'case.action.redispatch' : 'case.action.dispatch')}
      description={
        (serviceCase.dispatches.length > 0 ? t('case.redispatchHint') : '') +
        t('case.dispatchHint', {
          category: labels.label('category', serviceCase.categoryCode),
          days: labels.timeLimitOf(serviceCase.categoryCode),
        })
      }
      {...dialog}
    >
      <DepartmentOfficerFields labels={labels} exclude={holder ?? undefined} />
    </FormDialog>
  );
}

const assignFormSchema = z.object({ assigneeId: z.string() });

/** 指定承办人: the handling officer within the lead department. */
export function AssignDialog({ serviceCase, labels, open, onOpenChange }: ActionDialogProps & { labels: CaseLabels }) {
  const { t } = useI18n();
  const { dialog } = useActionForm(
    { serviceCase, open, onOpenChange },
    'assign',
    schemaResolver(assignFormSchema, t),
    { assigneeId: serviceCase.assigneeId ?? '' },
    (v) => ({ assigneeId: v.assigneeId || null }),
  );
  return (
    <FormDialog title={t('case.action.assign')} {...dialog}>
      <OfficerField labels={labels} departmentCode={serviceCase.departmentCode ?? ''} />
    </FormDialog>
  );
}

/** The actions whose only input is a reason or a note, with what they send and say. */
const noteActions = {
  sign: { schema: z.object({}), field: null, required: false },
  return: { schema: caseReturnSchema, field: 'reason', required: true },
  suspend: { schema: caseSuspendSchema, field: 'reason', required: true },
  resume: { schema: caseResumeSchema, field: 'note', required: false },
  accept: { schema: caseAcceptSchema, field: 'note', required: false },
  sendBack: { schema: caseSendBackSchema, field: 'reason', required: true },
} as const satisfies Partial<Record<CaseAction, { schema: z.ZodObject; field: string | null; required: boolean }>>;
export type NoteAction = keyof typeof noteActions;
export const isNoteAction = (action: CaseAction): action is NoteAction => action in noteActions;

type NoteValues = { reason?: string; note?: string };

/**
 * 签收, 退单, 挂起, 恢复, 审核通过, 退回: a confirmation with the reason or note it needs, and
 * what it will do (`hint`).
 */
export function NoteActionDialog({
  action,
  hint,
  serviceCase,
  open,
  onOpenChange,
}: ActionDialogProps & { action: NoteAction; hint?: string }) {
  const { t } = useI18n();
  const { schema, field, required } = noteActions[action];
  const { dialog } = useActionForm(
    { serviceCase, open, onOpenChange },
    action,
    schemaResolver(schema as z.ZodType<NoteValues, NoteValues>, t),
    field ? { [field]: '' } : {},
    // Each of these actions takes exactly the one field its schema names (checked by the resolver).
    (input) => input as never,
  );
  const label: MessageKey = field === 'reason' ? 'case.field.reason' : 'case.field.note';
  return (
    <FormDialog title={t(`case.action.${action}`)} description={hint} {...dialog}>
      {field && (
        <FormField<NoteValues> name={field} label={t(label)} required={required}>
          {(props) => <textarea {...props} rows={3} className={textareaClass} />}
        </FormField>
      )}
    </FormDialog>
  );
}

const reviewFormSchema = (t: Translate) =>
  z
    .object({
      decision: z.enum(['redispatch', 'uphold']),
      departmentCode: z.string(),
      assigneeId: z.string(),
      note: z.string().trim().max(500),
    })
    .superRefine((v, ctx) => {
      if (v.decision === 'redispatch' && !v.departmentCode) {
        ctx.addIssue({ code: 'custom', path: ['departmentCode'], message: t('form.required') });
      }
      if (v.decision === 'uphold' && !v.note) {
        ctx.addIssue({ code: 'custom', path: ['note'], message: t('form.required') });
      }
    });
type ReviewValues = z.input<ReturnType<typeof reviewFormSchema>>;

/** 异议审核: the department's reason beside the two decisions; a redispatch names the department. */
export function ReviewReturnDialog({
  serviceCase,
  labels,
  open,
  onOpenChange,
}: ActionDialogProps & { labels: CaseLabels }) {
  const { t } = useI18n();
  const format = useFormat();
  const last = serviceCase.dispatches.at(-1);
  const { form, dialog } = useActionForm(
    { serviceCase, open, onOpenChange },
    'reviewReturn',
    schemaResolver(reviewFormSchema(t), t),
    { decision: 'redispatch', departmentCode: '', assigneeId: '', note: '' },
    (v) =>
      v.decision === 'redispatch'
        ? { decision: 'redispatch' as const, departmentCode: v.departmentCode, note: v.note }
        : { decision: 'uphold' as const, note: v.note },
  );
  const decision = useWatch({ control: form.control, name: 'decision' });
  return (
    <FormDialog
      title={t('case.action.reviewReturn')}
      description={
        last?.returned
          ? t('case.returnedBy', {
              department: labels.label('department', last.departmentCode),
              at: format.dateTime(last.returned.at),
              reason: last.returned.reason,
            })
          : undefined
      }
      {...dialog}
    >
      <RadioGroupField<ReviewValues>
        name="decision"
        legend={t('case.field.review')}
        options={(['redispatch', 'uphold'] as const).map((value) => ({ value, label: t(`case.review.${value}`) }))}
      />
      {decision === 'redispatch' && <DepartmentOfficerFields labels={labels} exclude={last?.departmentCode} />}
      <FormField<ReviewValues> name="note" label={t('case.field.reviewNote')} required={decision === 'uphold'}>
        {(props) => <textarea {...props} rows={2} className={textareaClass} />}
      </FormField>
    </FormDialog>
  );
}

/** A day after the deadline, and at most one more time limit of the category past it. */
const extensionFormSchema = (
  t: Translate,
  after: string,
  shown: string,
  latest: string,
  limit: { days: number; latest: string },
) =>
  z.object({
    day: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, t('form.required'))
      .refine((d) => d > after, t('case.extendAfter', { due: shown }))
      .refine((d) => d <= latest, t('form.rule.extensionTooLong', limit)),
    reason: caseReturnSchema.shape.reason,
  });
type ExtensionValues = z.input<ReturnType<typeof extensionFormSchema>>;

/** 申请延期: a later day (due at 18:00 of it) and why; asked by the working day before the deadline. */
export function ExtensionRequestDialog({
  serviceCase,
  labels,
  open,
  onOpenChange,
}: ActionDialogProps & { labels: CaseLabels }) {
  const { t } = useI18n();
  const format = useFormat();
  const calendar = useWorkingCalendar();
  const dueDay = chinaDay(serviceCase.dueAt);
  const lastDay = calendar.previousWorkingDay(dueDay);
  const days = labels.timeLimitOf(serviceCase.categoryCode);
  const latest = calendar.addWorkingDays(dueDay, days);
  const { dialog } = useActionForm(
    { serviceCase, open, onOpenChange },
    'requestExtension',
    schemaResolver(
      extensionFormSchema(t, dueDay, format.date(dueDay), latest, { days, latest: format.date(latest) }),
      t,
    ),
    { day: calendar.addWorkingDays(dueDay, 5), reason: '' },
    (v) => ({ dueAt: chinaIsoAt(v.day, 18), reason: v.reason }),
  );
  if (todayInChina() > lastDay) {
    // Past the window nothing can be asked: the reason, and no form that the server would refuse.
    return (
      <ModalDialog
        open={open}
        onOpenChange={onOpenChange}
        title={t('case.action.requestExtension')}
        description={t('case.extensionTooLate', { lastDay: format.date(lastDay) })}
      >
        <div className="mt-4 flex justify-end">
          <Button onClick={() => onOpenChange(false)}>{t('common.close')}</Button>
        </div>
      </ModalDialog>
    );
  }
  return (
    <FormDialog
      title={t('case.action.requestExtension')}
      description={t('case.extensionHint', {
        due: format.dateTime(serviceCase.dueAt),
        lastDay: format.date(lastDay),
      })}
      {...dialog}
    >
      <FormField<ExtensionValues> name="day" label={t('case.field.extendTo')} required>
        {(props) => <input {...props} type="date" max={latest} className={inputClass} />}
      </FormField>
      <FormField<ExtensionValues> name="reason" label={t('case.field.reason')} required>
        {(props) => <textarea {...props} rows={3} className={textareaClass} />}
      </FormField>
    </FormDialog>
  );
}

type DecisionValues = z.input<typeof caseExtensionDecisionSchema>;

/** 延期审批: the request beside approve or refuse. */
export function ExtensionDecisionDialog({ serviceCase, open, onOpenChange }: ActionDialogProps) {
  const { t } = useI18n();
  const format = useFormat();
  const pending = pendingExtension(serviceCase);
  const { dialog } = useActionForm(
    { serviceCase, open, onOpenChange },
    'decideExtension',
    schemaResolver(caseExtensionDecisionSchema, t),
    { decision: 'approved', note: '' },
    (input) => input,
  );
  return (
    <FormDialog
      title={t('case.action.decideExtension')}
      description={
        pending
          ? t('case.pendingExtension', {
              by: pending.byName,
              to: format.dateTime(pending.requestedDueAt),
              reason: pending.reason,
            })
          : undefined
      }
      {...dialog}
    >
      <RadioGroupField<DecisionValues>
        name="decision"
        legend={t('case.field.decision')}
        options={(['approved', 'refused'] as const).map((value) => ({ value, label: t(`case.decision.${value}`) }))}
      />
      <FormField<DecisionValues> name="note" label={t('case.field.decisionNote')}>
        {(props) => <textarea {...props} rows={2} className={textareaClass} />}
      </FormField>
    </FormDialog>
  );
}

/** 督办 and 提级 deadlines: from today to a year ahead, as the server takes them, said in the user's words. */
function useDeadlineFromToday() {
  const { t } = useI18n();
  const format = useFormat();
  const today = todayInChina();
  const latest = addDays(today, MAX_DEADLINE_DAYS);
  const notPast = <S extends z.ZodType<{ deadline: string }, { deadline: string }>>(schema: S) =>
    schema
      .refine((v) => v.deadline >= today, {
        path: ['deadline'],
        message: t('case.deadlineFrom', { from: format.date(today) }),
      })
      .refine((v) => v.deadline <= latest, {
        path: ['deadline'],
        message: t('form.rule.dateOutOfRange', { from: format.date(today), to: format.date(latest) }),
      });
  return { today, latest, notPast };
}

type SuperviseValues = z.input<typeof caseSuperviseSchema>;

/** 督办: a manager puts the case under supervision, with a deadline and a note. */
export function SuperviseDialog({ serviceCase, open, onOpenChange }: ActionDialogProps) {
  const { t } = useI18n();
  const { today, latest, notPast } = useDeadlineFromToday();
  const schema = notPast(caseSuperviseSchema);
  const { dialog } = useActionForm(
    { serviceCase, open, onOpenChange },
    'supervise',
    schemaResolver(schema, t),
    { deadline: serviceCase.supervision?.deadline ?? '', note: '' },
    (input) => input,
  );
  return (
    <FormDialog title={t('case.action.supervise')} description={t('case.superviseHint')} {...dialog}>
      <FormField<SuperviseValues> name="deadline" label={t('case.field.superviseDeadline')} required>
        {(props) => <input {...props} type="date" min={today} max={latest} className={inputClass} />}
      </FormField>
      <FormField<SuperviseValues> name="note" label={t('case.field.superviseNote')} required>
        {(props) => <textarea {...props} rows={3} className={textareaClass} />}
      </FormField>
    </FormDialog>
  );
}

type EscalateValues = z.input<typeof caseEscalateSchema>;

/** 提级: to a task force or the leadership, with why and by when. */
export function EscalateDialog({ serviceCase, open, onOpenChange }: ActionDialogProps) {
  const { t } = useI18n();
  const { today, latest, notPast } = useDeadlineFromToday();
  const schema = notPast(caseEscalateSchema);
  const { dialog } = useActionForm(
    { serviceCase, open, onOpenChange },
    'escalate',
    schemaResolver(schema, t),
    { level: 'taskForce', reason: '', deadline: '' },
    (input) => input,
  );
  return (
    <FormDialog title={t('case.action.escalate')} description={t('case.escalateHint')} {...dialog}>
      <RadioGroupField<EscalateValues>
        name="level"
        legend={t('case.field.escalationLevel')}
        options={(['taskForce', 'leadership'] as const).map((value) => ({
          value,
          label: t(`case.escalation.${value}`),
        }))}
      />
      <FormField<EscalateValues> name="reason" label={t('case.field.reason')} required>
        {(props) => <textarea {...props} rows={2} className={textareaClass} />}
      </FormField>
      <FormField<EscalateValues> name="deadline" label={t('case.field.escalationDeadline')} required>
        {(props) => <input {...props} type="date" min={today} max={latest} className={inputClass} />}
      </FormField>
    </FormDialog>
  );
}

type FollowUpValues = z.input<typeof caseFollowUpSchema>;

/** 回访: how satisfied the requester is; 不满意 the department caused redoes the case. */
export function FollowUpDialog({ serviceCase, open, onOpenChange }: ActionDialogProps) {
  const { t } = useI18n();
  const { form, dialog } = useActionForm(
    { serviceCase, open, onOpenChange },
    'followUp',
    schemaResolver(caseFollowUpSchema, t),
    { satisfaction: undefined, attributable: false, note: '' },
    (input) => ({ ...input, attributable: input.satisfaction === 'unsatisfied' && input.attributable }),
  );
  const satisfaction = useWatch({ control: form.control, name: 'satisfaction' });
  return (
    <FormDialog title={t('case.action.followUp')} description={t('case.followUpHint')} {...dialog}>
      <RadioGroupField<FollowUpValues>
        name="satisfaction"
        legend={t('case.field.satisfaction')}
        options={satisfactionSchema.options.map((value) => ({ value, label: t(`case.satisfaction.${value}`) }))}
      />
      {satisfaction === 'unsatisfied' && (
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" className="mt-1" {...form.register('attributable')} />
          {t('case.field.attributable')}
        </label>
      )}
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
  const { dialog } = useActionForm(
    { serviceCase, open, onOpenChange },
    'prioritize',
    schemaResolver(casePrioritizeSchema, t),
    { priority: serviceCase.priority },
    (input) => input,
  );
  return (
    <FormDialog title={t('case.action.prioritize')} {...dialog}>
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

/** What signing commits the department to: the deadline its clock will run to. */
export function useSignHint(serviceCase: ServiceCase, labels: CaseLabels): string {
  const { t } = useI18n();
  const format = useFormat();
  const calendar = useWorkingCalendar();
  const days = labels.timeLimitOf(serviceCase.categoryCode);
  const due = chinaIsoAt(calendar.addWorkingDays(todayInChina(), days), 18);
  return t('case.signHint', { due: format.dateTime(due), days });
}
