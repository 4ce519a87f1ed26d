import { FormProvider, useForm } from 'react-hook-form';
import { z } from 'zod';
import { useReassignIntakeRecords } from '../../api/queries/intake-queries';
import { intakeRecordCreateSchema, type IntakeListQuery, type IntakeRecord } from '../../api/schemas/intake';
import type { ServerTableState } from '../../components/data-table/use-server-table';
import { ErrorState } from '../../components/feedback/error-state';
import { FormField, inputClass } from '../../components/form/form-field';
import { schemaResolver } from '../../components/form/schema-resolver';
import { applyServerErrors } from '../../components/form/server-errors';
import { DialogActions, ModalDialog } from '../../components/ui/modal-dialog';
import { toast } from '../../components/ui/toaster';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';
import type { IntakeLabels } from './use-intake-labels';

const reassignSchema = z.object({ officerId: intakeRecordCreateSchema.shape.officerId });
type ReassignValues = z.input<typeof reassignSchema>;

/** Gives the selected records (or every record the filters match) to another officer. */
export function BulkReassignDialog({
  selection,
  filter,
  labels,
  open,
  onOpenChange,
  onDone,
}: {
  selection: ServerTableState<IntakeRecord>['selection'];
  /** The table's query, for "every matching record". */
  filter: IntakeListQuery;
  labels: IntakeLabels;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** After a success the bar that opened the dialog is gone: the caller says where focus goes. */
  onDone: () => void;
}) {
  const { t } = useI18n();
  const format = useFormat();
  const form = useForm<ReassignValues>({
    resolver: schemaResolver(reassignSchema, t),
    defaultValues: { officerId: '' },
  });
  const reassign = useReassignIntakeRecords();
  const submit = form.handleSubmit(({ officerId }) => {
    const { page: _page, pageSize: _pageSize, sort: _sort, ...matching } = filter;
    reassign.mutate(selection.allMatching ? { filter: matching, officerId } : { ids: selection.ids, officerId }, {
      onSuccess: ({ updated }) => {
        const unchanged = selection.count - updated;
        toast({
          tone: 'success',
          title: t('bulk.reassignDone', { count: format.integer(updated) }),
          description: unchanged > 0 ? t('bulk.reassignUnchanged', { count: format.integer(unchanged) }) : undefined,
        });
        onOpenChange(false);
        form.reset();
        selection.clear();
        onDone();
      },
      onError: (error) => applyServerErrors(form, error, t),
    });
  });
  const title = t('bulk.reassignTitle', { count: format.integer(selection.count) });
  const failure = reassign.error;
  return (
    <ModalDialog open={open} onOpenChange={onOpenChange} title={title} description={title} hideDescription>
      <FormProvider {...form}>
        <form onSubmit={submit} noValidate className="mt-4 space-y-3">
          <FormField<ReassignValues> name="officerId" label={t('bulk.reassignTo')} required>
            {(props) => (
              <select {...props} className={inputClass}>
                <option value="">{t('form.choose')}</option>
                {labels.options.officer.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          {failure && Object.keys(form.formState.errors).length === 0 && <ErrorState error={failure} compact />}
          <DialogActions
            cancelLabel={t('common.cancel')}
            submitLabel={t('common.confirm')}
            disabled={reassign.isPending}
          />
        </form>
      </FormProvider>
    </ModalDialog>
  );
}
