/// <reference lib="webworker" />
import type { ExportFormat } from '../../api/endpoints/exports';
import { CsvWriter } from './csv-writer';
import type { CellValue, ExportAbout } from './sheet';
import { exportParts, XlsxWriter, type SheetColumn } from './xlsx-writer';

/** What the page sends: the file to start, its rows page by page as cell values, then what to say of it. */
export type ExportMessage =
  | { type: 'start'; format: ExportFormat; sheetName: string; columns: SheetColumn[] }
  | { type: 'rows'; rows: CellValue[][] }
  | { type: 'finish'; about: ExportAbout };

/** What the worker answers once: the file, or why there is none. */
export type ExportAnswer = { blob: Blob } | { error: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;
let writer: XlsxWriter | CsvWriter | null = null;

/**
 * Writes the file off the page's thread as its rows arrive: the page only reads the API's pages
 * and hands each on, so it stays responsive however many rows there are.
 */
scope.onmessage = async ({ data }: MessageEvent<ExportMessage>) => {
  try {
    if (data.type === 'start') {
      writer = data.format === 'xlsx' ? new XlsxWriter(data.sheetName, data.columns) : new CsvWriter(data.columns);
    } else if (data.type === 'rows') {
      writer!.addRows(data.rows);
    } else {
      const blob = writer instanceof XlsxWriter ? await writer.finish(exportParts(data.about)) : writer!.finish();
      scope.postMessage({ blob } satisfies ExportAnswer);
    }
  } catch (error) {
    scope.postMessage({ error: String(error) } satisfies ExportAnswer);
  }
};
