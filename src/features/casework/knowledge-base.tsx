import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { isApiError } from '../../api/api-error';
import { caseQueries, useSaveKnowledgeBase } from '../../api/queries/case-queries';
import {
  standardAnswerInputSchema,
  type KnowledgeBase,
  type StandardAnswer,
  type StandardAnswerInput,
} from '../../api/schemas/knowledge';
import { ErrorState } from '../../components/feedback/error-state';
import { FormDialog, useFormDialogOutcome } from '../../components/form/form-dialog';
import { FormField, inputClass, textareaClass } from '../../components/form/form-field';
import { OptionsSelect } from '../../components/form/options-select';
import { schemaResolver } from '../../components/form/schema-resolver';
import { Button } from '../../components/ui/button';
import { DialogActions, ModalDialog } from '../../components/ui/modal-dialog';
import { Skeleton } from '../../components/ui/skeleton';
import { toast } from '../../components/ui/toaster';
import { describeError } from '../../lib/describe-error';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';
import { useCan } from '../../lib/use-can';
import type { CaseLabels } from './use-case-labels';

/**
 * 标准答复 (知识库): the standard answers officers insert into countermeasures, by demand
 * category, each on a rule of the 1+N+X system. A manager adds, edits and removes them; the base
 * is saved whole with the version seen, so two managers' edits never overwrite each other unseen.
 */
export function KnowledgeBasePanel({ labels }: { labels: CaseLabels }) {
  const { t } = useI18n();
  const format = useFormat();
  const canEdit = useCan('case:configure');
  const base = useQuery(caseQueries.knowledge());
  const [category, setCategory] = useState('');
  const [text, setText] = useState('');
  const [editing, setEditing] = useState<StandardAnswer | 'new' | null>(null);
  const [removing, setRemoving] = useState<StandardAnswer | null>(null);
  const kb = base.data;
  const needle = text.trim();
  const shown = (kb?.answers ?? []).filter(
    (a) =>
      (!category || a.categoryCode === category || (category === '-' && a.categoryCode === null)) &&
      (!needle || a.title.includes(needle) || a.answer.includes(needle)),
  );
  return (
    <section aria-labelledby="knowledge-heading" className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <h2 id="knowledge-heading" className="mr-auto text-base font-semibold">
          {t('kb.title')}
        </h2>
        <label className="flex flex-col gap-1 text-sm">
          <span className="text-muted-foreground">{t('case.field.category')}</span>
          <select
            className="h-9 rounded-md border bg-surface px-2"
            value={category}
            onChange={(e) => setCategory(e.target.value)}
          >
            <option value="">{t('kb.allCategories')}</option>
            <option value="-">{t('kb.general')}</option>
            {labels.options.category.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="text-muted-foreground">{t('kb.search')}</span>
          <input
            className="h-9 rounded-md border bg-surface px-2"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        {canEdit && kb && (
          <Button variant="primary" size="sm" onClick={() => setEditing('new')}>
            {t('kb.add')}
          </Button>
        )}
      </div>
      <p className="text-sm text-muted-foreground">{t('kb.intro')}</p>
      {base.isPending && <Skeleton className="h-64 w-full" />}
      {base.error && !kb && <ErrorState error={base.error} onRetry={() => void base.refetch()} />}
      {kb && (
        <>
          {shown.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t('kb.empty')}</p>
          ) : (
            <ul className="space-y-2">
              {shown.map((a) => (
                <li key={a.id} className="rounded-md border p-3 text-sm">
                  <div className="flex flex-wrap items-baseline gap-2">
                    <h3 className="font-medium break-words">{a.title}</h3>
                    <span className="font-mono text-xs text-muted-foreground">{a.id}</span>
                    <span className="text-muted-foreground">
                      {a.categoryCode ? labels.label('category', a.categoryCode) : t('kb.general')}
                      {a.policyCode && ` · ${labels.label('policy', a.policyCode)}`}
                    </span>
                    {canEdit && (
                      <span className="ml-auto flex gap-1">
                        <Button size="sm" variant="ghost" onClick={() => setEditing(a)}>
                          {t('kb.edit')}
                          <span className="sr-only">{a.title}</span>
                        </Button>
                        <Button size="sm" variant="ghost" onClick={() => setRemoving(a)}>
                          {t('kb.remove')}
                          <span className="sr-only">{a.title}</span>
                        </Button>
                      </span>
                    )}
                  </div>
                  <p className="mt-1 break-words whitespace-pre-wrap">{a.answer}</p>
                </li>
              ))}
            </ul>
          )}
          {kb.updatedAt && (
            <p className="text-xs text-muted-foreground">
              {t('kb.updated', { by: kb.updatedByName ?? '', at: format.dateTime(kb.updatedAt) })}
            </p>
          )}
          {editing !== null && (
            <AnswerDialog
              base={kb}
              answer={editing === 'new' ? null : editing}
              labels={labels}
              onOpenChange={(open) => !open && setEditing(null)}
            />
          )}
          {removing && <RemoveDialog base={kb} answer={removing} onOpenChange={(open) => !open && setRemoving(null)} />}
        </>
      )}
    </section>
  );
}

