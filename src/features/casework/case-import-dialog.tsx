import { useQuery } from '@tanstack/react-query';
import { Download, Upload } from 'lucide-react';
import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { caseQueries, useImportServiceCases } from '../../api/queries/case-queries';
import { dictionaryQueries } from '../../api/queries/dictionary-queries';
import {
  MAX_IMPORT_BODY_BYTES,
  MAX_IMPORT_ROWS,
  type CaseImportResult,
  type CaseImportRow,
} from '../../api/schemas/case-import';
import { Button } from '../../components/ui/button';
import { ModalDialog } from '../../components/ui/modal-dialog';
import { toast } from '../../components/ui/toaster';
import { toChinaIso } from '../../lib/calendar';
import { toCsv } from '../../lib/csv';
import { describeError } from '../../lib/describe-error';
import { saveFile } from '../../lib/export/run-export';
import { writeXlsx } from '../../lib/export/xlsx-writer';
import { serverFieldMessage } from '../../lib/form-errors';
import { MAX_FILE_BYTES, readSheetFile, SheetFileError } from '../../lib/import/read-sheet';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';
import { useSessionState } from '../../lib/session';
import {
  importChoices,
  importColumnName,
  importFields,
  importHeader,
  importRowsOf,
  importVocabulary,
  TEMPLATE_ROWS,
  templateExample,
} from './case-import';
import { ServiceMonthSelect } from './service-month-select';

type Step =
  | { step: 'choose'; problem?: string }
  | { step: 'checking'; fileName: string }
  | { step: 'preview'; fileName: string; rows: CaseImportRow[]; examples: number; result: CaseImportResult }
  | { step: 'failed'; error: unknown; retry: () => void };

const MB = Math.round(MAX_FILE_BYTES / 1024 / 1024);

/**
 * 导入需求清单: the template to fill in, a file chosen, every row checked by the server without
 * writing (a dry run), the errors row by row (downloadable) and the duplicates shown; only on
 * 确认导入 are the valid new rows registered. The same file imported twice creates nothing new.
 */
