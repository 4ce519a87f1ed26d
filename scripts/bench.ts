import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { chromium, type Page } from 'playwright-core';
import { benchExport } from './bench-export';
import { bundleReport, gzipKb, mockMarkers } from './bundle-size';
import { generateDatabase } from '../mocks/data/generate';
import { chromiumArgs, chromiumPath } from './chromium';

/**
 * Benchmarks in Debian's Chromium, printed as JSON (and saved to reports/bench.json):
 * the first page's JS, time to the first table render, and how fast the records table answers a
 * sort and a filter over the full mock data volume. A measurement, not a test: nothing fails on it.
 * `npm run bench` (builds twice: a normal build for bundle size, a demo build to run on mocks).
 */
const PORT = 4319;
const RUNS = 5;
const root = new URL('..', import.meta.url).pathname;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)]! * 10) / 10;
};

function build(args: string[]) {
  const result = spawnSync('npx', ['vite', 'build', ...args], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`vite build ${args.join(' ')} failed`);
}

async function waitForServer(url: string) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not come up`);
}

/**
 * Starts watching the first data row; resolves with the milliseconds from now until its text
 * changes. The caller clicks right after: the in-page observer is installed before the click lands.
 */
// Sent as source text: a function compiled by tsx would carry a helper the page does not have.
const watchFirstRow = `(async () => {
  const firstRow = () => document.querySelector('table tbody tr[tabindex]')?.textContent ?? '';
  const before = firstRow();
  const started = performance.now();
  await new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (firstRow() !== before) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return performance.now() - started;
})()`;

function timeUntilFirstRowChanges(page: Page): Promise<number> {
  return page.evaluate(watchFirstRow) as Promise<number>;
}

/**
 * Resolves with the milliseconds from now until a data row is in the DOM, timed in the page by a
 * MutationObserver: Playwright's own polling of a locator would round the time up to its polls.
 */
const watchRowAppears = `(async () => {
  const started = performance.now();
  await new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (document.querySelector('table tbody tr[tabindex]')) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(document.body, { subtree: true, childList: true });
  });
  return performance.now() - started;
})()`;

/** Resolves once the page's DOM has not changed for half a second: the page has finished loading. */
const domSettles = `new Promise((resolve) => {
  let timer;
  const observer = new MutationObserver(() => quiet());
  const quiet = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      observer.disconnect();
      resolve();
    }, 500);
  };
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  quiet();
})`;

/** What the demo data holds, counted from the generator the page itself runs. */
function countDemoData() {
  const db = generateDatabase({ anchor: new Date().toISOString().slice(0, 10) });
  return {
    intakeRecords: db.intakeRecords.size,
    serviceCases: db.serviceCases.size,
    policyPatches: db.policyPatches.size,
  };
}

/** `vite preview` of a build folder in a process group of its own (stopping it stops vite too). */
function serve(outDir: string, port: number) {
  const server = spawn('npx', ['vite', 'preview', '--outDir', outDir, '--port', String(port), '--strictPort'], {
    cwd: root,
    stdio: 'ignore',
    detached: true,
  });
  return { base: `http://localhost:${port}`, stop: () => process.kill(-server.pid!) };
}

