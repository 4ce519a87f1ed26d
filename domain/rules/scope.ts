import { TALENT_OFFICE_DEPARTMENT } from '../../src/api/permissions';
import type { CaseScope } from '../store';
import type { RuleContext } from './context';

/** The talent office sees every case; another department only the cases assigned to it. */
export function caseScope(ctx: RuleContext): CaseScope {
  return {
    departmentCode: ctx.user.departmentCode === TALENT_OFFICE_DEPARTMENT ? null : ctx.user.departmentCode,
  };
}
