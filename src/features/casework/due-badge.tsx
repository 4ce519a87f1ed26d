import type { ServiceCase } from '../../api/schemas/service-cases';
import { Badge } from '../../components/ui/badge';
import { useI18n } from '../../lib/i18n/i18n';

const HOUR = 3_600_000;

/**
 * How long until a case is due, or how long it is overdue: red once overdue, amber within two
 * days. Closed cases show nothing. `now` is passed in so a list shares one clock.
 */
export function DueBadge({ serviceCase, now }: { serviceCase: ServiceCase; now: number }) {
  const { t } = useI18n();
  if (serviceCase.status === 'closed') return null;
  const left = Date.parse(serviceCase.dueAt) - now;
  const hours = Math.floor(Math.abs(left) / HOUR);
  const span =
    hours >= 48
      ? t('case.due.days', { count: Math.floor(hours / 24) })
      : t('case.due.hours', { count: Math.max(hours, 1) });
  if (left < 0) return <Badge tone="danger">{t('case.due.overdue', { span })}</Badge>;
  return <Badge tone={left < 48 * HOUR ? 'warning' : 'neutral'}>{t('case.due.left', { span })}</Badge>;
}