export function CaseImportDialog({
  open,
  onOpenChange,
  month,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The service month the page shows (none: every month, and the newest is offered). */
  month: string | undefined;
}) {
  const { t } = useI18n();
  const format = useFormat();
  const fileInput = useId();
  const picker = useRef<HTMLInputElement>(null);
  const monthInput = useId();
  const months = useQuery(caseQueries.months());
  const dictionaries = useQuery(dictionaryQueries.all());
  const creator = useSessionState().session?.user.displayName ?? '';
  const importer = useImportServiceCases();
  const [state, setState] = useState<Step>({ step: 'choose' });
  const newestFirst = months.data ?? [];
  const [chosenMonth, setChosenMonth] = useState<string | undefined>(month);
  const monthId = chosenMonth ?? newestFirst[0]?.id;
  const categories = dictionaries.data?.demandCategories ?? [];
  const choices = importChoices(t, format, categories);
  const vocabulary = importVocabulary(choices, categories);
  const columnName = (field: string) => importColumnName(t, field);
  const names = (entries: readonly (readonly [string, string])[]) => entries.map(([, name]) => name);

  // A file being read or checked when the dialog closes, or another is chosen, answers to no one.
  const attempt = useRef(0);
  const close = (next: boolean) => {
    if (next) return;
    attempt.current++;
    setState({ step: 'choose' });
    importer.reset();
    onOpenChange(false);
  };

  const downloadTemplate = async () => {
    const blob = await writeXlsx(
      t('case.tab.demands'),
      importFields.map((field) => ({ header: importHeader(t, field), kind: 'text' as const })),
      [templateExample(t, choices.categoryCode[0]?.[1] ?? '')],
      {
        title: t('import.templateName'),
        creator,
        createdAt: toChinaIso(new Date()),
        notes: {
          sheetName: t('import.notes.sheet'),
          lines: [
            ['1', t('import.notes.rows')],
            ['2', t('import.notes.lists')],
            ['3', t('import.notes.phone')],
            ['4', t('import.notes.example')],
            ['5', t('import.notes.limit', { rows: format.integer(MAX_IMPORT_ROWS), size: String(MB) })],
          ],
        },
        lists: [
          { column: importFields.indexOf('requesterType'), values: names(choices.requesterType), rows: TEMPLATE_ROWS },
          { column: importFields.indexOf('categoryCode'), values: names(choices.categoryCode), rows: TEMPLATE_ROWS },
          { column: importFields.indexOf('priority'), values: names(choices.priority), rows: TEMPLATE_ROWS },
        ],
      },
    );
    saveFile(blob, `${t('import.templateName')}.xlsx`);
  };

  const check = async (file: File) => {
    if (!monthId) return;
    const current = ++attempt.current;
    setState({ step: 'checking', fileName: file.name });
    let sheet;
    try {
      sheet = await readSheetFile(file, MAX_IMPORT_ROWS);
      if (current !== attempt.current) return;
    } catch (error) {
      if (current !== attempt.current) return;
      const problem =
        error instanceof SheetFileError
          ? t(`import.file.${error.problem}`, { size: String(MB), rows: format.integer(MAX_IMPORT_ROWS) })
          : t('import.file.unreadable');
      setState({ step: 'choose', problem });
      return;
    }
    const read = importRowsOf(sheet, t, vocabulary);
    if (!read.ok) {
      setState({ step: 'choose', problem: t('import.file.missing', { columns: read.missing.join('、') }) });
      return;
    }
    if (read.rows.length === 0) {
      setState({ step: 'choose', problem: t('import.file.empty') });
      return;
    }
    const body = { monthId, fileName: file.name, dryRun: true, rows: read.rows };
    if (new TextEncoder().encode(JSON.stringify(body)).length > MAX_IMPORT_BODY_BYTES) {
      setState({ step: 'choose', problem: t('import.file.tooMuch', { size: '1' }) });
      return;
    }
    const run = () => {
      setState({ step: 'checking', fileName: file.name });
      importer.mutate(body, {
        onSuccess: (result) => {
          if (current === attempt.current)
            setState({ step: 'preview', fileName: file.name, rows: read.rows, examples: read.examples, result });
        },
        onError: (error) => {
          if (current === attempt.current) setState({ step: 'failed', error, retry: run });
        },
      });
    };
    run();
  };

  const confirm = (preview: Extract<Step, { step: 'preview' }>) => {
    if (!monthId) return;
    importer.mutate(
      { monthId, fileName: preview.fileName, dryRun: false, rows: preview.rows },
      {
        onSuccess: (result) => {
          // What changed since the check (another import meanwhile, say) is said, not hidden.
          const skipped = result.total - result.created.length;
          toast({
            tone: 'success',
            title: t('import.done', { count: format.integer(result.created.length) }),
            description: skipped > 0 ? t('import.doneSkipped', { count: format.integer(skipped) }) : undefined,
          });
          close(false);
        },
        onError: (error) => setState({ step: 'failed', error, retry: () => confirm(preview) }),
      },
    );
  };

  const downloadProblems = (result: CaseImportResult) => {
    const header = [
      t('import.problem.row'),
      t('import.problem.column'),
      t('import.problem.value'),
      t('import.problem.message'),
    ];
    const lines = result.problems.map((p) => [String(p.row), columnName(p.field), p.value, serverFieldMessage(p, t)]);
    saveFile(
      new Blob([toCsv([header, ...lines])], { type: 'text/csv;charset=utf-8' }),
      `${t('import.problemsFile')}.csv`,
    );
  };

  return (
    <ModalDialog open={open} onOpenChange={close} title={t('import.title')} description={t('import.hint')} wide>
      {(state.step === 'choose' || state.step === 'checking') && (
        <div className="mt-4 space-y-4">
          <div className="flex flex-wrap items-end gap-3">
            <ServiceMonthSelect
              id={monthInput}
              label={t('import.month')}
              months={newestFirst}
              value={monthId ?? ''}
              onChange={setChosenMonth}
            />
            <Button onClick={() => void downloadTemplate()} disabled={!dictionaries.data}>
              <Download className="size-3.5" aria-hidden />
              {t('import.template')}
            </Button>
          </div>
          <div>
            {/* The browser's own file field speaks its language, not the page's: a button of ours opens it. */}
            <input
              ref={picker}
              id={fileInput}
              type="file"
              className="sr-only"
              tabIndex={-1}
              aria-hidden
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              onChange={(event: ChangeEvent<HTMLInputElement>) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (file) void check(file);
              }}
            />
            <Button
              variant="primary"
              disabled={state.step === 'checking' || !monthId || !dictionaries.data}
              aria-describedby={state.step === 'choose' && state.problem ? `${fileInput}-problem` : undefined}
              onClick={() => picker.current?.click()}
            >
              <Upload className="size-3.5" aria-hidden />
              {t('import.file')}
            </Button>
          </div>
          {state.step === 'choose' && state.problem && (
            <p id={`${fileInput}-problem`} role="alert" className="text-sm text-danger">
              {state.problem}
            </p>
          )}
          {state.step === 'checking' && (
            <p role="status" className="text-sm text-muted-foreground">
              {state.fileName} · {t('import.reading')}
            </p>
          )}
          <div className="flex justify-end">
            <Button onClick={() => close(false)}>{t('common.close')}</Button>
          </div>
        </div>
      )}

      {state.step === 'preview' && (
        <Preview preview={state} columnName={columnName} onDownload={() => downloadProblems(state.result)} />
      )}
      {state.step === 'preview' && (
        <div className="mt-4 flex justify-end gap-2">
          <Button onClick={() => setState({ step: 'choose' })} disabled={importer.isPending}>
            {t('import.chooseAgain')}
          </Button>
          <Button
            variant="primary"
            disabled={state.result.valid === 0 || importer.isPending}
            onClick={() => confirm(state)}
          >
            {t('import.confirm', { count: format.integer(state.result.valid) })}
          </Button>
        </div>
      )}

      {state.step === 'failed' && (
        <>
          <p role="alert" className="mt-4 text-sm text-danger">
            {describeError(state.error, t)}
          </p>
          <div className="mt-4 flex justify-end gap-2">
            <Button onClick={() => setState({ step: 'choose' })}>{t('import.chooseAgain')}</Button>
            <Button variant="primary" onClick={state.retry}>
              {t('common.retry')}
            </Button>
          </div>
        </>
      )}
    </ModalDialog>
  );
}

