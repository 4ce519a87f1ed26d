import { describe, expect, it } from 'vitest';
import { problemOf } from '../../tests/utils/problem';
import { ruleContext } from '../../tests/utils/rule-context';
import { getKnowledgeBase, saveKnowledgeBase } from './knowledge';

describe('the knowledge base of standard answers', () => {
  it('is read by everyone, edited whole by a manager, new answers numbered after the last', async () => {
    const seeded = await getKnowledgeBase(ruleContext('viewer'));
    expect(seeded.answers.length).toBeGreaterThan(5);
    const manager = ruleContext('manager');
    const kept = seeded.answers.slice(1);
    const saved = await saveKnowledgeBase(
      manager,
      {
        answers: [
          ...kept,
          {
            title: '人才公寓续租',
            categoryCode: 'cat.housing',
            policyCode: 'pol.housing.rental',
            answer: '租期届满前三个月申请续租',
          },
        ],
      },
      seeded.version,
    );
    const last = Math.max(...seeded.answers.map((a) => Number(a.id.slice(3))));
    expect(saved.answers.at(-1)).toMatchObject({
      id: `KB-${String(last + 1).padStart(3, '0')}`,
      title: '人才公寓续租',
    });
    expect(saved.answers).toHaveLength(seeded.answers.length);
    expect(saved).toMatchObject({ version: seeded.version + 1, updatedByName: '王芳' });
    expect(await getKnowledgeBase(ruleContext('liaison'))).toEqual(saved);
  });

  it('refuses an officer, another department’s manager, a stale version, an unknown code, an id it never gave or gave twice', async () => {
    const current = await getKnowledgeBase(ruleContext('manager'));
    const answers = current.answers;
    expect(
      (await problemOf(() => saveKnowledgeBase(ruleContext('officer'), { answers }, current.version))).status,
    ).toBe(403);
    expect(
      await problemOf(() => saveKnowledgeBase(ruleContext('manager'), { answers }, current.version - 1)),
    ).toMatchObject({
      status: 409,
    });
    const unknownPolicy = await problemOf(() =>
      saveKnowledgeBase(
        ruleContext('manager'),
        { answers: [{ title: '测试', categoryCode: null, policyCode: 'pol.nowhere', answer: '测试' }] },
        current.version,
      ),
    );
    expect(unknownPolicy).toMatchObject({
      status: 422,
      errors: [{ field: 'answers.0.policyCode', code: 'unknown_code' }],
    });
    const forged = await problemOf(() =>
      saveKnowledgeBase(
        ruleContext('manager'),
        { answers: [{ id: 'KB-999', title: '测试', categoryCode: null, policyCode: null, answer: '测试' }] },
        current.version,
      ),
    );
    expect(forged).toMatchObject({ status: 422, errors: [{ field: 'answers.0.id' }] });
    const twice = await problemOf(() =>
      saveKnowledgeBase(ruleContext('manager'), { answers: [...answers, answers[0]!] }, current.version),
    );
    expect(twice).toMatchObject({
      status: 422,
      errors: [{ field: `answers.${answers.length}.id`, code: 'duplicate_id' }],
    });
    // A manager of another department keeps no standard answers for the talent office.
    const departmentManager = ruleContext('liaison');
    const elsewhere = await problemOf(() =>
      saveKnowledgeBase(
        { ...departmentManager, user: { ...departmentManager.user, role: 'manager' } },
        { answers },
        current.version,
      ),
    );
    expect(elsewhere.status).toBe(403);
    expect(await getKnowledgeBase(ruleContext('manager'))).toEqual(current);
  });
});
