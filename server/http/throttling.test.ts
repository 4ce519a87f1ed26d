import { describe, expect, it } from 'vitest';
import { problemDetailsSchema } from '../../src/api/schemas/common';
import { echoDispatch, fromAddress, sleep, testApp } from './testing';

/** A clock the test moves by hand. */
function manualClock(start = Date.parse('2026-03-02T09:00:10Z')) {
  let time = start;
  return { now: () => new Date(time), advance: (ms: number) => (time += ms) };
}

describe('per-client rate limit', () => {
  const env = { RATE_LIMIT_PER_MINUTE: '3' };

  it('answers 429 with Retry-After once a client is over its limit; other clients are not affected', async () => {
    const { app } = testApp({ env, now: manualClock().now });
    for (let i = 0; i < 3; i++)
      expect((await app.request('/healthz', {}, fromAddress('198.51.100.1'))).status).toBe(200);
    const refused = await app.request('/healthz', {}, fromAddress('198.51.100.1'));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1);
    expect(problemDetailsSchema.parse(await refused.json())).toMatchObject({ status: 429 });
    expect((await app.request('/healthz', {}, fromAddress('198.51.100.2'))).status).toBe(200);
  });

  it('lets a client back in once its window has passed', async () => {
    const clock = manualClock();
    const { app } = testApp({ env, now: clock.now });
    for (let i = 0; i < 4; i++) await app.request('/healthz', {}, fromAddress('198.51.100.1'));
    expect((await app.request('/healthz', {}, fromAddress('198.51.100.1'))).status).toBe(429);
    clock.advance(2 * 60_000);
    expect((await app.request('/healthz', {}, fromAddress('198.51.100.1'))).status).toBe(200);
  });

  it('counts an IPv6 /64 as one client', async () => {
    const { app } = testApp({ env, now: manualClock().now });
    for (const host of ['1', '2', 'a:b:c']) await app.request('/healthz', {}, fromAddress(`2001:db8:0:1::${host}`));
    expect((await app.request('/healthz', {}, fromAddress('2001:db8:0:1:ffff::9'))).status).toBe(429);
    expect((await app.request('/healthz', {}, fromAddress('2001:db8:0:2::1'))).status).toBe(200);
  });

  it('believes only the last X-Forwarded-For entry, and only behind a trusted proxy', async () => {
    const proxied = testApp({ env: { ...env, TRUST_PROXY: 'true' }, now: manualClock().now });
    const via = (forwarded: string) =>
      proxied.app.request('/healthz', { headers: { 'X-Forwarded-For': forwarded } }, fromAddress('10.0.0.1'));
    // A client rotating a spoofed first entry is still counted by the address the proxy saw.
    for (let i = 0; i < 3; i++) expect((await via(`203.0.113.${i}, 198.51.100.7`)).status).toBe(200);
    expect((await via('203.0.113.99, 198.51.100.7')).status).toBe(429);
    expect((await via('198.51.100.8')).status).toBe(200);

    const direct = testApp({ env, now: manualClock().now });
    for (let i = 0; i < 3; i++) {
      await direct.app.request(
        '/healthz',
        { headers: { 'X-Forwarded-For': `203.0.113.${i}` } },
        fromAddress('10.0.0.1'),
      );
    }
    const refused = await direct.app.request(
      '/healthz',
      { headers: { 'X-Forwarded-For': '203.0.113.50' } },
      fromAddress('10.0.0.1'),
    );
    expect(refused.status).toBe(429);
  });
});

