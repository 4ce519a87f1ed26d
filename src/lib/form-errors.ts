import type { z } from 'zod';
import { isApiError } from '../api/api-error';
import type { Translate } from './i18n/i18n';

export type FieldErrors = Record<string, string>;

/** A schema issue in the user's language; the schema is the same one the server checks with. */
function issueMessage(issue: z.core.$ZodIssue, t: Translate): string {
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string' ? t('form.required') : t('form.nonNegative');
    case 'too_big':
      return issue.origin === 'string' ? t('form.tooLong', { max: Number(issue.maximum) }) : t('form.fixErrors');
    case 'invalid_format':
      return issue.message === 'phone' ? t('form.phone') : t('form.fixErrors');
    case 'invalid_type':
    case 'invalid_value':
      return t('form.required');
    default:
      return t('form.fixErrors');
  }
}

export function schemaFieldErrors(error: z.ZodError, t: Translate): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    errors[field] ??= issueMessage(issue, t);
  }
  return errors;
}

/** Field errors of a 400/422 answer, keyed by field; the server's words are kept. */
export function serverFieldErrors(error: unknown): FieldErrors {
  if (!isApiError(error)) return {};
  return Object.fromEntries(error.fieldErrors.map((e) => [e.field.split('.')[0]!, e.message]));
}
