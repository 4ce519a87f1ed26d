import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { dictionaryQueries } from '../../api/queries/dictionary-queries';
import { officerQueries } from '../../api/queries/officer-queries';
import { intakeStages } from '../../api/schemas/intake';
import { entryOptions, type FilterOption } from '../../components/data-table/features';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';
import type { FacetParam } from './intake-search';

/** Labels and filter options for every facet, from the dictionaries the API serves. */
export function useIntakeLabels() {
  const { t } = useI18n();
  const format = useFormat();
  const dictionaries = useQuery(dictionaryQueries.all());
  const officers = useQuery(officerQueries.all());

  return useMemo(() => {
    const d = dictionaries.data;
    const entries = (list: Parameters<typeof entryOptions>[0]) => entryOptions(list, format.entry);
    const options: Record<FacetParam, FilterOption[]> = {
      channel: entries(d?.channels),
      stage: intakeStages.map((stage) => ({ value: stage, label: t(`stage.${stage}`) })),
      tier: entries(d?.talentTiers),
      industry: entries(d?.industries),
      town: entries(d?.towns),
      event: entries(d?.events),
      officer: (officers.data ?? [])
        .filter((o) => o.departmentCode === 'dept.rcb')
        .map((o) => ({ value: o.id, label: o.displayName })),
    };
    const maps = Object.fromEntries(
      Object.entries(options).map(([param, list]) => [param, new Map(list.map((o) => [o.value, o.label]))]),
    ) as Record<FacetParam, Map<string, string>>;
    const label = (param: FacetParam, value: string | null) =>
      value === null ? '—' : (maps[param].get(value) ?? value);
    const titles: Record<FacetParam, string> = {
      channel: t('intake.field.channel'),
      stage: t('intake.field.stage'),
      tier: t('intake.field.tier'),
      industry: t('intake.field.industry'),
      town: t('intake.field.town'),
      event: t('intake.field.event'),
      officer: t('intake.field.officer'),
    };
    const eventChannels = new Map((d?.events ?? []).map((e) => [e.code, e.channelCode]));
    return { options, label, titles, eventChannels };
  }, [dictionaries.data, officers.data, format, t]);
}

export type IntakeLabels = ReturnType<typeof useIntakeLabels>;
