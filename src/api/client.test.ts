import { http, HttpResponse, delay } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { mockApi } from '../../tests/utils/mock-api';
import { ApiError } from './api-error';
import { createApiClient } from './client';

function clientFor(options: { token?: string | null; timeoutMs?: number; onUnauthorized?: () => void } = {}) {
  const token = options.token === undefined ? mockApi.signIn('officer').token : options.token;
  return createApiClient({
    baseUrl: 'http://localhost',
    getToken: () => token,
    timeoutMs: options.timeoutMs,
    onUnauthorized: options.onUnauthorized,
  });
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('api client', () => {
  it('parses a good response with its schema and sends repeated keys for lists', async () => {
    const seen: string[] = [];
    mockApi.server.events.on('request:start', ({ request }) => void seen.push(request.url));
    const page = await clientFor().request('listIntakeRecords', {
      query: { channel: ['ch.event', 'ch.market'], pageSize: 5 },
    });
    expect(page.items).toHaveLength(5);
    expect(page.items.every((r) => ['ch.event', 'ch.market'].includes(r.channelCode))).toBe(true);
    expect(seen.at(-1)).toContain('channel=ch.event&channel=ch.market');
    mockApi.server.events.removeAllListeners();
  });

  it('turns a 500 problem into a retryable ApiError', async () => {
    mockApi.setFaults({ faults: { listServiceMonths: '500' } });
    const error = await failure(clientFor().request('listServiceMonths'));
    expect(error).toMatchObject({ kind: 'http', status: 500, code: 'internal' });
    expect(error.retryable).toBe(true);
  });

  it('reports a body that is not JSON as malformed', async () => {
    mockApi.setFaults({ faults: { listServiceMonths: 'malformed' } });
    const error = await failure(clientFor().request('listServiceMonths'));
    expect(error.kind).toBe('malformed');
    expect(error.retryable).toBe(false);
  });

  it('reports JSON that breaks the contract, naming where', async () => {
    mockApi.setFaults({ faults: { listIntakeRecords: 'contract' } });
    const error = await failure(clientFor().request('listIntakeRecords'));
    expect(error.kind).toBe('contract');
    expect(error.message).toMatch(/items/);
  });

  it('gives up after the timeout', async () => {
    mockApi.server.use(
      http.get('*/api/v1/service-months', async () => {
        await delay(2000);
        return HttpResponse.json([]);
      }),
    );
    const error = await failure(clientFor({ timeoutMs: 50 }).request('listServiceMonths'));
    expect(error.kind).toBe('timeout');
    expect(error.retryable).toBe(true);
  });

  it('reports a network failure, and offline when the browser says so', async () => {
    mockApi.setFaults({ faults: { listServiceMonths: 'offline' } });
    expect((await failure(clientFor().request('listServiceMonths'))).kind).toBe('network');
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    expect((await failure(clientFor().request('listServiceMonths'))).kind).toBe('offline');
  });

  it('tells the app about a 401 so it can ask the user to sign in again', async () => {
    const onUnauthorized = vi.fn();
    const error = await failure(clientFor({ token: 'mock.expired', onUnauthorized }).request('me'));
    expect(error.status).toBe(401);
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('carries field errors of a 422', async () => {
    const client = clientFor();
    const error = await failure(
      client.request('answerServiceCase', {
        params: { id: 'SC-2026-0001' },
        body: { countermeasure: '' },
        ifMatch: 1,
      }),
    );
    expect(error.status).toBe(422);
    expect(error.fieldErrors.map((e) => e.field)).toContain('countermeasure');
    // Which check and its limit travel with it, so the client can word it in the user's language.
    expect(error.fieldErrors.find((e) => e.field === 'countermeasure')).toMatchObject({
      code: 'too_small',
      params: { minimum: 1, origin: 'string' },
    });
  });

  it('carries the current version of the resource on a 409', async () => {
    const client = clientFor();
    const { id, version } = [...mockApi.db.serviceCases.values()].find((c) => c.status === 'inProgress')!;
    const error = await failure(
      client.request('answerServiceCase', {
        params: { id },
        body: { countermeasure: '已答复' },
        ifMatch: version + 50,
      }),
    );
    expect(error).toMatchObject({ status: 409, code: 'version_conflict' });
    expect(error.current).toMatchObject({ id, version });
  });

  it('lets the caller cancel', async () => {
    const controller = new AbortController();
    const pending = clientFor().request('listServiceMonths', { signal: controller.signal });
    controller.abort();
    expect((await failure(pending)).kind).toBe('aborted');
  });
});

describe('throttled and busy servers', () => {
  it('keeps how long a 429 asks to wait', async () => {
    mockApi.server.use(
      http.post('*/api/v1/auth/login', () =>
        HttpResponse.json(
          { type: 'about:blank', status: 429, title: 'Too many sign-in attempts' },
          { status: 429, headers: { 'Retry-After': '540', 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    const error = await failure(
      clientFor({ token: null }).request('login', { body: { username: 'manager', password: 'x' } }),
    );
    expect(error).toMatchObject({ status: 429, retryAfterSeconds: 540, retryable: true });
  });
});
