import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../src/api/schemas/audit';
import { intakeStages, type IntakeRecord } from '../../src/api/schemas/intake';
import { patchStatusSchema } from '../../src/api/schemas/policy-patches';
import type { ServiceCase } from '../../src/api/schemas/service-cases';
import { elapsedDays } from '../../src/lib/calendar';
import { isoAt } from '../../domain/rules/dates';
import type { Database as DemoDatabase } from '../../mocks/data/database';
import type { Store } from '../../domain/store';
import { createSqlStore } from './sql-store';
import { openTestDatabase, reseed, type TestDatabase } from './testing';

/**
 * Lists and figures from SQL against the same questions answered over the generated data in
 * plain JavaScript, by the definitions in `domain/store.ts`. Read-only: seeded once.
 */
let database: TestDatabase;
let store: Store;
let data: DemoDatabase;
let intake: IntakeRecord[];
let cases: ServiceCase[];

beforeAll(async () => {
  database = await openTestDatabase();
  data = await reseed(database);
  store = createSqlStore(database.db);
  intake = [...data.intakeRecords.values()];
  cases = [...data.serviceCases.values()];
});
afterAll(() => database?.close());

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const ids = (items: { id: string }[]) => items.map((item) => item.id);
const within = (day: string | null, from?: string, to?: string) =>
  day !== null && (!from || day >= from) && (!to || day <= to);
const NOW = '2026-11-20T10:00:00+08:00';
/** Where the case lists' queue views stand (none of these tests asks for a view). */
const FRAME = {
  now: NOW,
  dueSoonBefore: '2026-11-25T00:00:00+08:00',
  userId: 'u.officer',
  departmentCode: null,
  lapsedBefore: '2026-11-18T00:00:00+08:00',
};

/** Sorted as the store defines: by the value either way, empty values last, ties by id. */
function sortedBy<T extends { id: string }>(
  items: T[],
  value: (item: T) => string | number | null,
  descending = false,
) {
  return [...items].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : byCodePoint(String(x), String(y));
      if (order !== 0) return descending ? -order : order;
    }
    return byCodePoint(a.id, b.id);
  });
}

describe('intake lists', () => {
  it('pages the default order (newest lead first) with the true total, also past the end', async () => {
    const expected = sortedBy(intake, (r) => r.stageDates.lead, true);
    const page = await store.intakeRecords.list({}, { field: 'leadOn', descending: true }, 3, 50);
    expect(page.total).toBe(intake.length);
    expect(ids(page.items)).toEqual(ids(expected.slice(100, 150)));
    expect(page.items[0]).toEqual(expected[100]);
    const past = await store.intakeRecords.list({}, { field: 'leadOn', descending: true }, 10_000, 50);
    expect(past).toEqual({ items: [], total: intake.length, page: 10_000, pageSize: 50 });
  });

  it('filters by lists, lead and landing dates, kind, event and investment', async () => {
    const query = {
      channel: ['ch.event', 'ch.university'],
      stage: ['signed' as const, 'landed' as const],
      from: '2025-01-01',
      to: '2026-06-30',
      landedFrom: '2025-03-01',
      investmentMin: 100,
      investmentMax: 20_000,
      kind: 'project' as const,
    };
    const expected = intake.filter(
      (r) =>
        query.channel.includes(r.channelCode) &&
        query.stage.includes(r.stage as 'signed') &&
        within(r.stageDates.lead, query.from, query.to) &&
        within(r.stageDates.landed, query.landedFrom) &&
        r.investment !== null &&
        r.investment >= query.investmentMin &&
        r.investment <= query.investmentMax &&
        r.kind === 'project',
    );
    expect(expected.length).toBeGreaterThan(5);
    const page = await store.intakeRecords.list(query, { field: 'id', descending: false }, 1, 200);
    expect(page.total).toBe(expected.length);
    expect(ids(page.items)).toEqual(ids(expected).sort(byCodePoint).slice(0, 200));
  });

  it('treats an empty list as no filter, and a null value as matching no list', async () => {
    const all = await store.intakeRecords.list({ channel: [], event: [] }, { field: 'id', descending: false }, 1, 1);
    expect(all.total).toBe(intake.length);
    const someEvent = intake.find((r) => r.eventCode !== null)!.eventCode!;
    const withEvent = await store.intakeRecords.list({ event: [someEvent] }, { field: 'id', descending: false }, 1, 1);
    expect(withEvent.total).toBe(intake.filter((r) => r.eventCode === someEvent).length);
    const hasEvent = await store.intakeRecords.list({ hasEvent: 'true' }, { field: 'id', descending: false }, 1, 1);
    expect(hasEvent.total).toBe(intake.filter((r) => r.eventCode !== null).length);
  });

  it('searches id, name, organisation and officer case-insensitively, wildcards as text', async () => {
    const sample = intake[1234]!;
    for (const q of [
      sample.id.toLowerCase(),
      sample.organization.slice(1, 4),
      sample.officerName,
      '%',
      '_',
      'IR-2025-0001',
    ]) {
      const needle = q.toLowerCase();
      const expected = intake.filter((r) =>
        [r.id, r.name, r.organization, r.officerName].some((field) => field.toLowerCase().includes(needle)),
      );
      const page = await store.intakeRecords.list({ q }, { field: 'id', descending: false }, 1, 200);
      expect(page.total, `q=${q}`).toBe(expected.length);
      expect(ids(page.items)).toEqual(ids(expected).sort(byCodePoint).slice(0, 200));
    }
  });

  it.each([
    ['investment', (r: IntakeRecord) => r.investment, true],
    ['landedOn', (r: IntakeRecord) => r.stageDates.landed, false],
    ['stage', (r: IntakeRecord) => intakeStages.indexOf(r.stage), true],
    ['name', (r: IntakeRecord) => r.name, false],
    ['officer', (r: IntakeRecord) => r.officerName, true],
    ['updatedAt', (r: IntakeRecord) => r.updatedAt, true],
  ] as const)('sorts by %s, empty values last, ties by id', async (field, value, descending) => {
    const expected = sortedBy(intake, value, descending);
    const pages = await Promise.all(
      [1, 2, Math.ceil(intake.length / 200)].map((n) => store.intakeRecords.list({}, { field, descending }, n, 200)),
    );
    expect(ids(pages[0]!.items)).toEqual(ids(expected.slice(0, 200)));
    expect(ids(pages[1]!.items)).toEqual(ids(expected.slice(200, 400)));
    expect(ids(pages[2]!.items)).toEqual(ids(expected.slice((pages[2]!.page - 1) * 200)));
  });

  it('lists the ids a bulk action would touch, in id order, up to a limit', async () => {
    const expected = ids(intake.filter((r) => r.townCode === 'town.hitech')).sort(byCodePoint);
    expect(await store.intakeRecords.ids({ town: ['town.hitech'] }, 25)).toEqual(expected.slice(0, 25));
  });
});

