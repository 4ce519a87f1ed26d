import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../lib/i18n/i18n';
import { HolidayCalendar } from './holiday-calendar';
import { TimeLimits } from './time-limits';

/** 系统管理: the reference data deadlines are counted on — the holiday calendar and each category's time limit. */
export function AdminPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('nav.admin')} description={t('admin.subtitle')} />
      <div className="space-y-10">
        <HolidayCalendar />
        <TimeLimits />
      </div>
    </>
  );
}
