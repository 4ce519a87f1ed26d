import type { RowData } from '@tanstack/react-table';
import { Download } from 'lucide-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ExportFormat } from '../../api/endpoints/exports';
import { MAX_PICKED_IDS, type Page } from '../../api/schemas/common';
import { describeError } from '../../lib/describe-error';
import { runExport, saveFile } from '../../lib/export/run-export';
import { toChinaIso } from '../../lib/calendar';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';
import { useCan } from '../../lib/use-can';
import { useSessionState } from '../../lib/session';
import type { ServerTableState } from '../data-table/use-server-table';
import { Button } from '../ui/button';
import { ModalDialog } from '../ui/modal-dialog';
import { toast } from '../ui/toaster';
import { exportAbout, exportColumnsOf, type ExportScope } from './table-export';

/** A page of an export as the exporter asks for it: the list's query, the paging, the file, the rows picked. */
export type ExportPageQuery<Q> = Q & { page: number; pageSize: number; format: ExportFormat; id?: string[] };

interface ExportButtonProps<T extends RowData, Q extends { q?: string }> {
  state: ServerTableState<T>;
  /** What is exported (招引记录): the sheet's name, the file's and the title on the second sheet. */
  title: string;
  /** The list's query as the table asks for it: its filters and sort (the paging is the exporter's). */
  query: Q;
  /** The query of every record the table can list: its fixed bounds kept, the user's filters dropped. */
  everything: Partial<Q>;
  /** What else bounds the rows besides the filter chips (the month, the queue's view), for the second sheet. */
  context?: readonly (readonly [label: string, value: string])[];
  /** One page through the list's export endpoint. */
  fetchPage: (query: ExportPageQuery<Partial<Q>>, signal: AbortSignal) => Promise<Page<T>>;
}

type Run =
  | { state: 'choosing' }
  | { state: 'running'; done: number; total: number | null }
  | { state: 'failed'; error: unknown };

/**
 * 导出 for a user allowed to export: the rows the filters select, only the picked rows, or every
 * record, with the table's columns as shown, to an Excel workbook or a CSV file. Progress and a
 * cancel button while the pages arrive and the file is written; a failure says why and retries.
 */
