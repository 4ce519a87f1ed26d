import { spawn, type ChildProcess } from 'node:child_process';

/**
 * `npm run dev:server`: the API server on the embedded database (demo data loaded the first time)
 * and Vite in `server` mode, proxying `/api` to it. Ctrl+C stops both.
 */
const env = { ...process.env, SEED_DEMO: process.env.SEED_DEMO ?? 'true' };
const children: ChildProcess[] = [
  spawn('npx', ['tsx', 'server/main.ts'], { stdio: 'inherit', env }),
  spawn('npx', ['vite', '--mode', 'server'], { stdio: 'inherit', env }),
];

function stop(code: number) {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}
for (const child of children) child.on('exit', (code) => stop(code ?? 0));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
