import { z } from 'zod';
import { can, TALENT_OFFICE_DEPARTMENT, type Subject } from '../../api/permissions';
import { scoreMonthSchema } from '../../api/schemas/case-scores';
import {
  serviceCaseListQuerySchema,
  type CaseQueueView,
  type ServiceCaseListQuery,
} from '../../api/schemas/service-cases';

/** Everything the casework page keeps in its URL: the month, the list, its query, the open case. */
export const casePageSearchSchema = serviceCaseListQuerySchema.extend({
  /** Absent: the demands (需求清单); else the services, the countermeasures, the analysis, the scores or the standard answers. */
  tab: z.enum(['services', 'measures', 'oversight', 'scores', 'answers']).optional(),
  case: z.string().max(64).optional(),
  /** The calendar month the department scores are of (`YYYY-MM`); absent: this month. */
  period: scoreMonthSchema.optional(),
});
export type CasePageSearch = z.infer<typeof casePageSearchSchema>;

/** The month switcher's value for every month at once. */
export const ALL_MONTHS = 'all';

/**
 * The view a user starts in: the talent office dispatches; a department sees all of its cases,
 * what falls due first on top (to sign, to answer, whoever holds it).
 */
export function defaultView(user: Subject): CaseQueueView {
  if (!can(user, 'case:triage')) return 'all';
  return user.departmentCode === TALENT_OFFICE_DEPARTMENT ? 'new' : 'all';
}

/** The demands list's query: the URL's, in the month shown and the view chosen. */
export function caseListQueryOf(
  { tab: _tab, case: _case, period: _period, ...query }: CasePageSearch,
  month: string | undefined,
  view: CaseQueueView,
): ServiceCaseListQuery {
  return { ...query, month, view };
}
