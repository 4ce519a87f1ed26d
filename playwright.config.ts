import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './scripts/chromium';

/**
 * Browser tests in Debian's Chromium (never a downloaded browser), on two builds:
 * - `demo`: the demo build, whose MSW worker serves the mock API in the page;
 * - `real-api`: a normal build pointed by VITE_API_URL at the API server (`server/`) on a fresh
 *   embedded database loaded with the demo data.
 * Ports of our own with --strictPort, so a stray server is never tested by mistake.
 */
const DEMO_PORT = Number(process.env.E2E_DEMO_PORT ?? 4317);
const REAL_PORT = Number(process.env.E2E_REAL_PORT ?? 4318);
const API_PORT = Number(process.env.E2E_API_PORT ?? 8787);
const API_DATA_DIR = `/tmp/e2e-api-${API_PORT}`;
/** Two runs side by side (other ports) build into folders of their own. */
const OUT = process.env.E2E_DEMO_PORT ? `/tmp/e2e-${DEMO_PORT}/` : '';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: `${OUT}test-results`,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // Generous on a 2-core machine: the intake page draws six charts over 6,200 records.
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: `${OUT}playwright-report` }]],
  use: {
    browserName: 'chromium',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 860 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
  },
  projects: [
    { name: 'demo', testIgnore: /real-api/, use: { baseURL: `http://localhost:${DEMO_PORT}` } },
    { name: 'real-api', testMatch: /real-api/, use: { baseURL: `http://localhost:${REAL_PORT}` } },
  ],
  webServer: [
    {
      command: `npx vite build --mode demo --outDir ${OUT}dist-demo --emptyOutDir && npx vite preview --outDir ${OUT}dist-demo --port ${DEMO_PORT} --strictPort`,
      url: `http://localhost:${DEMO_PORT}`,
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      command: `rm -rf ${API_DATA_DIR} && npx tsx server/main.ts`,
      url: `http://127.0.0.1:${API_PORT}/readyz`,
      env: {
        PORT: String(API_PORT),
        HOST: '127.0.0.1',
        DATA_DIR: API_DATA_DIR,
        SEED_DEMO: 'true',
        CORS_ORIGINS: `http://localhost:${REAL_PORT}`,
        LOG_LEVEL: 'warn',
      },
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      command: `npx vite build --outDir ${OUT}dist-real --emptyOutDir && npx vite preview --outDir ${OUT}dist-real --port ${REAL_PORT} --strictPort`,
      url: `http://localhost:${REAL_PORT}`,
      env: { VITE_API_URL: `http://127.0.0.1:${API_PORT}` },
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
});
