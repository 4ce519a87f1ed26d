import { z } from 'zod';
import { intakeListQuerySchema, type IntakeFilter, type IntakeListQuery } from '../../api/schemas/intake';

/** Everything the intake page keeps in its URL: the tab, the records query and the open record. */
export const intakePageSearchSchema = intakeListQuerySchema.extend({
  /** Absent: the records; `analysis`: the charts. */
  tab: z.literal('analysis').optional(),
  record: z.string().max(64).optional(),
  /** With `record`: open it in the edit form. */
  edit: z.literal('1').optional(),
});
export type IntakePageSearch = z.infer<typeof intakePageSearchSchema>;

export const facetParams = ['channel', 'stage', 'tier', 'industry', 'town', 'event', 'officer'] as const;
export type FacetParam = (typeof facetParams)[number];

export function listQueryOf({ record: _record, edit: _edit, tab: _tab, ...query }: IntakePageSearch): IntakeListQuery {
  return query;
}

/** The filters without paging and sorting, as the stats endpoints take them. */
export function filterOf(search: IntakePageSearch): IntakeFilter {
  const { page: _page, pageSize: _pageSize, sort: _sort, q: _q, ...filter } = listQueryOf(search);
  return filter;
}
