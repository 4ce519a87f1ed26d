import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { isApiError } from '../../api/api-error';
import { patchQueries, useCreatePolicyPatch, usePatchWrite } from '../../api/queries/patch-queries';
import { TALENT_OFFICE_DEPARTMENT } from '../../api/permissions';
import { policyPatchSchema, policyPatchUpdateSchema, type PolicyPatch } from '../../api/schemas/policy-patches';
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
import { serverFieldMessage } from '../../lib/form-errors';
import { useI18n } from '../../lib/i18n/i18n';
import { useSessionState } from '../../lib/session';
import type { PatchLabels } from './use-patch-labels';

type PatchFormValues = z.input<typeof policyPatchUpdateSchema>;

const valuesOf = (patch: PolicyPatch | undefined, leadDepartmentCode = ''): PatchFormValues => ({
  title: patch?.title ?? '',
  policyCode: patch?.policyCode ?? '',
  blockage: patch?.blockage ?? '',
  amendment: patch?.amendment ?? '',
  leadDepartmentCode: patch?.leadDepartmentCode ?? leadDepartmentCode,
});

/**
 * Propose a patch (from scratch, or from the demands chosen in the casework queue) or edit one in
 * progress. The contract's schema checks it; the server's 422 lands on the fields; a 409 is merged
 * field by field; closing with unsaved text asks first, so nothing typed is lost.
 */
