import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../lib/api-client';
import { workingCalendar, type WorkingCalendar } from '../../lib/working-days';

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
