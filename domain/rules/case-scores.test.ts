import { describe, expect, it } from 'vitest';
import { ruleContext, seeded } from '../../tests/utils/rule-context';
import type { CaseScoreFacts } from '../store';
import {
  caseScores,
  defaultScoringSettings,
  monthInstants,
  saveScoringSettings,
  scoreDepartments,
  scoreFactsOf,
  tallyScoreFacts,
} from './case-scores';
import { sendBackServiceCase } from './service-cases';

const NOVEMBER = monthInstants('2026-11');
/** Tuesday 1 December, 10:00: November is over. */
const AFTER = '2026-12-01T10:00:00+08:00';

const at = (day: string, hour = 10) => `2026-${day}T${String(hour).padStart(2, '0')}:00:00+08:00`;

/** A case of 住建局 signed on time, answered on time, visited satisfied and closed in November. */
function facts(change: Partial<CaseScoreFacts> = {}): CaseScoreFacts {
  return {
    status: 'closed',
    departmentCode: 'dept.zjj',
    dispatches: [
      {
        departmentCode: 'dept.zjj',
        at: at('11-02'),
        signDueAt: at('11-03', 18),
        signedAt: at('11-03'),
        returnedAt: null,
        returnDecision: null,
        replacedAt: null,
      },
    ],
    signedAt: at('11-03'),
    answeredAt: at('11-10'),
    dueAt: at('11-12', 18),
    closedAt: at('11-12'),
    round: 1,
    followUp: { at: at('11-12'), satisfaction: 'satisfied', attributable: false },
    // 3→10 November, as the rules count it when the answer is given.
    handlingWorkingDays: 5,
    ...change,
  };
}

/**
 * A case dispatched to 教育局 (`first`), sent on unsigned to 金融办 at `sentOn`, which signed it at
 * `signedAt` (within its day) and is handling it.
 */
function sentOnToJrb(first: { at: string; signDueAt: string }, sentOn: string, signedAt: string): CaseScoreFacts {
  const dispatch = { signedAt: null, returnedAt: null, returnDecision: null, replacedAt: null };
  return facts({
    status: 'inProgress',
    departmentCode: 'dept.jrb',
    dispatches: [
      { ...dispatch, departmentCode: 'dept.jyj', ...first, replacedAt: sentOn },
      {
        ...dispatch,
        departmentCode: 'dept.jrb',
        at: sentOn,
        signDueAt: `${signedAt.slice(0, 10)}T18:00:00+08:00`,
        signedAt,
      },
    ],
    signedAt,
    answeredAt: null,
    dueAt: at('12-04', 18),
    closedAt: null,
    followUp: null,
    handlingWorkingDays: null,
  });
}

