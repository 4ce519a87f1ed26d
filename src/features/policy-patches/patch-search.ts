import { z } from 'zod';
import { policyPatchListQuerySchema, type PolicyPatchListQuery } from '../../api/schemas/policy-patches';

/** Everything the patches page keeps in its URL: the tree's node, the filters, the view, the open patch. */
export const patchPageSearchSchema = policyPatchListQuerySchema.extend({
  /** Absent: the table. */
  view: z.enum(['board', 'analytics']).optional(),
  patch: z.string().max(64).optional(),
  /** Demands to propose a new patch from (the casework queue's selection), comma-separated. */
  propose: z.string().max(4000).optional(),
  /** The year the analytics count as "this year". */
  year: z.coerce.number().int().min(1900).max(2100).optional(),
});
export type PatchPageSearch = z.infer<typeof patchPageSearchSchema>;

/** The list's query: the URL's, without the page's own keys. */
export function patchListQueryOf({
  view: _view,
  patch: _patch,
  propose: _propose,
  year: _year,
  ...query
}: PatchPageSearch): PolicyPatchListQuery {
  return query;
}
