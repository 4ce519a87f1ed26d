import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadEnv, type Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/** public/ holds MSW's worker for dev and demo builds; a normal build must not ship it. */
function dropMockWorker(mocksEnabled: boolean): Plugin {
  let outDir = 'dist';
  return {
    name: 'drop-mock-worker',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      if (!mocksEnabled) rmSync(resolve(outDir, 'mockServiceWorker.js'), { force: true });
    },
  };
}

export default defineConfig(({ mode }) => ({
  plugins: [react(), tailwindcss(), dropMockWorker(loadEnv(mode, process.cwd()).VITE_ENABLE_MOCKS === 'true')],
  server: {
    port: 5173,
    // `npm run dev:server`: the app on the real API server, same origin, so no CORS in development.
    proxy: mode === 'server' ? { '/api': `http://127.0.0.1:${process.env.PORT ?? 8787}` } : undefined,
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 700,
  },
  test: {
    restoreMocks: true,
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'app',
          environment: 'jsdom',
          setupFiles: ['./tests/setup.ts'],
          include: [
            'src/**/*.test.{ts,tsx}',
            'domain/**/*.test.ts',
            'mocks/**/*.test.ts',
            'tests/integration/**/*.test.{ts,tsx}',
            'scripts/**/*.test.ts',
          ],
          css: false,
        },
      },
      {
        // The API server on a real PostgreSQL (embedded unless DATABASE_URL names a server):
        // Node, no DOM, one file at a time (each embedded database is ~700 MB).
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          // The shared tests (the rules and the contract) again, on the SQL store.
          include: ['server/**/*.test.ts', 'domain/**/*.test.ts'],
          env: { TEST_BACKEND: 'sql' },
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
}));
