import type { ExportFormat } from '../../api/endpoints/exports';
import type { Page } from '../../api/schemas/common';
import { toCsv } from '../csv';
import { csvRows, type CellValue, type ExportAbout, type ExportColumn } from './sheet';
import type { XlsxRequest } from './xlsx-worker';

/** Rows asked of the API at a time: a few requests for thousands of rows, never one gigantic page. */
export const EXPORT_PAGE_SIZE = 500;

export interface ExportJob<T> {
  format: ExportFormat;
  sheetName: string;
  columns: readonly ExportColumn<T>[];
  about: Omit<ExportAbout, 'rowCount'>;
  /** One page of the rows to export, as the API answers it (the format goes into the export's log). */
  fetchPage: (page: number, pageSize: number, signal: AbortSignal, format: ExportFormat) => Promise<Page<T>>;
  /** Rows read so far of how many. */
  onProgress: (done: number, total: number) => void;
  signal: AbortSignal;
}

const abortError = () => new DOMException('The export was cancelled', 'AbortError');

/** Writes the workbook in a worker, which is gone once it has answered (or the export is cancelled). */
function xlsxInWorker(request: XlsxRequest, signal: AbortSignal): Promise<ArrayBuffer> {
  const worker = new Worker(new URL('./xlsx-worker.ts', import.meta.url), { type: 'module' });
  return new Promise<ArrayBuffer>((resolve, reject) => {
    const stop = () => {
      worker.terminate();
      reject(abortError());
    };
    signal.addEventListener('abort', stop, { once: true });
    worker.onmessage = ({ data }: MessageEvent<{ buffer?: ArrayBuffer; error?: string }>) => {
      signal.removeEventListener('abort', stop);
      worker.terminate();
      if (data.buffer) resolve(data.buffer);
      else reject(new Error(data.error ?? 'The workbook could not be written'));
    };
    worker.onerror = (event) => {
      signal.removeEventListener('abort', stop);
      worker.terminate();
      reject(new Error(event.message || 'The workbook could not be written'));
    };
    worker.postMessage(request);
  });
}

/**
 * Pages through the API for every row the filters select, reducing each page to its cells as it
 * arrives (the page stays responsive between requests), then writes the file: CSV here, XLSX in a
 * worker. Cancelling stops between pages, or the worker. Answers the file and its row count.
 */
export async function runExport<T>(job: ExportJob<T>): Promise<{ blob: Blob; rowCount: number }> {
  const { columns, signal } = job;
  const cells: CellValue[][] = [];
  const rows: T[] = [];
  let total = 0;
  for (let page = 1; ; page++) {
    if (signal.aborted) throw abortError();
    const answer = await job.fetchPage(page, EXPORT_PAGE_SIZE, signal, job.format);
    total = answer.total;
    for (const row of answer.items) {
      if (job.format === 'csv') rows.push(row);
      else cells.push(columns.map((column) => column.value(row)));
    }
    const done = job.format === 'csv' ? rows.length : cells.length;
    job.onProgress(done, total);
    if (answer.items.length === 0 || done >= total) break;
  }
  if (signal.aborted) throw abortError();
  const rowCount = job.format === 'csv' ? rows.length : cells.length;
  if (job.format === 'csv') {
    return { blob: new Blob([toCsv(csvRows(columns, rows))], { type: 'text/csv;charset=utf-8' }), rowCount };
  }
  const buffer = await xlsxInWorker(
    {
      sheetName: job.sheetName,
      columns: columns.map(({ key, header, kind }) => ({ key, header, kind })),
      rows: cells,
      about: { ...job.about, rowCount },
    },
    signal,
  );
  const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return { blob: new Blob([buffer], { type }), rowCount };
}

/** Saves a file through the browser. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url));
}
