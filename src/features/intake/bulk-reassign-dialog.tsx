import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Dialog } from 'radix-ui';
import { useId, useState, type FormEvent } from 'react';
import { intakeQueries } from '../../api/queries/intake-queries';
import { statsQueries } from '../../api/queries/stats-queries';
import { ErrorState } from '../../components/feedback/error-state';
import { Button } from '../../components/ui/button';
import { toast } from '../../components/ui/toaster';
import { apiClient } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n/i18n';
import type { IntakeLabels } from './use-intake-labels';

export function useReassignIntakeRecords() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { ids: string[]; officerId: string }) =>
      apiClient.request('reassignIntakeRecords', { body: input }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: intakeQueries.all() }),
        queryClient.invalidateQueries({ queryKey: statsQueries.all() }),
      ]),
  });
}

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
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 w-[26rem] max-w-[calc(100vw-2rem)] -translate-x-1/2 -translate-y-1/2 rounded-lg border bg-surface p-5 shadow-xl">
          <Dialog.Title className="text-lg font-semibold">
            {t('bulk.reassignTitle', { count: ids.length })}
          </Dialog.Title>
          <Dialog.Description className="sr-only">{t('bulk.reassignTitle', { count: ids.length })}</Dialog.Description>
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
            <div className="flex justify-end gap-2 pt-2">
              <Dialog.Close asChild>
                <Button>{t('common.cancel')}</Button>
              </Dialog.Close>
              <Button type="submit" variant="primary" disabled={!officerId || reassign.isPending}>
                {t('common.confirm')}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
