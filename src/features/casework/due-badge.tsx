import { useWorkingCalendar } from '../../api/queries/dictionary-queries';
import { caseWarning } from '../../api/schemas/case-workflow';
import type { ServiceCase } from '../../api/schemas/service-cases';
import { Badge } from '../../components/ui/badge';
import { useI18n } from '../../lib/i18n/i18n';

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
  const warning = caseWarning(serviceCase, new Date(now), calendar);
  if (left < 0) return <Badge tone="danger">{t('case.due.overdue', { stage, span })}</Badge>;
  return (
    <Badge tone={warning === 'overdue' ? 'danger' : warning === 'dueSoon' ? 'warning' : 'neutral'}>
      {t('case.due.left', { stage, span })}
    </Badge>
  );
}
