import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../lib/api-client';
import { workingCalendar, type WorkingCalendar } from '../../lib/working-days';
import type { BodyOf } from '../endpoints';
import type { DictionaryKind } from '../schemas/dictionaries';

export const dictionaryQueries = {
  all: () =>
    queryOptions({
      queryKey: ['dictionaries'],
      queryFn: ({ signal }) => apiClient.request('getDictionaries', { signal }),
      // Reference data changes rarely; an admin's edit invalidates it.
      staleTime: 10 * 60_000,
    }),
  /** The official holiday arrangements (under `dictionaries`: an admin's edit refreshes them too). */
  holidays: () =>
    queryOptions({
      queryKey: ['dictionaries', 'holidays'],
      queryFn: ({ signal }) => apiClient.request('listHolidayYears', { signal }),
      staleTime: 10 * 60_000,
    }),
};

const weekendsOnly = workingCalendar([]);

/** The working-day calendar deadlines are counted on (weekends only until the holidays arrive). */
export function useWorkingCalendar(): WorkingCalendar {
  const { data } = useQuery({ ...dictionaryQueries.holidays(), select: workingCalendar });
  return data ?? weekendsOnly;
}

/** An administrator's year of holidays, with the version seen (0 for a year not yet entered). */
export function useSaveHolidayYear() {
  return useMutation({
    mutationFn: ({ year, input, version }: { year: number; input: BodyOf<'saveHolidayYear'>; version: number }) =>
      apiClient.request('saveHolidayYear', { params: { year }, body: input, ifMatch: version }),
    meta: { invalidates: [dictionaryQueries.holidays().queryKey] },
  });
}

/** A dictionary entry's names, order, standing (and a demand category's time limit). */
export function useUpdateDictionaryEntry() {
  return useMutation({
    mutationFn: ({
      kind,
      code,
      input,
    }: {
      kind: DictionaryKind;
      code: string;
      input: BodyOf<'updateDictionaryEntry'>;
    }) => apiClient.request('updateDictionaryEntry', { params: { kind, code }, body: input }),
    meta: { invalidates: [dictionaryQueries.all().queryKey] },
  });
}
