import { Construction } from 'lucide-react';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../lib/i18n/i18n';
import type { MessageKey } from '../../lib/i18n/zh-cn';

/** An honest placeholder for an area whose issue has not landed yet. */
export function ComingSoonPage({ title }: { title: MessageKey }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t(title)} />
      <div className="flex flex-col items-center gap-2 rounded-lg border border-dashed py-16 text-center text-muted-foreground">
        <Construction className="size-10" aria-hidden />
        <p className="font-medium text-foreground">{t('common.comingSoon')}</p>
        <p>{t('page.comingHint')}</p>
      </div>
    </>
  );
}
