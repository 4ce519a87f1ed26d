import { http } from 'msw';
import { setupServer } from 'msw/node';
import { API_BASE_PATH } from '../src/api/endpoints';
import type { Session } from '../src/api/schemas/auth';
import { SESSION_HOURS } from '../domain/rules/auth';
import { toCstIso } from '../domain/rules/dates';
import { mockCredentials } from './credentials';
import type { Database } from './data/database';
import { generateDatabase } from './data/generate';
import { copyDatabase } from './data/persistence';
import { noFaults, type FaultConfig } from './http/faults';
import { createRouter } from './http/router';

/** The day the test data is generated around, and the moment the tests run at. */
export const TEST_ANCHOR = '2026-11-25';
export const TEST_NOW = new Date('2026-11-25T10:00:00+08:00');

let pristine: Database | undefined;

/** Generating takes ~0.4 s, so tests share one generated copy and each gets a clone of it. */
function freshDatabase(): Database {
  pristine ??= generateDatabase({ anchor: TEST_ANCHOR });
  return copyDatabase(pristine);
}

/** The mock backend behind MSW in Node, for Vitest; every test gets a fresh store. */
export function createMockApi() {
  let db = freshDatabase();
  let faults: FaultConfig = noFaults;
  let sessions = new Map<string, Session>();
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
      sessions = new Map();
    },
    setFaults(next: Partial<FaultConfig>) {
      faults = { ...noFaults, ...next };
    },
    /**
     * Signs every user in, as the sign-in rule does but without its deliberately slow password
     * check; run before each test (hashing a token is asynchronous in Web Crypto).
     */
    async prepareSessions() {
      const expiresAt = toCstIso(new Date(now().getTime() + SESSION_HOURS * 3_600_000));
      for (const user of db.users.values()) {
        const token = mockCredentials.newToken();
        const at = toCstIso(now());
        const tokenHash = await mockCredentials.hashToken(token);
        db.sessions.set(tokenHash, { tokenHash, userId: user.id, createdAt: at, expiresAt, lastSeenAt: at });
        sessions.set(user.username, { token, user, expiresAt });
      }
    },
    /** A session of the named user, made for this test by `prepareSessions`. */
    signIn(username: string): Session {
      const session = sessions.get(username);
      if (!session) throw new Error(`no prepared session for ${username}`);
      return session;
    },
  };
}
