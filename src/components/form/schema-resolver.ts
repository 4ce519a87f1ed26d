import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
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
    const errors: Record<string, { type: string; message: string }> = {};
    for (const issue of result.error.issues) {
      const field = issue.path.map(String).join('.');
      errors[field] ??= { type: issue.code, message: issueMessage(issue, t) };
    }
    return { values: {}, errors: errors as unknown as FieldErrors<z.input<S>> };
  };
}
