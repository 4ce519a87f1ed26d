import { describe, expect, it } from 'vitest';
import { ruleContext } from '../../tests/utils/rule-context';
import { ProblemError } from './problem';
import { createSavedView, deleteSavedView, listSavedViews } from './saved-views';

describe('saved views', () => {
  it('shows a user their own views and the team’s shared ones, not others’ private ones', async () => {
    await createSavedView(ruleContext('officer'), {
      resource: 'intakeRecords',
      name: '我的线索',
      search: 'stage=lead',
      shared: false,
    });
    await createSavedView(ruleContext('manager'), {
      resource: 'intakeRecords',
      name: '科长私人',
      search: '',
      shared: false,
    });
    const names = (await listSavedViews(ruleContext('officer'), 'intakeRecords')).map((v) => v.name);
    expect(names[0]).toBe('我的线索');
    expect(names).toContain('本年已落户');
    expect(names).not.toContain('科长私人');
  });

  it('refuses a second view of the same name, and deletion by anyone but the owner', async () => {
    const ctx = ruleContext('officer');
    await createSavedView(ctx, { resource: 'intakeRecords', name: '重名', search: '', shared: true });
    await expect(
      createSavedView(ctx, { resource: 'intakeRecords', name: '重名', search: '', shared: false }),
    ).rejects.toThrow(ProblemError);
    const shared = (await listSavedViews(ctx, 'intakeRecords')).find((v) => v.name === '本年已落户')!;
    await expect(deleteSavedView(ctx, shared.id)).rejects.toThrow(/owner/);
    await deleteSavedView(ruleContext('manager'), shared.id);
    expect((await listSavedViews(ctx, 'intakeRecords')).map((v) => v.name)).not.toContain('本年已落户');
  });
});
