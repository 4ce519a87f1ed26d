import type { FieldError } from '../../src/api/schemas/common';
import type { Dictionaries, DictionaryKind } from '../../src/api/schemas/dictionaries';
import { problems } from './problem';

export type ReferenceCheck = [field: string, kind: DictionaryKind, code: string | null];

/** 422 when a code does not name an active dictionary entry. */
export function checkReferences(dictionaries: Dictionaries, checks: ReferenceCheck[], extra: FieldError[] = []): void {
  const errors = [...extra];
  for (const [field, kind, code] of checks) {
    if (code === null) continue;
    const entry = dictionaries[kind].find((e) => e.code === code);
    if (!entry || !entry.active)
      errors.push({ field, code: 'unknown_code', message: `unknown ${kind} code "${code}"` });
  }
  if (errors.length > 0) throw problems.validation(errors);
}
