import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium';

/**
 * The API server's benchmark, printed as JSON (and saved to reports/bench-server.json): the
 * database seeded with 100,000 intake records and 50,000 cases, the latency of list pages and
 * stats (p50/p95 over sequential requests), and a bounded load test on the loopback address.
 * PostgreSQL named by BENCH_DATABASE_URL, else the embedded one in a temporary folder.
 * `npm run bench:server`; BENCH_INTAKE, BENCH_CASES and BENCH_LOAD_SECONDS scale it down.
 */
const PORT = 8797;
const BASE = `http://127.0.0.1:${PORT}`;
/** Where the built app is served for the casework scenario (the server's CORS allows it). */
const APP_PORT = 4329;
const APP = `http://localhost:${APP_PORT}`;
const SAMPLES = 40;
const INTAKE = Number(process.env.BENCH_INTAKE ?? 100_000);
const CASES = Number(process.env.BENCH_CASES ?? 50_000);
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 30);
const root = new URL('..', import.meta.url).pathname;

const dataDir = mkdtempSync(join(tmpdir(), 'bench-server-'));
const env = {
  ...process.env,
  PORT: String(PORT),
  HOST: '127.0.0.1',
  DATA_DIR: join(dataDir, 'pglite'),
  ...(process.env.BENCH_DATABASE_URL ? { DATABASE_URL: process.env.BENCH_DATABASE_URL } : {}),
  // The load test comes from one address: the per-client limit would answer it with 429s.
  RATE_LIMIT_PER_MINUTE: '100000000',
  CORS_ORIGINS: APP,
  LOG_LEVEL: 'warn',
};

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]! * 10) / 10;
};

async function waitForReady() {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${BASE}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the server did not become ready');
}

async function latency(path: string, token: string) {
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const started = performance.now();
    const response = await fetch(`${BASE}/api/v1${path}`, { headers: { Authorization: `Bearer ${token}` } });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    times.push(performance.now() - started);
  }
  return { p50Ms: percentile(times, 50), p95Ms: percentile(times, 95) };
}

/**
 * A bulk reassignment by filter (up to 5,000 records in one transaction), alternating between two
 * officers so each run moves every matching record: p50 and the slowest of a few runs.
 */
async function bulkReassign(token: string) {
  // Signed records of as many towns as one action may take: close to the 5,000 limit.
  const headers = { Authorization: `Bearer ${token}` };
  const dictionaries = (await (await fetch(`${BASE}/api/v1/dictionaries`, { headers })).json()) as {
    towns: { code: string }[];
  };
  const filter = { town: [] as string[], stage: ['signed'] };
  for (const { code } of dictionaries.towns) {
    const query = new URLSearchParams([...[...filter.town, code].map((town) => ['town', town]), ['stage', 'signed']]);
    const page = (await (await fetch(`${BASE}/api/v1/intake-records?pageSize=1&${query}`, { headers })).json()) as {
      total: number;
    };
    if (page.total > 5000) break;
    filter.town.push(code);
  }
  const times: number[] = [];
  let records = 0;
  for (const officerId of ['u.manager', 'u.officer', 'u.manager', 'u.officer', 'u.manager']) {
    const started = performance.now();
    const response = await fetch(`${BASE}/api/v1/intake-records/bulk/reassign`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ filter, officerId }),
    });
    const body = (await response.json()) as { updated: number };
    if (!response.ok) throw new Error(`bulk reassignment answered ${response.status}`);
    times.push(performance.now() - started);
    records = Math.max(records, body.updated);
  }
  return { records, p50Ms: percentile(times, 50), maxMs: Math.round(Math.max(...times)) };
}

/**
 * The casework queue as an officer meets it, in Chromium, on the built app against this server
 * (every case of every month: the seeded 50,000): time to the first row, to open a case, from an
 * action to its row updated, and the long tasks (over 50 ms) while j moves through 20 cases.
 */
