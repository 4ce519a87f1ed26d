import type { z } from 'zod';
import type { Translate } from './i18n/i18n';

/**
 * A schema issue in the user's language, naming the limit that was broken. The schema is the
 * contract's own, the one the server checks with.
 */
export function issueMessage(issue: z.core.$ZodIssue, t: Translate): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? t('form.required') : t('form.tooShort', { min: Number(issue.minimum) });
      }
      if (issue.origin === 'array') return t('form.chooseAtLeast', { min: Number(issue.minimum) });
      return t('form.atLeast', { min: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t('form.tooLong', { max: Number(issue.maximum) });
      if (issue.origin === 'array') return t('form.chooseAtMost', { max: Number(issue.maximum) });
      return t('form.atMost', { max: Number(issue.maximum).toLocaleString() });
    case 'invalid_format':
      return issue.message === 'phone' ? t('form.phone') : t('form.invalidFormat');
    case 'invalid_type':
      return issue.expected === 'number' && issue.input !== undefined && issue.input !== ''
        ? t('form.number')
        : t('form.required');
    case 'invalid_value':
      return t('form.required');
    // A check written in the UI (a date within a range, say) brings its own catalogue message.
    case 'custom':
      return issue.message;
    default:
      return t('form.fixErrors');
  }
}
