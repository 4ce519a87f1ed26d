import { useQuery } from '@tanstack/react-query';
import { useWatch } from 'react-hook-form';
import { z } from 'zod';
import { caseQueries } from '../../api/queries/case-queries';
import { useWorkingCalendar } from '../../api/queries/dictionary-queries';
import { caseTimeLimits, lapsedWorkingDays, lapseNoticeSent, openAssists } from '../../api/schemas/case-workflow';
import {
  caseAssistReportSchema,
  caseAssistRequestSchema,
  caseClassifySchema,
  caseCommonalitySchema,
  caseRemindSchema,
  type ServiceCase,
} from '../../api/schemas/service-cases';
import { FormDialog } from '../../components/form/form-dialog';
import { FormField, inputClass, textareaClass } from '../../components/form/form-field';
import { OptionsSelect } from '../../components/form/options-select';
import { schemaResolver } from '../../components/form/schema-resolver';
import { useFormat } from '../../lib/i18n/format';
import { useI18n, type Translate } from '../../lib/i18n/i18n';
import { useSessionState } from '../../lib/session';
import { RadioGroupField, useActionForm, type ActionDialogProps } from './case-action-form';
import type { CaseLabels } from './use-case-labels';
import { useNow } from './use-now';

type RemindValues = z.input<typeof caseRemindSchema>;

/**
 * 催办: a note to the department holding the case; once its deadline has lapsed by 5 working
 * days it may be the written 催办通知书 for the department's head (printed from the case).
 */
export function RemindDialog({ serviceCase, labels, ...props }: ActionDialogProps & { labels: CaseLabels }) {
  const { t } = useI18n();
  const calendar = useWorkingCalendar();
  const lapsed = lapsedWorkingDays(serviceCase, new Date(useNow()), calendar);
  // One written notice per lapsed deadline.
  const noticed = lapseNoticeSent(serviceCase);
  const formalAllowed = lapsed >= caseTimeLimits.lapseNotice && !noticed;
  const { form, dialog } = useActionForm(
    { serviceCase, ...props },
    'remind',
    schemaResolver(caseRemindSchema, t),
    { note: '', formal: formalAllowed },
    (input) => input,
  );
  return (
    <FormDialog
      title={t('case.action.remind')}
      description={
        formalAllowed
          ? t('case.lapseNoticeHint', {
              department: labels.label('department', serviceCase.departmentCode),
              days: lapsed,
            })
          : t('case.remindHint')
      }
      {...dialog}
    >
      {formalAllowed && (
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" className="mt-1" {...form.register('formal')} />
          {t('case.field.formal')}
        </label>
      )}
      <FormField<RemindValues> name="note" label={t('case.field.note')} required>
        {(props) => <textarea {...props} rows={3} className={textareaClass} />}
      </FormField>
    </FormDialog>
  );
}

const assistFormSchema = (t: Translate) =>
  caseAssistRequestSchema.extend({ departmentCode: z.string().min(1, t('form.required')) });
type AssistValues = z.input<ReturnType<typeof assistFormSchema>>;

/** 请求协办: another department is asked for its part, to report to the lead within 3 working days. */
export function RequestAssistDialog({ serviceCase, labels, ...props }: ActionDialogProps & { labels: CaseLabels }) {
  const { t } = useI18n();
  const { dialog } = useActionForm(
    { serviceCase, ...props },
    'requestAssist',
    schemaResolver(assistFormSchema(t), t),
    { departmentCode: '', request: '' },
    (input) => input,
  );
  const waiting = new Set(openAssists(serviceCase).map((a) => a.departmentCode));
  return (
    <FormDialog
      title={t('case.action.requestAssist')}
      description={t('case.assistHint', { days: caseTimeLimits.assist })}
      {...dialog}
    >
      <FormField<AssistValues> name="departmentCode" label={t('case.field.assistDepartment')} required>
        {(field) => (
          <OptionsSelect
            {...field}
            empty={t('form.choose')}
            options={labels.options.department.filter(
              (o) => o.value !== serviceCase.departmentCode && !waiting.has(o.value),
            )}
          />
        )}
      </FormField>
      <FormField<AssistValues> name="request" label={t('case.field.assistRequest')} required>
        {(field) => <textarea {...field} rows={3} className={textareaClass} />}
      </FormField>
    </FormDialog>
  );
}

type ReportValues = z.input<typeof caseAssistReportSchema>;

/** 协办反馈: the assisting department's report to the lead, beside what it was asked. */
export function ReportAssistDialog({ serviceCase, labels, ...props }: ActionDialogProps & { labels: CaseLabels }) {
  const { t } = useI18n();
  const format = useFormat();
  const department = useSessionState().session?.user.departmentCode;
  const asked = openAssists(serviceCase).find((a) => a.departmentCode === department);
  const { dialog } = useActionForm(
    { serviceCase, ...props },
    'reportAssist',
    schemaResolver(caseAssistReportSchema, t),
    { report: '' },
    (input) => input,
  );
  return (
    <FormDialog
      title={t('case.action.reportAssist')}
      description={
        asked &&
        t('case.assistAsked', {
          lead: labels.label('department', serviceCase.departmentCode),
          by: asked.byName,
          due: format.dateTime(asked.dueAt),
          request: asked.request,
        })
      }
      {...dialog}
    >
      <FormField<ReportValues> name="report" label={t('case.field.assistReport')} required>
        {(field) => <textarea {...field} rows={4} className={textareaClass} />}
      </FormField>
    </FormDialog>
  );
}

