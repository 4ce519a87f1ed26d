import { readdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { chromiumArgs, chromiumPath } from './chromium';

/**
 * The export of 100,000 rows, to XLSX and to CSV, in Debian's Chromium: total time, the longest
 * main-thread task while it runs (target: the whole export under 5 s, no task over 50 ms) and the
 * peak memory, of the page's heap and of the browser's processes together (the worker included).
 * Run by `npm run bench`; answers its figures for bench.ts to print and save.
 */
const ROWS = 100_000;
const MARKER = '--tod-bench-export';
const root = new URL('..', import.meta.url).pathname;

/** Resident memory of the browser started with the marker and all its processes, in MB. */
function browserRssMb(): number {
  const processes = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((pid) => {
      try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        return [
          {
            pid: Number(pid),
            ppid: Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0),
            rssKb: Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0),
            marked: cmdline.includes(MARKER),
          },
        ];
      } catch {
        return []; // gone meanwhile
      }
    });
  const family = new Set(processes.filter((p) => p.marked).map((p) => p.pid));
  for (let grew = true; grew;) {
    grew = false;
    for (const p of processes) {
      if (!family.has(p.pid) && family.has(p.ppid)) {
        family.add(p.pid);
        grew = true;
      }
    }
  }
  return Math.round(processes.filter((p) => family.has(p.pid)).reduce((sum, p) => sum + p.rssKb, 0) / 1024);
}

export async function benchExport() {
  const outDir = `${root}dist-bench-export`;
  await build({
    root: `${root}scripts/bench-export`,
    configFile: false,
    logLevel: 'warn',
    // The demo data generator makes the page large; it is a bench, not shipped.
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 8000 },
  });
  const server = await preview({
    root: `${root}scripts/bench-export`,
    configFile: false,
    build: { outDir },
    preview: { port: 4329, strictPort: true },
  });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [...chromiumArgs, MARKER, '--enable-precise-memory-info'],
  });
  try {
    const page = await browser.newPage();
    await page.goto('http://localhost:4329/');
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    const results = [];
    for (const format of ['xlsx', 'csv'] as const) {
      const baseline = browserRssMb();
      let peak = baseline;
      const sampler = setInterval(() => (peak = Math.max(peak, browserRssMb())), 100);
      const result = await page.evaluate(
        ([format, rows]) =>
          (
            window as unknown as { benchExport: (f: string, n: number) => Promise<Record<string, unknown>> }
          ).benchExport(format, rows),
        [format, ROWS] as const,
      );
      clearInterval(sampler);
      results.push({ ...result, browserRssBaselineMb: baseline, browserRssPeakMb: peak });
    }
    return results;
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await benchExport(), null, 2));