async function main() {
  const dataVolume = countDemoData();
  build(['--outDir', 'dist-bench-normal', '--emptyOutDir']);
  const normal = bundleReport(`${root}dist-bench-normal`);
  build(['--mode', 'demo', '--outDir', 'dist-bench', '--emptyOutDir']);

  const server = serve('dist-bench', PORT);
  const normalServer = serve('dist-bench-normal', PORT + 1);
  const base = server.base;
  try {
    await waitForServer(base);
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: chromiumArgs,
    });
    const context = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1440, height: 900 },
    });
    const page = await context.newPage();

    // First page: the JS a new visitor downloads to see the login page, app code apart from mock code.
    // Sized from the built files: CDP does not keep the bodies of large responses.
    const scripts: { url: string; gzipKb: number; mock: boolean }[] = [];
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (!path.endsWith('.js')) return;
      const body = readFileSync(`${root}dist-bench${path}`);
      const text = body.toString('utf8');
      const mock = path.includes('mockServiceWorker') || mockMarkers.some((m) => text.includes(m));
      scripts.push({ url: path, gzipKb: gzipKb(body), mock });
    });
    await page.goto(`${base}/login`, { waitUntil: 'networkidle' });
    // The demo accounts show once the mock API has started, so every first-page script has loaded.
    await page.getByRole('heading', { name: '演示账号' }).waitFor();
    const appJs = scripts.filter((s) => !s.mock);
    const mockJs = scripts.filter((s) => s.mock);
    const sum = (list: { gzipKb: number }[]) => Math.round(list.reduce((s, c) => s + c.gzipKb, 0) * 10) / 10;

    // The same first page as a deployment serves it: a normal build, no mock code at all.
    await waitForServer(normalServer.base);
    const normalPage = await context.newPage();
    const normalScripts: { gzipKb: number }[] = [];
    normalPage.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (path.endsWith('.js')) normalScripts.push({ gzipKb: gzipKb(readFileSync(`${root}dist-bench-normal${path}`)) });
    });
    await normalPage.goto(`${normalServer.base}/login`, { waitUntil: 'networkidle' });
    await normalPage.getByRole('button', { name: '登录', exact: true }).waitFor();
    await normalPage.close();

    await page.getByLabel('用户名').fill('manager');
    await page.getByLabel('密码').fill('demo1234');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('heading', { name: '工作概览' }).waitFor();

    // Time to first table render: a full load of the intake page until its first data row shows.
    await context.addInitScript(() => {
      const observer = new MutationObserver(() => {
        if (document.querySelector('table tbody tr[tabindex]')) {
          (window as unknown as { __firstRowAt: number }).__firstRowAt = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document, { subtree: true, childList: true });
    });
    const firstRender: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await page.goto(`${base}/intake`);
      await page.waitForFunction(() => (window as unknown as { __firstRowAt?: number }).__firstRowAt !== undefined);
      firstRender.push(await page.evaluate(() => (window as unknown as { __firstRowAt: number }).__firstRowAt));
    }

    // In-app navigation from the overview, once the app is running.
    const navigation: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await page.goto(`${base}/`);
      await page.getByRole('heading', { name: '工作概览' }).waitFor();
      // Until the overview has finished: its requests go through the page's mock service worker,
      // which 'networkidle' does not wait for, so without this the time would include its tail.
      await page.evaluate(domSettles);
      const timing = page.evaluate(watchRowAppears) as Promise<number>;
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '引才渠道' }).click();
      navigation.push(await timing);
    }

    // Sort: click the 编号 header; time until the first row changes (the server sorts every intake record).
    const records = page.getByRole('region', { name: '招引记录', exact: true });
    const sortButton = records.getByRole('button', { name: /^编号/ });
    const sorts: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const timing = timeUntilFirstRowChanges(page);
      await sortButton.click();
      sorts.push(await timing);
    }

    // Filter: toggle 阶段 = 落户 in the facet; time until the first row changes.
    const filters: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await records.getByRole('button', { name: /^筛选：\s*阶段/ }).click();
      const timing = timeUntilFirstRowChanges(page);
      await page
        .locator('label')
        .filter({ hasText: /^落户$/ })
        .click();
      filters.push(await timing);
      await page.keyboard.press('Escape');
    }

    // A long page: 200 rows requested, how many reach the DOM (virtualization).
    await page.goto(`${base}/intake?pageSize=200`);
    await page.locator('table tbody tr[tabindex]').first().waitFor();
    const rowsInDom = await page.locator('table tbody tr[tabindex]').count();

    // The patches page with the demo data: a full load of the board until its first card shows,
    // and the 1+N+X tree until its counts show.
    await context.addInitScript(() => {
      const marks = window as unknown as { __boardCardAt?: number; __treeCountsAt?: number };
      const observer = new MutationObserver(() => {
        marks.__boardCardAt ??= document.querySelector('[data-patch-card]') ? performance.now() : undefined;
        // A node's counts are drawn once the tree's figures have come: `in progress/all`.
        const count = document.querySelector('[role="treeitem"] [aria-hidden="true"].tabular-nums');
        marks.__treeCountsAt ??= count?.textContent?.includes('/') ? performance.now() : undefined;
        if (marks.__boardCardAt !== undefined && marks.__treeCountsAt !== undefined) observer.disconnect();
      });
      observer.observe(document, { subtree: true, childList: true, characterData: true });
    });
    const boardFirstCard: number[] = [];
    const treeCounts: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await page.goto(`${base}/policy-patches?view=board`);
      const marks = await page.waitForFunction(() => {
        const w = window as unknown as { __boardCardAt?: number; __treeCountsAt?: number };
        return w.__boardCardAt !== undefined && w.__treeCountsAt !== undefined
          ? { board: w.__boardCardAt, tree: w.__treeCountsAt }
          : null;
      });
      const { board, tree } = (await marks.jsonValue())!;
      boardFirstCard.push(board);
      treeCounts.push(tree);
    }
    const boardCards = await page.locator('[data-patch-card]').count();

    const browserVersion = browser.version();
    await browser.close();
    // 100,000 rows exported to XLSX and CSV, in a browser of its own.
    const exports = await benchExport();
    const result = {
      machine: { cpus: cpus().length, node: process.version, chromium: browserVersion },
      dataVolume,
      bundle: {
        normalBuildInitialJsGzipKb: normal.initialJsGzipKb,
        normalBuildAllJsGzipKb: normal.allJsGzipKb,
        normalBuildFirstPageJsGzipKb: sum(normalScripts),
        firstPageAppJsGzipKb: sum(appJs),
        firstPageMockJsGzipKb: sum(mockJs),
        mockCodeInNormalBuild: normal.mockCodeFound,
      },
      medianOf: RUNS,
      intakePage: {
        fullLoadToFirstRowMs: median(firstRender),
        navigationToFirstRowMs: median(navigation),
        sortResponseMs: median(sorts),
        filterResponseMs: median(filters),
        rowsRequested: 200,
        rowsInDom,
      },
      patchesPage: {
        fullLoadToFirstBoardCardMs: median(boardFirstCard),
        fullLoadToTreeCountsMs: median(treeCounts),
        boardCards,
      },
      export100kRows: exports,
      notes: [
        'Full load includes starting the MSW worker and regenerating the demo data in the page (about 0.4 s on this machine).',
        'Sort and filter responses include the mock API filtering and sorting all intake records in the browser.',
        'The export runs the intake export pipeline over 100,000 rows served as JSON text and parsed against the contract (no network); longestLoopGapMs is the longest main-thread task, under 50 ms included.',
      ],
    };
    mkdirSync(`${root}reports`, { recursive: true });
    writeFileSync(`${root}reports/bench.json`, `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
  } finally {
    server.stop();
    normalServer.stop();
  }
}

await main();
