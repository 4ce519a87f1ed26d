import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormProvider, useForm } from 'react-hook-form';
import { z } from 'zod';
import { caseQueries } from '../../api/queries/case-queries';
import { statsQueries } from '../../api/queries/stats-queries';
import { casePrioritizeSchema, type ServiceCase } from '../../api/schemas/service-cases';
import type { ServerTableState } from '../../components/data-table/use-server-table';
import { schemaResolver } from '../../components/form/schema-resolver';
import { DialogActions, ModalDialog } from '../../components/ui/modal-dialog';
import { toast } from '../../components/ui/toaster';
import { apiClient } from '../../lib/api-client';
import { describeError } from '../../lib/describe-error';
import { useFormat } from '../../lib/i18n/format';
import { useI18n, type Translate } from '../../lib/i18n/i18n';
import { DepartmentOfficerFields, PriorityField } from './case-action-dialogs';
import type { CaseLabels } from './use-case-labels';

/** One row's outcome in a bulk action: done, or why not (in the user's words). */
export interface BulkOutcome {
  id: string;
  error: string | null;
}

/** Requests in flight at once: quick on a good line, gentle on the server. */
const PARALLEL = 4;

/** Runs `act` for every case, a few at a time, and says for each whether it went through. */
export async function eachCase(
  cases: readonly ServiceCase[],
  act: (serviceCase: ServiceCase) => Promise<unknown>,
  t: Translate,
): Promise<BulkOutcome[]> {
  const outcomes: BulkOutcome[] = [];
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const serviceCase = cases[next++]!;
      try {
        await act(serviceCase);
        outcomes.push({ id: serviceCase.id, error: null });
      } catch (error) {
        outcomes.push({ id: serviceCase.id, error: describeError(error, t) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, cases.length) }, worker));
  return cases.map((c) => outcomes.find((o) => o.id === c.id)!);
}

const bulkAssignSchema = (t: Translate) =>
  z.object({ departmentCode: z.string().min(1, t('form.required')), assigneeId: z.string() });
type BulkAssignValues = z.input<ReturnType<typeof bulkAssignSchema>>;

/**
 * 批量派单: the talent office sends the picked cases to one department (and officer), each with the
 * version the user saw. Rows that could not be dispatched (signed meanwhile, say) stay picked, with
 * the reason.
 */
export function BulkAssignDialog({ labels, ...props }: BulkDialogProps & { labels: CaseLabels }) {
  const { selection, open, onOpenChange } = props;
  const { t } = useI18n();
  const format = useFormat();
  const form = useForm<BulkAssignValues>({
    resolver: schemaResolver(bulkAssignSchema(t), t),
    defaultValues: { departmentCode: '', assigneeId: '' },
  });
  const run = useBulkRun({ ...props, done: 'case.bulk.assigned', reset: () => form.reset() });
  const submit = form.handleSubmit((values) =>
    run.mutate((serviceCase) =>
      apiClient.request('dispatchServiceCase', {
        params: { id: serviceCase.id },
        body: { departmentCode: values.departmentCode, assigneeId: values.assigneeId || null },
        ifMatch: serviceCase.version,
      }),
    ),
  );
  const title = t('case.bulk.assignTitle', { count: format.integer(selection.count) });
  return (
    <ModalDialog open={open} onOpenChange={onOpenChange} title={title} description={t('case.bulk.assignHint')}>
      <FormProvider {...form}>
        <form onSubmit={submit} noValidate className="mt-4 space-y-3">
          <DepartmentOfficerFields labels={labels} />
          <DialogActions cancelLabel={t('common.cancel')} submitLabel={t('common.confirm')} disabled={run.isPending} />
        </form>
      </FormProvider>
    </ModalDialog>
  );
}

interface BulkDialogProps {
  selection: ServerTableState<ServiceCase>['selection'];
  /** The picked cases as the user saw them (their versions). */
  picked: () => ServiceCase[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onDone: (outcomes: BulkOutcome[]) => void;
}

/**
 * A bulk action's run: every picked case acted on with the version seen, then a toast, the rows
 * that failed left picked (the others let go), the lists and figures refreshed.
 */
function useBulkRun({
  selection,
  picked,
  onOpenChange,
  onDone,
  done,
  reset,
}: Omit<BulkDialogProps, 'open'> & { done: 'case.bulk.assigned' | 'case.bulk.prioritized'; reset: () => void }) {
  const { t } = useI18n();
  const format = useFormat();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (act: (serviceCase: ServiceCase) => Promise<unknown>) => eachCase(picked(), act, t),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: caseQueries.all() });
      void queryClient.invalidateQueries({ queryKey: statsQueries.all() });
    },
    onSuccess: (outcomes) => {
      const failed = outcomes.filter((o) => o.error !== null);
      toast({
        tone: failed.length === 0 ? 'success' : 'info',
        title: t(done, { count: format.integer(outcomes.length - failed.length) }),
        description: failed.length > 0 ? t('case.bulk.failed', { count: format.integer(failed.length) }) : undefined,
      });
      selection.keep(failed.map((o) => o.id));
      onOpenChange(false);
      reset();
      onDone(outcomes);
    },
  });
}

const bulkPrioritySchema = casePrioritizeSchema;
type BulkPriorityValues = z.input<typeof bulkPrioritySchema>;

/** 批量调整优先级: the talent office sets one priority on the picked open cases. */
export function BulkPriorityDialog(props: BulkDialogProps) {
  const { selection, open, onOpenChange } = props;
  const { t } = useI18n();
  const format = useFormat();
  const form = useForm<BulkPriorityValues>({
    resolver: schemaResolver(bulkPrioritySchema, t),
    defaultValues: { priority: 'high' },
  });
  const run = useBulkRun({ ...props, done: 'case.bulk.prioritized', reset: () => form.reset() });
  const submit = form.handleSubmit(({ priority }) =>
    run.mutate((serviceCase) =>
      apiClient.request('prioritizeServiceCase', {
        params: { id: serviceCase.id },
        body: { priority },
        ifMatch: serviceCase.version,
      }),
    ),
  );
  const title = t('case.bulk.priorityTitle', { count: format.integer(selection.count) });
  return (
    <ModalDialog open={open} onOpenChange={onOpenChange} title={title} description={t('case.bulk.priorityHint')}>
      <FormProvider {...form}>
        <form onSubmit={submit} noValidate className="mt-4 space-y-3">
          <PriorityField />
          <DialogActions cancelLabel={t('common.cancel')} submitLabel={t('common.confirm')} disabled={run.isPending} />
        </form>
      </FormProvider>
    </ModalDialog>
  );
}

/** What the last bulk action could not do, row by row; those rows are still picked. */
export function BulkOutcomes({ outcomes, onDismiss }: { outcomes: BulkOutcome[]; onDismiss: () => void }) {
  const { t } = useI18n();
  const failed = outcomes.filter((o) => o.error !== null);
  if (failed.length === 0) return null;
  return (
    <div role="status" className="mb-2 rounded-md border border-warning/50 bg-warning/10 p-3 text-sm">
      <p className="font-medium">{t('case.bulk.failedTitle', { count: failed.length })}</p>
      <ul className="mt-1 list-disc pl-5">
        {failed.map((o) => (
          <li key={o.id}>
            <span className="font-mono text-xs">{o.id}</span>
            {t('common.colon')}
            {o.error}
          </li>
        ))}
      </ul>
      <button type="button" className="mt-1 text-sm underline" onClick={onDismiss}>
        {t('common.close')}
      </button>
    </div>
  );
}
