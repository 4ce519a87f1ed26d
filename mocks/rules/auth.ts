import type { LoginRequest, Session, User } from '../../src/api/schemas/auth';
import { DEMO_PASSWORD } from '../data/reference';
import type { Database } from '../data/database';
import { toCstIso } from './dates';
import { problems } from './problem';

const SESSION_HOURS = 12;

/** Demo sign-in: every active user's password is the demo password. */
export function login(db: Database, request: LoginRequest, now: Date): Session {
  const user = [...db.users.values()].find((u) => u.username === request.username);
  if (!user || !user.active || request.password !== DEMO_PASSWORD) throw problems.invalidCredentials();
  const token = `mock.${user.id}.${now.getTime().toString(36)}.${Math.random().toString(36).slice(2, 12)}`;
  const expiresAt = toCstIso(new Date(now.getTime() + SESSION_HOURS * 3_600_000));
  db.sessions.set(token, { token, userId: user.id, expiresAt });
  return { token, user, expiresAt };
}

export function authenticate(db: Database, authorization: string | null, now: Date): User {
  const token = authorization?.match(/^Bearer (.+)$/)?.[1];
  const session = token ? db.sessions.get(token) : undefined;
  if (!session || Date.parse(session.expiresAt) <= now.getTime()) throw problems.unauthenticated();
  const user = db.users.get(session.userId);
  if (!user || !user.active) throw problems.unauthenticated();
  return user;
}

export function logout(db: Database, authorization: string | null): void {
  const token = authorization?.match(/^Bearer (.+)$/)?.[1];
  if (token) db.sessions.delete(token);
}
