import { describe, expect, it } from 'vitest';
import {
  caseQueueViewSchema,
  type CaseQueueView,
  type ServiceCase,
  type ServiceCaseListQuery,
} from '../../src/api/schemas/service-cases';
import { TALENT_OFFICE_DEPARTMENT } from '../../src/api/permissions';
import type { User } from '../../src/api/schemas/auth';
import { ruleContext, seeded } from '../../tests/utils/rule-context';
import { caseQueueCounts, caseQueueFrame } from './case-queue';
import { isoAt } from './dates';
import { dispatchServiceCase, listServiceCases } from './service-cases';

/** The shared tests' clock: Wednesday 25 November 2026, 10:00 in China. */
const NOW = '2026-11-25T10:00:00+08:00';
/** One working day after Wednesday: to the end of Thursday 26 November. */
const DUE_SOON_BEFORE = '2026-11-27T00:00:00+08:00';
/**
 * Lapsed by 5 working days (a 催办通知书 due): due by Wednesday 18 November, with the 19th, 20th,
 * 23rd, 24th and 25th since.
 */
const LAPSED_BEFORE = '2026-11-19T00:00:00+08:00';

const at = (instant: string) => Date.parse(instant);
const isOpen = (c: ServiceCase) => c.status !== 'closed';
/** Deadlines set from above: supervision (督办) and escalation (提级), each to 23:59 of its day. */
const fromAbove = (c: ServiceCase) =>
  [c.supervision?.deadline, c.escalation?.deadline].flatMap((day) => (day ? [isoAt(day, 23, 59)] : []));
/** Overdue at `instant`, written out again here as the oracle the stores are checked against. */
function overdueAt(c: ServiceCase, instant: string) {
  const stageLate = c.stageDueAt !== null && at(c.stageDueAt) < at(instant);
  const fromAboveLate = fromAbove(c).some((due) => at(due) < at(instant));
  return isOpen(c) && (stageLate || fromAboveLate);
}
type Caller = Pick<User, 'id' | 'departmentCode'>;
const isOffice = (user: Caller) => user.departmentCode === TALENT_OFFICE_DEPARTMENT;
/** The cases a user sees: all for the talent office, a department's own and those it assists with. */
const sees = (user: Caller, c: ServiceCase) =>
  isOffice(user) ||
  c.departmentCode === user.departmentCode ||
  c.assists.some((a) => a.departmentCode === user.departmentCode);
/** Waiting on its department: to sign, in hand, suspended. */
const held = (c: ServiceCase) => ['dispatched', 'inProgress', 'suspended'].includes(c.status);
/** A department is shown as overdue only what it leads and holds; the talent office everything. */
const owns = (user: Caller, c: ServiceCase) => isOffice(user) || (c.departmentCode === user.departmentCode && held(c));
const oracle: Record<CaseQueueView, (c: ServiceCase, user: Caller) => boolean> = {
  new: (c) => c.status === 'new',
  dispatched: (c) => c.status === 'dispatched',
  returned: (c) => c.status === 'returned',
  mine: (c, user) => held(c) && c.assigneeId === user.id,
  extension: (c) => c.extensions.some((e) => e.decision === null),
  answered: (c) => c.status === 'answered',
  dueSoon: (c, user) => owns(user, c) && !overdueAt(c, NOW) && overdueAt(c, DUE_SOON_BEFORE),
  overdue: (c, user) => owns(user, c) && overdueAt(c, NOW),
  supervised: (c) => isOpen(c) && fromAbove(c).length > 0,
  followUp: (c) => c.status === 'visiting',
  assisting: (c, user) =>
    c.assists.some((a) => a.report === null && (isOffice(user) || a.departmentCode === user.departmentCode)),
  lapsed: (c) =>
    ['dispatched', 'inProgress'].includes(c.status) &&
    c.stageDueAt !== null &&
    at(c.stageDueAt) < at(LAPSED_BEFORE) &&
    !c.notices.some((n) => n.kind === 'lapseNotice' && n.lapsedDueAt === c.stageDueAt),
  pool: (c) => c.commonality === 'common' && c.linkedPatchId === null,
  all: () => true,
};

const users = ['viewer', 'officer', 'manager', 'admin', 'liaison'];

/** Dispatches two new cases to the liaison and one to the officer (直办), so "mine" is not empty for them. */
async function assignSomeCases() {
  const officer = ruleContext('officer');
  const fresh = [...seeded().serviceCases.values()].filter((c) => c.status === 'new').slice(0, 3);
  const [a, b, c] = fresh as [ServiceCase, ServiceCase, ServiceCase];
  await dispatchServiceCase(officer, a.id, { departmentCode: 'dept.zjj', assigneeId: 'u.liaison' }, a.version);
  await dispatchServiceCase(officer, b.id, { departmentCode: 'dept.zjj', assigneeId: 'u.liaison' }, b.version);
  await dispatchServiceCase(officer, c.id, { departmentCode: 'dept.rcb', assigneeId: 'u.officer' }, c.version);
}

