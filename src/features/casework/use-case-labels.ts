import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { dictionaryQueries } from '../../api/queries/dictionary-queries';
import { officerQueries } from '../../api/queries/officer-queries';
import { casePrioritySchema, caseStatusSchema } from '../../api/schemas/service-cases';
import { entryOptions, type FilterOption } from '../../components/data-table/features';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';

export type CaseFacet = 'category' | 'department' | 'priority' | 'status' | 'policy';

/** Labels and filter options of the casework lists, from the dictionaries the API serves. */
export function useCaseLabels() {
  const { t } = useI18n();
  const format = useFormat();
  const dictionaries = useQuery(dictionaryQueries.all());
  const officers = useQuery(officerQueries.all());

  return useMemo(() => {
    const d = dictionaries.data;
    const entries = (list: Parameters<typeof entryOptions>[0]) => entryOptions(list, format.entry);
    const options: Record<CaseFacet, FilterOption[]> = {
      category: entries(d?.demandCategories),
      department: entries(d?.departments),
      priority: casePrioritySchema.options.map((p) => ({ value: p, label: t(`case.priority.${p}`) })),
      status: caseStatusSchema.options.map((s) => ({ value: s, label: t(`case.status.${s}`) })),
      // The 1+N+X system in its order, for an answer to cite.
      policy: entries([...(d?.policies ?? [])].sort((a, b) => a.order - b.order)),
    };
    const maps = Object.fromEntries(
      Object.entries(options).map(([facet, list]) => [facet, new Map(list.map((o) => [o.value, o.label]))]),
    ) as Record<CaseFacet, Map<string, string>>;
    const label = (facet: CaseFacet, value: string | null) =>
      value === null ? '—' : (maps[facet].get(value) ?? value);
    /** The active officers of a department, who may be given its cases. */
    const officersOf = (departmentCode: string) =>
      (officers.data ?? [])
        .filter((o) => o.departmentCode === departmentCode)
        .map((o) => ({ value: o.id, label: o.displayName }));
    /** A demand category's time limit in working days (办理时限). */
    const timeLimitOf = (categoryCode: string) =>
      d?.demandCategories.find((c) => c.code === categoryCode)?.timeLimitDays ?? 7;
    return { options, label, officersOf, timeLimitOf };
  }, [dictionaries.data, officers.data, format, t]);
}

export type CaseLabels = ReturnType<typeof useCaseLabels>;