const answerFormSchema = standardAnswerInputSchema.extend({
  categoryCode: z.string().transform((code) => code || null),
  policyCode: z.string().transform((code) => code || null),
});
type AnswerValues = z.input<typeof answerFormSchema>;

/** The base as sent back: every answer as it is, with one replaced, added or left out. */
const withAnswer = (base: KnowledgeBase, id: string | null, answer: StandardAnswerInput | null) => {
  const answers: StandardAnswerInput[] = base.answers.flatMap((a) => (a.id !== id ? [a] : answer ? [answer] : []));
  return { answers: id === null && answer ? [...answers, answer] : answers };
};

/** Adds or edits one standard answer; the server's objections land beside the fields. */
function AnswerDialog({
  base,
  answer,
  labels,
  onOpenChange,
}: {
  base: KnowledgeBase;
  answer: StandardAnswer | null;
  labels: CaseLabels;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useI18n();
  const form = useForm<AnswerValues, unknown, z.output<typeof answerFormSchema>>({
    resolver: schemaResolver(answerFormSchema, t),
    defaultValues: {
      title: answer?.title ?? '',
      categoryCode: answer?.categoryCode ?? '',
      policyCode: answer?.policyCode ?? '',
      answer: answer?.answer ?? '',
    },
  });
  const save = useSaveKnowledgeBase();
  const outcome = useFormDialogOutcome(form, onOpenChange, {
    done: () => t('kb.saved'),
    recordKey: caseQueries.knowledge().queryKey,
  });
  const index = answer ? base.answers.findIndex((a) => a.id === answer.id) : base.answers.length;
  const onSubmit = form.handleSubmit((values) =>
    save.mutate(
      {
        input: withAnswer(base, answer?.id ?? null, { ...values, ...(answer ? { id: answer.id } : {}) }),
        version: base.version,
      },
      {
        ...outcome,
        onError: (error) => {
          outcome.onError(error);
          // The server names this answer's fields by its place in the list.
          if (isApiError(error)) {
            for (const e of error.fieldErrors) {
              const field = e.field.replace(`answers.${index}.`, '');
              if (field in form.getValues()) {
                form.setError(field as keyof AnswerValues, { message: e.message });
              }
            }
          }
        },
      },
    ),
  );
  return (
    <FormDialog
      title={t(answer ? 'kb.editTitle' : 'kb.add')}
      description={t('kb.formHint')}
      form={form}
      onSubmit={onSubmit}
      pending={save.isPending}
      error={save.error}
      open
      onOpenChange={onOpenChange}
    >
      <FormField<AnswerValues> name="title" label={t('kb.field.title')} required>
        {(props) => <input {...props} className={inputClass} />}
      </FormField>
      <FormField<AnswerValues> name="categoryCode" label={t('case.field.category')}>
        {(props) => <OptionsSelect {...props} options={labels.options.category} empty={t('kb.general')} />}
      </FormField>
      <FormField<AnswerValues> name="policyCode" label={t('case.field.citedPolicy')}>
        {(props) => <OptionsSelect {...props} options={labels.options.policy} empty={t('form.none')} />}
      </FormField>
      <FormField<AnswerValues> name="answer" label={t('kb.field.answer')} required>
        {(props) => <textarea {...props} rows={6} className={textareaClass} />}
      </FormField>
    </FormDialog>
  );
}

function RemoveDialog({
  base,
  answer,
  onOpenChange,
}: {
  base: KnowledgeBase;
  answer: StandardAnswer;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const save = useSaveKnowledgeBase();
  return (
    <ModalDialog
      open
      onOpenChange={onOpenChange}
      title={t('kb.removeTitle')}
      description={t('kb.removeHint', { title: answer.title })}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(
            { input: withAnswer(base, answer.id, null), version: base.version },
            {
              onSuccess: () => {
                toast({ tone: 'success', title: t('kb.removed') });
                onOpenChange(false);
              },
              // Changed by someone else meanwhile: the list shows their version, to decide again.
              onError: (error) => {
                if (isApiError(error) && error.status === 409) {
                  void queryClient.invalidateQueries({ queryKey: caseQueries.knowledge().queryKey });
                }
              },
            },
          );
        }}
      >
        {save.error !== null && (
          <p role="alert" className="mt-3 text-sm text-danger">
            {describeError(save.error, t)}
          </p>
        )}
        <DialogActions cancelLabel={t('common.cancel')} submitLabel={t('kb.remove')} disabled={save.isPending} />
      </form>
    </ModalDialog>
  );
}