describe('intake figures', () => {
  const span = { from: '2025-01-01', to: '2025-11-20' };

  it('totals leads, signings and landings by their own dates, and the cohort by asOf', async () => {
    const filtered = intake.filter((r) => r.channelCode !== 'ch.market');
    const channels = [...new Set(filtered.map((r) => r.channelCode))];
    const landedIn = filtered.filter((r) => within(r.stageDates.landed, span.from, span.to));
    const expected = {
      records: filtered.filter((r) => within(r.stageDates.lead, span.from, span.to)).length,
      signed: filtered.filter((r) => within(r.stageDates.signed, span.from, span.to)).length,
      landed: landedIn.length,
      investment: Math.round(landedIn.reduce((sum, r) => sum + (r.investment ?? 0), 0) * 100) / 100,
      cohortLanded: filtered.filter(
        (r) =>
          within(r.stageDates.lead, span.from, span.to) &&
          r.stageDates.landed !== null &&
          r.stageDates.landed <= '2025-11-20',
      ).length,
    };
    // The query's own lead-date bounds give way to the span.
    const query = { channel: channels, from: '2026-01-01', to: '2026-01-31' };
    expect(await store.intakeRecords.totals(query, span, '2025-11-20')).toEqual(expected);
  });

  it('breaks down by month: leads by lead month and stage, landings by landing month', async () => {
    const rows = new Map<string, Record<string, number>>();
    const row = (key: string) => {
      if (!rows.has(key)) {
        rows.set(key, {
          lead: 0,
          negotiating: 0,
          signed: 0,
          landed: 0,
          total: 0,
          investment: 0,
          landings: 0,
          landingsInvestment: 0,
        });
      }
      return rows.get(key)!;
    };
    for (const r of intake) {
      if (within(r.stageDates.lead, span.from, span.to)) {
        const cohort = row(r.stageDates.lead.slice(0, 7));
        cohort[r.stage]!++;
        cohort.total!++;
        if (r.stage === 'landed') cohort.investment! += r.investment ?? 0;
      }
      if (within(r.stageDates.landed, span.from, span.to)) {
        const events = row(r.stageDates.landed!.slice(0, 7));
        events.landings!++;
        events.landingsInvestment! += r.investment ?? 0;
      }
    }
    const round = (n: number) => Math.round(n * 100) / 100;
    const expected = [...rows].map(([key, r]) => ({
      key,
      ...r,
      investment: round(r.investment!),
      landingsInvestment: round(r.landingsInvestment!),
    }));
    const actual = await store.intakeRecords.breakdown({}, 'month', span);
    const byKey = (a: { key: string }, b: { key: string }) => byCodePoint(a.key, b.key);
    expect(actual.sort(byKey)).toEqual(expected.sort(byKey));
  });

  it('breaks down by event, leaving out records without one', async () => {
    const actual = await store.intakeRecords.breakdown({ stage: ['landed'] }, 'event', {});
    const landed = intake.filter((r) => r.stage === 'landed' && r.eventCode !== null);
    expect(actual.reduce((sum, row) => sum + row.total, 0)).toBe(landed.length);
    expect(actual.reduce((sum, row) => sum + row.landings, 0)).toBe(landed.length);
    expect(actual.map((row) => row.key).sort()).toEqual([...new Set(landed.map((r) => r.eventCode))].sort());
  });

  it('counts leads and landings per month and channel', async () => {
    const range = { from: '2026-03-01', to: '2026-08-31' };
    const cells = new Map<string, { month: string; channelCode: string; leads: number; landed: number }>();
    const cell = (month: string, channelCode: string) => {
      const key = `${month}|${channelCode}`;
      if (!cells.has(key)) cells.set(key, { month, channelCode, leads: 0, landed: 0 });
      return cells.get(key)!;
    };
    for (const r of intake) {
      if (within(r.stageDates.lead, range.from, range.to)) cell(r.stageDates.lead.slice(0, 7), r.channelCode).leads++;
      if (within(r.stageDates.landed, range.from, range.to))
        cell(r.stageDates.landed!.slice(0, 7), r.channelCode).landed++;
    }
    const key = (row: { month: string; channelCode: string }) => `${row.month}|${row.channelCode}`;
    const actual = await store.intakeRecords.trend({}, range);
    expect([...actual].sort((a, b) => byCodePoint(key(a), key(b)))).toEqual(
      [...cells.values()].sort((a, b) => byCodePoint(key(a), key(b))),
    );
  });

  it('counts records per stage and landings per channel in a year', async () => {
    const query = { from: '2026-01-01', to: '2026-12-31' };
    const counts = await store.intakeRecords.stageCounts(query);
    for (const stage of intakeStages) {
      expect(counts[stage]).toBe(
        intake.filter((r) => r.stage === stage && within(r.stageDates.lead, query.from, query.to)).length,
      );
    }
    const landed = await store.intakeRecords.landedByChannel(2025);
    const expected = new Map<string, number>();
    for (const r of intake) {
      if (r.stageDates.landed?.startsWith('2025-')) expected.set(r.channelCode, (expected.get(r.channelCode) ?? 0) + 1);
    }
    expect(landed).toEqual(expected);
  });
});

