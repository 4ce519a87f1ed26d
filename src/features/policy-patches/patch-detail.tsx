import { useQuery } from '@tanstack/react-query';
import { Link2, Unlink } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { patchQueries, usePatchWrite } from '../../api/queries/patch-queries';
import { caseHref } from '../../lib/links';
import { patchEffectStatuses, patchMovesFor, worksOnPatch, type PatchMove } from '../../api/schemas/patch-workflow';
import { patchInProgressStatuses, type PatchStatus, type PolicyPatch } from '../../api/schemas/policy-patches';
import { ChartCard } from '../../components/charts/chart-card';
import { ErrorState } from '../../components/feedback/error-state';
import { HistorySection, type HistoryField } from '../../components/history/history-timeline';
import { Button } from '../../components/ui/button';
import { Sheet } from '../../components/ui/sheet';
import { Skeleton } from '../../components/ui/skeleton';
import { toast } from '../../components/ui/toaster';
import { describeError } from '../../lib/describe-error';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';
import { useSessionState } from '../../lib/session';
import { useCan } from '../../lib/use-can';
import { PatchStatusBadge } from './patch-columns';
import { EffectDialog, LinkDialog, MoveDialog } from './patch-dialogs';
import { PatchForm } from './patch-form';
import type { PatchLabels } from './use-patch-labels';

/** `2026-03` as the page shows a month. */
const monthLabel = (month: string) => month.replace('-', '.');

/**
 * One patch: the amended policy, the blockage and the clause, the demands that revealed it (each
 * opening its case), every stage with its date and reason, the effect after issue, the history;
 * and the moves, edits and links the user may make now.
 */
export function PatchDetail({ id, labels, onClose }: { id: string; labels: PatchLabels; onClose: () => void }) {
  const { t } = useI18n();
  const patch = useQuery(patchQueries.detail(id));
  return (
    <Sheet title={patch.data ? `${patch.data.id} ${patch.data.title}` : id} onClose={onClose} wide>
      {patch.isPending && <Skeleton className="h-96 w-full" />}
      {patch.error && <ErrorState error={patch.error} onRetry={() => void patch.refetch()} />}
      {patch.data && <PatchDetailBody patch={patch.data} labels={labels} />}
      {!patch.data && !patch.isPending && !patch.error && <p>{t('patch.empty')}</p>}
    </Sheet>
  );
}

