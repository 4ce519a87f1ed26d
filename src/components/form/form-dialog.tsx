import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { FormProvider, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { isApiError } from '../../api/api-error';
import { useI18n } from '../../lib/i18n/i18n';
import { ErrorState } from '../feedback/error-state';
import { DialogActions, ModalDialog } from '../ui/modal-dialog';
import { toast } from '../ui/toaster';
import { applyServerErrors } from './server-errors';

/**
 * A dialog of one short form (a workflow action, a link, a figure): its fields, the server's
 * refusal kept beside the user's input (field errors on their fields, anything else below), Cancel
 * and Confirm.
 */
export function FormDialog<TValues extends FieldValues, TOutput>({
  title,
  description,
  form,
  onSubmit,
  pending,
  error,
  open,
  onOpenChange,
  children,
}: {
  title: string;
  /** Read out with the title, and shown; without one the title is read twice, so none is shown. */
  description?: string;
  form: UseFormReturn<TValues, unknown, TOutput>;
  onSubmit: () => void;
  pending: boolean;
  error: unknown;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <ModalDialog
      open={open}
      onOpenChange={onOpenChange}
      title={title}
      description={description ?? title}
      hideDescription={description === undefined}
    >
      <FormProvider {...form}>
        <form onSubmit={onSubmit} noValidate className="mt-4 space-y-3">
          {children}
          {error !== null && error !== undefined && Object.keys(form.formState.errors).length === 0 && (
            <ErrorState error={error} compact />
          )}
          <DialogActions cancelLabel={t('common.cancel')} submitLabel={t('common.confirm')} disabled={pending} />
        </form>
      </FormProvider>
    </ModalDialog>
  );
}

/**
 * What a form dialog does once the server answered: a toast and the dialog closed on success; on
 * a refusal the input stays, field errors go to their fields, and a 409 refetches the record
 * (`recordKey`) so that the next try carries its version.
 */
export function useFormDialogOutcome<TValues extends FieldValues, TOutput, TSaved>(
  form: UseFormReturn<TValues, unknown, TOutput>,
  onOpenChange: (open: boolean) => void,
  {
    done,
    recordKey,
    onDone,
  }: { done: (saved: TSaved) => string; recordKey: QueryKey; onDone?: (saved: TSaved) => void },
) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  return {
    onSuccess: (saved: TSaved) => {
      toast({ tone: 'success', title: done(saved) });
      onOpenChange(false);
      form.reset();
      onDone?.(saved);
    },
    onError: (error: unknown) => {
      applyServerErrors(form, error, t);
      if (isApiError(error) && error.status === 409) void queryClient.invalidateQueries({ queryKey: recordKey });
    },
  };
}
