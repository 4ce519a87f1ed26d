import type { LoginRequest, Session, User } from '../../src/api/schemas/auth';
import type { Backend } from './context';
import { toCstIso } from './dates';
import { problems } from './problem';

/** A sign-in lasts at most this long… */
export const SESSION_HOURS = 12;
/** …and ends sooner after this long without a request. */
const SESSION_IDLE_MINUTES = 120;
/** The last-seen time is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60_000;

/** The token of `Authorization: Bearer <token>` (the scheme's name in any case, RFC 9110). */
const bearerToken = (authorization: string | null) =>
  authorization?.match(/^Bearer +([A-Za-z0-9._~+/=-]{1,256})$/i)?.[1];

/**
 * Checks the password against the user's stored hash. A wrong name and a wrong password get the
 * same answer, and an unknown name still costs a hash, so neither reveals who has an account.
 */
export async function login(backend: Backend, request: LoginRequest): Promise<Session> {
  const { store, credentials } = backend;
  const user = await store.users.findByUsername(request.username);
  const hash = user ? await store.users.passwordHash(user.id) : undefined;
  // Hashing for no one takes as long as checking a real hash.
  const matches = hash
    ? await credentials.verifyPassword(request.password, hash)
    : await credentials.hashPassword(request.password).then(() => false);
  if (!user || !user.active || !matches) throw problems.invalidCredentials();

  const now = backend.now();
  const token = credentials.newToken();
  const hours = backend.sessionPolicy?.hours ?? SESSION_HOURS;
  const expiresAt = toCstIso(new Date(now.getTime() + hours * 3_600_000));
  await store.sessions.insert({
    tokenHash: await credentials.hashToken(token),
    userId: user.id,
    createdAt: toCstIso(now),
    expiresAt,
    lastSeenAt: toCstIso(now),
  });
  return { token, user, expiresAt };
}

/** The signed-in user of a request, or 401: no token, unknown, expired, idle too long, or deactivated. */
export async function authenticate(backend: Backend, authorization: string | null): Promise<User> {
  const token = bearerToken(authorization);
  if (!token) throw problems.unauthenticated();
  const { store } = backend;
  const tokenHash = await backend.credentials.hashToken(token);
  const session = await store.sessions.get(tokenHash);
  const now = backend.now().getTime();
  if (!session) throw problems.unauthenticated();
  const idleSince = Date.parse(session.lastSeenAt);
  const idleMinutes = backend.sessionPolicy?.idleMinutes ?? SESSION_IDLE_MINUTES;
  if (Date.parse(session.expiresAt) <= now || idleSince + idleMinutes * 60_000 <= now) {
    await store.sessions.delete(tokenHash);
    throw problems.unauthenticated();
  }
  const user = await store.users.get(session.userId);
  if (!user || !user.active) throw problems.unauthenticated();
  if (now - idleSince >= TOUCH_EVERY_MS) await store.sessions.touch(tokenHash, toCstIso(new Date(now)));
  return user;
}

export async function logout(backend: Backend, authorization: string | null): Promise<void> {
  const token = bearerToken(authorization);
  if (token) await backend.store.sessions.delete(await backend.credentials.hashToken(token));
}