describe('department scores, by their definitions on fixed cases counted by hand', () => {
  // Six cases of 住建局 in November, and one of 人社局:
  const cases: CaseScoreFacts[] = [
    // 1. on time throughout: signed, answered (5 working days: 3→10 Nov), satisfied, closed first time.
    facts(),
    // 2. signed late (a day after its deadline), answered late, 基本满意, closed.
    facts({
      dispatches: [
        {
          departmentCode: 'dept.zjj',
          at: at('11-04'),
          signDueAt: at('11-05', 18),
          signedAt: at('11-06'),
          returnedAt: null,
          returnDecision: null,
          replacedAt: null,
        },
      ],
      signedAt: at('11-06'),
      answeredAt: at('11-20'),
      dueAt: at('11-19', 18),
      closedAt: at('11-23'),
      followUp: { at: at('11-23'), satisfaction: 'basically_satisfied', attributable: false },
      handlingWorkingDays: 10,
    }),
    // 3. returned once (overruled), dispatched again and signed on time; answered in time after a
    //    three-day suspension, then redone after an unsatisfied visit it caused: that answer no
    //    longer stands (unanswered in the facts), and the new round is due in December.
    facts({
      status: 'inProgress',
      dispatches: [
        {
          departmentCode: 'dept.zjj',
          at: at('11-06'),
          signDueAt: at('11-09', 18),
          signedAt: null,
          returnedAt: at('11-06', 15),
          returnDecision: 'uphold',
          replacedAt: null,
        },
        {
          departmentCode: 'dept.zjj',
          at: at('11-09'),
          signDueAt: at('11-10', 18),
          signedAt: at('11-09', 14),
          returnedAt: null,
          returnDecision: null,
          replacedAt: null,
        },
      ],
      signedAt: at('11-09', 14),
      answeredAt: null,
      dueAt: at('12-02', 18),
      closedAt: null,
      round: 2,
      followUp: { at: at('11-25'), satisfaction: 'unsatisfied', attributable: true },
      handlingWorkingDays: 6,
    }),
    // 4. unsatisfied for a reason outside the department: closed, the visit left out of the rate.
    facts({ followUp: { at: at('11-12'), satisfaction: 'unsatisfied', attributable: false } }),
    // 5. still unsigned, its sign-off deadline (27 Nov) passed by the end of the month.
    facts({
      status: 'dispatched',
      dispatches: [
        {
          departmentCode: 'dept.zjj',
          at: at('11-26'),
          signDueAt: at('11-27', 18),
          signedAt: null,
          returnedAt: null,
          returnDecision: null,
          replacedAt: null,
        },
      ],
      signedAt: null,
      answeredAt: null,
      dueAt: at('12-09', 18),
      closedAt: null,
      followUp: null,
      handlingWorkingDays: null,
    }),
    // 6. signed on time, due 27 November and not answered: overdue.
    facts({
      status: 'inProgress',
      dispatches: [
        {
          departmentCode: 'dept.zjj',
          at: at('11-16'),
          signDueAt: at('11-17', 18),
          signedAt: at('11-17'),
          returnedAt: null,
          returnDecision: null,
          replacedAt: null,
        },
      ],
      signedAt: at('11-17'),
      answeredAt: null,
      dueAt: at('11-27', 18),
      closedAt: null,
      followUp: null,
      handlingWorkingDays: null,
    }),
    // 人社局: returned a dispatch that was sent elsewhere; nothing else this month.
    facts({
      status: 'dispatched',
      departmentCode: 'dept.kjj',
      dispatches: [
        {
          departmentCode: 'dept.rsj',
          at: at('11-20'),
          signDueAt: at('11-23', 18),
          signedAt: null,
          returnedAt: at('11-20', 15),
          returnDecision: 'redispatch',
          replacedAt: null,
        },
        {
          departmentCode: 'dept.kjj',
          at: at('11-21'),
          signDueAt: at('11-23', 18),
          signedAt: null,
          returnedAt: null,
          returnDecision: null,
          replacedAt: null,
        },
      ],
      signedAt: null,
      answeredAt: null,
      dueAt: at('12-09', 18),
      closedAt: null,
      followUp: null,
      handlingWorkingDays: null,
    }),
    // 教育局 was sent a case the office sent on to 金融办 before its sign-off deadline: no one's
    // delay; another it left unsigned past its deadline before the office sent it on: late.
    sentOnToJrb({ at: at('11-24'), signDueAt: at('11-25', 18) }, at('11-24', 15), at('11-25')),
    sentOnToJrb({ at: at('11-16'), signDueAt: at('11-17', 18) }, at('11-19'), at('11-20')),
  ];

  const rows = scoreDepartments(tallyScoreFacts(cases, NOVEMBER, AFTER), defaultScoringSettings);
  const zjj = rows.find((r) => r.departmentCode === 'dept.zjj')!;

  it('counts 及时签收率 over the dispatches signed or left late, a return counted apart', () => {
    // Signed on time: cases 1, 3 (second dispatch), 4, 6; late: 2 (signed late) and 5 (unsigned past its deadline).
    expect(zjj.timelySign).toEqual({ count: 4, of: 6, rate: 4 / 6 });
    expect([zjj.returns, zjj.returnsOverruled]).toEqual([1, 1]);
  });

  it('leaves out of 及时签收率 a dispatch the office sent on before its deadline, not one sent on after', () => {
    expect(rows.find((r) => r.departmentCode === 'dept.jyj')!.timelySign).toEqual({ count: 0, of: 1, rate: 0 });
    expect(rows.find((r) => r.departmentCode === 'dept.jrb')!.timelySign).toEqual({ count: 2, of: 2, rate: 1 });
  });

  it('counts 按时办结率 over the month’s answers that stand, against the deadline in force', () => {
    // Answered: 1, 2 (late), 4; case 3's answer was redone.
    expect(zjj.onTime).toEqual({ count: 2, of: 3, rate: 2 / 3 });
  });

  it('counts 回访满意率 over the visits, an unsatisfied one the department did not cause left out', () => {
    // Visits: 1 satisfied, 2 basically satisfied, 3 unsatisfied (caused); 4 left out.
    expect(zjj.satisfaction).toEqual({ count: 2, of: 3, rate: 2 / 3 });
  });

  it('counts 一次办结率 over the cases closed in the month', () => {
    // Closed: 1, 2, 4; all in their first round (3 is redone and open).
    expect(zjj.firstTime).toEqual({ count: 3, of: 3, rate: 1 });
  });

  it('averages the answers’ working days from signing, and counts the overdue', () => {
    // 1: 3→10 Nov = 5; 2: 6→20 Nov = 10; 4: 5. Mean 20 / 3 = 6.7.
    expect(zjj.averageWorkingDays).toBe(6.7);
    // Due in November and not answered by it: 2 (answered a day late) and 6 (3 is due in December).
    expect(zjj.overdue).toBe(2);
  });

  it('weighs the rates into a score and a tier, and lists a department with too little to tier', () => {
    // 15 × 66.67 + 35 × 66.67 + 30 × 66.67 + 20 × 100 = 7333, over 100 weights.
    expect(zjj.score).toBe(73.3);
    expect(zjj.tier).toBe('poor');
    const lenient = { ...defaultScoringSettings, thresholds: { excellent: 95, good: 85, pass: 70 } };
    expect(
      scoreDepartments(tallyScoreFacts(cases, NOVEMBER, AFTER), lenient).find((r) => r.departmentCode === 'dept.zjj'),
    ).toMatchObject({ tier: 'pass' });
    const rsj = rows.find((r) => r.departmentCode === 'dept.rsj')!;
    expect(rsj).toMatchObject({ returns: 1, returnsOverruled: 0, score: null, tier: null });
    // 科技局 was to sign by 23 November and has not: late.
    expect(rows.find((r) => r.departmentCode === 'dept.kjj')!.timelySign).toEqual({ count: 0, of: 1, rate: 0 });
  });
});