export function ExportButton<T extends RowData, Q extends { q?: string }>({
  state,
  title,
  query,
  everything,
  context = [],
  fetchPage,
}: ExportButtonProps<T, Q>) {
  const { t } = useI18n();
  const format = useFormat();
  const canExport = useCan('report:export');
  const exportedBy = useSessionState().session?.user.displayName ?? '';
  const [run, setRun] = useState<Run | null>(null);
  const [scope, setScope] = useState<ExportScope>('filtered');
  const [fileFormat, setFileFormat] = useState<ExportFormat>('xlsx');
  const controller = useRef<AbortController | null>(null);
  // Leaving the page stops an export under way: no file arrives after the table is gone.
  useEffect(() => () => controller.current?.abort(), []);
  if (!canExport) return null;

  const { selection, filters } = state;
  // Every matching row picked is the filtered set; a few picked travel as their ids.
  const picked = selection.allMatching ? null : selection.ids;
  const pickable = picked !== null && picked.length > 0 && picked.length <= MAX_PICKED_IDS;

  const open = () => {
    setScope(selection.count > 0 && (selection.allMatching || pickable) ? 'picked' : 'filtered');
    setRun({ state: 'choosing' });
  };

  const start = async () => {
    const abort = new AbortController();
    controller.current = abort;
    setRun({ state: 'running', done: 0, total: null });
    const base: Partial<Q> = scope === 'all' ? everything : query;
    const ids = scope === 'picked' && picked !== null ? picked : undefined;
    const now = toChinaIso(new Date());
    try {
      const { blob, rowCount } = await runExport({
        format: fileFormat,
        sheetName: title,
        columns: exportColumnsOf(state.table),
        about: exportAbout({
          t,
          title,
          scope,
          pickedCount: selection.count,
          context,
          chips: filters.chips,
          q: query.q,
          exportedBy,
          exportedAt: now,
        }),
        fetchPage: (page, pageSize, signal, fileFormat) =>
          fetchPage({ ...base, page, pageSize, format: fileFormat, ...(ids && { id: ids }) }, signal),
        signal: abort.signal,
        onProgress: (done, total) => setRun({ state: 'running', done, total }),
      });
      saveFile(blob, `${title}-${now.slice(0, 10)}.${fileFormat}`);
      setRun(null);
      toast({ tone: 'success', title: t('export.done', { count: format.integer(rowCount) }) });
    } catch (error) {
      if (abort.signal.aborted) {
        setRun(null);
        toast({ title: t('export.cancelled') });
      } else {
        setRun({ state: 'failed', error });
      }
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void start();
  };
  const cancel = () => {
    controller.current?.abort();
    setRun(null);
  };

  const total = state.total === undefined ? '…' : format.integer(state.total);
  const scopes: { value: ExportScope; label: string; disabled?: boolean }[] = [
    { value: 'filtered', label: t('export.scope.filtered', { count: total }) },
    {
      value: 'picked',
      label:
        selection.count === 0
          ? t('export.scope.pickedNone')
          : selection.allMatching || pickable
            ? t('export.scope.picked', { count: format.integer(selection.count) })
            : t('export.scope.pickedTooMany', {
                count: format.integer(selection.count),
                max: format.integer(MAX_PICKED_IDS),
              }),
      disabled: selection.count === 0 || !(selection.allMatching || pickable),
    },
    { value: 'all', label: t('export.scope.all') },
  ];
  // Every column that exports hidden: nothing to write.
  const hasColumns = exportColumnsOf(state.table).length > 0;
  const percent = run?.state === 'running' && run.total ? Math.round((run.done / run.total) * 100) : 0;

  return (
    <>
      <Button size="sm" onClick={open}>
        <Download className="size-3.5" aria-hidden />
        {t('export.button')}
      </Button>
      <ModalDialog
        open={run !== null}
        onOpenChange={(next) => !next && cancel()}
        title={t('export.title')}
        description={t('export.hint')}
      >
        {run?.state === 'choosing' && (
          <form className="mt-4 space-y-4" onSubmit={submit}>
            <Choice legend={t('export.rows')} name="export-scope" options={scopes} value={scope} onChange={setScope} />
            <Choice
              legend={t('export.format')}
              name="export-format"
              options={(['xlsx', 'csv'] as const).map((value) => ({ value, label: t(`export.as.${value}`) }))}
              value={fileFormat}
              onChange={setFileFormat}
            />
            {!hasColumns && (
              <p role="alert" className="text-sm text-danger">
                {t('export.noColumns')}
              </p>
            )}
            <div className="flex justify-end gap-2">
              <Button onClick={cancel}>{t('common.cancel')}</Button>
              <Button type="submit" variant="primary" disabled={!hasColumns}>
                {t('export.start')}
              </Button>
            </div>
          </form>
        )}
        {run?.state === 'running' && (
          <div className="mt-4 space-y-2">
            <div
              role="progressbar"
              aria-label={t('export.progress')}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
              className="h-2 overflow-hidden rounded-full bg-muted"
            >
              <div className="h-full bg-primary transition-[width]" style={{ width: `${percent}%` }} />
            </div>
            <p className="text-sm text-muted-foreground" aria-live="polite">
              {run.total === null
                ? t('export.starting')
                : run.done < run.total
                  ? t('export.reading', { done: format.integer(run.done), total: format.integer(run.total) })
                  : t('export.writing', { total: format.integer(run.total) })}
            </p>
          </div>
        )}
        {run?.state === 'failed' && (
          <p role="alert" className="mt-4 text-sm text-danger">
            {describeError(run.error, t)}
          </p>
        )}
        {run?.state !== 'choosing' && (
          <div className="mt-4 flex justify-end gap-2">
            {run?.state === 'failed' && (
              <Button variant="primary" onClick={() => void start()}>
                {t('common.retry')}
              </Button>
            )}
            <Button onClick={cancel}>{t(run?.state === 'failed' ? 'common.close' : 'common.cancel')}</Button>
          </div>
        )}
      </ModalDialog>
    </>
  );
}

/** One of a few, as radio buttons in a fieldset (arrow keys move between them). */
function Choice<V extends string>({
  legend,
  name,
  options,
  value,
  onChange,
}: {
  legend: string;
  name: string;
  options: { value: V; label: string; disabled?: boolean }[];
  value: V;
  onChange: (value: V) => void;
}) {
  return (
    <fieldset>
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      <div className="flex flex-col gap-1.5">
        {options.map((option) => (
          <label
            key={option.value}
            className={`inline-flex items-center gap-1.5 text-sm ${option.disabled ? 'text-muted-foreground' : ''}`}
          >
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              disabled={option.disabled}
              onChange={() => onChange(option.value)}
            />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
