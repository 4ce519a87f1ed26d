import { describe, expect, it } from 'vitest';
import { problems } from '../../domain/rules/problem';
import { problemDetailsSchema } from '../../src/api/schemas/common';
import { testApp } from './testing';

async function problemOf(response: Response) {
  expect(response.headers.get('Content-Type')).toBe('application/problem+json');
  return problemDetailsSchema.parse(await response.json());
}

describe('routes', () => {
  it('mounts the contract routes and hands dispatch the matched route, decoded parameters and query', async () => {
    const { app } = testApp();
    const response = await app.request('/api/v1/intake-records/IR-%E4%B8%AD?q=%E5%BC%A0&page=2');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      name: 'getIntakeRecord',
      params: { id: 'IR-中' },
      query: { q: '张', page: '2' },
    });
  });

  it('hands dispatch the JSON body of a route that takes one', async () => {
    const { app } = testApp();
    const response = await app.request('/api/v1/intake-records', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=UTF-8' },
      body: JSON.stringify({ name: '张三' }),
    });
    expect(await response.json()).toMatchObject({ name: 'createIntakeRecord', body: { name: '张三' } });
  });

  it('answers an unknown route 404 not_found', async () => {
    const { app } = testApp();
    const response = await app.request('/api/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(await problemOf(response)).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('answers a known path asked with the wrong method 405 with Allow', async () => {
    const { app } = testApp();
    const response = await app.request('/api/v1/intake-records', { method: 'DELETE' });
    expect(response.status).toBe(405);
    expect(response.headers.get('Allow')?.split(', ').sort()).toEqual(['GET', 'HEAD', 'POST']);
    expect(await problemOf(response)).toMatchObject({ status: 405, title: 'Method not allowed' });
  });

  it('answers OPTIONS that is not a CORS preflight as a wrong method', async () => {
    const { app } = testApp();
    const response = await app.request('/api/v1/intake-records', { method: 'OPTIONS' });
    expect(response.status).toBe(405);
    expect(response.headers.get('Allow')).toContain('GET');
  });

  it.each(['PROPFIND', 'MKCOL', 'LOCK'])('answers %s 501 on any path', async (method) => {
    const { app } = testApp();
    for (const path of ['/api/v1/intake-records', '/nowhere']) {
      const response = await app.request(path, { method });
      expect(response.status).toBe(501);
      expect(await problemOf(response)).toMatchObject({ status: 501 });
    }
  });
});

describe('health', () => {
  it('answers /healthz while the process lives', async () => {
    const { app } = testApp({ ready: async () => false });
    const response = await app.request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz 200 when the database answers, 503 when it does not or the check fails', async () => {
    expect((await testApp().app.request('/readyz')).status).toBe(200);
    expect((await testApp({ ready: async () => false }).app.request('/readyz')).status).toBe(503);
    const failing = testApp({ ready: () => Promise.reject(new Error('connection refused')) });
    const response = await failing.app.request('/readyz');
    expect(response.status).toBe(503);
    expect(await problemOf(response)).toMatchObject({ title: 'Not ready' });
    expect(failing.logger.entries).toContainEqual(expect.objectContaining({ message: 'readiness check failed' }));
  });
});

describe('errors', () => {
  it('answers a thrown error 500 internal, quoting the request id, with no stack; the log has the stack', async () => {
    const { app, logger } = testApp({
      dispatch: () => Promise.reject(new Error('relation "intake" does not exist')),
    });
    const response = await app.request('/api/v1/intake-records');
    expect(response.status).toBe(500);
    const requestId = response.headers.get('X-Request-Id')!;
    const text = await response.clone().text();
    expect(text).not.toContain('relation');
    expect(text).not.toMatch(/at .*\.ts/);
    expect(await problemOf(response)).toMatchObject({ status: 500, code: 'internal' });
    expect(text).toContain(requestId);
    const logged = logger.entries.find((entry) => entry.message === 'unexpected error');
    expect(logged).toMatchObject({
      requestId,
      error: expect.objectContaining({ message: expect.stringContaining('relation') }),
    });
    expect((logged!.error as Error).stack).toBeDefined();
  });

  it('answers a thrown non-error 500 too', async () => {
    const { app } = testApp({ dispatch: () => Promise.reject('a string') });
    const response = await app.request('/api/v1/intake-records');
    expect(response.status).toBe(500);
    expect(await problemOf(response)).toMatchObject({ code: 'internal' });
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('answers a problem thrown by dispatch as that problem', async () => {
    const { app } = testApp({ dispatch: () => Promise.reject(problems.forbidden()) });
    const response = await app.request('/api/v1/intake-records');
    expect(response.status).toBe(403);
    expect(await problemOf(response)).toMatchObject({ code: 'forbidden' });
  });

  it('passes a 401 from dispatch through with its WWW-Authenticate challenge', async () => {
    const { app } = testApp();
    const response = await app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'wang', password: 'bad' }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('WWW-Authenticate')).toBe('Bearer realm="api"');
  });
});

describe('request ids and logs', () => {
  it('gives every answer a fresh request id, or keeps a plain one the caller sent', async () => {
    const { app } = testApp();
    const fresh = await app.request('/healthz');
    expect(fresh.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await app.request('/healthz', { headers: { 'X-Request-Id': 'proxy-42.a:b' } });
    expect(kept.headers.get('X-Request-Id')).toBe('proxy-42.a:b');
    const replaced = await app.request('/healthz', { headers: { 'X-Request-Id': 'two words"<script>' } });
    expect(replaced.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs one line per request with method, path without the query, status, time, id and address', async () => {
    const { app, logger } = testApp();
    const response = await app.request('/api/v1/intake-records?q=13800001111', {}, {
      incoming: { socket: { remoteAddress: '::ffff:192.0.2.7' } },
    } as never);
    const lines = logger.entries.filter((entry) => entry.message === 'request');
    expect(lines).toEqual([
      {
        level: 'info',
        message: 'request',
        method: 'GET',
        path: '/api/v1/intake-records',
        status: 200,
        ms: expect.any(Number),
        requestId: response.headers.get('X-Request-Id'),
        ip: '192.0.2.7',
      },
    ]);
    expect(JSON.stringify(logger.entries)).not.toContain('13800001111');
  });

  it('logs a failed request at error level with status 500', async () => {
    const { app, logger } = testApp({ dispatch: () => Promise.reject(new Error('boom')) });
    await app.request('/api/v1/intake-records');
    expect(logger.entries.find((entry) => entry.message === 'request')).toMatchObject({ level: 'error', status: 500 });
  });
});
