import { useWorkingCalendar } from '../../api/queries/dictionary-queries';
import { TALENT_OFFICE_DEPARTMENT } from '../../api/permissions';
import { caseWarning, deadlineOwnedBy } from '../../api/schemas/case-workflow';
import type { ServiceCase } from '../../api/schemas/service-cases';
import { Badge } from '../../components/ui/badge';
import { useI18n } from '../../lib/i18n/i18n';
import { useSessionState } from '../../lib/session';

const HOUR = 3_600_000;

/**
 * What the case awaits now and how long is left, or how long it is late: red once a deadline has
 * passed (its stage's or its supervision's), yellow when one falls due before the end of the next
 * working day (on the holiday calendar). A suspended case says its clock is paused; a closed one
 * shows nothing. `now` is passed in so a list shares one clock.
 */
export function DueBadge({ serviceCase, now }: { serviceCase: ServiceCase; now: number }) {
  const { t } = useI18n();
  const calendar = useWorkingCalendar();
  const user = useSessionState().session?.user;
  const departmentCode = !user || user.departmentCode === TALENT_OFFICE_DEPARTMENT ? null : user.departmentCode;
  if (serviceCase.status === 'suspended') return <Badge tone="neutral">{t('case.due.paused')}</Badge>;
  const deadline = serviceCase.stageDueAt;
  if (serviceCase.status === 'closed' || deadline === null) return null;
  const stage = t(`case.stage.${serviceCase.status}`);
  const left = Date.parse(deadline) - now;
  const hours = Math.floor(Math.abs(left) / HOUR);
  const span =
    hours >= 48
      ? t('case.due.days', { count: Math.floor(hours / 24) })
      : t('case.due.hours', { count: Math.max(hours, 1) });
  // A department is warned of its own deadlines; another's (an assisted case, one waiting on the
  // talent office) is told plainly, as its 已逾期 view leaves it out.
  const warning = deadlineOwnedBy(departmentCode, serviceCase)
    ? caseWarning(serviceCase, new Date(now), calendar)
    : null;
  if (left < 0) {
    return <Badge tone={warning ? 'danger' : 'neutral'}>{t('case.due.overdue', { stage, span })}</Badge>;
  }
  return (
    <Badge tone={warning === 'overdue' ? 'danger' : warning === 'dueSoon' ? 'warning' : 'neutral'}>
      {t('case.due.left', { stage, span })}
    </Badge>
  );
}