function Preview({
  preview,
  columnName,
  onDownload,
}: {
  preview: Extract<Step, { step: 'preview' }>;
  columnName: (field: string) => string;
  onDownload: () => void;
}) {
  const { t } = useI18n();
  const format = useFormat();
  const { result, examples } = preview;
  const invalidRows = new Set(result.problems.map((p) => p.row)).size;
  // The outcome of the check is where the reader goes next: focus lands on it.
  const summary = useRef<HTMLParagraphElement>(null);
  useEffect(() => summary.current?.focus(), []);
  return (
    <div className="mt-4 space-y-3 text-sm">
      <p ref={summary} tabIndex={-1} role="status" className="font-medium outline-none">
        {preview.fileName}：
        {t('import.summary', {
          total: format.integer(result.total),
          valid: format.integer(result.valid),
          duplicates: format.integer(result.duplicates.length),
          invalid: format.integer(invalidRows),
        })}
        {examples > 0 && ` ${t('import.examplesSkipped', { count: format.integer(examples) })}`}
      </p>
      {result.valid === 0 && <p>{t('import.nothingToImport')}</p>}
      {result.problems.length > 0 && (
        <section aria-labelledby="import-problems">
          <div className="mb-1 flex items-center justify-between gap-2">
            <h3 id="import-problems" className="font-medium">
              {t('import.problems')}
            </h3>
            <Button size="sm" onClick={onDownload}>
              <Download className="size-3.5" aria-hidden />
              {t('import.downloadProblems')}
            </Button>
          </div>
          <div className="max-h-64 overflow-auto rounded-md border">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t('import.problems')}</caption>
              <thead className="sticky top-0 bg-muted">
                <tr>
                  <th scope="col" className="px-2 py-1 font-medium">
                    {t('import.problem.row')}
                  </th>
                  <th scope="col" className="px-2 py-1 font-medium">
                    {t('import.problem.column')}
                  </th>
                  <th scope="col" className="px-2 py-1 font-medium">
                    {t('import.problem.value')}
                  </th>
                  <th scope="col" className="px-2 py-1 font-medium">
                    {t('import.problem.message')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {result.problems.map((problem, i) => (
                  <tr key={`${problem.row}-${problem.field}-${i}`} className="border-t">
                    <td className="px-2 py-1 tabular-nums">{problem.row}</td>
                    <td className="px-2 py-1">{columnName(problem.field)}</td>
                    <td className="max-w-48 truncate px-2 py-1" title={problem.value}>
                      {problem.value || '—'}
                    </td>
                    <td className="px-2 py-1">{serverFieldMessage(problem, t)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {result.duplicates.length > 0 && (
        <section aria-labelledby="import-duplicates">
          <h3 id="import-duplicates" className="mb-1 font-medium">
            {t('import.duplicates')}
          </h3>
          <ul className="max-h-32 list-disc overflow-auto pl-5">
            {result.duplicates.map((d) => (
              <li key={d.row}>
                {d.caseId
                  ? t('import.duplicate.existing', { row: String(d.row), id: d.caseId })
                  : t('import.duplicate.inFile', { row: String(d.row), same: String(d.sameAsRow) })}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