/** Every case as the store holds it now. */
async function allCases(): Promise<ServiceCase[]> {
  const ctx = ruleContext('admin');
  const everything = { page: 1, pageSize: 1_000_000 };
  const sort = { field: 'id', descending: false } as const;
  return (await ctx.store.serviceCases.list({ departmentCode: null }, everything, sort, await caseQueueFrame(ctx)))
    .items;
}

describe('the queue views', () => {
  it('reach "due soon" to the end of the next working day, across weekends and holidays', async () => {
    const frameAt = (instant: string) => caseQueueFrame({ ...ruleContext('officer'), now: () => new Date(instant) });
    expect(await frameAt(NOW)).toEqual({
      now: NOW,
      dueSoonBefore: DUE_SOON_BEFORE,
      lapsedBefore: LAPSED_BEFORE,
      userId: 'u.officer',
      departmentCode: null,
    });
    // Friday: to the end of Monday.
    expect((await frameAt('2026-11-27T17:00:00+08:00')).dueSoonBefore).toBe('2026-12-01T00:00:00+08:00');
    // The eve of National Day: 1–7 October are off, 8 October is the next working day.
    expect((await frameAt('2026-09-30T09:00:00+08:00')).dueSoonBefore).toBe('2026-10-09T00:00:00+08:00');
    // Late on a Saturday in UTC is already Sunday in China.
    expect((await frameAt('2026-11-28T17:00:00Z')).dueSoonBefore).toBe('2026-12-01T00:00:00+08:00');
  });

  it.each(users)('count for the %s what the list with each view totals, and what the cases hold', async (username) => {
    await assignSomeCases();
    const ctx = ruleContext(username);
    const cases = await allCases();
    const scoped = cases.filter((c) => sees(ctx.user, c));
    for (const month of [undefined, 'SM-2026']) {
      const { counts, at: countedAt } = await caseQueueCounts(ctx, month);
      expect(countedAt).toBe(NOW);
      const inMonth = scoped.filter((c) => !month || c.monthId === month);
      const expected = Object.fromEntries(
        caseQueueViewSchema.options.map((view) => [view, inMonth.filter((c) => oracle[view](c, ctx.user)).length]),
      );
      expect(counts, `month ${month}`).toEqual(expected);
      for (const view of caseQueueViewSchema.options) {
        const page = await listServiceCases(ctx, { page: 1, pageSize: 200, month, view, sort: 'id' });
        expect(page.total, `${view} in month ${month}`).toBe(counts[view]);
        const firstIds = inMonth
          .filter((c) => oracle[view](c, ctx.user))
          .map((c) => c.id)
          .sort()
          .slice(0, 200);
        expect(page.items.map((c) => c.id)).toEqual(firstIds);
      }
    }
    const views = await caseQueueCounts(ctx, undefined);
    expect(views.counts.mine).toBe(scoped.filter((c) => oracle.mine(c, ctx.user)).length);
    if (username === 'liaison' || username === 'officer') expect(views.counts.mine).toBeGreaterThan(0);
    expect(views.counts.all).toBe(scoped.length);
    if (username === 'liaison') expect(views.counts.new).toBe(0);
    expect(views.counts.dueSoon).toBeGreaterThan(0);
  });

  it('combine with every other filter and the data scope', async () => {
    const ctx = ruleContext('liaison');
    const cases = (await allCases()).filter((c) => sees(ctx.user, c));
    const filters: [Partial<ServiceCaseListQuery>, (c: ServiceCase) => boolean][] = [
      [{ priority: ['high', 'urgent'] }, (c) => c.priority === 'high' || c.priority === 'urgent'],
      [{ status: ['inProgress'] }, (c) => c.status === 'inProgress'],
      [{ overdue: 'false' }, (c) => !oracle.overdue(c, ctx.user)],
      [{ supervised: 'true' }, (c) => oracle.supervised(c, ctx.user)],
      [
        { month: 'SM-2025', category: ['cat.housing'] },
        (c) => c.monthId === 'SM-2025' && c.categoryCode === 'cat.housing',
      ],
    ];
    for (const [filter, matches] of filters) {
      for (const view of caseQueueViewSchema.options) {
        const page = await listServiceCases(ctx, { ...filter, page: 1, pageSize: 20, view });
        const expected = cases.filter((c) => matches(c) && oracle[view](c, ctx.user)).length;
        expect(page.total, `${view} ${JSON.stringify(filter)}`).toBe(expected);
      }
    }
  });
});
