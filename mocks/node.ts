import { http } from 'msw';
import { setupServer } from 'msw/node';
import { API_BASE_PATH } from '../src/api/endpoints';
import type { Session } from '../src/api/schemas/auth';
import type { Database } from './data/database';
import { generateDatabase } from './data/generate';
import { noFaults, type FaultConfig } from './http/faults';
import { createRouter } from './http/router';
import { login } from './rules/auth';
import { DEMO_PASSWORD } from './data/reference';

/** The day the test data is generated around, and the moment the tests run at. */
export const TEST_ANCHOR = '2026-11-25';
export const TEST_NOW = new Date('2026-11-25T10:00:00+08:00');

let pristine: Database | undefined;

/** Generating takes ~0.4 s, so tests share one generated copy and each gets a clone of it. */
function freshDatabase(): Database {
  pristine ??= generateDatabase({ anchor: TEST_ANCHOR });
  return structuredClone(pristine);
}

/** The mock backend behind MSW in Node, for Vitest; every test gets a fresh store. */
export function createMockApi() {
  let db = freshDatabase();
  let faults: FaultConfig = noFaults;
  const now = () => TEST_NOW;
  const handle = createRouter({ db: () => db, now, faults: () => faults });
  const server = setupServer(http.all(`*${API_BASE_PATH}/*`, ({ request }) => handle(request)));
  return {
    server,
    now,
    get db() {
      return db;
    },
    reset() {
      db = freshDatabase();
      faults = noFaults;
    },
    setFaults(next: Partial<FaultConfig>) {
      faults = { ...noFaults, ...next };
    },
    /** A session for a demo user, made by the backend's own sign-in rule. */
    signIn(username: string): Session {
      return login(db, { username, password: DEMO_PASSWORD }, now());
    },
  };
}
