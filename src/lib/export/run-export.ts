import type { ExportFormat } from '../../api/endpoints/exports';
import type { Page } from '../../api/schemas/common';
import type { ExportAnswer, ExportMessage } from './export-worker';
import type { ExportAbout, ExportColumn } from './sheet';

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

/** The worker writing the file: started before the first page, gone once it has answered or the export stops. */
function fileWorker(signal: AbortSignal) {
  const worker = new Worker(new URL('./export-worker.ts', import.meta.url), { type: 'module' });
  let settle: { resolve: (blob: Blob) => void; reject: (error: unknown) => void } | null = null;
  let failure: unknown = null;
  const fail = (error: unknown) => {
    failure ??= error;
    worker.terminate();
    settle?.reject(error);
  };
  signal.addEventListener('abort', () => fail(abortError()), { once: true });
  worker.onmessage = ({ data }: MessageEvent<ExportAnswer>) => {
    worker.terminate();
    if ('blob' in data) settle?.resolve(data.blob);
    else fail(new Error(data.error));
  };
  worker.onerror = (event) => fail(new Error(event.message || 'The file could not be written'));
  return {
    send: (message: ExportMessage) => {
      if (failure) throw failure;
      worker.postMessage(message);
    },
    /** Ends the worker, whatever it was doing (harmless once it has answered). */
    stop: () => worker.terminate(),
    /** The file, once the worker has written it. */
    result: () =>
      new Promise<Blob>((resolve, reject) => {
        if (failure) reject(failure);
        else settle = { resolve, reject };
      }),
  };
}

/**
 * Pages through the API for every row the filters select and hands each page, reduced to its
 * cells, to a worker that writes the file as the rows arrive (XLSX or CSV): the page's thread
 * only reads and hands on, so it stays responsive. Cancelling stops between pages, or the worker.
 * Answers the file and its row count.
 */
export async function runExport<T>(job: ExportJob<T>): Promise<{ blob: Blob; rowCount: number }> {
  const { columns, signal } = job;
  if (signal.aborted) throw abortError();
  const worker = fileWorker(signal);
  worker.send({
    type: 'start',
    format: job.format,
    sheetName: job.sheetName,
    columns: columns.map(({ header, kind }) => ({ header, kind })),
  });
  try {
    let rowCount = 0;
    for (let page = 1; ; page++) {
      if (signal.aborted) throw abortError();
      const answer = await job.fetchPage(page, EXPORT_PAGE_SIZE, signal, job.format);
      worker.send({ type: 'rows', rows: answer.items.map((row) => columns.map((column) => column.value(row))) });
      rowCount += answer.items.length;
      job.onProgress(rowCount, answer.total);
      if (answer.items.length === 0 || rowCount >= answer.total) break;
    }
    if (signal.aborted) throw abortError();
    const result = worker.result();
    worker.send({ type: 'finish', about: { ...job.about, rowCount } });
    return { blob: await result, rowCount };
  } finally {
    worker.stop();
  }
}

/** Saves a file through the browser. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url));
}
