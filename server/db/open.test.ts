import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../mocks/data/reference';
import { scryptCredentials } from '../credentials';
import { openDatabase } from './database';
import { openBackend, type DatabaseConfig } from './open';
import { createSqlStore } from './sql-store';
import { createServerDatabase } from './testing';

const serverUrl = process.env.DATABASE_URL;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Configuration for a database of the test's own: a temporary directory, or a new database on the server. */
async function freshConfig(extra: Partial<DatabaseConfig> = {}): Promise<DatabaseConfig> {
  if (serverUrl) {
    const server = await createServerDatabase(serverUrl);
    cleanups.push(server.drop);
    return { databaseUrl: server.url, dataDir: 'unused', admin: undefined, seedDemo: false, ...extra };
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'talent-db-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  return { databaseUrl: undefined, dataDir: join(dataDir, 'pglite'), admin: undefined, seedDemo: false, ...extra };
}

async function open(config: DatabaseConfig) {
  const opened = await openBackend(config);
  cleanups.push(() => opened.close());
  return opened;
}

describe(`openBackend (${serverUrl ? 'PostgreSQL server' : 'embedded'})`, () => {
  it('migrates an empty database and creates the first administrator, once', async () => {
    const config = await freshConfig({ admin: { username: 'chief', password: 'a long enough secret' } });
    const first = await open(config);
    expect(first.startup.migrationsApplied.length).toBeGreaterThanOrEqual(2);
    expect(first.startup.bootstrapped).toBe('first administrator');
    expect(await first.ready()).toBe(true);
    const { store, credentials } = first.backend;
    const admin = await store.users.findByUsername('chief');
    expect(admin).toMatchObject({ role: 'admin', departmentCode: 'dept.rcb', active: true });
    expect(await credentials.verifyPassword('a long enough secret', (await store.users.passwordHash(admin!.id))!)).toBe(
      true,
    );
    // The reference lists a form needs are there; the demo records are not.
    expect((await store.dictionaries.get()).departments.map((d) => d.code)).toContain('dept.rcb');
    expect((await store.intakeRecords.list({}, { field: 'id', descending: false }, 1, 1)).total).toBe(0);
    await first.close();

    // Opened again (a restart): nothing left to migrate or create, the data still there.
    const again = await open({ ...config, admin: { username: 'other', password: 'another long secret' } });
    expect(again.startup).toMatchObject({ migrationsApplied: [], bootstrapped: 'nothing' });
    expect((await again.backend.store.users.list({})).map((u) => u.username)).toEqual(['chief']);
  });

  it('loads the demo data into an empty database when asked, each user with a hash of their own', async () => {
    const opened = await open(await freshConfig({ seedDemo: true }));
    expect(opened.startup.bootstrapped).toBe('demo data');
    const { store } = opened.backend;
    const users = await store.users.list({});
    expect(users.length).toBeGreaterThan(5);
    const hashes = await Promise.all(users.map((u) => store.users.passwordHash(u.id)));
    expect(new Set(hashes).size).toBe(users.length);
    const viewer = await store.users.findByUsername('viewer');
    const viewerHash = (await store.users.passwordHash(viewer!.id))!;
    expect(await scryptCredentials().verifyPassword(DEMO_PASSWORD, viewerHash)).toBe(true);
  });

  it.skipIf(serverUrl)('keeps a committed write when the process is killed (kill -9)', async () => {
    const config = await freshConfig();
    const fixture = fileURLToPath(new URL('./write-and-wait.fixture.ts', import.meta.url));
    for (const expected of ['committed 1', 'committed 2']) {
      const child = spawn(process.execPath, ['--import', 'tsx', fixture, config.dataDir, 'KILL-'], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const said = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => resolve(String(chunk).trim()));
        child.on('exit', (code) => reject(new Error(`the writer exited (${code}) before committing`)));
      });
      expect(said).toBe(expected);
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
    const database = await openDatabase({ dataDir: config.dataDir });
    cleanups.push(() => database.close());
    expect(await createSqlStore(database.db).nextSerial('KILL-')).toBe(3);
  });
});
