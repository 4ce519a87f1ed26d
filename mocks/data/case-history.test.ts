import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../src/api/schemas/audit';
import { caseActionRefusal } from '../../src/api/schemas/case-workflow';
import { caseStatusSchema, type CaseAction, type ServiceCase } from '../../src/api/schemas/service-cases';
import { auditEventOf } from '../../domain/rules/audit';
import type { RuleContext } from '../../domain/rules/context';
import { TEST_ANCHOR, TEST_NOW } from '../node';
import { generateDatabase } from './generate';
import { restoreSnapshot, takeSnapshot, trackChanges } from './persistence';

const db = generateDatabase({ anchor: TEST_ANCHOR });
const historyOf = new Map<string, AuditEvent[]>();
for (const event of db.auditEvents) {
  if (event.entityType !== 'serviceCase') continue;
  historyOf.set(event.entityId, [...(historyOf.get(event.entityId) ?? []), event]);
}

/** The case as the history leaves it: every recorded change applied in turn. */
function replay(events: AuditEvent[]) {
  const states: Record<string, unknown>[] = [];
  let state: Record<string, unknown> = {};
  for (const event of events) {
    for (const change of event.changes) expect(state[change.field] ?? null).toEqual(change.from);
    state = { ...state, ...Object.fromEntries(event.changes.map((c) => [c.field, c.to])) };
    states.push(state);
  }
  return states;
}

const withoutStamps = ({ version: _version, updatedAt: _updatedAt, ...rest }: ServiceCase) => rest;

