/// <reference lib="webworker" />
import { buildXlsx } from './xlsx';
import type { CellKind, CellValue, ExportAbout } from './sheet';

/** What the page sends: the table already reduced to its cells, column by column. */
export interface XlsxRequest {
  sheetName: string;
  columns: { key: string; header: string; kind: CellKind }[];
  rows: CellValue[][];
  about: ExportAbout;
}

/**
 * Builds the workbook off the page's thread (exceljs, loaded here on demand): a large export
 * keeps the page responsive while it is written.
 */
self.onmessage = async ({ data }: MessageEvent<XlsxRequest>) => {
  try {
    const { default: Excel } = await import('exceljs');
    const columns = data.columns.map((column, i) => ({ ...column, value: (row: CellValue[]) => row[i] ?? null }));
    const buffer = await buildXlsx(Excel, data.sheetName, columns, data.rows, data.about);
    (self as DedicatedWorkerGlobalScope).postMessage({ buffer }, [buffer]);
  } catch (error) {
    (self as DedicatedWorkerGlobalScope).postMessage({ error: String(error) });
  }
};
