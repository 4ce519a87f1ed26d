import type { User } from '../../src/api/schemas/auth';
import type { Store } from '../store';

/** How passwords and session tokens are kept: scrypt on the server, Web Crypto in the mock. */
export interface Credentials {
  hashPassword(password: string): Promise<string>;
  verifyPassword(password: string, hash: string): Promise<boolean>;
  /** A new session token from a CSPRNG. */
  newToken(): string;
  /** What is stored of a token: a hash, so a copy of the database signs nobody in. */
  hashToken(token: string): Promise<string>;
}

/** What a backend gives the rules: its store, its clock and how it keeps credentials. */
export interface Backend {
  store: Store;
  now: () => Date;
  credentials: Credentials;
  /** How long a sign-in lasts; the rules' defaults (12 h, 120 min idle) unless configured. */
  sessionPolicy?: { hours: number; idleMinutes: number };
}

/** What every rule gets: the backend and the signed-in user. */
export interface RuleContext extends Backend {
  user: User;
}
