import type { z } from 'zod';
import type { FieldError } from '../api/schemas/common';
import type { Translate, TranslationValues } from './i18n/i18n';
import type { MessageKey } from './i18n/zh-cn';

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
      if (issue.expected === 'int') return t('form.wholeNumber');
      return issue.expected === 'number' && issue.input !== undefined && issue.input !== ''
        ? t('form.number')
        : t('form.required');
    case 'invalid_value':
      return t('form.required');
    // Text of nothing but invisible characters is as good as none (the contract's `visible` check);
    // a check written in the UI (a date within a range, say) brings its own catalogue message.
    case 'custom':
      return issue.message === 'visible' ? t('form.required') : issue.message;
    default:
      return t('form.fixErrors');
  }
}

/** The rules a server names in a field error's `code`, each with its words in the catalogue. */
const ruleMessages = {
  inactive_assignee: 'form.rule.inactiveAssignee',
  event_channel: 'form.rule.eventChannel',
  investment_person: 'form.rule.investmentPerson',
  date_out_of_range: 'form.rule.dateOutOfRange',
  unknown_records: 'form.rule.unknownRecords',
  bulk_limit: 'form.rule.bulkLimit',
  duplicate_name: 'form.rule.duplicateName',
  unknown_code: 'form.rule.unknownCode',
  own_admin: 'form.rule.ownAdmin',
  effect_required: 'form.rule.effectRequired',
  not_future: 'form.rule.notFuture',
  unknown_case: 'form.rule.unknownCase',
  already_linked: 'form.rule.alreadyLinked',
  not_linked: 'form.rule.notLinked',
  note_required: 'form.rule.noteRequired',
  clause_required: 'form.rule.clauseRequired',
  month_out_of_range: 'form.rule.monthOutOfRange',
  same_case: 'form.rule.sameCase',
  merged_case: 'form.rule.mergedCase',
  closed_case: 'form.rule.closedCase',
  later_case: 'form.rule.laterCase',
  other_requester: 'form.rule.otherRequester',
  has_duplicates: 'form.rule.hasDuplicates',
  duplicate_id: 'form.rule.duplicateId',
  other_month: 'form.rule.otherMonth',
  lead_department: 'form.rule.leadDepartment',
  already_assisting: 'form.rule.alreadyAssisting',
  same_department: 'form.rule.sameDepartment',
  current_department: 'form.rule.currentDepartment',
  not_later: 'form.rule.notLater',
  extension_too_long: 'form.rule.extensionTooLong',
} as const satisfies Record<string, MessageKey>;

const zodCodes = new Set(['too_small', 'too_big', 'invalid_format', 'invalid_type', 'invalid_value']);

/**
 * A server's field error in the user's language: a schema check is worded as the client words
 * its own, a named rule from the catalogue; only an error with neither keeps the server's words.
 */
export function serverFieldMessage(error: FieldError, t: Translate): string {
  const code = error.code ?? '';
  if (code in ruleMessages) {
    return t(ruleMessages[code as keyof typeof ruleMessages], error.params as TranslationValues | undefined);
  }
  if (code === 'custom' && error.message === 'visible') return t('form.required');
  if (zodCodes.has(code)) {
    return issueMessage({ ...error.params, code, message: error.message, path: [] } as unknown as z.core.$ZodIssue, t);
  }
  return error.message;
}
