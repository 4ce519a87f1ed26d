import { useId, useState, type FormEvent } from 'react';
import type { IntakeListQuery, IntakeRecord } from '../../api/schemas/intake';
import { ErrorState } from '../../components/feedback/error-state';
import type { ServerTableState } from '../../components/data-table/use-server-table';
import { DialogActions, ModalDialog } from '../../components/ui/modal-dialog';
import { toast } from '../../components/ui/toaster';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';
import { useReassignIntakeRecords } from '../../api/queries/intake-queries';
import type { IntakeLabels } from './use-intake-labels';

/** Gives the selected records (or every record the filters match) to another officer. */
export function BulkReassignDialog({
  selection,
  filter,
  labels,
  open,
  onOpenChange,
}: {
  selection: ServerTableState<IntakeRecord>['selection'];
  /** The table's query, for "every matching record". */
  filter: IntakeListQuery;
  labels: IntakeLabels;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useI18n();
  const format = useFormat();
  const id = useId();
  const [officerId, setOfficerId] = useState('');
  const reassign = useReassignIntakeRecords();
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!officerId) return;
    const { page: _page, pageSize: _pageSize, sort: _sort, ...matching } = filter;
    reassign.mutate(selection.allMatching ? { filter: matching, officerId } : { ids: selection.ids, officerId }, {
      onSuccess: ({ updated }) => {
        toast({ tone: 'success', title: t('bulk.reassignDone', { count: format.integer(updated) }) });
        onOpenChange(false);
        selection.clear();
      },
    });
  }
  const title = t('bulk.reassignTitle', { count: format.integer(selection.count) });
  return (
    <ModalDialog open={open} onOpenChange={onOpenChange} title={title} description={title} hideDescription>
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
