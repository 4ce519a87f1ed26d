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

const STORAGE_KEY = 'tod.mock-db';
const FAULTS_KEY = 'tod.mock-faults';

function loadDatabase(): Database {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (raw) {
      const snapshot = JSON.parse(raw) as Snapshot;
      if (snapshot.format === 2) return restoreSnapshot(snapshot);
    }
  } catch (error) {
    console.warn('[mock api] stored demo data unreadable; starting afresh', error);
  }
  return trackChanges(generateDatabase({ anchor: cstDay(new Date()) }));
}

function save(db: Database) {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(takeSnapshot(db)));
  } catch (error) {
    console.warn('[mock api] could not persist demo data', error);
  }
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

/** Starts the MSW worker over the mock backend; the data survives reloads. */
export async function startMockApi(): Promise<DemoControls> {
  let db = loadDatabase();
  const faults = loadFaults();
  const handle = createRouter({ db: () => db, faults: () => faults, onChange: save });
  const worker = setupWorker(http.all(`*${API_BASE_PATH}/*`, ({ request }) => handle(request)));
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
  return {
    accounts: demoAccounts(db),
    activeFaults: [
      ...Object.entries(faults.faults).map(([name, kind]) => `${name}:${kind}`),
      ...(faults.latencyMs > 0 ? [`latency ${faults.latencyMs} ms`] : []),
    ],
    reset: async () => {
      localStorage.removeItem(STORAGE_KEY);
      db = trackChanges(generateDatabase({ anchor: cstDay(new Date()) }));
      save(db);
    },
  };
}
