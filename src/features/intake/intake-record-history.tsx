import { useQuery } from '@tanstack/react-query';
import { intakeQueries } from '../../api/queries/intake-queries';
import { intakeStages, type IntakeStage } from '../../api/schemas/intake';
import { HistorySection, type HistoryField } from '../../components/history/history-timeline';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';
import type { FacetParam } from './intake-search';
import type { IntakeLabels } from './use-intake-labels';

/** A record's history, every recorded field in the words and labels the page uses. */
export function IntakeRecordHistory({ id, labels }: { id: string; labels: IntakeLabels }) {
  const { t } = useI18n();
  const format = useFormat();
  const history = useQuery(intakeQueries.history(id));
  const dictionary = (param: FacetParam) => (value: unknown) => labels.label(param, String(value));
  const fields: Record<string, HistoryField> = {
    kind: { label: t('intake.field.kind'), show: (v) => t(`kind.${v as 'person' | 'project'}`) },
    name: { label: t('intake.field.name') },
    organization: { label: t('intake.field.organization') },
    phone: { label: t('intake.field.phone') },
    channelCode: { label: t('intake.field.channel'), show: dictionary('channel') },
    eventCode: { label: t('intake.field.event'), show: dictionary('event') },
    tierCode: { label: t('intake.field.tier'), show: dictionary('tier') },
    industryCode: { label: t('intake.field.industry'), show: dictionary('industry') },
    townCode: { label: t('intake.field.town'), show: dictionary('town') },
    stage: { label: t('intake.field.stage'), show: (v) => t(`stage.${v as IntakeStage}`) },
    stageDates: {
      label: t('intake.timeline'),
      show: (v) =>
        intakeStages
          .flatMap((stage) => {
            const on = (v as Partial<Record<IntakeStage, string | null>>)[stage];
            return on ? [`${t(`stage.${stage}`)} ${format.date(on)}`] : [];
          })
          .join(t('common.listSeparator')),
    },
    officerId: { label: t('intake.field.officer'), show: dictionary('officer') },
    // The officer's name travels with the id; the id's change already says it.
    officerName: { label: t('intake.field.officer') },
    investment: {
      label: t('intake.field.investment'),
      show: (v) => `${format.amount(Number(v))} ${t('unit.tenThousandYuan')}`,
    },
    note: { label: t('intake.field.note') },
  };
  return (
    <HistorySection
      id="history-heading"
      title={t('intake.history')}
      history={history}
      fields={fields}
      // The officer's name travels with the id; the id's change already says it.
      omit={['officerName']}
    />
  );
}
