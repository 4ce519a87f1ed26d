import { exportEndpoints, type ExportFormat } from '../../src/api/endpoints/exports';
import type { IntakeRecord } from '../../src/api/schemas/intake';
import { EXPORT_PAGE_SIZE, runExport } from '../../src/lib/export/run-export';
import type { ExportColumn } from '../../src/lib/export/sheet';
import { generateDatabase } from '../../mocks/data/generate';

/**
 * The export pipeline in the page, as the intake table runs it, over as many rows as asked: the
 * demo's intake records repeated under new ids, served as JSON text page by page and parsed
 * against the contract (what the API client does with each answer), the cells handed to the
 * worker that writes the file. Only the network is left out.
 */
const db = generateDatabase({ anchor: '2026-11-25' });
const demo = [...db.intakeRecords.values()];
const label = new Map(Object.values(db.dictionaries).flatMap((list) => list.map((e) => [e.code, e.name] as const)));
const name = (code: string | null) => (code === null ? null : (label.get(code) ?? code));

const text = (key: string, header: string, value: (r: IntakeRecord) => string | null): ExportColumn<IntakeRecord> => ({
  key,
  header,
  kind: 'text',
  value,
});
const columns: ExportColumn<IntakeRecord>[] = [
  text('id', '编号', (r) => r.id),
  text('name', '姓名/项目', (r) => r.name),
  text('organization', '单位 / 来源', (r) => r.organization),
  text('channel', '招引渠道', (r) => name(r.channelCode)),
  text('tier', '人才层次', (r) => name(r.tierCode)),
  text('industry', '产业领域', (r) => name(r.industryCode)),
  text('town', '落户区镇', (r) => name(r.townCode)),
  text('stage', '阶段', (r) => r.stage),
  { key: 'leadOn', header: '线索日期', kind: 'date', value: (r) => r.stageDates.lead },
  { key: 'landedOn', header: '落户日期', kind: 'date', value: (r) => r.stageDates.landed },
  text('officer', '承办人', (r) => r.officerName),
  { key: 'investment', header: '投资额（万元）', kind: 'decimal', value: (r) => r.investment },
  { key: 'updatedAt', header: '更新时间', kind: 'dateTime', value: (r) => r.updatedAt },
];

/** Page `page` of `total` rows as the API would send it: JSON text. */
function pageText(page: number, pageSize: number, total: number): string {
  const items: IntakeRecord[] = [];
  for (let n = (page - 1) * pageSize; n < Math.min(total, page * pageSize); n++) {
    const record = demo[n % demo.length]!;
    items.push({ ...record, id: `IR-9999-${String(n).padStart(6, '0')}` });
  }
  return JSON.stringify({ items, total, page, pageSize });
}

interface BenchResult {
  format: ExportFormat;
  rows: number;
  totalMs: number;
  bytes: number;
  longTasks: number;
  longestTaskMs: number;
  /** The longest gap between two turns of the event loop, tasks under 50 ms included. */
  longestLoopGapMs: number;
  mainHeapPeakMb: number | null;
}

async function benchExport(format: ExportFormat, total: number): Promise<BenchResult> {
  // The answers are made before the clock starts: what is timed is the page's work, not the bench's.
  const pageSize = EXPORT_PAGE_SIZE;
  const pages = Array.from({ length: Math.ceil(total / pageSize) }, (_, i) => pageText(i + 1, pageSize, total));
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
  observer.observe({ type: 'longtask', buffered: false });
  const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  let heapPeak = memory?.usedJSHeapSize ?? 0;
  // A turn of the event loop at a time: the longest gap between turns is the longest task.
  let running = true;
  let longestGap = 0;
  const channel = new MessageChannel();
  let last = performance.now();
  channel.port1.onmessage = () => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
    if (memory) heapPeak = Math.max(heapPeak, memory.usedJSHeapSize);
    if (running) channel.port2.postMessage(null);
  };
  channel.port2.postMessage(null);

  const started = performance.now();
  const { blob, rowCount } = await runExport<IntakeRecord>({
    format,
    sheetName: '招引记录',
    columns,
    about: {
      title: '招引记录',
      filters: [],
      exportedBy: '基准',
      exportedAt: '2026-11-25T10:00:00+08:00',
      words: {
        sheet: '导出说明',
        title: '导出内容',
        filters: '筛选条件',
        noFilters: '无',
        exportedBy: '导出人',
        exportedAt: '导出时间',
        rowCount: '行数',
      },
    },
    fetchPage: async (page) => {
      // The answer arrives in a task of its own, as a response does, and is checked as the client checks it.
      const body = await new Promise<string>((resolve) => setTimeout(() => resolve(pages[page - 1] ?? '')));
      return exportEndpoints.exportIntakeRecords.response.parse(JSON.parse(body));
    },
    onProgress: () => {},
    signal: new AbortController().signal,
  });
  const totalMs = performance.now() - started;
  running = false;
  observer.disconnect();
  return {
    format,
    rows: rowCount,
    totalMs: Math.round(totalMs),
    bytes: blob.size,
    longTasks: longTasks.length,
    longestTaskMs: Math.round(Math.max(0, ...longTasks)),
    longestLoopGapMs: Math.round(longestGap),
    mainHeapPeakMb: memory ? Math.round(heapPeak / 1e5) / 10 : null,
  };
}

(window as unknown as { benchExport: typeof benchExport }).benchExport = benchExport;
document.body.dataset.ready = 'true';