async function caseworkInBrowser() {
  const built = spawnSync('npx', ['vite', 'build', '--outDir', 'dist-bench-api', '--emptyOutDir'], {
    cwd: root,
    env: { ...process.env, VITE_API_URL: BASE },
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('the build for the casework scenario failed');
  const preview = spawn(
    'npx',
    ['vite', 'preview', '--outDir', 'dist-bench-api', '--port', String(APP_PORT), '--strictPort'],
    {
      cwd: root,
      stdio: 'ignore',
      detached: true,
    },
  );
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    for (
      let i = 0;
      i < 100 &&
      !(await fetch(APP).then(
        (r) => r.ok,
        () => false,
      ));
      i++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const context = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1440, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${APP}/login`);
    await page.getByLabel('用户名').fill('officer');
    await page.getByLabel('密码').fill('demo1234');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('heading', { name: '工作概览' }).waitFor();
    const firstRow = page.locator('table tbody tr[tabindex]').first();
    const queueUrl = `${APP}/service-cases?month=all&view=all&sort=-id`;

    const toFirstRow: number[] = [];
    const toOpen: number[] = [];
    const toUpdatedRow: number[] = [];
    for (let run = 0; run < 5; run++) {
      let started = performance.now();
      await page.goto(queueUrl);
      await firstRow.waitFor();
      toFirstRow.push(performance.now() - started);
      started = performance.now();
      await firstRow.click();
      // Open: the case's details beside the list (its fields, fetched by id).
      await page.getByRole('region', { name: /SC-/ }).getByText('受理时间', { exact: true }).waitFor();
      toOpen.push(performance.now() - started);

      // An action: the first open case's priority, alternately 紧急 and 一般; until its row says so.
      const row = page
        .locator('table tbody tr[tabindex]')
        .filter({ hasNot: page.getByText('已结案', { exact: true }) })
        .first();
      await row.click();
      const workspace = page.getByRole('region', { name: /SC-/ });
      const target = (await row.getByRole('cell').nth(1).innerText()).trim();
      const current = await row.getByText(/^(低|一般|高|紧急)$/).innerText();
      const next = current === '紧急' ? '一般' : '紧急';
      await workspace.getByRole('button', { name: '调整优先级' }).click();
      const dialog = page.getByRole('dialog', { name: '调整优先级' });
      await dialog.getByLabel(/优先级/).selectOption({ label: next });
      started = performance.now();
      await dialog.getByRole('button', { name: '确定' }).click();
      await page.locator('table tbody tr', { hasText: target }).getByText(next, { exact: true }).waitFor();
      toUpdatedRow.push(performance.now() - started);
    }

    // Long tasks while j goes through 20 cases, each opened beside the list.
    await page.goto(queueUrl);
    await firstRow.click();
    await page.getByRole('region', { name: /SC-/ }).waitFor();
    await page.evaluate(() => {
      const w = window as unknown as { __long: number[] };
      w.__long = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__long.push(e.duration))).observe({
        type: 'longtask',
        buffered: false,
      });
    });
    const startedAt = new URL(page.url()).searchParams.get('case');
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('j');
      await page.waitForTimeout(150);
    }
    await page.waitForTimeout(500);
    const longTasks = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
    // The keys moved through the list (the workspace heading had the focus, not a field).
    if (new URL(page.url()).searchParams.get('case') === startedAt) throw new Error('j did not move to another case');
    const total = Number((await page.getByText(/^共 [\d,]+ 条$/).innerText()).replace(/[^\d]/g, ''));
    return {
      casesInQueue: total,
      toFirstRowMs: percentile(toFirstRow, 50),
      toOpenCaseMs: percentile(toOpen, 50),
      actionToUpdatedRowMs: percentile(toUpdatedRow, 50),
      jNavigation: {
        cases: 20,
        longTasksOver50Ms: longTasks.filter((d) => d > 50).length,
        longestTaskMs: Math.round(Math.max(0, ...longTasks)),
      },
    };
  } finally {
    await browser.close();
    if (preview.pid) process.kill(-preview.pid, 'SIGTERM');
    rmSync(`${root}dist-bench-api`, { recursive: true, force: true });
  }
}

let server: ChildProcess | undefined;
try {
  const seedStarted = performance.now();
  const seeded = spawnSync(
    'npx',
    ['tsx', 'server/db/seed.ts', '--reset', '--intake', String(INTAKE), '--cases', String(CASES)],
    { cwd: root, env, stdio: 'inherit' },
  );
  if (seeded.status !== 0) throw new Error('seeding failed');
  const seedSeconds = Math.round((performance.now() - seedStarted) / 100) / 10;

  // Its own process group, so stopping it stops npx's child too.
  server = spawn('npx', ['tsx', 'server/main.ts'], { cwd: root, env, stdio: 'inherit', detached: true });
  await waitForReady();
  const login = await fetch(`${BASE}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'manager', password: 'demo1234' }),
  });
  const { token } = (await login.json()) as { token: string };

  const listPage = '/intake-records?page=1&pageSize=50';
  const latencies = {
    intakeListPage: await latency(listPage, token),
    intakeListFilteredSorted: await latency(
      '/intake-records?page=3&pageSize=50&channel=ch.event&stage=signed&stage=landed&sort=-investment',
      token,
    ),
    intakeSearch: await latency('/intake-records?page=1&pageSize=50&q=%E6%9D%8E', token),
    caseListOverdue: await latency('/service-cases?page=1&pageSize=50&overdue=true', token),
    intakeOverview: await latency('/stats/intake/overview', token),
    intakeBreakdownByChannel: await latency('/stats/intake/breakdown?dimension=channel', token),
    caseOverview: await latency('/stats/service-cases/overview', token),
    // The department scores (考核) of the live month over every case: target ≤ 200 ms.
    caseScores: await latency(`/stats/service-cases/scores?month=${new Date().toISOString().slice(0, 7)}`, token),
  };

  const load = await autocannon({
    url: `${BASE}/api/v1${listPage}`,
    connections: 50,
    duration: LOAD_SECONDS,
    headers: { Authorization: `Bearer ${token}` },
  });
  // After the load test: thousands of updated rows would slow the list's count for a while.
  const bulk = await bulkReassign(token);
  const casework = await caseworkInBrowser();
  const result = {
    at: new Date().toISOString(),
    database: process.env.BENCH_DATABASE_URL ? 'postgresql server' : 'embedded (PGlite)',
    data: { intakeRecords: INTAKE, serviceCases: CASES, seedSeconds },
    latency: latencies,
    bulkReassignByFilter: bulk,
    caseworkInBrowser: casework,
    load: {
      path: listPage,
      connections: 50,
      seconds: LOAD_SECONDS,
      requestsPerSecond: Math.round(load.requests.average),
      p50Ms: load.latency.p50,
      p99Ms: load.latency.p99,
      errors: load.errors,
      timeouts: load.timeouts,
      non2xx: load.non2xx,
    },
  };
  writeFileSync(`${root}reports/bench-server.json`, `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
} finally {
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 1500));
  rmSync(dataDir, { recursive: true, force: true });
}
