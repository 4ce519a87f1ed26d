import { describe, expect, it } from 'vitest';
import { hasVisibleText, writtenTextSchema } from './common';

describe('text a person must write', () => {
  it('has something to read, in any script', () => {
    for (const text of ['等待申请人补充材料', 'OK', '1', '?', '한국', 'é', '✓']) {
      expect(hasVisibleText(text), text).toBe(true);
    }
  });

  it('is not white space, format characters, lone combining marks or letters drawn blank', () => {
    const blanks = {
      'ideographic space': '\u3000\u3000',
      'zero-width space and direction marks': ' \u200b\u200e\u200f ',
      'byte-order mark and soft hyphen': '\ufeff\u00ad',
      'combining marks alone': '\u0301\u0300',
      'Hangul fillers': '\u3164\u115f\u1160\uffa0',
      'braille blank': '\u2800\u2800',
    };
    for (const [name, text] of Object.entries(blanks)) {
      expect(hasVisibleText(text), name).toBe(false);
      expect(writtenTextSchema(500).safeParse(text).success, name).toBe(false);
    }
  });

  it('is trimmed and bounded', () => {
    expect(writtenTextSchema(5).parse('  回访  ')).toBe('回访');
    expect(writtenTextSchema(5).safeParse('一二三四五六').success).toBe(false);
  });
});
