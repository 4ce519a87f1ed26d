import { describe, expect, it } from 'vitest';
import { ruleContext } from '../../tests/utils/rule-context';
import { ProblemError } from './problem';
import { createSavedView, deleteSavedView, listSavedViews } from './saved-views';

describe('saved views', () => {
  it('shows a user their own views and the team’s shared ones, not others’ private ones', () => {
    createSavedView(ruleContext('officer'), {
      resource: 'intakeRecords',
      name: '我的线索',
      search: 'stage=lead',
      shared: false,
    });
    createSavedView(ruleContext('manager'), { resource: 'intakeRecords', name: '科长私人', search: '', shared: false });
    const names = listSavedViews(ruleContext('officer'), 'intakeRecords').map((v) => v.name);
    expect(names[0]).toBe('我的线索');
    expect(names).toContain('本年已落户');
    expect(names).not.toContain('科长私人');
  });

  it('refuses a second view of the same name, and deletion by anyone but the owner', () => {
    const ctx = ruleContext('officer');
    createSavedView(ctx, { resource: 'intakeRecords', name: '重名', search: '', shared: true });
    expect(() => createSavedView(ctx, { resource: 'intakeRecords', name: '重名', search: '', shared: false })).toThrow(
      ProblemError,
    );
    const shared = listSavedViews(ctx, 'intakeRecords').find((v) => v.name === '本年已落户')!;
    expect(() => deleteSavedView(ctx, shared.id)).toThrow(/owner/);
    deleteSavedView(ruleContext('manager'), shared.id);
    expect(listSavedViews(ctx, 'intakeRecords').map((v) => v.name)).not.toContain('本年已落户');
  });
});
