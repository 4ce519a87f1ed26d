import { describe, expect, it } from 'vitest';
import { workingCalendar } from '../../lib/working-days';
import { caseWarning, dueSoonBefore, oversightDueAt } from './case-workflow';

/** 1–7 October 2026 off, Saturday 10 October worked (调休). */
const calendar = workingCalendar([
  {
    year: 2026,
    off: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
    work: ['2026-10-10'],
  },
]);
const open = { status: 'inProgress' as const, supervision: null, escalation: null };

describe('the warnings', () => {
  it('turn yellow before the end of the next working day, red once a deadline has passed', () => {
    const now = '2026-11-25T10:00:00+08:00'; // Wednesday
    expect(dueSoonBefore(now, calendar)).toBe('2026-11-27T00:00:00+08:00');
    const due = (stageDueAt: string) => caseWarning({ ...open, stageDueAt }, now, calendar);
    expect(due('2026-11-25T09:59:00+08:00')).toBe('overdue');
    expect(due('2026-11-26T18:00:00+08:00')).toBe('dueSoon');
    expect(due('2026-11-27T18:00:00+08:00')).toBeNull();
  });

  it('reach over weekends and holidays to the next working day', () => {
    // Friday: the next working day is Monday. The eve of National Day: 8 October.
    expect(dueSoonBefore('2026-11-27T17:00:00+08:00', calendar)).toBe('2026-12-01T00:00:00+08:00');
    expect(dueSoonBefore('2026-09-30T09:00:00+08:00', calendar)).toBe('2026-10-09T00:00:00+08:00');
  });

  it('count a supervision or escalation deadline, to 23:59 of its day, and nothing on a closed or suspended case', () => {
    const now = '2026-11-26T00:30:00+08:00';
    const supervised = {
      ...open,
      stageDueAt: null,
      supervision: { deadline: '2026-11-25', note: '', byName: '', at: now },
    };
    expect(oversightDueAt(supervised)).toBe('2026-11-25T23:59:00+08:00');
    expect(caseWarning(supervised, now, calendar)).toBe('overdue');
    const escalation = { level: 'taskForce' as const, reason: '', deadline: '2026-11-30', byName: '', at: now };
    expect(oversightDueAt({ supervision: supervised.supervision, escalation })).toBe('2026-11-25T23:59:00+08:00');
    expect(caseWarning({ ...supervised, status: 'closed' }, now, calendar)).toBeNull();
    expect(caseWarning({ ...open, status: 'suspended', stageDueAt: null }, now, calendar)).toBeNull();
  });
});
