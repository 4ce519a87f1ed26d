import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../domain/http/dispatch';
import type { Backend } from '../domain/rules/context';
import type { IntakeRecord } from '../src/api/schemas/intake';
import { createApp } from './app';
import { loadConfig } from './config';
import { createSqlStore } from './db/sql-store';
import { openTestDatabase, reseed, testCredentials, type TestDatabase } from './db/testing';
import { createLogger } from './http/logger';

/**
 * The whole server, app and rules and SQL, on a real PostgreSQL (embedded, or `DATABASE_URL`):
 * what only a server can get wrong. The clock is the test's, so sessions can be aged.
 */
let database: TestDatabase;
let clock = new Date('2026-11-25T10:00:00+08:00');
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  database = await openTestDatabase();
  const backend: Backend = {
    store: createSqlStore(database.db),
    now: () => clock,
    credentials: testCredentials,
    sessionPolicy: { hours: 12, idleMinutes: 120 },
  };
  const config = loadConfig({ RATE_LIMIT_PER_MINUTE: '100000', LOG_LEVEL: 'silent' });
  app = createApp({
    config,
    logger: createLogger('silent'),
    dispatch: (request) => dispatch(backend, request),
    ready: async () => true,
  });
});
afterAll(() => database.close());
beforeEach(async () => {
  clock = new Date('2026-11-25T10:00:00+08:00');
  await reseed(database);
});

const api = (path: string, init: RequestInit & { token?: string } = {}) =>
  app.request(`/api/v1${path}`, {
    ...init,
    headers: {
      ...(init.body ? { 'Content-Type': 'application/json' } : {}),
      ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
      ...(init.headers as Record<string, string> | undefined),
    },
  });