describe('service cases', () => {
  const isOpen = (c: ServiceCase) => c.status !== 'closed';
  /** The deadlines set from above: supervision (督办) and escalation (提级), each to 23:59 of its day. */
  const fromAbove = (c: ServiceCase) =>
    [c.supervision?.deadline, c.escalation?.deadline].flatMap((day) => (day ? [isoAt(day, 23, 59)] : []));
  const isOverdue = (c: ServiceCase) =>
    isOpen(c) && ((c.stageDueAt !== null && c.stageDueAt < NOW) || fromAbove(c).some((due) => due < NOW));
  /** Led by the department and waiting on it (to sign, in hand, suspended): its own deadlines. */
  const holds = (department: string, c: ServiceCase) =>
    c.departmentCode === department && ['dispatched', 'inProgress', 'suspended'].includes(c.status);

  it('lists a department its own cases only, its own deadlines overdue and not splitting them exactly', async () => {
    const scope = { departmentCode: 'dept.rsj' };
    // Led by 人社局, or assisted by it (协办).
    const own = cases.filter(
      (c) => c.departmentCode === 'dept.rsj' || c.assists.some((a) => a.departmentCode === 'dept.rsj'),
    );
    const list = (overdue?: 'true' | 'false') =>
      store.serviceCases.list(scope, { page: 1, pageSize: 200, overdue }, { field: 'dueAt', descending: false }, FRAME);
    const [all, overdue, onTime] = await Promise.all([list(), list('true'), list('false')]);
    expect(all.total).toBe(own.length);
    // Its own deadlines only: the cases it leads and holds, not those it assists or the office awaits.
    const late = own.filter((c) => holds('dept.rsj', c) && isOverdue(c));
    expect(own.filter(isOverdue).length).toBeGreaterThan(late.length);
    expect(ids(overdue.items)).toEqual(ids(sortedBy(late, (c) => c.dueAt)));
    expect(onTime.total).toBe(own.length - overdue.total);
  });

  it('filters supervised open cases, searches, and sorts by priority rank', async () => {
    const supervised = await store.serviceCases.list(
      { departmentCode: null },
      { page: 1, pageSize: 200, supervised: 'true' },
      { field: 'priority', descending: true },
      FRAME,
    );
    const rank = { low: 0, normal: 1, high: 2, urgent: 3 };
    const expected = sortedBy(
      cases.filter((c) => fromAbove(c).length > 0 && isOpen(c)),
      (c) => rank[c.priority],
      true,
    );
    expect(ids(supervised.items)).toEqual(ids(expected));

    const sample = cases[100]!;
    const q = sample.requesterName.slice(0, 1);
    const found = await store.serviceCases.list(
      { departmentCode: null },
      { page: 1, pageSize: 20, q, month: sample.monthId },
      { field: 'department', descending: false },
      FRAME,
    );
    const matching = cases.filter(
      (c) =>
        c.monthId === sample.monthId &&
        [c.id, c.title, c.requesterName, c.enterpriseName].some((f) => f?.toLowerCase().includes(q.toLowerCase())),
    );
    expect(found.total).toBe(matching.length);
    expect(ids(found.items)).toEqual(ids(sortedBy(matching, (c) => c.departmentCode).slice(0, 20)));
  });

  it('figures the backlog and resolution overall and per department', async () => {
    const figures = (list: ServiceCase[]) => {
      const closedOnes = list.filter((c) => c.closedAt !== null);
      const followUps = list.filter((c) => c.followUp !== null);
      return {
        total: list.length,
        open: list.filter(isOpen).length,
        overdue: list.filter(isOverdue).length,
        supervised: list.filter((c) => isOpen(c) && c.supervision !== null).length,
        closed: list.filter((c) => !isOpen(c)).length,
        resolutionDays: closedOnes.reduce((sum, c) => sum + elapsedDays(c.receivedAt, c.closedAt!), 0),
        resolved: closedOnes.length,
        followUps: followUps.length,
        satisfiedFollowUps: followUps.filter((c) => c.followUp!.satisfaction !== 'unsatisfied').length,
      };
    };
    const month = 'SM-2025';
    // A merged duplicate is counted once, in the case it was merged into.
    const counted = cases.filter((c) => c.mergedInto === null);
    const inMonth = counted.filter((c) => c.monthId === month);
    const actual = await store.serviceCases.figures({ departmentCode: null }, month, NOW);
    const { resolutionDays, ...counts } = figures(inMonth);
    expect(actual.all).toMatchObject(counts);
    expect(actual.all.resolutionDays).toBeCloseTo(resolutionDays, 6);
    const departments = [...new Set(inMonth.flatMap((c) => (c.departmentCode ? [c.departmentCode] : [])))];
    expect([...actual.byDepartment.keys()].sort()).toEqual(departments.sort());
    const { resolutionDays: rsjDays, ...rsj } = figures(inMonth.filter((c) => c.departmentCode === 'dept.rsj'));
    expect(actual.byDepartment.get('dept.rsj')).toMatchObject(rsj);
    expect(actual.byDepartment.get('dept.rsj')!.resolutionDays).toBeCloseTo(rsjDays, 6);

    // A department's: the cases it leads or assists with, by the department that leads them.
    const scoped = await store.serviceCases.figures({ departmentCode: 'dept.kjj' }, undefined, NOW);
    const kjj = counted.filter(
      (c) => c.departmentCode === 'dept.kjj' || c.assists.some((a) => a.departmentCode === 'dept.kjj'),
    );
    expect(scoped.all.total).toBe(kjj.length);
    // Its overdue ones are its own deadlines: the cases it leads and holds.
    expect(scoped.all.overdue).toBe(kjj.filter((c) => holds('dept.kjj', c) && isOverdue(c)).length);
    expect([...scoped.byDepartment.keys()].sort()).toEqual([...new Set(kjj.map((c) => c.departmentCode!))].sort());
  });
});

