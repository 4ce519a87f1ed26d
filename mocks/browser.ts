import { http } from 'msw';
import { setupWorker } from 'msw/browser';
import { API_BASE_PATH } from '../src/api/endpoints';
import type { DemoControls } from '../src/lib/demo';
import type { Database, Snapshot } from './data/database';
import { generateDatabase } from './data/generate';
import { restoreSnapshot, takeSnapshot, trackChanges } from './data/persistence';
import { demoAccounts } from './demo-accounts';
import { noFaults, parseFaultConfig, type FaultConfig } from './http/faults';
import { createRouter } from './http/router';
import { cstDay } from '../domain/rules/dates';

const FAULTS_KEY = 'tod.mock-faults';
/** Every tab of the browser takes this lock for each request, so tabs never interleave writes. */
const LOCK_NAME = 'tod.mock-db';

/**
 * The demo data's home in the browser: IndexedDB, whose reads after a write are consistent
 * across tabs (localStorage is not: another tab's renderer may still read an older copy).
 */
class SnapshotStore {
  private readonly idb: IDBDatabase;

  private constructor(idb: IDBDatabase) {
    this.idb = idb;
  }

  static open(): Promise<SnapshotStore> {
    return new Promise((resolve, reject) => {
      const request = indexedDB.open('tod-mock', 1);
      request.onupgradeneeded = () => request.result.createObjectStore('data');
      request.onsuccess = () => resolve(new SnapshotStore(request.result));
      request.onerror = () => reject(request.error ?? new Error('IndexedDB unavailable'));
    });
  }

  get<T>(key: string): Promise<T | undefined> {
    return this.run('readonly', (data) => data.get(key) as IDBRequest<T | undefined>);
  }

  async set(entries: Record<string, unknown>): Promise<void> {
    await this.run('readwrite', (data) => {
      let last: IDBRequest | undefined;
      for (const [key, value] of Object.entries(entries)) last = data.put(value, key);
      return last!;
    });
  }

  private run<T>(mode: IDBTransactionMode, work: (data: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    return new Promise((resolve, reject) => {
      const transaction = this.idb.transaction('data', mode);
      const request = work(transaction.objectStore('data'));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB write failed'));
    });
  }
}

/**
 * The browser's one copy of the demo data, shared by its tabs: each request runs under a Web
 * Lock, first reloading what another tab stored since this tab last looked (a generation number
 * says whether it did), then storing what it changed. Version checks hold across tabs as they
 * do on a server.
 */
class SharedDatabase {
  private readonly storage: SnapshotStore;
  private db: Database;
  private generation = 0;
  private stored = '';

  private constructor(storage: SnapshotStore, db: Database) {
    this.storage = storage;
    this.db = db;
  }

  static async open(): Promise<SharedDatabase> {
    // The previous format kept the data in localStorage.
    localStorage.removeItem('tod.mock-db');
    const shared = new SharedDatabase(await SnapshotStore.open(), freshDatabase());
    await shared.exclusive(async () => undefined);
    return shared;
  }

  get current(): Database {
    return this.db;
  }

  /** Runs `work` with this tab holding the browser's lock and the latest stored data. */
  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = async () => {
      await this.refresh();
      try {
        return await work();
      } finally {
        await this.save();
      }
    };
    // Without Web Locks (an old or insecure context), tabs fall back to last-write-wins.
    return navigator.locks ? navigator.locks.request(LOCK_NAME, run) : run();
  }

  /** Back to the demo data as generated; stored (as a new generation) when the lock is released. */
  reset() {
    this.stored = '';
    this.db = freshDatabase();
  }

  private async refresh() {
    const generation = (await this.storage.get<number>('generation')) ?? 0;
    if (generation === this.generation) return;
    const stored = await this.storage.get<string>('snapshot');
    this.generation = generation;
    this.stored = stored ?? '';
    this.db = restore(stored);
  }

  private async save() {
    try {
      const snapshot = JSON.stringify(takeSnapshot(this.db));
      if (snapshot === this.stored) return;
      await this.storage.set({ snapshot, generation: this.generation + 1 });
      this.generation += 1;
      this.stored = snapshot;
    } catch (error) {
      console.warn('[mock api] could not persist demo data', error);
    }
  }
}

function freshDatabase(): Database {
  return trackChanges(generateDatabase({ anchor: cstDay(new Date()) }));
}

function restore(stored: string | undefined): Database {
  try {
    if (stored) {
      const snapshot = JSON.parse(stored) as Snapshot;
      if (snapshot.format === 2) return restoreSnapshot(snapshot);
    }
  } catch (error) {
    console.warn('[mock api] stored demo data unreadable; starting afresh', error);
  }
  return freshDatabase();
}

/** Faults named in the URL stay on for the tab (sessionStorage) until `?mockFault=` clears them. */
function loadFaults(): FaultConfig {
  const fromUrl = parseFaultConfig(new URLSearchParams(window.location.search));
  if (fromUrl) {
    sessionStorage.setItem(FAULTS_KEY, JSON.stringify(fromUrl));
    return fromUrl;
  }
  const stored = sessionStorage.getItem(FAULTS_KEY);
  return stored ? (JSON.parse(stored) as FaultConfig) : noFaults;
}

/** Starts the MSW worker over the mock backend; the data survives reloads and is shared by tabs. */
export async function startMockApi(): Promise<DemoControls> {
  const shared = await SharedDatabase.open();
  const faults = loadFaults();
  const handle = createRouter({ db: () => shared.current, faults: () => faults });
  const worker = setupWorker(http.all(`*${API_BASE_PATH}/*`, ({ request }) => shared.exclusive(() => handle(request))));
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
  return {
    accounts: demoAccounts(shared.current),
    activeFaults: [
      ...Object.entries(faults.faults).map(([name, kind]) => `${name}:${kind}`),
      ...(faults.latencyMs > 0 ? [`latency ${faults.latencyMs} ms`] : []),
    ],
    reset: async () => shared.exclusive(async () => shared.reset()),
  };
}
