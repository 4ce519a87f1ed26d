import { DropdownMenu } from 'radix-ui';
import { Download } from 'lucide-react';
import { useRef, useState } from 'react';
import type { ExportFormat } from '../../api/endpoints/exports';
import { Button } from '../ui/button';
import { Menu, menuItemClass } from '../ui/menu';
import { ModalDialog } from '../ui/modal-dialog';
import { toast } from '../ui/toaster';
import { describeError } from '../../lib/describe-error';
import { runExport, saveFile, type ExportJob } from '../../lib/export/run-export';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';
import { useCan } from '../../lib/use-can';

/** What a table hands the exporter: the job (its columns, rows and record of itself) and the file's name. */
export type ExportPlan<T> = Omit<ExportJob<T>, 'format' | 'onProgress' | 'signal'> & { fileStem: string };

type Run =
  | { state: 'running'; format: ExportFormat; done: number; total: number | null }
  | { state: 'failed'; format: ExportFormat; error: unknown };

/**
 * 导出: the rows the table's filters select, with its columns as shown, to an Excel workbook or a
 * CSV file, for a user allowed to export. Progress and a cancel button while the pages arrive and
 * the file is written; the page stays usable behind the dialog.
 */
export function ExportButton<T>({ plan }: { plan: () => ExportPlan<T> }) {
  const { t } = useI18n();
  const format = useFormat();
  const canExport = useCan('report:export');
  const [run, setRun] = useState<Run | null>(null);
  const controller = useRef<AbortController | null>(null);
  if (!canExport) return null;

  const start = async (fileFormat: ExportFormat) => {
    const { fileStem, ...job } = plan();
    const abort = new AbortController();
    controller.current = abort;
    setRun({ state: 'running', format: fileFormat, done: 0, total: null });
    try {
      const { blob, rowCount } = await runExport({
        ...job,
        format: fileFormat,
        signal: abort.signal,
        onProgress: (done, total) => setRun({ state: 'running', format: fileFormat, done, total }),
      });
      saveFile(blob, `${fileStem}.${fileFormat}`);
      setRun(null);
      toast({ tone: 'success', title: t('export.done', { count: format.integer(rowCount) }) });
    } catch (error) {
      if (abort.signal.aborted) {
        setRun(null);
        toast({ title: t('export.cancelled') });
      } else {
        setRun({ state: 'failed', format: fileFormat, error });
      }
    }
  };
  const cancel = () => {
    controller.current?.abort();
    setRun(null);
  };

  const percent = run?.state === 'running' && run.total ? Math.round((run.done / run.total) * 100) : 0;
  return (
    <>
      <Menu
        trigger={
          <Button size="sm">
            <Download className="size-3.5" aria-hidden />
            {t('export.button')}
          </Button>
        }
      >
        {(['xlsx', 'csv'] as const).map((fileFormat) => (
          <DropdownMenu.Item key={fileFormat} className={menuItemClass} onSelect={() => void start(fileFormat)}>
            {t(`export.as.${fileFormat}`)}
          </DropdownMenu.Item>
        ))}
      </Menu>
      <ModalDialog
        open={run !== null}
        onOpenChange={(open) => !open && cancel()}
        title={t('export.title')}
        description={t('export.hint')}
      >
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
        <div className="mt-4 flex justify-end gap-2">
          {run?.state === 'failed' && (
            <Button variant="primary" onClick={() => void start(run.format)}>
              {t('common.retry')}
            </Button>
          )}
          <Button onClick={cancel}>{t(run?.state === 'failed' ? 'common.close' : 'common.cancel')}</Button>
        </div>
      </ModalDialog>
    </>
  );
}
