import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { isApiError } from '../../api/api-error';
import { caseQueries, useCaseAction } from '../../api/queries/case-queries';
import type { StandardAnswer } from '../../api/schemas/knowledge';
import { caseAnswerSchema, type ServiceCase } from '../../api/schemas/service-cases';
import { ErrorState } from '../../components/feedback/error-state';
import { FormField, inputClass, textareaClass } from '../../components/form/form-field';
import { OptionsSelect } from '../../components/form/options-select';
import { schemaResolver } from '../../components/form/schema-resolver';
import { applyServerErrors } from '../../components/form/server-errors';
import { Button } from '../../components/ui/button';
import { toast } from '../../components/ui/toaster';
import { useI18n } from '../../lib/i18n/i18n';
import type { CaseLabels } from './use-case-labels';

/** The form's values: the policy chosen from a list whose first option is none. */
const answerFormSchema = caseAnswerSchema.extend({
  citedPolicyCode: z.string().transform((code) => code || null),
});
type AnswerValues = z.input<typeof answerFormSchema>;

/** Where an answer being written is kept: per user and case, in this browser. */
const draftKey = (userId: string, caseId: string) => `tod.draft.answer.${userId}.${caseId}`;

type AnswerDraft = { countermeasure: string; citedPolicyCode: string };
const noDraft: AnswerDraft = { countermeasure: '', citedPolicyCode: '' };

/** The draft kept: the text and the policy it cites (a draft of plain text is an older one's text). */
function readDraft(key: string): AnswerDraft {
  try {
    const stored = localStorage.getItem(key);
    if (stored === null) return noDraft;
    try {
      const draft = JSON.parse(stored) as Partial<AnswerDraft>;
      if (typeof draft.countermeasure === 'string') {
        return {
          countermeasure: draft.countermeasure,
          citedPolicyCode: typeof draft.citedPolicyCode === 'string' ? draft.citedPolicyCode : '',
        };
      }
    } catch {
      // Not JSON: a draft kept as its text alone.
    }
    return { countermeasure: stored, citedPolicyCode: '' };
  } catch {
    return noDraft;
  }
}

function writeDraft(key: string, draft: AnswerDraft) {
  try {
    if (draft.countermeasure.trim()) localStorage.setItem(key, JSON.stringify(draft));
    else localStorage.removeItem(key);
  } catch {
    // A full or blocked storage costs only the draft's surviving a reload; the text stays on screen.
  }
}

/**
 * 答复: the countermeasure (对策) for the requester. What is typed is kept as a local draft while
 * it is written, so it survives a refused save (409), a lost connection, a sign-in that expired
 * and a reload; it is cleared when the answer is saved.
 */
