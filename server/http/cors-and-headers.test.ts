import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers';
import { testApp } from './testing';

const allowed = 'https://office.example.cn';
const env = { CORS_ORIGINS: `${allowed}, http://localhost:5173` };

describe('security headers', () => {
  it.each([
    ['a success', '/api/v1/intake-records', {}],
    ['a 404', '/api/v1/nothing', {}],
    ['a 405', '/api/v1/intake-records', { method: 'DELETE' }],
    ['a 415', '/api/v1/intake-records', { method: 'POST', headers: { 'Content-Length': '2' }, body: '{}' }],
    ['a health check', '/healthz', {}],
  ])('are on %s', async (_label, path, init) => {
    const { app } = testApp();
    const response = await app.request(path, init);
    for (const [name, value] of Object.entries(securityHeaders)) expect(response.headers.get(name)).toBe(value);
    expect(response.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
  });

  it('are on a 500', async () => {
    const { app } = testApp({ dispatch: () => Promise.reject(new Error('boom')) });
    const response = await app.request('/api/v1/intake-records');
    expect(response.headers.get('X-Frame-Options')).toBe('DENY');
    expect(response.headers.get('Cache-Control')).toBe('no-store');
  });
});

describe('CORS', () => {
  it('lets an allowed origin read answers, and names what it may read beyond the basics', async () => {
    const { app } = testApp({ env });
    const response = await app.request('/api/v1/intake-records', { headers: { Origin: allowed } });
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(allowed);
    expect(response.headers.get('Access-Control-Allow-Credentials')).toBeNull();
    expect(response.headers.get('Access-Control-Expose-Headers')).toContain('Retry-After');
    expect(response.headers.get('Vary')).toContain('Origin');
  });

  it('gives another origin no access, and says the answer varies by origin', async () => {
    const { app } = testApp({ env });
    const response = await app.request('/api/v1/intake-records', { headers: { Origin: 'https://evil.example' } });
    expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect(response.headers.get('Vary')).toContain('Origin');
  });

  it('allows no origin at all by default', async () => {
    const { app } = testApp();
    const response = await app.request('/api/v1/intake-records', { headers: { Origin: 'http://localhost:5173' } });
    expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('answers a preflight from an allowed origin 204 with the methods and headers the API takes', async () => {
    const { app } = testApp({ env });
    const response = await app.request('/api/v1/intake-records/IR-1', {
      method: 'OPTIONS',
      headers: {
        Origin: allowed,
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'if-match',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(allowed);
    expect(response.headers.get('Access-Control-Allow-Methods')).toContain('PUT');
    expect(response.headers.get('Access-Control-Allow-Headers')).toContain('If-Match');
    expect(response.headers.get('Access-Control-Allow-Headers')).toContain('Authorization');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('refuses a preflight from another origin with a 403 problem', async () => {
    const { app } = testApp({ env });
    const response = await app.request('/api/v1/intake-records', {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('Content-Type')).toBe('application/problem+json');
    expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('lets an allowed origin read a refusal (here a 429) and its Retry-After', async () => {
    const { app } = testApp({ env: { ...env, RATE_LIMIT_PER_MINUTE: '1' } });
    await app.request('/healthz', { headers: { Origin: allowed } });
    const response = await app.request('/healthz', { headers: { Origin: allowed } });
    expect(response.status).toBe(429);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(allowed);
  });
});
