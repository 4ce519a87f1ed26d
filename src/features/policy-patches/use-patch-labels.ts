import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { dictionaryQueries } from '../../api/queries/dictionary-queries';
import type { Policy } from '../../api/schemas/dictionaries';
import { patchAgeSchema, patchStatusSchema } from '../../api/schemas/policy-patches';
import { entryOptions, type FilterOption } from '../../components/data-table/features';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';

export type PatchFacet = 'status' | 'department' | 'age' | 'policy';

/** Labels and filter options of the patches area, and the 1+N+X tree, from the dictionaries. */
export function usePatchLabels() {
  const { t } = useI18n();
  const format = useFormat();
  const dictionaries = useQuery(dictionaryQueries.all());

  return useMemo(() => {
    const d = dictionaries.data;
    const policies: Policy[] = [...(d?.policies ?? [])].sort((a, b) => a.order - b.order);
    const options: Record<PatchFacet, FilterOption[]> = {
      status: patchStatusSchema.options.map((s) => ({ value: s, label: t(`patch.status.${s}`) })),
      department: entryOptions(d?.departments, format.entry),
      age: patchAgeSchema.options.map((a) => ({ value: a, label: t(`patch.age.${a}`) })),
      policy: entryOptions(policies, format.entry),
    };
    const maps = Object.fromEntries(
      Object.entries(options).map(([facet, list]) => [facet, new Map(list.map((o) => [o.value, o.label]))]),
    ) as Record<PatchFacet, Map<string, string>>;
    const label = (facet: PatchFacet, value: string | null) =>
      value === null ? '—' : (maps[facet].get(value) ?? value);
    const byCode = new Map(policies.map((p) => [p.code, p]));
    /** The policy's place in the tree: its ancestors' names and its own, 1 → N → X. */
    const policyPath = (code: string) => {
      const path: string[] = [];
      for (
        let policy = byCode.get(code);
        policy;
        policy = policy.parentCode ? byCode.get(policy.parentCode) : undefined
      ) {
        path.unshift(format.entry(policy));
      }
      return path.length > 0 ? path.join(' › ') : code;
    };
    return { options, label, policies, policyPath, ready: d !== undefined };
  }, [dictionaries.data, format, t]);
}

export type PatchLabels = ReturnType<typeof usePatchLabels>;
