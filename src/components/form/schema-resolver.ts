import { get, set, type FieldErrors, type FieldValues, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { issueMessage } from '../../lib/form-errors';
import type { Translate } from '../../lib/i18n/i18n';

/**
 * Checks a form with the contract's schema and words every issue from the catalogue, naming the
 * broken limit. (`zodResolver` keeps a schema's own message, such as the phone pattern's code,
 * over a parse-time error map; the contract's messages are codes, not text for people.)
 */
export function schemaResolver<S extends z.ZodType<unknown, FieldValues>>(
  schema: S,
  t: Translate,
): Resolver<z.input<S>, unknown, z.output<S>> {
  return async (values) => {
    const result = await schema.safeParseAsync(values);
    if (result.success) return { values: result.data, errors: {} };
    // Nested like the form's values (`items.0.amount`), the first issue of each field; an issue of
    // the whole form goes under `root`.
    const errors: Record<string, unknown> = {};
    for (const issue of result.error.issues) {
      const path = issue.path.length > 0 ? issue.path.map(String).join('.') : 'root';
      // A field left empty is missing, whatever its format would have been (a date, a number).
      const empty = get(values, path) === '' && (issue.code === 'invalid_format' || issue.code === 'invalid_type');
      const message = empty ? t('form.required') : issueMessage(issue, t);
      if (!get(errors, path)) set(errors, path, { type: issue.code, message });
    }
    return { values: {}, errors: errors as FieldErrors<z.input<S>> };
  };
}
