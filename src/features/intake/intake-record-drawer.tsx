import { useQuery } from '@tanstack/react-query';
import { CheckCircle2, Circle, Pencil } from 'lucide-react';
import { useId, useState, type FormEvent } from 'react';
import { intakeQueries } from '../../api/queries/intake-queries';
import { intakeStages, type IntakeRecord, type IntakeStage } from '../../api/schemas/intake';
import { ErrorState } from '../../components/feedback/error-state';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Skeleton } from '../../components/ui/skeleton';
import { toast } from '../../components/ui/toaster';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';
import type { MessageKey } from '../../lib/i18n/zh-cn';
import { useCan } from '../../lib/use-can';
import { todayInChina } from '../../lib/today';
import { stageTone } from './intake-columns';
import { useAdvanceIntakeStage } from './intake-mutations';
import { IntakeRecordForm } from './intake-record-form';
import { Sheet } from '../../components/ui/sheet';
import type { FacetParam } from './intake-search';
import type { IntakeLabels } from './use-intake-labels';

/** One record: its fields, its stage timeline, its history; officers edit and advance it here. */
export function IntakeRecordDrawer({ id, labels, onClose }: { id: string; labels: IntakeLabels; onClose: () => void }) {
  const { t } = useI18n();
  const format = useFormat();
  const canWrite = useCan('intake:write');
  const record = useQuery(intakeQueries.detail(id));
  const [editing, setEditing] = useState(false);

  if (editing && record.data) {
    return (
      <IntakeRecordForm
        labels={labels}
        record={record.data}
        onClose={() => setEditing(false)}
        onSaved={() => setEditing(false)}
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
              <Button size="sm" className="ml-auto" onClick={() => setEditing(true)}>
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
                  r.investment === null ? '—' : `${format.integer(r.investment)} ${t('unit.tenThousandYuan')}`,
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
          {canWrite && r.stage !== 'landed' && <AdvanceStageForm record={r} />}
          <History id={r.id} labels={labels} />
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

function AdvanceStageForm({ record }: { record: IntakeRecord }) {
  const { t } = useI18n();
  const id = useId();
  const later = intakeStages.slice(intakeStages.indexOf(record.stage) + 1);
  const [stage, setStage] = useState<IntakeStage>(later[0]!);
  const [on, setOn] = useState(todayInChina());
  const advance = useAdvanceIntakeStage();
  const since = record.stageDates[record.stage]!;
  function submit(event: FormEvent) {
    event.preventDefault();
    advance.mutate(
      { id: record.id, input: { stage, on }, version: record.version },
      { onSuccess: () => toast({ tone: 'success', title: t('intake.advanced', { stage: t(`stage.${stage}`) }) }) },
    );
  }
  return (
    <form onSubmit={submit} className="rounded-md border p-3" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="mb-2 font-semibold">
        {t('intake.advance')}
      </h3>
      <div className="flex flex-wrap items-end gap-3 text-sm">
        <div>
          <label htmlFor={`${id}-stage`} className="block text-muted-foreground">
            {t('intake.advanceTo')}
          </label>
          <select
            id={`${id}-stage`}
            value={stage}
            onChange={(e) => setStage(e.target.value as IntakeStage)}
            className="mt-1 h-9 rounded-md border bg-surface px-2"
          >
            {later.map((s) => (
              <option key={s} value={s}>
                {t(`stage.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-on`} className="block text-muted-foreground">
            {t('intake.advanceOn')}
          </label>
          <input
            id={`${id}-on`}
            type="date"
            value={on}
            min={since}
            max={todayInChina()}
            required
            onChange={(e) => setOn(e.target.value)}
            className="mt-1 h-9 rounded-md border bg-surface px-2"
          />
        </div>
        <Button type="submit" variant="primary" disabled={advance.isPending}>
          {t('intake.advance')}
        </Button>
      </div>
      {advance.error && <ErrorState error={advance.error} compact className="mt-2" />}
    </form>
  );
}

const historyFields: Partial<Record<keyof IntakeRecord, [MessageKey, FacetParam?]>> = {
  name: ['intake.field.name'],
  organization: ['intake.field.organization'],
  phone: ['intake.field.phone'],
  channelCode: ['intake.field.channel', 'channel'],
  eventCode: ['intake.field.event', 'event'],
  tierCode: ['intake.field.tier', 'tier'],
  industryCode: ['intake.field.industry', 'industry'],
  townCode: ['intake.field.town', 'town'],
  stage: ['intake.field.stage', 'stage'],
  officerId: ['intake.field.officer', 'officer'],
  investment: ['intake.field.investment'],
  note: ['intake.field.note'],
};

function History({ id, labels }: { id: string; labels: IntakeLabels }) {
  const { t } = useI18n();
  const format = useFormat();
  const history = useQuery(intakeQueries.history(id));
  const show = (value: unknown, facet: FacetParam | undefined) => {
    if (value === null || value === undefined || value === '') return '—';
    return facet ? labels.label(facet, String(value)) : String(value);
  };
  return (
    <section aria-labelledby="history-heading">
      <h3 id="history-heading" className="mb-2 font-semibold">
        {t('intake.history')}
      </h3>
      {history.isPending && <Skeleton className="h-16 w-full" />}
      {history.error && !history.data && (
        <ErrorState error={history.error} onRetry={() => void history.refetch()} compact />
      )}
      {history.data?.items.length === 0 && <p className="text-sm text-muted-foreground">{t('intake.historyEmpty')}</p>}
      <ol className="space-y-2">
        {history.data?.items.map((event) => (
          <li key={event.id} className="rounded-md border p-2 text-sm">
            <p>
              <span className="font-medium">{t(`audit.action.${event.action}` as MessageKey)}</span>
              <span className="ml-2 text-muted-foreground">
                {event.actorName} · {format.dateTime(event.at)}
              </span>
            </p>
            {event.action !== 'create' && (
              <ul className="mt-1 text-xs text-muted-foreground">
                {event.changes.flatMap((change) => {
                  const known = historyFields[change.field as keyof IntakeRecord];
                  if (!known) return [];
                  const [label, facet] = known;
                  return [
                    <li key={change.field}>
                      {t('audit.changed', {
                        field: t(label),
                        from: show(change.from, facet),
                        to: show(change.to, facet),
                      })}
                    </li>,
                  ];
                })}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
