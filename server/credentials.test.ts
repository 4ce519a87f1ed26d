import { describe, expect, it } from 'vitest';
import { DEFAULT_COST, scryptCredentials } from './credentials';

// A low cost keeps the suite fast; one test checks the default cost's format.
const credentials = scryptCredentials({ N: 2 ** 10, r: 8, p: 1 });

describe('server credentials', () => {
  it('verifies the password it hashed and rejects any other', async () => {
    const hash = await credentials.hashPassword('correct horse');
    expect(await credentials.verifyPassword('correct horse', hash)).toBe(true);
    expect(await credentials.verifyPassword('correct horsE', hash)).toBe(false);
    expect(await credentials.verifyPassword('', hash)).toBe(false);
  });

  it('salts each hash, and keeps the parameters with it', async () => {
    const [a, b] = await Promise.all([credentials.hashPassword('same'), credentials.hashPassword('same')]);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/);
    // A hash made at another cost still verifies: the cost is read from the hash.
    expect(await scryptCredentials(DEFAULT_COST).verifyPassword('same', a)).toBe(true);
  });

  it('hashes at N = 2^15 by default', async () => {
    expect(await scryptCredentials().hashPassword('x')).toMatch(/^scrypt\$32768\$8\$1\$/);
  });

  it('rejects malformed or foreign hashes without throwing', async () => {
    const good = await credentials.hashPassword('pw');
    const [, , r, p, salt, hash] = good.split('$');
    for (const stored of [
      '',
      'pw',
      'pbkdf2-sha256$100000$c2FsdA==$aGFzaA==',
      `scrypt$1000$${r}$${p}$${salt}$${hash}`, // N not a power of two
      `scrypt$${2 ** 24}$${r}$${p}$${salt}$${hash}`, // too costly to compute
      `scrypt$1024$${r}$${p}$${salt}$`,
      `scrypt$1024$${r}$${p}$${salt}$AAAA`, // too short to be a hash
    ]) {
      expect(await credentials.verifyPassword('pw', stored)).toBe(false);
    }
  });

  it('makes unguessable url-safe tokens and stores only their SHA-256', async () => {
    const tokens = new Set(Array.from({ length: 100 }, () => credentials.newToken()));
    expect(tokens.size).toBe(100);
    const token = [...tokens][0]!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const hashed = await credentials.hashToken(token);
    expect(hashed).toMatch(/^[0-9a-f]{64}$/);
    expect(await credentials.hashToken(token)).toBe(hashed);
    expect(hashed).not.toContain(token);
  });
});