export function CaseAnswerForm({
  serviceCase,
  userId,
  labels,
  onSent,
}: {
  serviceCase: ServiceCase;
  userId: string;
  labels: CaseLabels;
  /** After the answer is saved (the form goes with the state it was for). */
  onSent: () => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const key = draftKey(userId, serviceCase.id);
  const form = useForm<AnswerValues, unknown, z.output<typeof answerFormSchema>>({
    resolver: schemaResolver(answerFormSchema, t),
    defaultValues: readDraft(key),
  });
  const answer = useCaseAction('answer');
  /** The policy the last inserted standard answer set, while the officer has not changed it. */
  const insertedPolicy = useRef<string | null>(null);

  const text = useWatch({ control: form.control, name: 'countermeasure' });
  const policy = useWatch({ control: form.control, name: 'citedPolicyCode' });
  useEffect(() => writeDraft(key, { countermeasure: text ?? '', citedPolicyCode: policy ?? '' }), [key, text, policy]);

  const submit = form.handleSubmit((input) =>
    answer.mutate(
      { id: serviceCase.id, version: serviceCase.version, input },
      {
        onSuccess: () => {
          writeDraft(key, noDraft);
          form.reset(noDraft);
          toast({ tone: 'success', title: t('case.done.answer') });
          onSent();
        },
        onError: (error) => {
          applyServerErrors(form, error, t);
          // Someone changed the case meanwhile: fetch it, so the next try carries its version.
          if (isApiError(error) && error.status === 409) {
            void queryClient.invalidateQueries({ queryKey: caseQueries.detail(serviceCase.id).queryKey });
          }
        },
      },
    ),
  );

  const failed = answer.error;
  return (
    <FormProvider {...form}>
      <form
        id="case-answer-form"
        onSubmit={submit}
        noValidate
        className="space-y-2 rounded-md border p-3"
        aria-labelledby="answer-title"
      >
        <h3 id="answer-title" className="font-semibold">
          {t('case.action.answer')}
        </h3>
        <StandardAnswerPicker
          categoryCode={serviceCase.categoryCode}
          labels={labels}
          onInsert={(picked) => {
            const current = form.getValues('countermeasure');
            form.setValue('countermeasure', current.trim() ? `${current.trimEnd()}\n${picked.answer}` : picked.answer, {
              shouldDirty: true,
            });
            // The policy follows the answers inserted, unless the officer chose one of their own.
            const cited = form.getValues('citedPolicyCode');
            if (picked.policyCode && (!cited || cited === insertedPolicy.current)) {
              form.setValue('citedPolicyCode', picked.policyCode, { shouldDirty: true });
              insertedPolicy.current = picked.policyCode;
            }
            form.setFocus('countermeasure');
          }}
        />
        <FormField<AnswerValues>
          name="countermeasure"
          label={t('case.field.countermeasure')}
          required
          hint={t('case.draftHint')}
        >
          {(props) => <textarea {...props} rows={5} className={textareaClass} />}
        </FormField>
        <FormField<AnswerValues>
          name="citedPolicyCode"
          label={t('case.field.citedPolicy')}
          hint={t('case.citedPolicyHint')}
        >
          {(props) => <OptionsSelect {...props} options={labels.options.policy} empty={t('form.none')} />}
        </FormField>
        {failed && Object.keys(form.formState.errors).length === 0 && (
          <div className="space-y-1">
            <ErrorState error={failed} compact />
            <p className="text-sm text-muted-foreground">{t('case.answerKept')}</p>
          </div>
        )}
        <div className="flex justify-end">
          <Button type="submit" variant="primary" size="sm" disabled={answer.isPending}>
            {t('case.sendAnswer')}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}

/**
 * 插入标准答复: the knowledge base's answers, this case's category first, then the general ones,
 * then the rest; the one chosen is added to the countermeasure (and its policy cited if none is).
 */
function StandardAnswerPicker({
  categoryCode,
  labels,
  onInsert,
}: {
  categoryCode: string;
  labels: CaseLabels;
  onInsert: (answer: StandardAnswer) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const base = useQuery(caseQueries.knowledge());
  const answers = base.data?.answers ?? [];
  if (answers.length === 0) return null;
  const groups: [string, StandardAnswer[]][] = [
    [labels.label('category', categoryCode), answers.filter((a) => a.categoryCode === categoryCode)],
    [t('kb.general'), answers.filter((a) => a.categoryCode === null)],
    [t('kb.otherCategories'), answers.filter((a) => a.categoryCode !== null && a.categoryCode !== categoryCode)],
  ];
  return (
    <div className="flex flex-col gap-1 text-sm">
      <label htmlFor={id} className="font-medium">
        {t('kb.insert')}
      </label>
      <select
        id={id}
        className={inputClass}
        value=""
        onChange={(event) => {
          const picked = answers.find((a) => a.id === event.target.value);
          if (picked) onInsert(picked);
        }}
      >
        <option value="">{t('kb.insertHint')}</option>
        {groups
          .filter(([, list]) => list.length > 0)
          .map(([label, list]) => (
            <optgroup key={label} label={label}>
              {list.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.title}
                </option>
              ))}
            </optgroup>
          ))}
      </select>
    </div>
  );
}