const mergeFormSchema = (t: Translate, self: string) =>
  z.object({
    intoId: z
      .string()
      .trim()
      .toUpperCase()
      .min(1, t('form.required'))
      .refine((id) => id !== self, t('form.rule.sameCase')),
  });
type MergeValues = z.input<ReturnType<typeof mergeFormSchema>>;

/**
 * 并单: the duplicate closes into the case it repeats. The month's cases of the same requester or
 * enterprise are offered; any case number of the month may be typed.
 */
export function MergeDialog({ serviceCase, labels, ...props }: ActionDialogProps & { labels: CaseLabels }) {
  const { t } = useI18n();
  const format = useFormat();
  const { form, dialog } = useActionForm(
    { serviceCase, ...props },
    'merge',
    schemaResolver(mergeFormSchema(t, serviceCase.id), t),
    { intoId: '' },
    (input) => input,
  );
  // The same requester's open demands of the month, received no later: what it may repeat.
  const sameRequester = (c: ServiceCase) =>
    c.requesterName === serviceCase.requesterName ||
    (serviceCase.enterpriseName !== null && c.enterpriseName === serviceCase.enterpriseName);
  const candidates = useQuery({
    ...caseQueries.list({
      q: serviceCase.enterpriseName ?? serviceCase.requesterName,
      month: serviceCase.monthId,
      page: 1,
      pageSize: 20,
      sort: 'receivedAt',
    }),
    // Of the same category first: a demand of another category is seldom the same problem.
    select: (page) =>
      page.items
        .filter(
          (c) =>
            c.id !== serviceCase.id &&
            c.mergedInto === null &&
            c.status !== 'closed' &&
            c.receivedAt <= serviceCase.receivedAt &&
            sameRequester(c),
        )
        .sort(
          (a, b) =>
            Number(a.categoryCode !== serviceCase.categoryCode) - Number(b.categoryCode !== serviceCase.categoryCode),
        ),
  });
  const chosen = useWatch({ control: form.control, name: 'intoId' });
  return (
    <FormDialog title={t('case.action.merge')} description={t('case.mergeHint')} {...dialog}>
      <fieldset>
        <legend className="mb-1 text-sm font-medium">{t('case.mergeCandidates')}</legend>
        {candidates.data && candidates.data.length === 0 && (
          <p className="text-sm text-muted-foreground">{t('case.mergeNone')}</p>
        )}
        <div className="flex flex-col gap-1.5">
          {candidates.data?.map((c) => (
            <label key={c.id} className="flex items-start gap-2 text-sm">
              <input
                type="radio"
                name="merge-candidate"
                className="mt-1"
                checked={chosen === c.id}
                onChange={() => form.setValue('intoId', c.id, { shouldValidate: true })}
              />
              <span className="min-w-0 break-words">
                <span className="font-mono text-xs">{c.id}</span> {c.title}
                <span className="block text-muted-foreground">
                  {[
                    c.enterpriseName ? `${c.enterpriseName}（${c.requesterName}）` : c.requesterName,
                    format.dateTime(c.receivedAt),
                    labels.label('category', c.categoryCode),
                    t(`case.status.${c.status}`),
                  ].join(' · ')}
                </span>
                {c.categoryCode !== serviceCase.categoryCode && (
                  <span className="block text-warning">{t('case.mergeOtherCategory')}</span>
                )}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <FormField<MergeValues> name="intoId" label={t('case.field.mergeInto')} required>
        {(field) => <input {...field} className={inputClass} placeholder="SC-2026-0001" />}
      </FormField>
    </FormDialog>
  );
}

type ClassifyValues = z.input<typeof caseClassifySchema>;

/** 共性/个性: a shared demand joins the pool policy patches draw on. */
export function ClassifyDialog({ serviceCase, ...props }: ActionDialogProps) {
  const { t } = useI18n();
  const { dialog } = useActionForm(
    { serviceCase, ...props },
    'classify',
    schemaResolver(caseClassifySchema, t),
    { commonality: serviceCase.commonality ?? undefined },
    (input) => input,
  );
  return (
    <FormDialog title={t('case.action.classify')} description={t('case.classifyHint')} {...dialog}>
      <RadioGroupField<ClassifyValues>
        name="commonality"
        legend={t('case.field.commonality')}
        options={caseCommonalitySchema.options.map((value) => ({ value, label: t(`case.commonality.${value}`) }))}
      />
    </FormDialog>
  );
}
