import { useQuery } from '@tanstack/react-query';
import { CheckCircle2, Circle, Pencil } from 'lucide-react';
import { intakeQueries } from '../../api/queries/intake-queries';
import { intakeStages, type IntakeRecord } from '../../api/schemas/intake';
import { ErrorState } from '../../components/feedback/error-state';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Skeleton } from '../../components/ui/skeleton';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';
import type { MessageKey } from '../../lib/i18n/zh-cn';
import { useCan } from '../../lib/use-can';
import { stageTone } from './intake-columns';
import { AdvanceStageForm } from './intake-advance-stage';
import { IntakeRecordHistory } from './intake-record-history';
import { IntakeRecordForm } from './intake-record-form';
import { Sheet } from '../../components/ui/sheet';
import type { IntakeLabels } from './use-intake-labels';

/** One record: its fields, its stage timeline, its history; officers edit and advance it here. */
export function IntakeRecordDrawer({
  id,
  editing,
  onEditingChange,
  labels,
  onClose,
}: {
  id: string;
  /** The edit form instead of the details (kept in the URL, so a reload keeps it open). */
  editing: boolean;
  onEditingChange: (editing: boolean) => void;
  labels: IntakeLabels;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const format = useFormat();
  const canWrite = useCan('intake:write');
  const record = useQuery(intakeQueries.detail(id));

  if (editing && canWrite && record.data) {
    return (
      <IntakeRecordForm
        labels={labels}
        record={record.data}
        onClose={() => onEditingChange(false)}
        onSaved={() => onEditingChange(false)}
      />
    );
  }
  const r = record.data;
  return (
    <Sheet title={r ? `${r.name} · ${r.id}` : t('intake.detail')} description={t('intake.detail')} onClose={onClose}>
      {record.isPending && <Skeleton className="h-64 w-full" />}
      {record.error && !r && <ErrorState error={record.error} onRetry={() => void record.refetch()} />}
      {r && (
        <div className="space-y-6">
          <div className="flex items-center gap-2">
            <Badge tone={stageTone[r.stage]}>{t(`stage.${r.stage}`)}</Badge>
            <Badge>{t(`kind.${r.kind}`)}</Badge>
            {canWrite && (
              <Button size="sm" className="ml-auto" onClick={() => onEditingChange(true)}>
                <Pencil className="size-3.5" aria-hidden />
                {t('intake.edit')}
              </Button>
            )}
          </div>
          <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-2 text-sm">
            {(
              [
                ['intake.field.organization', r.organization || '—'],
                ['intake.field.phone', r.phone || '—'],
                ['intake.field.channel', labels.label('channel', r.channelCode)],
                ['intake.field.event', labels.label('event', r.eventCode)],
                ['intake.field.tier', labels.label('tier', r.tierCode)],
                ['intake.field.industry', labels.label('industry', r.industryCode)],
                ['intake.field.town', labels.label('town', r.townCode)],
                ['intake.field.officer', r.officerName],
                [
                  'intake.field.investment',
                  r.investment === null ? '—' : `${format.amount(r.investment)} ${t('unit.tenThousandYuan')}`,
                ],
                ['intake.field.note', r.note || '—'],
              ] as [MessageKey, string][]
            ).map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-muted-foreground">{t(label)}</dt>
                <dd className="break-words whitespace-pre-wrap">{value}</dd>
              </div>
            ))}
          </dl>
          <StageTimeline record={r} />
          {canWrite && r.stage !== 'landed' && <AdvanceStageForm key={r.version} record={r} />}
          <IntakeRecordHistory id={r.id} labels={labels} />
        </div>
      )}
    </Sheet>
  );
}

function StageTimeline({ record }: { record: IntakeRecord }) {
  const { t } = useI18n();
  const format = useFormat();
  return (
    <section aria-labelledby="timeline-heading">
      <h3 id="timeline-heading" className="mb-2 font-semibold">
        {t('intake.timeline')}
      </h3>
      <ol className="flex gap-1">
        {intakeStages.map((stage) => {
          const on = record.stageDates[stage];
          return (
            <li
              key={stage}
              className={`flex-1 rounded-md border p-2 text-sm ${on ? 'border-success/50 bg-success/5' : 'opacity-70'}`}
            >
              <span className="flex items-center gap-1 font-medium">
                {on ? (
                  <CheckCircle2 className="size-4 text-success" aria-hidden />
                ) : (
                  <Circle className="size-4" aria-hidden />
                )}
                {t(`stage.${stage}`)}
              </span>
              <span className="text-xs text-muted-foreground tabular-nums">
                {on ? format.date(on) : t('intake.notReached')}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