describe('the scores over the API’s store', () => {
  it('gives a department its own row only, and a manager’s weights change the score', async () => {
    const all = await caseScores(ruleContext('manager'), '2026-11');
    expect(all.departments.length).toBeGreaterThan(3);
    expect(all.partial).toBe(true);
    const own = await caseScores(ruleContext('liaison'), '2026-11');
    expect(own.departments.map((d) => d.departmentCode)).toEqual(['dept.zjj']);
    expect(own.departments[0]).toEqual(all.departments.find((d) => d.departmentCode === 'dept.zjj'));

    const onlySatisfaction = { timelySign: 0, onTime: 0, satisfaction: 100, firstTime: 0 };
    const saved = await saveScoringSettings(
      ruleContext('manager'),
      { weights: onlySatisfaction, thresholds: { excellent: 90, good: 80, pass: 60 }, minimumCases: 1 },
      0,
    );
    expect(saved).toMatchObject({ version: 1, updatedByName: '王芳' });
    const reweighed = await caseScores(ruleContext('manager'), '2026-11');
    for (const row of reweighed.departments) {
      const rate = row.satisfaction.rate;
      expect(row.score).toBe(rate === null ? null : Math.round(rate * 1000) / 10);
    }
    await expect(
      saveScoringSettings(
        ruleContext('officer'),
        { weights: onlySatisfaction, thresholds: { excellent: 90, good: 80, pass: 60 }, minimumCases: 1 },
        1,
      ),
    ).rejects.toMatchObject({ problem: { status: 403 } });
    // A manager of another department sets nothing the talent office scores every department by.
    const departmentManager = ruleContext('liaison');
    await expect(
      saveScoringSettings(
        { ...departmentManager, user: { ...departmentManager.user, role: 'manager' } },
        { weights: onlySatisfaction, thresholds: { excellent: 90, good: 80, pass: 60 }, minimumCases: 1 },
        1,
      ),
    ).rejects.toMatchObject({ problem: { status: 403 } });
  });

  it('counts an answer sent back as none until the department answers again', async () => {
    const answered = [...seeded().serviceCases.values()].find((c) => c.status === 'answered')!;
    expect(scoreFactsOf(answered).answeredAt).toBe(answered.answeredAt);
    const sentBack = await sendBackServiceCase(
      ruleContext('officer'),
      answered.id,
      { reason: '答复未回应诉求要点' },
      answered.version,
    );
    expect(sentBack.answeredAt).toBe(answered.answeredAt);
    expect(scoreFactsOf(sentBack).answeredAt).toBeNull();
  });
});