async function signIn(username: string): Promise<string> {
  const response = await api('/auth/login', {
    method: 'POST',
    body: JSON.stringify({ username, password: 'demo1234' }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

const later = (minutes: number) => new Date(clock.getTime() + minutes * 60_000);

describe('concurrent updates with the same If-Match', () => {
  it('let exactly one win; every other gets 409 with the record as it now stands', async () => {
    const token = await signIn('officer');
    const page = (await (await api('/intake-records?sort=id&pageSize=1', { token })).json()) as {
      items: IntakeRecord[];
    };
    const record = page.items[0]!;
    const { id, kind, name, organization, phone, channelCode, eventCode, tierCode, industryCode, townCode } = record;
    const input = { kind, name, organization, phone, channelCode, eventCode, tierCode, industryCode, townCode };
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        api(`/intake-records/${id}`, {
          method: 'PUT',
          token,
          headers: { 'If-Match': `"${record.version}"` },
          body: JSON.stringify({
            ...input,
            officerId: record.officerId,
            investment: record.investment,
            note: `写入 ${i}`,
          }),
        }),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(11);
    const winner = (await answers.find((a) => a.status === 200)!.json()) as IntakeRecord;
    for (const loser of answers.filter((a) => a.status === 409)) {
      const problem = (await loser.json()) as { code: string; current: IntakeRecord };
      expect(problem.code).toBe('version_conflict');
      expect(problem.current).toMatchObject({ id, version: record.version + 1, note: winner.note });
    }
    const history = (await (await api(`/audit-events?entityType=intakeRecord&entityId=${id}`, { token })).json()) as {
      items: { action: string }[];
    };
    expect(history.items.filter((e) => e.action === 'update')).toHaveLength(1);
  });
});

describe('sessions', () => {
  it('end on logout: the same token is refused afterwards, with WWW-Authenticate', async () => {
    const token = await signIn('manager');
    expect((await api('/auth/me', { token })).status).toBe(200);
    expect((await api('/auth/logout', { method: 'POST', token })).status).toBe(204);
    const refused = await api('/auth/me', { token });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('WWW-Authenticate')).toMatch(/^Bearer/);
  });

  it('end after two idle hours, but not while in use, and after twelve hours at most', async () => {
    const idle = await signIn('viewer');
    const busy = await signIn('officer');
    for (let minutes = 100; minutes <= 700; minutes += 100) {
      clock = later(100);
      expect((await api('/auth/me', { token: busy })).status, `busy at ${minutes} min`).toBe(200);
    }
    expect((await api('/auth/me', { token: idle })).status).toBe(401);
    clock = later(30);
    expect((await api('/auth/me', { token: busy })).status).toBe(401);
  });

  it('end when the user is deactivated or given another role', async () => {
    const admin = await signIn('admin');
    const liaison = await signIn('liaison');
    const officer = await signIn('officer');
    const users = (await (await api('/users', { token: admin })).json()) as {
      id: string;
      username: string;
      role: string;
      departmentCode: string;
      active: boolean;
      version: number;
    }[];
    const change = (username: string, patch: object) => {
      const user = users.find((u) => u.username === username)!;
      const { role, departmentCode, active } = user;
      return api(`/users/${user.id}`, {
        method: 'PUT',
        token: admin,
        headers: { 'If-Match': `"${user.version}"` },
        body: JSON.stringify({ role, departmentCode, active, ...patch }),
      });
    };
    expect((await change('liaison', { active: false })).status).toBe(200);
    expect((await change('officer', { role: 'viewer' })).status).toBe(200);
    expect((await api('/auth/me', { token: liaison })).status).toBe(401);
    expect((await api('/auth/me', { token: officer })).status).toBe(401);
    expect((await api('/auth/me', { token: admin })).status).toBe(200);
  });
});

describe('what a role may not see', () => {
  it('a viewer gets masked phone numbers in records and in their history', async () => {
    const officer = await signIn('officer');
    const viewer = await signIn('viewer');
    const first = (await (await api('/intake-records?sort=id&pageSize=1', { token: officer })).json()) as {
      items: IntakeRecord[];
    };
    const record = first.items[0]!;
    const masked = `${record.phone.slice(0, 3)}****${record.phone.slice(-4)}`;
    const asViewer = (await (await api(`/intake-records/${record.id}`, { token: viewer })).json()) as IntakeRecord;
    expect(asViewer.phone).toBe(masked);
    const { kind, name, organization, channelCode, eventCode, tierCode, industryCode, townCode } = record;
    const changed = await api(`/intake-records/${record.id}`, {
      method: 'PUT',
      token: officer,
      headers: { 'If-Match': `"${record.version}"` },
      body: JSON.stringify({
        kind,
        name,
        organization,
        phone: '13912345678',
        channelCode,
        eventCode,
        tierCode,
        industryCode,
        townCode,
        officerId: record.officerId,
        investment: record.investment,
        note: record.note,
      }),
    });
    expect(changed.status).toBe(200);
    const history = await (await api(`/audit-events?entityId=${record.id}`, { token: viewer })).text();
    expect(history).toContain('139****5678');
    expect(history).not.toContain('13912345678');
    expect(history).not.toContain(record.phone);
  });

  it('a liaison of 住建局 cannot open, list or count another department’s cases, but those it assists with', async () => {
    const liaison = await signIn('liaison');
    const manager = await signIn('manager');
    type Listed = { total: number; items: { id: string; assists: { departmentCode: string }[] }[] };
    const all = (await (
      await api('/service-cases?pageSize=200&month=SM-2026&department=dept.jyj', { token: manager })
    ).json()) as Listed;
    expect(all.total).toBeLessThanOrEqual(200);
    const assisted = all.items.filter((c) => c.assists.some((a) => a.departmentCode === 'dept.zjj'));
    const other = all.items.find((c) => !assisted.includes(c))!.id;
    expect((await api(`/service-cases/${other}`, { token: liaison })).status).toBe(404);
    const listed = (await (
      await api('/service-cases?pageSize=200&month=SM-2026&department=dept.jyj', { token: liaison })
    ).json()) as Listed;
    expect(listed.items.map((c) => c.id).sort()).toEqual(assisted.map((c) => c.id).sort());
    const history = (await (
      await api(`/audit-events?entityType=serviceCase&entityId=${other}`, { token: liaison })
    ).json()) as {
      total: number;
    };
    expect(history.total).toBe(0);
    const overview = (await (await api('/stats/service-cases/overview', { token: liaison })).json()) as {
      byDepartment: { departmentCode: string }[];
    };
    expect(overview.byDepartment.every((d) => d.departmentCode === 'dept.zjj')).toBe(true);
  });

  it('nobody signed in gets anything but 401, on every route', async () => {
    const { endpoints, API_BASE_PATH } = await import('../src/api/endpoints');
    for (const [name, endpoint] of Object.entries(endpoints)) {
      if (endpoint.auth === false) continue;
      const path = endpoint.path.replace(/:([a-zA-Z]+)/g, 'x');
      const response = await app.request(`${API_BASE_PATH}${path}`, {
        method: endpoint.method,
        headers: endpoint.body ? { 'Content-Type': 'application/json' } : {},
        body: endpoint.body ? '{}' : undefined,
      });
      expect(response.status, name).toBe(401);
    }
  });
});

describe('found by probing the server', () => {
  it('a liaison cannot link (or test for) another department’s case through a policy patch', async () => {
    const liaison = await signIn('liaison');
    const manager = await signIn('manager');
    const cases = (await (await api('/service-cases?pageSize=1&department=dept.jyj', { token: manager })).json()) as {
      items: { id: string; version: number }[];
    };
    const other = cases.items[0]!;
    const proposal = (demandCaseIds: string[]) =>
      api('/policy-patches', {
        method: 'POST',
        token: liaison,
        body: JSON.stringify({
          title: '试探',
          policyCode: 'pol.core',
          blockage: '—',
          leadDepartmentCode: 'dept.zjj',
          demandCaseIds,
        }),
      });
    const outOfScope = await proposal([other.id]);
    const missing = await proposal(['SC-2026-9999']);
    expect(outOfScope.status).toBe(422);
    expect(missing.status).toBe(422);
    const after = (await (await api(`/service-cases/${other.id}`, { token: manager })).json()) as {
      version: number;
      linkedPatchId: string | null;
    };
    expect(after.version).toBe(other.version);
  });

  it('takes If-Match as a version in digits only, and the Bearer scheme in any case', async () => {
    const token = await signIn('manager');
    const page = (await (await api('/service-cases?pageSize=1&status=inProgress', { token })).json()) as {
      items: { id: string; version: number }[];
    };
    const target = page.items[0]!;
    for (const header of ['1.0', '0x1', '+1', '""', 'W/', '1e0']) {
      const response = await api(`/service-cases/${target.id}/supervise`, {
        method: 'POST',
        token,
        headers: { 'If-Match': header },
        body: JSON.stringify({ deadline: '2026-12-01', note: '请尽快办理' }),
      });
      expect(response.status, `If-Match: ${header}`).toBe(400);
    }
    expect((await api('/auth/me', { headers: { Authorization: `bearer ${token}` } })).status).toBe(200);
  });

  it('refuses a due time more than a year ahead (a typing slip, or a year past 2100 in China time)', async () => {
    const token = await signIn('manager');
    const page = (await (await api('/service-cases?pageSize=1&status=new', { token })).json()) as {
      items: { id: string; version: number }[];
    };
    const target = page.items[0]!;
    // The talent office takes the case itself (直办), so that it may ask for more time.
    const step = async (path: string, version: number, body: unknown) => {
      const response = await api(`/service-cases/${target.id}/${path}`, {
        method: 'POST',
        token,
        headers: { 'If-Match': `"${version}"` },
        body: JSON.stringify(body),
      });
      return response;
    };
    const dispatched = (await (
      await step('dispatch', target.version, { departmentCode: 'dept.rcb', assigneeId: null })
    ).json()) as { version: number };
    const signed = (await (await step('sign', dispatched.version, {})).json()) as { version: number };
    const response = await step('extension', signed.version, { dueAt: '2100-12-31T23:59:59-14:00', reason: '等待' });
    expect(response.status).toBe(422);
    const problem = (await response.json()) as { errors: { field: string; code: string }[] };
    expect(problem.errors).toContainEqual(expect.objectContaining({ field: 'dueAt', code: 'date_out_of_range' }));
  });
});