export function PatchForm({
  labels,
  patch,
  demandCaseIds = [],
  onClose,
  onSaved,
}: {
  labels: PatchLabels;
  /** Absent: a new patch. */
  patch?: PolicyPatch;
  demandCaseIds?: readonly string[];
  onClose: () => void;
  onSaved: (patch: PolicyPatch) => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const user = useSessionState().session?.user;
  // A department proposes the patches it leads.
  const office = user?.departmentCode === TALENT_OFFICE_DEPARTMENT;
  const form = useForm<PatchFormValues, unknown, z.output<typeof policyPatchUpdateSchema>>({
    resolver: schemaResolver(policyPatchUpdateSchema, t),
    defaultValues: valuesOf(patch, office ? '' : user?.departmentCode),
  });
  const [base, setBase] = useState(patch);
  const [conflictSince, setConflictSince] = useState('');
  const { conflict, start: startConflict, choose, clear: clearConflict } = useConflict(form);
  const create = useCreatePolicyPatch();
  const update = usePatchWrite('updatePolicyPatch');
  const mutation = patch ? update : create;
  const guard = useDiscardGuard(form.formState.isDirty);
  const history = useQuery({ ...patchQueries.history(patch?.id ?? ''), enabled: conflict !== null && !!patch });

  const close = () => guard.requestClose(onClose);
  const submit = form.handleSubmit((values) => {
    if (conflict && conflict.unresolved > 0) return;
    const onError = (error: unknown) => {
      if (isApiError(error) && error.code === 'version_conflict') {
        const current = policyPatchSchema.safeParse(error.current);
        if (current.success) {
          startConflict(valuesOf(base), valuesOf(current.data));
          setConflictSince(base?.updatedAt ?? '');
          setBase(current.data);
          void queryClient.invalidateQueries({ queryKey: patchQueries.history(current.data.id).queryKey });
        }
        return;
      }
      applyServerErrors(form, error, t);
    };
    const onSuccess = (saved: PolicyPatch) => {
      guard.release();
      clearConflict();
      toast({ tone: 'success', title: t(patch ? 'patch.saved' : 'patch.created', { id: saved.id }) });
      onSaved(saved);
    };
    if (patch) update.mutate({ id: patch.id, input: values, version: base!.version }, { onSuccess, onError });
    else create.mutate({ ...values, demandCaseIds: [...demandCaseIds] }, { onSuccess, onError });
  });

  const conflictFields: ConflictField[] = [
    { name: 'title', label: t('patch.field.title'), show: String },
    { name: 'policyCode', label: t('patch.field.policy'), show: (v) => labels.label('policy', String(v)) },
    { name: 'leadDepartmentCode', label: t('patch.field.lead'), show: (v) => labels.label('department', String(v)) },
    { name: 'blockage', label: t('patch.field.blockage'), show: String },
    { name: 'amendment', label: t('patch.field.amendment'), show: (v) => String(v) || '—' },
  ];
  const changedBy = (field: string): FieldChange | undefined => {
    const after = conflictSince ? Date.parse(conflictSince) : Number.NEGATIVE_INFINITY;
    const event = (history.data?.items ?? []).find(
      (e) => Date.parse(e.at) > after && e.changes.some((c) => c.field === field),
    );
    return event ? { actorName: event.actorName, at: event.at } : undefined;
  };
  const failure = mutation.error;
  const showFailure =
    failure &&
    !(isApiError(failure) && ((failure.code === 'version_conflict' && conflict) || failure.fieldErrors.length > 0));
  // The server names unknown or already linked demands on `demandCaseIds`, which has no field here.
  const demandErrors = isApiError(failure) ? failure.fieldErrors.filter((e) => e.field === 'demandCaseIds') : [];

  return (
    <Sheet
      title={
        patch
          ? t('patch.editTitle', { id: patch.id })
          : demandCaseIds.length > 0
            ? t('patch.createFromCases', { count: demandCaseIds.length })
            : t('patch.createTitle')
      }
      onClose={close}
      wide
      onOpenAutoFocus={(event) => {
        event.preventDefault();
        form.setFocus('title');
      }}
    >
      <FormProvider {...form}>
        <form onSubmit={submit} noValidate className="space-y-4">
          {conflict && (
            <ConflictNotice conflict={conflict} fields={conflictFields} changedBy={changedBy} onChoose={choose} />
          )}
          {demandCaseIds.length > 0 && (
            <div className="rounded-md bg-muted p-3 text-sm">
              <div className="font-medium">{t('patch.field.demands')}</div>
              <p className="mt-1 font-mono text-xs">{demandCaseIds.join('、')}</p>
              {demandErrors.map((e) => (
                <p key={e.code ?? e.message} role="alert" className="mt-1 text-danger">
                  {serverFieldMessage(e, t)}
                </p>
              ))}
            </div>
          )}
          <FormField<PatchFormValues> name="title" label={t('patch.field.title')} required>
            {(props) => <input {...props} className={inputClass} />}
          </FormField>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField<PatchFormValues> name="policyCode" label={t('patch.field.policy')} required>
              {(props) => (
                <select {...props} className={inputClass}>
                  <option value="">{t('form.choose')}</option>
                  {labels.policies.map((policy) => (
                    <option key={policy.code} value={policy.code}>
                      {labels.policyPath(policy.code)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            {office ? (
              <FormField<PatchFormValues> name="leadDepartmentCode" label={t('patch.field.lead')} required>
                {(props) => (
                  <select {...props} className={inputClass}>
                    <option value="">{t('form.choose')}</option>
                    {labels.options.department.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
            ) : (
              <div className="text-sm">
                <div className="font-medium">{t('patch.field.lead')}</div>
                <p className="mt-1 flex h-9 items-center">
                  {labels.label('department', form.getValues('leadDepartmentCode'))}
                </p>
                <p className="mt-1 text-xs text-muted-foreground">{t('patch.leadHint')}</p>
              </div>
            )}
          </div>
          <FormField<PatchFormValues> name="blockage" label={t('patch.field.blockage')} required>
            {(props) => <textarea {...props} rows={3} className={textareaClass} />}
          </FormField>
          <FormField<PatchFormValues>
            name="amendment"
            label={t('patch.field.amendment')}
            hint={t('form.maxLength', { max: 4000 })}
          >
            {(props) => <textarea {...props} rows={6} className={textareaClass} />}
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
