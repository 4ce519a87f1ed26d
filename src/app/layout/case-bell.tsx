import { useQuery } from '@tanstack/react-query';
import { AlarmClock, Bell, Flag, Hourglass } from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import { Link } from 'react-router';
import { caseQueries } from '../../api/queries/case-queries';
import type { CaseQueueView } from '../../api/schemas/service-cases';
import { Button } from '../../components/ui/button';
import { Menu, menuItemClass, MenuLabel } from '../../components/ui/menu';
import { cn } from '../../lib/cn';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';
import type { MessageKey } from '../../lib/i18n/zh-cn';

const reminders: { view: CaseQueueView; label: MessageKey; icon: typeof Bell }[] = [
  { view: 'overdue', label: 'bell.overdue', icon: AlarmClock },
  { view: 'dueSoon', label: 'bell.dueSoon', icon: Hourglass },
  { view: 'supervised', label: 'bell.supervised', icon: Flag },
];

/**
 * The reminders: the cases in the user's scope that are overdue, due within two working days or
 * under supervision, refreshed in the background (every minute, with the queue's counts), each
 * leading to its view of the queue.
 */
export function CaseBell() {
  const { t } = useI18n();
  const format = useFormat();
  const counts = useQuery(caseQueries.counts());
  const count = (view: CaseQueueView) => counts.data?.counts[view] ?? 0;
  const urgent = count('overdue') + count('supervised');
  const summary = counts.data
    ? t('bell.summary', {
        overdue: format.integer(count('overdue')),
        dueSoon: format.integer(count('dueSoon')),
        supervised: format.integer(count('supervised')),
      })
    : t('common.loading');
  return (
    <Menu
      className="min-w-60"
      trigger={
        <Button variant="ghost" size="icon" className="relative">
          {/* The name says every count; the badge beside the bell is only a glance at the urgent ones. */}
          <span className="sr-only">{`${t('bell.label')}${t('common.colon')}${summary}`}</span>
          <Bell className="size-4" aria-hidden />
          {urgent > 0 && (
            <span
              aria-hidden
              className="absolute -top-0.5 -right-0.5 min-w-4 rounded-full bg-primary px-1 text-[10px] leading-4 font-medium text-primary-foreground tabular-nums"
            >
              {urgent > 99 ? '99+' : urgent}
            </span>
          )}
        </Button>
      }
    >
      <MenuLabel>{t('bell.label')}</MenuLabel>
      {reminders.map(({ view, label, icon: Icon }) => (
        <DropdownMenu.Item key={view} asChild className={menuItemClass}>
          <Link to={`/service-cases?month=all&view=${view}`}>
            <Icon className={cn('size-4', view !== 'dueSoon' && count(view) > 0 && 'text-danger')} aria-hidden />
            <span className="flex-1">{t(label)}</span>
            <span className="tabular-nums">{counts.data ? format.integer(count(view)) : '…'}</span>
          </Link>
        </DropdownMenu.Item>
      ))}
    </Menu>
  );
}
