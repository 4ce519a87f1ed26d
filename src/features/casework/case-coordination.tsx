import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { caseQueries } from '../../api/queries/case-queries';
import { useWorkingCalendar } from '../../api/queries/dictionary-queries';
import { TALENT_OFFICE_DEPARTMENT } from '../../api/permissions';
import { caseTimeLimits, lapsedWorkingDays, lapseNoticeSent } from '../../api/schemas/case-workflow';
import type { ServiceCase } from '../../api/schemas/service-cases';
import { Button } from '../../components/ui/button';
import { chinaDay } from '../../lib/calendar';
import { useFormat } from '../../lib/i18n/format';
import { printDocument } from '../../lib/print';
import { useI18n } from '../../lib/i18n/i18n';
import { caseHref } from '../../lib/links';
import { useSessionState } from '../../lib/session';
import type { CaseLabels } from './use-case-labels';
import { useNow } from './use-now';

/** 协办: each assisting department, what it was asked, by when, and its report (or that it is awaited). */
export function CaseAssists({ serviceCase: c, labels }: { serviceCase: ServiceCase; labels: CaseLabels }) {
  const { t } = useI18n();
  const format = useFormat();
  const now = useNow();
  if (c.assists.length === 0) return null;
  return (
    <section aria-labelledby="case-assists-heading" className="rounded-md border p-3 text-sm">
      <h3 id="case-assists-heading" className="mb-2 font-medium">
        {t('case.assists')}
      </h3>
      <ul className="space-y-2">
        {c.assists.map((a, i) => {
          const late = a.report === null && a.withdrawnAt === null && Date.parse(a.dueAt) < now;
          return (
            <li key={i} className="break-words">
              <p>
                <span className="font-medium">{labels.label('department', a.departmentCode)}</span>
                {t('common.colon')}
                {a.request}
              </p>
              {a.report ? (
                <p className="text-muted-foreground">
                  {t('case.assistReportedAt', { at: format.dateTime(a.report.at), by: a.report.byName })}
                  <span className="block whitespace-pre-wrap text-foreground">{a.report.text}</span>
                </p>
              ) : a.withdrawnAt ? (
                <p className="text-muted-foreground">
                  {t('case.assistWithdrawn', { at: format.dateTime(a.withdrawnAt) })}
                </p>
              ) : (
                <p className={late ? 'text-danger' : 'text-muted-foreground'}>
                  {t(late ? 'case.assistLate' : 'case.assistAwaited', { due: format.dateTime(a.dueAt) })}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** 并单: where a duplicate went, or the duplicates merged into this case (counted here, once). */
export function CaseMerges({ serviceCase: c }: { serviceCase: ServiceCase }) {
  const { t } = useI18n();
  const merged = useQuery({
    ...caseQueries.list({ mergedInto: c.id, page: 1, pageSize: 50, sort: 'id' }),
    enabled: c.mergedInto === null,
  });
  if (c.mergedInto) {
    return (
      <p className="rounded-md border bg-muted/40 p-3 text-sm">
        {t('case.mergedInto')}
        <Link to={caseHref(c.mergedInto, c.monthId)} className="font-mono text-primary hover:underline">
          {c.mergedInto}
        </Link>
      </p>
    );
  }
  const items = merged.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <p className="rounded-md border bg-muted/40 p-3 text-sm">
      {t('case.mergedFrom', { count: items.length })}
      {items.map((m, i) => (
        <span key={m.id}>
          {i > 0 && '、'}
          <Link to={caseHref(m.id, m.monthId)} className="font-mono text-primary hover:underline">
            {m.id}
          </Link>
        </span>
      ))}
    </p>
  );
}

/** 催办通知书 due: a department's deadline lapsed by 5 working days, and no notice written since. */
export function CaseLapseDue({ serviceCase: c, labels }: { serviceCase: ServiceCase; labels: CaseLabels }) {
  const { t } = useI18n();
  const calendar = useWorkingCalendar();
  const now = useNow();
  const office = useSessionState().session?.user.departmentCode === TALENT_OFFICE_DEPARTMENT;
  const lapsed = lapsedWorkingDays(c, new Date(now), calendar);
  const noticed = lapseNoticeSent(c);
  if (!office || lapsed < caseTimeLimits.lapseNotice || noticed) return null;
  return (
    <p className="rounded-md border border-danger/40 bg-danger/5 p-3 text-sm text-danger">
      {t('case.lapseDue', { department: labels.label('department', c.departmentCode), days: lapsed })}
    </p>
  );
}

/** 催办通知书: the last one written, opened as the document it is, to print alone on A4. */
export function CaseLapseNotice({ serviceCase: c, labels }: { serviceCase: ServiceCase; labels: CaseLabels }) {
  const { t } = useI18n();
  const [shown, setShown] = useState(false);
  const format = useFormat();
  const calendar = useWorkingCalendar();
  const notice = c.notices.findLast((n) => n.kind === 'lapseNotice');
  if (!notice) return null;
  const department = labels.label('department', notice.departmentCode);
  return (
    <>
      <Button size="sm" variant="secondary" aria-expanded={shown} onClick={() => setShown(!shown)}>
        {t(shown ? 'case.lapseNotice.hide' : 'case.lapseNotice.show', { at: format.date(notice.at) })}
      </Button>
      {shown && (
        <section
          aria-labelledby="lapse-notice-title"
          className="print-document rounded-md border p-4 text-sm leading-7"
        >
          <h3 id="lapse-notice-title" className="text-center text-base font-semibold">
            {t('case.lapseNotice.title')}
          </h3>
          <p className="mt-2">{t('case.lapseNotice.to', { department })}</p>
          <p className="indent-8">
            {t('case.lapseNotice.body', {
              title: c.title,
              id: c.id,
              category: labels.label('category', c.categoryCode),
              due: notice.lapsedDueAt ? format.dateTime(notice.lapsedDueAt) : '—',
              at: format.date(notice.at),
              days: notice.lapsedDueAt
                ? calendar.workingDaysBetween(chinaDay(notice.lapsedDueAt), chinaDay(notice.at))
                : '—',
            })}
          </p>
          <p className="indent-8 break-words whitespace-pre-wrap">{notice.note}</p>
          <p className="mt-4 text-right">{t('score.noticeSigned')}</p>
          <p className="text-right">{format.date(notice.at)}</p>
          <div className="no-print mt-2 flex justify-end">
            <Button size="sm" variant="secondary" onClick={printDocument}>
              {t('case.lapseNotice.print')}
            </Button>
          </div>
        </section>
      )}
    </>
  );
}
