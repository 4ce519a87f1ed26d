import { useQuery } from '@tanstack/react-query';
import { AlarmClock, Bell, CalendarClock, Flag, FileWarning, Handshake, Hourglass, Inbox, Undo2 } from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import { Link } from 'react-router';
import { caseQueries } from '../../api/queries/case-queries';
import { can, TALENT_OFFICE_DEPARTMENT } from '../../api/permissions';
import type { CaseQueueView } from '../../api/schemas/service-cases';
import { Button } from '../../components/ui/button';
import { Menu, menuItemClass, MenuLabel } from '../../components/ui/menu';
import { cn } from '../../lib/cn';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';
import type { MessageKey } from '../../lib/i18n/zh-cn';
import { useSessionState } from '../../lib/session';

interface Reminder {
  view: CaseQueueView;
  label: MessageKey;
  icon: typeof Bell;
  /** Shown red when there are any. */
  urgent: boolean;
}

const everyone: Reminder[] = [
  { view: 'overdue', label: 'bell.overdue', icon: AlarmClock, urgent: true },
  { view: 'dueSoon', label: 'bell.dueSoon', icon: Hourglass, urgent: false },
  { view: 'supervised', label: 'bell.supervised', icon: Flag, urgent: true },
];
/** What waits on the talent office: objections to review, extensions to decide, notices to write. */
const office: Reminder[] = [
  { view: 'returned', label: 'bell.returned', icon: Undo2, urgent: false },
  { view: 'extension', label: 'bell.extension', icon: CalendarClock, urgent: false },
  { view: 'lapsed', label: 'bell.lapsed', icon: FileWarning, urgent: true },
];
/** What waits on a department: cases to sign for, reports owed to a lead as 协办. */
const department: Reminder[] = [
  { view: 'dispatched', label: 'bell.dispatched', icon: Inbox, urgent: false },
  { view: 'assisting', label: 'bell.assisting', icon: Handshake, urgent: false },
];

/**
 * The reminders: the cases in the user's scope that are overdue, due by the end of the next
 * working day or under supervision, and what waits on the user's side of the lifecycle (the
 * talent office's reviews, extension decisions and written notices; a department's sign-offs and
 * assists), refreshed in the background (every minute, with the queue's counts), each leading to
 * its view of the queue.
 */
export function CaseBell() {
  const { t } = useI18n();
  const format = useFormat();
  const user = useSessionState().session?.user;
  const counts = useQuery(caseQueries.counts());
  const count = (view: CaseQueueView) => counts.data?.counts[view] ?? 0;
  const isOffice = user?.departmentCode === TALENT_OFFICE_DEPARTMENT;
  const reminders = [
    ...everyone,
    ...(isOffice ? office.filter((r) => r.view !== 'extension' || (user && can(user, 'case:supervise'))) : []),
    ...(user && !isOffice && can(user, 'case:triage') ? department : []),
  ];
  const urgent = count('overdue') + count('supervised');
  const summary = counts.data
    ? reminders.map((r) => t('bell.item', { label: t(r.label), count: format.integer(count(r.view)) })).join('，')
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
      {reminders.map(({ view, label, icon: Icon, urgent: urgentView }) => (
        <DropdownMenu.Item key={view} asChild className={menuItemClass}>
          <Link to={`/service-cases?month=all&view=${view}`}>
            <Icon className={cn('size-4', urgentView && count(view) > 0 && 'text-danger')} aria-hidden />
            <span className="flex-1">{t(label)}</span>
            <span className="tabular-nums">{counts.data ? format.integer(count(view)) : '…'}</span>
          </Link>
        </DropdownMenu.Item>
      ))}
    </Menu>
  );
}