describe('the generated case histories', () => {
  it('are numbered in time order, none later than now, each by a demo user', () => {
    db.auditEvents.forEach((event, i) => {
      expect(event.id).toBe(`AE-${String(i + 1).padStart(6, '0')}`);
      if (i > 0) expect(event.at >= db.auditEvents[i - 1]!.at).toBe(true);
      expect(new Date(event.at).getTime()).toBeLessThanOrEqual(TEST_NOW.getTime());
      expect(db.users.get(event.actorId)?.displayName).toBe(event.actorName);
    });
  });

  it('lead each case from its registration to its fields, its version counting the changes', () => {
    expect(historyOf.size).toBe(db.serviceCases.size);
    for (const serviceCase of db.serviceCases.values()) {
      const events = historyOf.get(serviceCase.id)!;
      expect(events[0]).toMatchObject({ action: 'create', at: serviceCase.receivedAt });
      expect(replay(events).at(-1)).toEqual(withoutStamps(serviceCase));
      expect(serviceCase.version).toBe(events.length);
      expect(serviceCase.updatedAt).toBe(events.at(-1)!.at);
    }
  });

  it('take only the steps the workflow allows, by whom it allows them', () => {
    for (const serviceCase of db.serviceCases.values()) {
      const events = historyOf.get(serviceCase.id)!;
      const states = replay(events) as unknown as ServiceCase[];
      events.forEach((event, i) => {
        const actor = db.users.get(event.actorId)!;
        if (event.action === 'create') {
          expect(i).toBe(0);
          expect(actor.departmentCode).toBe('dept.rcb');
        } else if (event.action !== 'link') {
          expect(caseActionRefusal(actor, states[i - 1]!, event.action as CaseAction)).toBeNull();
        }
        if (event.action === 'answer') expect(actor.departmentCode).toBe(serviceCase.departmentCode);
      });
    }
  });

  it('record each change as the rules do', () => {
    for (const serviceCase of [...db.serviceCases.values()].filter((_, i) => i % 10 === 0)) {
      const events = historyOf.get(serviceCase.id)!;
      let before: ServiceCase | null = null;
      for (const [i, state] of replay(events).entries()) {
        const event = events[i]!;
        const after = { ...state, version: i + 1, updatedAt: event.at } as ServiceCase;
        const ctx = { user: db.users.get(event.actorId)!, now: () => new Date(event.at) } as unknown as RuleContext;
        expect(auditEventOf(ctx, 'serviceCase', serviceCase.id, event.action, before, after)).toEqual({
          ...event,
          id: undefined,
        });
        before = after;
      }
    }
  });

  it('walk each case as far as its fields say, and leave some in every state', () => {
    const count = (action: string) => db.auditEvents.filter((e) => e.action === action).length;
    const cases = [...db.serviceCases.values()];
    const sum = (of: (c: ServiceCase) => number) => cases.reduce((total, c) => total + of(c), 0);
    const dispatches = cases.flatMap((c) => c.dispatches);
    expect(count('create')).toBe(cases.length);
    expect(count('dispatch') + count('reviewReturn')).toBe(dispatches.length);
    expect(count('sign')).toBe(dispatches.filter((d) => d.signedAt).length);
    expect(count('return')).toBe(dispatches.filter((d) => d.returned).length);
    expect(count('reviewReturn')).toBe(dispatches.filter((d) => d.returned?.decision).length);
    expect(count('requestExtension')).toBe(sum((c) => c.extensions.length));
    expect(count('decideExtension')).toBe(sum((c) => c.extensions.filter((e) => e.decision).length));
    expect(count('suspend')).toBe(sum((c) => c.suspensions.length));
    expect(count('resume')).toBe(sum((c) => c.suspensions.filter((p) => p.resumedAt).length));
    expect(count('remind') + count('supervise')).toBe(sum((c) => c.notices.length));
    expect(count('supervise')).toBe(cases.filter((c) => c.supervision).length);
    expect(count('link')).toBe(cases.filter((c) => c.linkedPatchId).length);
    expect(count('requestAssist')).toBe(sum((c) => c.assists.length));
    expect(count('reportAssist')).toBe(sum((c) => c.assists.filter((a) => a.report).length));
    expect(count('merge')).toBe(cases.filter((c) => c.mergedInto).length);
    expect(count('classify')).toBe(cases.filter((c) => c.commonality).length);
    // A merged case repeats one of its month that is not itself merged, and goes no further.
    for (const merged of cases.filter((c) => c.mergedInto)) {
      const into = db.serviceCases.get(merged.mergedInto!)!;
      expect(into.mergedInto).toBeNull();
      expect([into.monthId, into.requesterName, into.title]).toEqual([
        merged.monthId,
        merged.requesterName,
        merged.title,
      ]);
      expect(merged).toMatchObject({ status: 'closed', dispatches: [] });
    }
    // Every kind of coordination is there to see: assists awaited and reported, merges, both tags,
    // written notices after a 5-working-day lapse.
    expect(cases.filter((c) => c.assists.some((a) => a.report === null)).length).toBeGreaterThan(0);
    expect(cases.filter((c) => c.mergedInto).length).toBeGreaterThan(0);
    expect(cases.filter((c) => c.commonality === 'common' && !c.linkedPatchId).length).toBeGreaterThan(0);
    expect(cases.filter((c) => c.notices.some((n) => n.kind === 'lapseNotice')).length).toBeGreaterThan(0);
    // Each visit closes the case or, unsatisfied for the department's reason, starts another round;
    // a merged duplicate closes without one.
    expect(count('followUp')).toBe(sum((c) => c.round - 1 + (c.status === 'closed' && !c.mergedInto ? 1 : 0)));
    // Each answer is accepted, sent back, or still awaiting review.
    expect(count('answer')).toBe(
      count('accept') + count('sendBack') + cases.filter((c) => c.status === 'answered').length,
    );
    for (const status of caseStatusSchema.options) {
      expect(cases.filter((c) => c.status === status).length, status).toBeGreaterThan(0);
    }
    expect(cases.filter((c) => c.round > 1).length).toBeGreaterThan(0);
    expect(cases.filter((c) => c.extensions.some((e) => e.decision === null)).length).toBeGreaterThan(0);
    // Deadlines that run over a holiday: signed before National Day, due after it.
    const overNationalDay = cases.filter((c) => c.signedAt && c.signedAt < '2025-10-01' && c.dueAt > '2025-10-09');
    expect(overNationalDay.length).toBeGreaterThan(10);
  });
});

describe('changes stored in the browser', () => {
  it('are dropped when another generator made the data they were made on, the sign-ins kept', () => {
    const changed = trackChanges(generateDatabase({ anchor: '2026-03-01' }));
    const target = [...changed.serviceCases.values()][5]!;
    changed.serviceCases.set(target.id, { ...target, countermeasure: '已改', version: target.version + 1 });
    const session = {
      tokenHash: 'h',
      userId: 'u.officer',
      createdAt: '2026-03-01T09:00:00+08:00',
      expiresAt: '2026-03-01T21:00:00+08:00',
      lastSeenAt: '2026-03-01T09:00:00+08:00',
    };
    changed.sessions.set('h', session);
    const { generator: _generator, ...older } = takeSnapshot(changed);
    const restored = restoreSnapshot(JSON.parse(JSON.stringify(older)) as typeof older);
    expect(restored.serviceCases.get(target.id)).toEqual(target);
    expect(restored.auditEvents).toHaveLength(changed.auditEvents.length);
    expect(restored.sessions.get('h')).toEqual(session);
  });
});
