import { describe, expect, it } from 'vitest';
import { en } from './en';
import { selectForm, translate } from './i18n';
import { zhCN } from './zh-cn';
import { zhCNAreas } from './zh-cn-areas';

describe('plural forms', () => {
  const message = { one: '{count} record', other: '{count} records' };

  it('chooses the English form by Intl.PluralRules on count', () => {
    expect(selectForm('en', message, { count: 1 })).toBe('{count} record');
    expect(selectForm('en', message, { count: 0 })).toBe('{count} records');
    expect(selectForm('en', message, { count: 2 })).toBe('{count} records');
  });

  it('reads a number passed already formatted, and a value named by `by`', () => {
    expect(selectForm('en', { by: 'total', one: 'one', other: 'many' }, { total: '1' })).toBe('one');
    expect(selectForm('en', { by: 'total', one: 'one', other: 'many' }, { total: '1,234' })).toBe('many');
  });

  it('falls back to `other` without a number, or when a category has no form', () => {
    expect(selectForm('en', message)).toBe('{count} records');
    expect(selectForm('zh-CN', message, { count: 1 })).toBe('{count} records');
  });

  it('translates catalogue keys with a count in both languages', () => {
    expect(translate('en', 'table.rowsShown', { count: 1 })).toBe('1 row on this page');
    expect(translate('en', 'table.rowsShown', { count: 25 })).toBe('25 rows on this page');
    expect(translate('en', 'table.total', { total: '1' })).toBe('1 record in all');
    expect(translate('en', 'table.total', { total: '6,200' })).toBe('6,200 records in all');
    expect(translate('zh-CN', 'table.total', { total: '1' })).toBe('共 1 条');
  });

  it('has every plural message with an `other` form and the same placeholders in each form', () => {
    for (const [key, message] of Object.entries(en)) {
      if (typeof message === 'string') continue;
      const { by: _by, ...forms } = message;
      expect(forms.other, key).toBeTruthy();
      const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const source = names({ ...zhCN, ...zhCNAreas }[key as keyof typeof zhCN & keyof typeof zhCNAreas]);
      for (const form of Object.values(forms)) expect(names(form), key).toEqual(source);
    }
  });
});