describe('policy patches, casework lists, history, views and users', () => {
  it('lists patches by status in workflow order and figures them', async () => {
    const patches = [...data.policyPatches.values()];
    const page = await store.policyPatches.list(
      { page: 1, pageSize: 200, status: ['drafting', 'issued', 'review'] },
      { field: 'status', descending: false },
    );
    const expected = sortedBy(
      patches.filter((p) => ['drafting', 'issued', 'review'].includes(p.status)),
      (p) => patchStatusSchema.options.indexOf(p.status),
    );
    expect(ids(page.items)).toEqual(ids(expected));

    // A branch's policies and an age span, as the rules hand them over.
    const query = {
      policy: ['pol.housing', 'pol.housing.subsidy', 'pol.housing.rental'],
      collected: [{ after: '2025-01-01T00:00:00+08:00', until: null }],
    };
    const facts = await store.policyPatches.facts(query);
    const matching = patches
      .filter((p) => query.policy.includes(p.policyCode) && p.collectedAt > '2025-01-01T00:00:00+08:00')
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(matching.length).toBeGreaterThan(0);
    expect(facts).toEqual(
      matching.map((p) => ({
        id: p.id,
        status: p.status,
        policyCode: p.policyCode,
        collectedAt: p.collectedAt,
        issuedAt: p.issuedAt,
        firstDemandAt: p.demandCaseIds.flatMap((id) => data.serviceCases.get(id)?.receivedAt ?? []).sort()[0] ?? null,
        demandCount: p.demandCaseIds.length,
        effects: p.effects,
      })),
    );
  });

  it('lists service records of a month and department by participants', async () => {
    const records = [...data.serviceRecords.values()].filter(
      (r) => r.monthId === 'SM-2026' && ['dept.rsj', 'dept.kjj'].includes(r.departmentCode),
    );
    const page = await store.serviceRecords.list(
      { page: 1, pageSize: 200, month: 'SM-2026', department: ['dept.rsj', 'dept.kjj'] },
      { field: 'participants', descending: true },
    );
    expect(ids(page.items)).toEqual(ids(sortedBy(records, (r) => r.participants, true)));
    expect((await store.serviceMonths.list()).map((m) => m.year)).toEqual(
      [...data.serviceMonths.values()].map((m) => m.year).sort((a, b) => b - a),
    );
  });

  it('shows a department the history of its own cases only, newest first', async () => {
    // Its cases: those it leads or is asked to assist with.
    const involves = (id: string) => {
      const c = data.serviceCases.get(id);
      return c?.departmentCode === 'dept.zjj' || (c?.assists.some((a) => a.departmentCode === 'dept.zjj') ?? false);
    };
    const visible = (e: AuditEvent) => e.entityType === 'serviceCase' && involves(e.entityId);
    const expected = data.auditEvents
      .filter(visible)
      .sort((a, b) => byCodePoint(b.at, a.at) || byCodePoint(b.id, a.id));
    const page = await store.audit.list(
      {},
      { entityTypes: ['serviceCase', 'intakeRecord'], caseScope: { departmentCode: 'dept.zjj' } },
      2,
      25,
    );
    expect(page.total).toBe(expected.length);
    expect(page.items).toEqual(expected.slice(25, 50));
    const none = await store.audit.list({}, { entityTypes: [], caseScope: { departmentCode: null } }, 1, 25);
    expect(none.total).toBe(0);
  });

  it("lists the reader's own views first, then shared ones, by name", async () => {
    for (const [id, name, shared] of [
      ['SV-21', '乙', false],
      ['SV-22', 'B', true],
      ['SV-23', 'a', false],
    ] as const) {
      await store.savedViews.insert({
        id,
        resource: 'intakeRecords',
        name,
        search: '',
        shared,
        ownerId: 'u.officer',
        ownerName: '李娜',
        createdAt: '2026-11-25T10:00:00+08:00',
      });
    }
    const mine = await store.savedViews.list('intakeRecords', 'u.officer');
    const shared = [...data.savedViews.values()].sort((a, b) => byCodePoint(a.name, b.name));
    expect(ids(mine)).toEqual(['SV-22', 'SV-23', 'SV-21', ...ids(shared)]);
    const theirs = await store.savedViews.list('intakeRecords', 'u.manager');
    // The manager owns the demo's shared views: theirs first, then the officer's shared one.
    expect(ids(theirs)).toEqual([...ids(shared), 'SV-22']);
  });

  it('lists users by department, then user name', async () => {
    const users = [...data.users.values()];
    const expected = [...users].sort(
      (a, b) => byCodePoint(a.departmentCode, b.departmentCode) || byCodePoint(a.username, b.username),
    );
    expect(await store.users.list({})).toEqual(expected);
    expect(await store.users.list({ role: 'officer', departmentCode: 'dept.rcb' })).toEqual(
      expected.filter((u) => u.role === 'officer' && u.departmentCode === 'dept.rcb'),
    );
  });
});
