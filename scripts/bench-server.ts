import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

/**
 * The API server's benchmark, printed as JSON (and saved to reports/bench-server.json): the
 * database seeded with 100,000 intake records and 50,000 cases, the latency of list pages and
 * stats (p50/p95 over sequential requests), and a bounded load test on the loopback address.
 * PostgreSQL named by BENCH_DATABASE_URL, else the embedded one in a temporary folder.
 * `npm run bench:server`; BENCH_INTAKE, BENCH_CASES and BENCH_LOAD_SECONDS scale it down.
 */
const PORT = 8797;
const BASE = `http://127.0.0.1:${PORT}`;
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
  };

  const load = await autocannon({
    url: `${BASE}/api/v1${listPage}`,
    connections: 50,
    duration: LOAD_SECONDS,
    headers: { Authorization: `Bearer ${token}` },
  });
  // After the load test: thousands of updated rows would slow the list's count for a while.
  const bulk = await bulkReassign(token);
  const result = {
    at: new Date().toISOString(),
    database: process.env.BENCH_DATABASE_URL ? 'postgresql server' : 'embedded (PGlite)',
    data: { intakeRecords: INTAKE, serviceCases: CASES, seedSeconds },
    latency: latencies,
    bulkReassignByFilter: bulk,
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
