import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { Credentials } from '../domain/rules/context';

/** scrypt's cost parameters; N = 2^15, r = 8 costs about 32 MiB and tens of milliseconds a hash. */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

export const DEFAULT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };

/** A stored hash asking for more memory than this is refused rather than computed. */
const MAX_MEMORY = 256 * 1024 * 1024;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

/** scrypt needs 128·N·r bytes; Node refuses more than 32 MiB unless told. */
const maxmem = ({ N, r }: ScryptCost) => 128 * N * r * 2;

function derive(password: string, salt: Buffer, keyLength: number, cost: ScryptCost): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: maxmem(cost) };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** `scrypt$N$r$p$salt$hash`, salt and hash in base64: the parameters travel with each hash. */
function parse(stored: string) {
  const [scheme, N, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return null;
  const cost = { N: Number(N), r: Number(r), p: Number(p) };
  const valid =
    Number.isInteger(cost.N) &&
    cost.N > 1 &&
    (cost.N & (cost.N - 1)) === 0 &&
    Number.isInteger(cost.r) &&
    cost.r >= 1 &&
    Number.isInteger(cost.p) &&
    cost.p >= 1 &&
    cost.p <= 16 &&
    128 * cost.N * cost.r <= MAX_MEMORY;
  if (!valid) return null;
  const expected = Buffer.from(hash, 'base64');
  return expected.length >= 16 && expected.length <= 64 ? { cost, salt: Buffer.from(salt, 'base64'), expected } : null;
}

/**
 * The server's credentials: passwords hashed with scrypt (each with its own random salt, run on
 * libuv's thread pool so hashing never blocks the event loop), session tokens of 32 random
 * bytes, stored as their SHA-256 (a token is already high-entropy, so a fast hash suffices).
 */
export function scryptCredentials(cost: ScryptCost = DEFAULT_COST): Credentials {
  return {
    async hashPassword(password) {
      const salt = randomBytes(SALT_LENGTH);
      const hash = await derive(password, salt, KEY_LENGTH, cost);
      return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), hash.toString('base64')].join('$');
    },
    async verifyPassword(password, stored) {
      const parsed = parse(stored);
      if (!parsed) return false;
      const actual = await derive(password, parsed.salt, parsed.expected.length, parsed.cost);
      return timingSafeEqual(actual, parsed.expected);
    },
    newToken: () => randomBytes(32).toString('base64url'),
    hashToken: async (token) => createHash('sha256').update(token).digest('hex'),
  };
}