describe('sign-in lockout', () => {
  const env = { LOGIN_MAX_FAILURES: '3', LOGIN_MAX_FAILURES_PER_IP: '5', LOGIN_LOCKOUT_MINUTES: '15' };

  function signIn(app: ReturnType<typeof testApp>['app'], username: string, password: string, address = '192.0.2.1') {
    return app.request(
      '/api/v1/auth/login',
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) },
      fromAddress(address),
    );
  }

  async function lockoutAnswer(response: Response) {
    expect(response.status).toBe(429);
    return { retryAfter: response.headers.get('Retry-After'), body: await response.json() };
  }

  it('refuses even the right password with 429 and Retry-After after too many wrong ones', async () => {
    const { app } = testApp({ env, now: manualClock().now });
    for (let i = 0; i < 3; i++) expect((await signIn(app, 'wang', 'bad')).status).toBe(401);
    const { retryAfter, body } = await lockoutAnswer(await signIn(app, 'wang', 'good'));
    expect(retryAfter).toBe(String(15 * 60));
    expect(body).toMatchObject({ status: 429, title: 'Too many sign-in attempts' });
    expect(body.detail).toContain('15 minutes');
  });

  it('answers a user name that does not exist exactly as one that does', async () => {
    const { app } = testApp({ env, now: manualClock().now });
    for (let i = 0; i < 3; i++) await signIn(app, 'wang', 'bad', '192.0.2.1');
    for (let i = 0; i < 3; i++) await signIn(app, 'nobody-by-this-name', 'bad', '192.0.2.2');
    const known = await lockoutAnswer(await signIn(app, 'wang', 'good', '192.0.2.1'));
    const unknown = await lockoutAnswer(await signIn(app, 'nobody-by-this-name', 'good', '192.0.2.2'));
    expect(unknown).toEqual(known);
  });

  it('forgets the failures after a success', async () => {
    const { app } = testApp({ env, now: manualClock().now });
    for (let i = 0; i < 2; i++) await signIn(app, 'wang', 'bad');
    expect((await signIn(app, 'wang', 'good')).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await signIn(app, 'wang', 'bad')).status).toBe(401);
    expect((await signIn(app, 'wang', 'good')).status).toBe(200);
  });

  it('lets the user in again once the lockout has passed', async () => {
    const clock = manualClock();
    const { app } = testApp({ env, now: clock.now });
    for (let i = 0; i < 3; i++) await signIn(app, 'wang', 'bad');
    clock.advance(14 * 60_000);
    const { retryAfter } = await lockoutAnswer(await signIn(app, 'wang', 'good'));
    expect(retryAfter).toBe(String(60));
    clock.advance(60_000);
    expect((await signIn(app, 'wang', 'good')).status).toBe(200);
  });

  it('counts a user name however it is cased or spaced', async () => {
    const { app } = testApp({ env, now: manualClock().now });
    for (const name of ['Wang', ' wang', 'WANG ']) await signIn(app, name, 'bad');
    expect((await signIn(app, 'wang', 'good')).status).toBe(429);
  });

  it('locks a client that guesses at many user names, without locking those names elsewhere', async () => {
    const { app } = testApp({ env, now: manualClock().now });
    for (let i = 0; i < 5; i++) expect((await signIn(app, `user${i}`, 'bad', '192.0.2.9')).status).toBe(401);
    expect((await signIn(app, 'user9', 'good', '192.0.2.9')).status).toBe(429);
    expect((await signIn(app, 'user0', 'good', '192.0.2.10')).status).toBe(200);
  });

  it('does not let a burst of parallel guesses past the limit', async () => {
    const { app } = testApp({
      env,
      now: manualClock().now,
      dispatch: async (request) => {
        await sleep(20);
        return echoDispatch(request);
      },
    });
    const answers = await Promise.all(Array.from({ length: 10 }, () => signIn(app, 'wang', 'bad')));
    const statuses = answers.map((response) => response.status).sort();
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429, 429, 429, 429, 429]);
  });

  it('does not count requests that are not wrong passwords', async () => {
    const { app } = testApp({ env, now: manualClock().now });
    for (let i = 0; i < 5; i++) {
      const malformed = await app.request('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"username": "wang", ',
      });
      expect(malformed.status).toBe(400);
    }
    expect((await signIn(app, 'wang', 'good')).status).toBe(200);
  });
});
