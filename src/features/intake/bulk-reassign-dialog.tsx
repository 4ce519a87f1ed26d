import { useId, useState, type FormEvent } from 'react';
import { ErrorState } from '../../components/feedback/error-state';
import { DialogActions, ModalDialog } from '../../components/ui/modal-dialog';
import { toast } from '../../components/ui/toaster';
import { useI18n } from '../../lib/i18n/i18n';
import { useReassignIntakeRecords } from './intake-mutations';
import type { IntakeLabels } from './use-intake-labels';

export function BulkReassignDialog({
  ids,
  labels,
  open,
  onOpenChange,
  onDone,
}: {
  ids: string[];
  labels: IntakeLabels;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [officerId, setOfficerId] = useState('');
  const reassign = useReassignIntakeRecords();
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!officerId) return;
    reassign.mutate(
      { ids, officerId },
      {
        onSuccess: ({ updated }) => {
          toast({ tone: 'success', title: t('bulk.reassignDone', { count: updated }) });
          onOpenChange(false);
          onDone();
        },
      },
    );
  }
  return (
    <ModalDialog
      open={open}
      onOpenChange={onOpenChange}
      title={t('bulk.reassignTitle', { count: ids.length })}
      description={t('bulk.reassignTitle', { count: ids.length })}
      hideDescription
    >
      <form onSubmit={submit} className="mt-4 space-y-3">
        <label htmlFor={id} className="block text-sm font-medium">
          {t('bulk.reassignTo')}
        </label>
        <select
          id={id}
          value={officerId}
          onChange={(event) => setOfficerId(event.target.value)}
          required
          className="h-9 w-full rounded-md border bg-surface px-2"
        >
          <option value="">{t('form.choose')}</option>
          {labels.options.officer.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        {reassign.error && <ErrorState error={reassign.error} compact />}
        <DialogActions
          cancelLabel={t('common.cancel')}
          submitLabel={t('common.confirm')}
          disabled={!officerId || reassign.isPending}
        />
      </form>
    </ModalDialog>
  );
}
