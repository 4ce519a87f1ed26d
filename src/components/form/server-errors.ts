import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { isApiError } from '../../api/api-error';
import { serverFieldMessage } from '../../lib/form-errors';
import type { Translate } from '../../lib/i18n/i18n';

/**
 * Puts a 400/422 answer's field errors on the form's own fields, in the user's language, and
 * focuses the first. Returns
 * false when none of them names a field of this form (the caller shows the error as a whole).
 */
export function applyServerErrors<TValues extends FieldValues, TOutput>(
  form: UseFormReturn<TValues, unknown, TOutput>,
  error: unknown,
  t: Translate,
): boolean {
  if (!isApiError(error)) return false;
  const fields = new Set(Object.keys(form.getValues()));
  const known = error.fieldErrors
    .map((e) => ({ field: e.field.split('.')[0]!, message: serverFieldMessage(e, t) }))
    .filter((e) => fields.has(e.field));
  known.forEach(({ field, message }, index) =>
    form.setError(field as Path<TValues>, { type: 'server', message }, { shouldFocus: index === 0 }),
  );
  return known.length > 0;
}
