import { useQuery } from '@tanstack/react-query';
import { caseQueries } from '../../api/queries/case-queries';
import type { CaseCommonality, CasePriority, CaseStatus, Satisfaction } from '../../api/schemas/service-cases';
import { HistorySection, type HistoryField } from '../../components/history/history-timeline';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';
import type { CaseLabels } from './use-case-labels';

/** A case's history, every recorded field in the page's words; masked by the server as the role requires. */
export function CaseHistory({ id, labels }: { id: string; labels: CaseLabels }) {
  const { t } = useI18n();
  const format = useFormat();
  const history = useQuery(caseQueries.history(id));
  const instant = (v: unknown) => format.dateTime(String(v));
  const fields: Record<string, HistoryField> = {
    status: { label: t('case.field.status'), show: (v) => t(`case.status.${v as CaseStatus}`) },
    priority: { label: t('case.field.priority'), show: (v) => t(`case.priority.${v as CasePriority}`) },
    departmentCode: { label: t('case.field.department'), show: (v) => labels.label('department', String(v)) },
    assigneeName: { label: t('case.field.assignee') },
    dueAt: { label: t('case.field.dueAt'), show: instant },
    stageDueAt: { label: t('case.field.stageDueAt'), show: instant },
    signedAt: { label: t('case.field.signedAt'), show: instant },
    round: { label: t('case.field.round') },
    handlingWorkingDays: { label: t('case.field.handlingWorkingDays') },
    sentBack: { label: t('case.action.sendBack'), show: (v) => (v as { reason: string }).reason },
    escalation: {
      label: t('case.action.escalate'),
      show: (v) => {
        const e = v as { level: 'taskForce' | 'leadership'; deadline: string };
        return `${t(`case.escalation.${e.level}`)} ${format.date(e.deadline)}`;
      },
    },
    countermeasure: { label: t('case.field.countermeasure') },
    citedPolicyCode: {
      label: t('case.field.citedPolicy'),
      show: (v) => labels.label('policy', v === null ? null : String(v)),
    },
    answeredAt: { label: t('case.field.answeredAt'), show: instant },
    closedAt: { label: t('case.field.closedAt'), show: instant },
    categoryCode: { label: t('case.field.category'), show: (v) => labels.label('category', String(v)) },
    title: { label: t('case.field.title') },
    description: { label: t('case.field.description') },
    requesterName: { label: t('case.field.requester') },
    enterpriseName: { label: t('case.field.enterprise') },
    requesterPhone: { label: t('case.field.phone') },
    requesterIdNumber: { label: t('case.field.idNumber') },
    requesterAddress: { label: t('case.field.address') },
    linkedPatchId: { label: t('case.field.linkedPatch') },
    mergedInto: { label: t('case.field.mergeInto') },
    commonality: {
      label: t('case.field.commonality'),
      show: (v) => t(`case.commonality.${v as CaseCommonality}`),
    },
    supervision: {
      label: t('case.supervision'),
      show: (v) => {
        const s = v as { deadline: string; note: string };
        return `${format.date(s.deadline)} ${s.note}`;
      },
    },
    followUp: {
      label: t('case.followUp'),
      show: (v) => {
        const f = v as { satisfaction: Satisfaction; note: string };
        return `${t(`case.satisfaction.${f.satisfaction}`)} ${f.note}`.trim();
      },
    },
  };
  return (
    <HistorySection
      id="case-history-heading"
      title={t('case.history')}
      history={history}
      fields={fields}
      // The id's change names the officer already; the name travels with it. Dispatches,
      // extensions, suspensions, notices and assists are told as the lifecycle above tells them.
      omit={['assigneeId', 'monthId', 'dispatches', 'extensions', 'suspensions', 'notices', 'assists', 'accepted']}
    />
  );
}
