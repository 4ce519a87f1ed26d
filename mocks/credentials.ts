import type { Credentials } from '../domain/rules/context';

const encoder = new TextEncoder();
const ITERATIONS = 100_000;

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
const toHex = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');

async function pbkdf2(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

/**
 * The mock's credentials, with Web Crypto so they run in the browser as in Node: PBKDF2 password
 * hashes (`pbkdf2-sha256$iterations$salt$hash`) and SHA-256 token hashes. The server keeps
 * passwords with scrypt (`server/credentials.ts`); both store only hashes.
 */
export const mockCredentials: Credentials = {
  async hashPassword(password) {
    const salt = crypto.getRandomValues(new Uint8Array(16));
    return `pbkdf2-sha256$${ITERATIONS}$${toBase64(salt)}$${toBase64(await pbkdf2(password, salt, ITERATIONS))}`;
  },
  async verifyPassword(password, hash) {
    const [scheme, iterations, salt, expected] = hash.split('$');
    if (scheme !== 'pbkdf2-sha256' || !iterations || !salt || !expected) return false;
    const actual = toBase64(await pbkdf2(password, fromBase64(salt), Number(iterations)));
    // Compared whole, not short-circuited on the first difference.
    let difference = actual.length ^ expected.length;
    for (let i = 0; i < Math.min(actual.length, expected.length); i++) {
      difference |= actual.charCodeAt(i) ^ expected.charCodeAt(i);
    }
    return difference === 0;
  },
  newToken() {
    const bytes = crypto.getRandomValues(new Uint8Array(32));
    return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  },
  async hashToken(token) {
    return toHex(await crypto.subtle.digest('SHA-256', encoder.encode(token)));
  },
};
