import type { RawRequest } from '../../domain/http/dispatch';
import { limitKey } from './client-address';
import { httpProblems } from './problems';

interface Failures {
  count: number;
  last: number;
}

/**
 * Failed sign-ins per key, forgotten `windowMs` after the last one. A key with `max` failures
 * is locked until then. Expired keys are swept once a window, so guessing at many user names
 * costs memory for one window only.
 */
class FailureCounter {
  readonly #failures = new Map<string, Failures>();
  readonly #max: number;
  readonly #windowMs: number;
  #lastSweep = 0;

  constructor(max: number, windowMs: number) {
    this.#max = max;
    this.#windowMs = windowMs;
  }

  #current(key: string, now: number): Failures | undefined {
    const entry = this.#failures.get(key);
    if (entry && now - entry.last < this.#windowMs) return entry;
    this.#failures.delete(key);
    return undefined;
  }

  /** How long until the key may try again (ms), or null when it may now. */
  lockedFor(key: string, now: number): number | null {
    const entry = this.#current(key, now);
    return entry && entry.count >= this.#max ? entry.last + this.#windowMs - now : null;
  }

  add(key: string, now: number): void {
    this.#sweep(now);
    const entry = this.#current(key, now) ?? { count: 0, last: now };
    this.#failures.set(key, { count: entry.count + 1, last: now });
  }

  /** Takes back a failure counted in advance for an attempt that did not fail. */
  refund(key: string, now: number): void {
    const entry = this.#current(key, now);
    if (entry) entry.count = Math.max(0, entry.count - 1);
  }

  clear(key: string): void {
    this.#failures.delete(key);
  }

  #sweep(now: number): void {
    if (now - this.#lastSweep < this.#windowMs) return;
    this.#lastSweep = now;
    for (const [key, entry] of this.#failures) if (now - entry.last >= this.#windowMs) this.#failures.delete(key);
  }
}

/** The user name as people type it: case, width and surrounding spaces do not make a new name. */
function userKey(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || !('username' in body)) return null;
  const { username } = body;
  return typeof username === 'string' ? username.normalize('NFKC').trim().toLowerCase().slice(0, 64) : null;
}

type Settled = { ok: true; value: unknown } | { ok: false; error: unknown };

export interface LoginThrottleOptions {
  maxFailures: number;
  maxFailuresPerAddress: number;
  lockoutMs: number;
  now: () => number;
}

/**
 * Sign-in throttling: after too many wrong passwords for one user name, or from one client,
 * sign-ins are refused with 429 and `Retry-After` until the lockout passes. The refusal reads
 * the same whether or not the name exists, and the password is not checked while locked, so
 * neither reveals anything.
 *
 * An attempt counts as a failure before the password is checked, so a burst of parallel
 * guesses cannot slip past the limit; a success clears the user name's failures, and any other
 * answer (a malformed request, a server error) gives the count back. A success does not clear
 * the client's count: one valid account must not reset the limit on guessing others.
 */
export class LoginThrottle {
  readonly #users: FailureCounter;
  readonly #addresses: FailureCounter;
  readonly #now: () => number;

  constructor(options: LoginThrottleOptions) {
    this.#users = new FailureCounter(options.maxFailures, options.lockoutMs);
    this.#addresses = new FailureCounter(options.maxFailuresPerAddress, options.lockoutMs);
    this.#now = options.now;
  }

  /** Runs a sign-in through `dispatch` unless the user name or the client is locked. */
  async attempt(
    request: RawRequest,
    address: string,
    dispatch: (request: RawRequest) => Promise<Response>,
  ): Promise<Response> {
    // Read the body here to learn the user name; the dispatcher gets the same outcome.
    const body: Settled = await request.json().then(
      (value) => ({ ok: true, value }),
      (error: unknown) => ({ ok: false, error }),
    );
    const user = body.ok ? userKey(body.value) : null;
    const client = limitKey(address);
    const now = this.#now();
    const waitMs = Math.max(
      (user === null ? null : this.#users.lockedFor(user, now)) ?? 0,
      this.#addresses.lockedFor(client, now) ?? 0,
    );
    if (waitMs > 0) throw httpProblems.tooManySignInAttempts(waitMs);

    if (user !== null) this.#users.add(user, now);
    this.#addresses.add(client, now);
    let status = 500;
    try {
      const response = await dispatch({
        ...request,
        json: () => (body.ok ? Promise.resolve(body.value) : Promise.reject(body.error)),
      });
      status = response.status;
      return response;
    } finally {
      const later = this.#now();
      if (status !== 401) {
        this.#addresses.refund(client, later);
        if (user !== null) {
          if (status < 400) this.#users.clear(user);
          else this.#users.refund(user, later);
        }
      }
    }
  }
}
