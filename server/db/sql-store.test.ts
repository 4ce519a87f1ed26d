import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database as DemoDatabase } from '../../mocks/data/database';
import type { Store } from '../../domain/store';
import { highestSerials } from './demo-data';
import { createSqlStore } from './sql-store';
import { openTestDatabase, reseed, type TestDatabase } from './testing';

let database: TestDatabase;
let store: Store;
let data: DemoDatabase;

beforeAll(async () => {
  database = await openTestDatabase();
  store = createSqlStore(database.db);
});
beforeEach(async () => {
  data = await reseed(database);
});
afterAll(() => database?.close());

const first = <T>(map: Map<string, T>) => map.values().next().value!;

describe(`SqlStore writes (${process.env.DATABASE_URL ? 'PostgreSQL server' : 'embedded'})`, () => {
  it('update is a compare-and-set: of two writers holding one version, exactly one wins', async () => {
    const record = first(data.intakeRecords);
    const next = (note: string) => ({ ...record, note, version: record.version + 1 });
    const results = await Promise.all([
      store.intakeRecords.update(next('first'), record.version),
      store.intakeRecords.update(next('second'), record.version),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const stored = await store.intakeRecords.get(record.id);
    expect(stored!.version).toBe(record.version + 1);
    expect(stored!.note).toBe(results[0] ? 'first' : 'second');
    expect(await store.intakeRecords.update(next('late'), record.version)).toBe(false);
    expect(await store.intakeRecords.update({ ...next('gone'), id: 'IR-1999-00001' }, 1)).toBe(false);
  });

  it('keeps the columns of an updated record in step with it', async () => {
    const serviceCase = [...data.serviceCases.values()].find((c) => c.status === 'new')!;
    const closed = { ...serviceCase, status: 'closed' as const, closedAt: '2026-11-25T10:00:00+08:00', version: 2 };
    expect(await store.serviceCases.update(closed, serviceCase.version)).toBe(true);
    const page = await store.serviceCases.list(
      { departmentCode: null },
      { page: 1, pageSize: 200, q: serviceCase.id, status: ['closed'] },
      { field: 'id', descending: false },
      {
        now: '2026-11-25T12:00:00+08:00',
        dueSoonBefore: '2026-11-28T00:00:00+08:00',
        userId: 'u.officer',
        departmentCode: null,
        lapsedBefore: '2026-11-18T00:00:00+08:00',
      },
    );
    expect(page.items).toEqual([closed]);

    const user = data.users.get('u.liaison')!;
    expect(await store.users.update({ ...user, role: 'viewer', version: 2 }, 1)).toBe(true);
    expect(await store.users.update({ ...user, role: 'manager', version: 2 }, 1)).toBe(false);
    expect(await store.users.findByUsername('liaison')).toMatchObject({ role: 'viewer', version: 2 });
  });

  it('hands out each serial once, even to concurrent callers', async () => {
    const highest = highestSerials(data.intakeRecords.keys()).get('IR-2026-')!;
    const serials = await Promise.all(Array.from({ length: 40 }, () => store.nextSerial('IR-2026-')));
    expect(new Set(serials).size).toBe(40);
    expect(Math.min(...serials)).toBe(highest + 1);
    expect(Math.max(...serials)).toBe(highest + 40);
    // A prefix never seen starts at 1, however many callers arrive at once.
    const fresh = await Promise.all(Array.from({ length: 10 }, () => store.nextSerial('ZZ-2030-')));
    expect(fresh.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('starts a prefix without a counter after the highest serial its ids carry', async () => {
    const patch = { ...first(data.policyPatches), id: 'PP-2031-041', version: 1 };
    await store.policyPatches.insert(patch);
    expect(await store.nextSerial('PP-2031-')).toBe(42);
  });

  it('rolls back every write of a failed transaction, nested ones included', async () => {
    const record = first(data.intakeRecords);
    const serialBefore = await store.nextSerial('IR-2026-');
    const failure = store.transaction(async (tx) => {
      await tx.intakeRecords.update({ ...record, note: 'rolled back', version: record.version + 1 }, record.version);
      await tx.nextSerial('IR-2026-');
      await tx.audit.append({
        entityType: 'intakeRecord',
        entityId: record.id,
        action: 'update',
        actorId: 'u.officer',
        actorName: '李娜',
        at: '2026-11-25T10:00:00+08:00',
        changes: [],
      });
      await tx.transaction(async (nested) => {
        await nested.sessions.insert({
          tokenHash: 'h',
          userId: 'u.officer',
          createdAt: '2026-11-25T10:00:00+08:00',
          expiresAt: '2026-11-25T22:00:00+08:00',
          lastSeenAt: '2026-11-25T10:00:00+08:00',
        });
      });
      throw new Error('changed my mind');
    });
    await expect(failure).rejects.toThrow('changed my mind');
    expect(await store.intakeRecords.get(record.id)).toEqual(record);
    expect(await store.sessions.get('h')).toBeUndefined();
    expect(await store.nextSerial('IR-2026-')).toBe(serialBefore + 1);
    const history = await store.audit.list(
      { entityId: record.id },
      { entityTypes: ['intakeRecord'], caseScope: { departmentCode: null } },
      1,
      20,
    );
    expect(history.total).toBe(0);
  });

  it('commits a transaction whole, with what nested calls wrote', async () => {
    const record = first(data.intakeRecords);
    const result = await store.transaction(async (tx) => {
      await tx.intakeRecords.update({ ...record, note: 'kept', version: record.version + 1 }, record.version);
      return tx.transaction(async (nested) => {
        // The nested call sees the outer transaction's write: it is the same transaction.
        expect((await nested.intakeRecords.get(record.id))!.note).toBe('kept');
        return nested.nextSerial('XX-');
      });
    });
    expect(result).toBe(1);
    expect((await store.intakeRecords.get(record.id))!.note).toBe('kept');
  });

  it('numbers audit events after the last one, and returns them as stored', async () => {
    const last = highestSerials(data.auditEvents.map((e) => e.id)).get('AE-')!;
    const event = {
      entityType: 'policyPatch' as const,
      entityId: first(data.policyPatches).id,
      action: 'transition',
      actorId: 'u.manager',
      actorName: '王芳',
      at: '2026-11-25T10:00:00+08:00',
      changes: [{ field: 'status', from: 'drafting', to: 'consultation' }],
    };
    const appended = await Promise.all([store.audit.append(event), store.audit.append(event)]);
    expect(appended.map((e) => e.id).sort()).toEqual([
      `AE-${String(last + 1).padStart(6, '0')}`,
      `AE-${String(last + 2).padStart(6, '0')}`,
    ]);
    const listed = await store.audit.list(
      { entityType: 'policyPatch', entityId: event.entityId },
      { entityTypes: ['policyPatch'], caseScope: { departmentCode: null } },
      1,
      2,
    );
    expect(listed.items).toEqual([...appended].sort((a, b) => (a.id < b.id ? 1 : -1)));
  });

  it('keeps sessions by token hash until deleted, one by one or all of a user', async () => {
    const session = (tokenHash: string, userId: string) => ({
      tokenHash,
      userId,
      createdAt: '2026-11-25T10:00:00+08:00',
      expiresAt: '2026-11-25T22:00:00+08:00',
      lastSeenAt: '2026-11-25T10:00:00+08:00',
    });
    await store.sessions.insert(session('a', 'u.officer'));
    await store.sessions.insert(session('b', 'u.officer'));
    await store.sessions.insert(session('c', 'u.manager'));
    await store.sessions.touch('a', '2026-11-25T11:30:00+08:00');
    expect(await store.sessions.get('a')).toEqual({
      ...session('a', 'u.officer'),
      lastSeenAt: '2026-11-25T11:30:00+08:00',
    });
    await store.sessions.delete('c');
    expect(await store.sessions.get('c')).toBeUndefined();
    await store.sessions.deleteForUser('u.officer');
    expect(await store.sessions.get('a')).toBeUndefined();
    expect(await store.sessions.get('b')).toBeUndefined();
  });

  it('refuses a second view of the same name for the same owner and list', async () => {
    const view = {
      id: 'SV-10',
      resource: 'intakeRecords' as const,
      name: '我的视图',
      search: 'stage=lead',
      shared: false,
      ownerId: 'u.officer',
      ownerName: '李娜',
      createdAt: '2026-11-25T10:00:00+08:00',
    };
    expect(await store.savedViews.insert(view)).toBe(true);
    expect(await store.savedViews.insert({ ...view, id: 'SV-11' })).toBe(false);
    expect(await store.savedViews.insert({ ...view, id: 'SV-12', resource: 'serviceCases' })).toBe(true);
    expect(await store.savedViews.insert({ ...view, id: 'SV-13', ownerId: 'u.manager' })).toBe(true);
    expect(await store.savedViews.get('SV-10')).toEqual(view);
    await store.savedViews.delete('SV-10');
    expect(await store.savedViews.get('SV-10')).toBeUndefined();
  });

  it('keeps password hashes apart from the user record', async () => {
    expect(await store.users.passwordHash('u.viewer')).toMatch(/^scrypt\$/);
    await store.users.setPasswordHash('u.viewer', 'scrypt$new');
    expect(await store.users.passwordHash('u.viewer')).toBe('scrypt$new');
    expect(await store.users.get('u.viewer')).toEqual(data.users.get('u.viewer'));
    expect(await store.users.passwordHash('u.nobody')).toBeUndefined();
  });

  it('changes a dictionary entry in place, keeping its list order', async () => {
    const [, second] = data.dictionaries.channels;
    await store.dictionaries.updateEntry('channels', { ...second!, name: '改名', active: false });
    const channels = (await store.dictionaries.get()).channels;
    expect(channels.map((c) => c.code)).toEqual(data.dictionaries.channels.map((c) => c.code));
    expect(channels[1]).toEqual({ ...second, name: '改名', active: false });
  });
});
