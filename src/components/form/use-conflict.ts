import { useState } from 'react';
import type { FieldValues, Path, PathValue, UseFormReturn } from 'react-hook-form';

export interface Conflict {
  /** The server's version, and the user's values when the 409 came. */
  theirs: Record<string, unknown>;
  mine: Record<string, unknown>;
  /** Each field the other side changed: which version is kept (undefined: not yet chosen). */
  choices: Record<string, 'mine' | 'theirs' | undefined>;
  unresolved: number;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function count(choices: Conflict['choices']) {
  return Object.values(choices).filter((choice) => choice === undefined).length;
}

/**
 * A three-way merge after a 409: `base` is what the user started from, `theirs` what the server
 * holds now, the form what the user typed. Fields only the other side changed are taken over;
 * fields both sides changed differently wait for a choice; the user's own edits stay.
 */
export function useConflict<TValues extends FieldValues, TOutput>(form: UseFormReturn<TValues, unknown, TOutput>) {
  const [conflict, setConflict] = useState<Conflict | null>(null);

  const start = (base: TValues, theirs: TValues) => {
    const mine = form.getValues() as Record<string, unknown>;
    const choices: Conflict['choices'] = {};
    // Every field either side has: one the server left out may be one a colleague cleared.
    for (const field of new Set([...Object.keys(base), ...Object.keys(theirs), ...Object.keys(mine)])) {
      if (same(theirs[field], base[field]) || same(theirs[field], mine[field])) continue;
      if (same(mine[field], base[field])) {
        choices[field] = 'theirs';
        form.setValue(field as Path<TValues>, theirs[field] as PathValue<TValues, Path<TValues>>, {
          shouldDirty: true,
        });
      } else {
        choices[field] = undefined;
      }
    }
    setConflict({ theirs, mine, choices, unresolved: count(choices) });
  };

  const choose = (field: string, side: 'mine' | 'theirs') => {
    if (!conflict) return;
    const value = side === 'mine' ? conflict.mine[field] : conflict.theirs[field];
    form.setValue(field as Path<TValues>, value as PathValue<TValues, Path<TValues>>, {
      shouldDirty: true,
      shouldValidate: form.formState.isSubmitted,
    });
    const choices = { ...conflict.choices, [field]: side };
    setConflict({ ...conflict, choices, unresolved: count(choices) });
  };

  return { conflict, start, choose, clear: () => setConflict(null) };
}