function PatchDetailBody({ patch, labels }: { patch: PolicyPatch; labels: PatchLabels }) {
  const { t } = useI18n();
  const format = useFormat();
  const user = useSessionState().session?.user;
  const canPropose = useCan('patch:propose');
  const works = !!user && canPropose && worksOnPatch(user, patch);
  const moves = user ? patchMovesFor(user, patch) : [];
  const [move, setMove] = useState<PatchMove | null>(null);
  const [dialog, setDialog] = useState<'edit' | 'link' | 'effect' | null>(null);
  const unlink = usePatchWrite('linkPolicyPatchCases');
  const hidden = patch.demandCount - patch.demandCaseIds.length;
  const editable = works && patchInProgressStatuses.includes(patch.status);

  const facts: [string, string][] = [
    [t('patch.field.policy'), labels.policyPath(patch.policyCode)],
    [t('patch.field.lead'), labels.label('department', patch.leadDepartmentCode)],
    [t('patch.field.collectedAt'), format.date(patch.collectedAt)],
    [t('patch.field.issuedAt'), patch.issuedAt ? format.date(patch.issuedAt) : '—'],
    [t('patch.field.demands'), format.integer(patch.demandCount)],
  ];

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-2">
        <PatchStatusBadge status={patch.status} t={t} />
        <div className="ml-auto flex flex-wrap gap-2">
          {moves.map((m) => (
            <Button
              key={m}
              size="sm"
              variant={m === 'withdraw' || m === 'sendBack' ? 'secondary' : 'primary'}
              onClick={() => setMove(m)}
            >
              {t(`patch.move.${m}`)}
            </Button>
          ))}
          {editable && (
            <Button size="sm" onClick={() => setDialog('edit')}>
              {t('patch.edit')}
            </Button>
          )}
        </div>
      </div>

      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {facts.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="text-muted-foreground">{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>

      <section aria-labelledby="patch-blockage-heading" className="space-y-3">
        <h3 id="patch-blockage-heading" className="font-semibold">
          {t('patch.field.blockage')}
        </h3>
        <p className="text-sm whitespace-pre-wrap">{patch.blockage}</p>
        <h3 className="font-semibold">{t('patch.field.amendment')}</h3>
        <p className="rounded-md bg-muted p-3 text-sm whitespace-pre-wrap">
          {patch.amendment || t('patch.amendmentEmpty')}
        </p>
      </section>

      <section aria-labelledby="patch-demands-heading">
        <div className="mb-2 flex items-center justify-between gap-2">
          <h3 id="patch-demands-heading" className="font-semibold">
            {t('patch.field.demands')}
          </h3>
          {works && patch.status !== 'withdrawn' && (
            <Button size="sm" onClick={() => setDialog('link')}>
              <Link2 className="size-4" aria-hidden />
              {t('patch.link')}
            </Button>
          )}
        </div>
        {patch.demandCaseIds.length === 0 && hidden === 0 && (
          <p className="text-sm text-muted-foreground">{t('patch.detail.noDemands')}</p>
        )}
        <ul className="divide-y rounded-md border">
          {patch.demandCaseIds.map((caseId) => (
            <li key={caseId} className="flex items-center justify-between gap-2 px-3 py-2 text-sm">
              <Link
                to={caseHref(caseId)}
                className="font-mono text-primary hover:underline"
                aria-label={t('patch.detail.openCase', { id: caseId })}
              >
                {caseId}
              </Link>
              {works && patch.status !== 'withdrawn' && (
                <Button
                  size="icon"
                  variant="ghost"
                  aria-label={t('patch.unlink', { id: caseId })}
                  disabled={unlink.isPending}
                  onClick={() =>
                    unlink.mutate(
                      { id: patch.id, version: patch.version, input: { link: [], unlink: [caseId] } },
                      {
                        onSuccess: (saved) => toast({ tone: 'success', title: t('patch.linked', { id: saved.id }) }),
                        onError: (error) =>
                          toast({ tone: 'error', title: t('patch.link'), description: describeError(error, t) }),
                      },
                    )
                  }
                >
                  <Unlink className="size-4" aria-hidden />
                </Button>
              )}
            </li>
          ))}
        </ul>
        {hidden > 0 && (
          <p className="mt-2 text-sm text-muted-foreground">
            {t('patch.detail.demandsHidden', { count: format.integer(hidden) })}
          </p>
        )}
      </section>

      <section aria-labelledby="patch-stages-heading">
        <h3 id="patch-stages-heading" className="mb-2 font-semibold">
          {t('patch.detail.stages')}
        </h3>
        <ol className="space-y-2 border-l pl-4 text-sm">
          {patch.statusHistory.map((stage) => (
            <li key={`${stage.status}-${stage.at}`}>
              <div className="flex flex-wrap items-center gap-2">
                <PatchStatusBadge status={stage.status} t={t} />
                <span className="tabular-nums">{format.date(stage.at)}</span>
                <span className="text-muted-foreground">{stage.byName}</span>
              </div>
              {stage.note && <p className="mt-1 whitespace-pre-wrap text-muted-foreground">{stage.note}</p>}
            </li>
          ))}
        </ol>
      </section>

      {patchEffectStatuses.includes(patch.status) && (
        <PatchEffect patch={patch} canRecord={works} onRecord={() => setDialog('effect')} />
      )}

      <PatchHistory id={patch.id} labels={labels} />

      {move && <MoveDialog patch={patch} move={move} onClose={() => setMove(null)} />}
      {dialog === 'edit' && (
        <PatchForm labels={labels} patch={patch} onClose={() => setDialog(null)} onSaved={() => setDialog(null)} />
      )}
      <LinkDialog patch={patch} open={dialog === 'link'} onOpenChange={(open) => setDialog(open ? 'link' : null)} />
      <EffectDialog
        patch={patch}
        open={dialog === 'effect'}
        onOpenChange={(open) => setDialog(open ? 'effect' : null)}
      />
    </div>
  );
}

/** The effect after issue, month by month: a chart and the figures as a table. */
function PatchEffect({ patch, canRecord, onRecord }: { patch: PolicyPatch; canRecord: boolean; onRecord: () => void }) {
  const { t } = useI18n();
  const format = useFormat();
  const rows = patch.effects.map((e) => ({
    key: e.month,
    label: monthLabel(e.month),
    beneficiaries: e.beneficiaries,
    fundsDisbursed: e.fundsDisbursed,
  }));
  return (
    <section aria-labelledby="patch-effect-heading" className="space-y-3">
      <div className="flex items-center justify-between gap-2">
        <h3 id="patch-effect-heading" className="font-semibold">
          {t('patch.effect')}
        </h3>
        {canRecord && (
          <Button size="sm" onClick={onRecord}>
            {t('patch.effect.record')}
          </Button>
        )}
      </div>
      {rows.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t('patch.effect.none')}</p>
      ) : (
        <>
          <ChartCard
            title={t('patch.effect')}
            rows={rows}
            series={[
              { key: 'beneficiaries', label: t('patch.effect.beneficiaries'), color: 'var(--chart-1)' },
              { key: 'fundsDisbursed', label: t('patch.effect.funds'), color: 'var(--chart-2)' },
            ]}
            loading={false}
            error={null}
            onRetry={() => undefined}
            formatValue={(value) => format.decimal(value)}
            variant="line"
            height={200}
          />
          <table className="w-full text-sm">
            <caption className="sr-only">{t('patch.effect')}</caption>
            <thead>
              <tr className="border-b text-left text-muted-foreground">
                <th scope="col" className="py-1 font-medium">
                  {t('patch.effect.month')}
                </th>
                <th scope="col" className="py-1 text-right font-medium">
                  {t('patch.effect.beneficiaries')}
                </th>
                <th scope="col" className="py-1 text-right font-medium">
                  {t('patch.effect.funds')}
                </th>
              </tr>
            </thead>
            <tbody>
              {patch.effects.map((e) => (
                <tr key={e.month} className="border-b last:border-0">
                  <th scope="row" className="py-1 text-left font-normal">
                    {monthLabel(e.month)}
                  </th>
                  <td className="py-1 text-right tabular-nums">{format.integer(e.beneficiaries)}</td>
                  <td className="py-1 text-right tabular-nums">{format.amount(e.fundsDisbursed)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function PatchHistory({ id, labels }: { id: string; labels: PatchLabels }) {
  const { t } = useI18n();
  const history = useQuery(patchQueries.history(id));
  const fields: Record<string, HistoryField> = {
    status: { label: t('patch.field.status'), show: (v) => t(`patch.status.${v as PatchStatus}`) },
    title: { label: t('patch.field.title') },
    policyCode: { label: t('patch.field.policy'), show: (v) => labels.label('policy', String(v)) },
    leadDepartmentCode: { label: t('patch.field.lead'), show: (v) => labels.label('department', String(v)) },
    blockage: { label: t('patch.field.blockage') },
    amendment: { label: t('patch.field.amendment') },
    demandCaseIds: { label: t('patch.field.demands'), show: (v) => (v as string[]).join('、') || '—' },
    demandCount: { label: t('patch.field.demands') },
    issuedAt: { label: t('patch.field.issuedAt'), show: (v) => (v ? String(v).slice(0, 10) : '—') },
    effects: { label: t('patch.effect'), show: (v) => `${(v as unknown[]).length}` },
  };
  return (
    <HistorySection
      id="patch-history-heading"
      title={t('patch.detail.history')}
      history={history}
      fields={fields}
      // The stages are listed above with their reasons.
      omit={['statusHistory']}
    />
  );
}
