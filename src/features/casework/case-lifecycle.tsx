import type { ServiceCase } from '../../api/schemas/service-cases';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';
import type { MessageKey } from '../../lib/i18n/zh-cn';
import type { CaseLabels } from './use-case-labels';

const noticeKeys = {
  reminder: 'case.lifecycle.reminder',
  supervision: 'case.lifecycle.supervision',
  lapseNotice: 'case.lifecycle.lapseNotice',
} as const satisfies Record<ServiceCase['notices'][number]['kind'], MessageKey>;

interface Entry {
  at: string;
  text: string;
  tone?: 'danger' | 'muted';
}

/**
 * 办理进程: where the case has been in the lifecycle, in time order: each dispatch and what the
 * department did with it (signed, late or not; returned, and the review), extensions and their
 * decisions, suspensions and how long they stopped the clock, reminders, written notices and
 * supervision, assisting departments and their reports, answers sent back, a merge. The history below it has every field change; this is the story a liaison reads.
 */
export function CaseLifecycle({ serviceCase: c, labels }: { serviceCase: ServiceCase; labels: CaseLabels }) {
  const { t } = useI18n();
  const format = useFormat();
  const at = (instant: string) => format.dateTime(instant);
  const entries: Entry[] = [];
  for (const d of c.dispatches) {
    const department = labels.label('department', d.departmentCode);
    // After an overruled return the same department is asked again: not a new dispatch.
    entries.push({
      at: d.at,
      text: t(d.upheld ? 'case.lifecycle.redispatchedUpheld' : 'case.lifecycle.dispatched', {
        at: at(d.at),
        by: d.byName,
        department,
        due: at(d.signDueAt),
      }),
    });
    if (d.signedAt) {
      const late = Date.parse(d.signedAt) > Date.parse(d.signDueAt);
      entries.push({
        at: d.signedAt,
        text: t(late ? 'case.lifecycle.signedLate' : 'case.lifecycle.signed', { at: at(d.signedAt) }),
        tone: late ? 'danger' : undefined,
      });
    }
    const r = d.returned;
    if (r) {
      entries.push({ at: r.at, text: t('case.lifecycle.returned', { at: at(r.at), by: r.byName, reason: r.reason }) });
      if (r.decision && r.decidedAt) {
        const key = r.decision === 'uphold' ? 'case.lifecycle.uphold' : 'case.lifecycle.redispatch';
        entries.push({
          at: r.decidedAt,
          text: t(key, { at: at(r.decidedAt), by: r.decidedByName ?? '', note: r.decisionNote }),
        });
      }
    }
  }
  for (const e of c.extensions) {
    const outcome =
      e.decision === null
        ? t('case.lifecycle.extensionPending')
        : e.decision === 'approved'
          ? t('case.lifecycle.extensionApproved', { by: e.decidedByName ?? '' })
          : e.decision === 'withdrawn'
            ? t('case.lifecycle.extensionWithdrawn')
            : t('case.lifecycle.extensionRefused', { by: e.decidedByName ?? '', note: e.decisionNote });
    entries.push({
      at: e.at,
      text: `${t('case.lifecycle.extension', { at: at(e.at), by: e.byName, to: at(e.requestedDueAt), reason: e.reason })}（${outcome}）`,
    });
  }
  for (const s of c.suspensions) {
    entries.push({ at: s.at, text: t('case.lifecycle.suspended', { at: at(s.at), by: s.byName, reason: s.reason }) });
    if (s.resumedAt) {
      entries.push({
        at: s.resumedAt,
        text: t('case.lifecycle.resumed', { at: at(s.resumedAt), days: s.pausedWorkingDays ?? 0 }),
      });
    }
  }
  for (const n of c.notices) {
    entries.push({
      at: n.at,
      text: t(noticeKeys[n.kind], { at: at(n.at), by: n.byName, note: n.note }),
      tone: 'danger',
    });
  }
  for (const a of c.assists) {
    const department = labels.label('department', a.departmentCode);
    entries.push({
      at: a.at,
      text: t('case.lifecycle.assistRequested', {
        at: at(a.at),
        by: a.byName,
        department,
        due: at(a.dueAt),
        request: a.request,
      }),
    });
    if (a.report) {
      const late = Date.parse(a.report.at) > Date.parse(a.dueAt);
      entries.push({
        at: a.report.at,
        text: t(late ? 'case.lifecycle.assistReportedLate' : 'case.lifecycle.assistReported', {
          at: at(a.report.at),
          department,
          by: a.report.byName,
          text: a.report.text,
        }),
        tone: late ? 'danger' : undefined,
      });
    }
    if (a.withdrawnAt) {
      entries.push({
        at: a.withdrawnAt,
        text: t('case.lifecycle.assistWithdrawn', { at: at(a.withdrawnAt), department }),
      });
    }
  }
  if (c.mergedInto && c.closedAt) {
    entries.push({ at: c.closedAt, text: t('case.lifecycle.merged', { at: at(c.closedAt), id: c.mergedInto }) });
  }
  if (c.answeredAt) {
    entries.push({ at: c.answeredAt, text: t('case.lifecycle.answered', { at: at(c.answeredAt), round: c.round }) });
  }
  if (c.accepted) {
    entries.push({
      at: c.accepted.at,
      text: t('case.lifecycle.accepted', { at: at(c.accepted.at), by: c.accepted.byName }),
    });
  }
  if (c.followUp) {
    const f = c.followUp;
    const redo = f.satisfaction === 'unsatisfied' && f.attributable;
    entries.push({
      at: f.at,
      text: t(redo ? 'case.lifecycle.visitedRedo' : 'case.lifecycle.visited', {
        at: at(f.at),
        by: f.byName,
        satisfaction: t(`case.satisfaction.${f.satisfaction}`),
      }),
      tone: redo ? 'danger' : undefined,
    });
  }
  if (c.escalation) {
    const e = c.escalation;
    entries.push({
      at: e.at,
      text: t('case.lifecycle.escalated', {
        at: at(e.at),
        by: e.byName,
        level: t(`case.escalation.${e.level}`),
        deadline: format.date(e.deadline),
        reason: e.reason,
      }),
      tone: 'danger',
    });
  }
  if (c.sentBack) {
    const s = c.sentBack;
    entries.push({
      at: s.at,
      text: t('case.lifecycle.sentBack', { at: at(s.at), by: s.byName, reason: s.reason }),
      tone: 'danger',
    });
  }
  entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return (
    <section aria-labelledby="case-lifecycle-heading">
      <h3 id="case-lifecycle-heading" className="mb-2 text-sm font-semibold">
        {t('case.lifecycle')}
      </h3>
      {entries.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t('case.lifecycle.empty')}</p>
      ) : (
        <ol className="space-y-1 border-l pl-3 text-sm">
          {entries.map((entry, i) => (
            <li key={i} className={entry.tone === 'danger' ? 'break-words text-danger' : 'break-words'}>
              {entry.text}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
