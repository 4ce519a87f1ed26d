import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { isApiError } from '../../api/api-error';

/**
 * Puts a 400/422 answer's field errors on the form's own fields and focuses the first. Returns
 * false when none of them names a field of this form (the caller shows the error as a whole).
 */
export function applyServerErrors<TValues extends FieldValues, TOutput>(
  form: UseFormReturn<TValues, unknown, TOutput>,
  error: unknown,
): boolean {
  if (!isApiError(error)) return false;
  const fields = new Set(Object.keys(form.getValues()));
  const known = error.fieldErrors
    .map((e) => ({ field: e.field.split('.')[0]!, message: e.message }))
    .filter((e) => fields.has(e.field));
  known.forEach(({ field, message }, index) =>
    form.setError(field as Path<TValues>, { type: 'server', message }, { shouldFocus: index === 0 }),
  );
  return known.length > 0;
}
