import { useQuery } from '@tanstack/react-query';
import { ArrowLeft, X } from 'lucide-react';
import { Link } from 'react-router';
import { useEffect, useRef, useState } from 'react';
import { caseQueries } from '../../api/queries/case-queries';
import { patchHref, policyPatchesHref, proposePatchHref } from '../../lib/links';
import { caseActionRefusal, caseActionsFor, openAssists, pendingExtension } from '../../api/schemas/case-workflow';
import type { CaseAction, ServiceCase } from '../../api/schemas/service-cases';
import { ErrorState } from '../../components/feedback/error-state';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Skeleton } from '../../components/ui/skeleton';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';
import type { MessageKey } from '../../lib/i18n/zh-cn';
import { useSessionState } from '../../lib/session';
import { useCan } from '../../lib/use-can';
import {
  AssignDialog,
  DispatchDialog,
  EscalateDialog,
  ExtensionDecisionDialog,
  ExtensionRequestDialog,
  FollowUpDialog,
  isNoteAction,
  NoteActionDialog,
  PriorityDialog,
  ReviewReturnDialog,
  SuperviseDialog,
  useSignHint,
} from './case-action-dialogs';
import { CaseAnswerForm } from './case-answer-form';
import { CaseAssists, CaseLapseDue, CaseLapseNotice, CaseMerges } from './case-coordination';
import {
  ClassifyDialog,
  MergeDialog,
  RemindDialog,
  ReportAssistDialog,
  RequestAssistDialog,
} from './case-coordination-dialogs';
import { priorityTone, statusTone } from './case-columns';
import { CaseHistory } from './case-history';
import { CaseLifecycle } from './case-lifecycle';
import { actionKeys, usePageKeys } from './case-shortcuts';
import { DueBadge } from './due-badge';
import type { CaseLabels } from './use-case-labels';
import { useNow } from './use-now';

type DialogAction = Exclude<CaseAction, 'answer'>;

/** What the quieter actions say they will do, beside their reason. */
const noteHints: Partial<Record<CaseAction, MessageKey>> = {
  return: 'case.returnHint',
  suspend: 'case.suspendHint',
  resume: 'case.resumeHint',
  accept: 'case.acceptHint',
  sendBack: 'case.sendBackHint',
};

/**
 * One case beside the queue: who asks for what, where it stands and by when, what was answered,
 * and its history; the actions the workflow allows this user now, and only those.
 */
export function CaseWorkspace({ id, labels, onClose }: { id: string; labels: CaseLabels; onClose: () => void }) {
  const { t } = useI18n();
  const user = useSessionState().session?.user;
  const serviceCase = useQuery(caseQueries.detail(id));
  const heading = useRef<HTMLHeadingElement>(null);
  const [dialog, setDialog] = useState<DialogAction | null>(null);
  const c = serviceCase.data;

  // Opening a case takes the reader to it, as a page would.
  useEffect(() => heading.current?.focus(), [id]);
  // After an action its button may be gone (办结 leaves no 办结): focus comes back to the case,
  // never to the page. Radix gives focus back in a task of its own; this looks after it.
  const hadDialog = useRef(false);
  useEffect(() => {
    if (dialog !== null) hadDialog.current = true;
    else if (hadDialog.current) {
      hadDialog.current = false;
      setTimeout(() => {
        if (!document.activeElement || document.activeElement === document.body) heading.current?.focus();
      });
    }
  }, [dialog]);

  const actions = c && user ? caseActionsFor(user, c) : [];
  usePageKeys((key) => {
    const action = (actionKeys as Record<string, DialogAction>)[key];
    if (action && actions.includes(action)) {
      setDialog(action);
      return true;
    }
    if (key === 'r' && actions.includes('answer')) {
      document.querySelector<HTMLTextAreaElement>('#case-answer-form textarea')?.focus();
      return true;
    }
    return false;
  });
  return (
    <section aria-labelledby="case-workspace-heading" className="min-w-0 rounded-lg border bg-surface p-4">
      <div className="mb-3 flex items-start gap-2">
        <Button size="sm" variant="ghost" className="lg:hidden" onClick={onClose}>
          <ArrowLeft className="size-3.5" aria-hidden />
          {t('case.backToQueue')}
        </Button>
        <h2
          ref={heading}
          id="case-workspace-heading"
          tabIndex={-1}
          className="min-w-0 flex-1 text-lg font-semibold break-words outline-none"
        >
          {c ? `${c.title}` : t('case.detail')}
          <span className="ml-2 font-mono text-xs font-normal text-muted-foreground">{id}</span>
        </h2>
        <Button
          size="sm"
          variant="ghost"
          className="hidden lg:inline-flex"
          onClick={onClose}
          aria-label={t('common.close')}
        >
          <X className="size-4" aria-hidden />
        </Button>
      </div>
      {serviceCase.isPending && <Skeleton className="h-64 w-full" />}
      {serviceCase.error && !c && <ErrorState error={serviceCase.error} onRetry={() => void serviceCase.refetch()} />}
      {c && (
        <div className="space-y-5">
          <CaseSummary serviceCase={c} labels={labels} />
          {actions.length > 0 && (
            <div role="group" aria-label={t('case.actions')} className="flex flex-wrap gap-2">
              {actions
                .filter((action): action is DialogAction => action !== 'answer')
                .map((action) => (
                  <Button key={action} size="sm" onClick={() => setDialog(action)}>
                    {t(
                      action === 'dispatch' && c.dispatches.length > 0
                        ? 'case.action.redispatch'
                        : `case.action.${action}`,
                    )}
                  </Button>
                ))}
            </div>
          )}
          {user && caseActionRefusal(user, c, 'answer') === 'assistsReported' && (
            <p className="rounded-md border border-warning/50 bg-warning/10 p-3 text-sm">
              {t('case.assistsAwaitedBeforeAnswer', {
                departments: openAssists(c)
                  .map((a) => labels.label('department', a.departmentCode))
                  .join('、'),
              })}
            </p>
          )}
          {actions.includes('answer') && user && (
            <CaseAnswerForm
              serviceCase={c}
              userId={user.id}
              labels={labels}
              // The form goes once the case is answered: focus stays with the case.
              onSent={() => setTimeout(() => heading.current?.focus())}
            />
          )}
          <CaseLifecycle serviceCase={c} labels={labels} />
          <CaseHistory id={c.id} labels={labels} />
          <CaseActionDialogs serviceCase={c} labels={labels} dialog={dialog} onClose={() => setDialog(null)} />
        </div>
      )}
    </section>
  );
}

/** The dialog of the action chosen, if any. */
function CaseActionDialogs({
  serviceCase,
  labels,
  dialog,
  onClose,
}: {
  serviceCase: ServiceCase;
  labels: CaseLabels;
  dialog: DialogAction | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const signHint = useSignHint(serviceCase, labels);
  if (dialog === null) return null;
  const props = { serviceCase, open: true, onOpenChange: (open: boolean) => !open && onClose() };
  if (isNoteAction(dialog)) {
    const hint = dialog === 'sign' ? signHint : noteHints[dialog] && t(noteHints[dialog]);
    return <NoteActionDialog key={dialog} action={dialog} hint={hint} {...props} />;
  }
  switch (dialog) {
    case 'dispatch':
      return <DispatchDialog labels={labels} {...props} />;
    case 'assign':
      return <AssignDialog labels={labels} {...props} />;
    case 'reviewReturn':
      return <ReviewReturnDialog labels={labels} {...props} />;
    case 'requestExtension':
      return <ExtensionRequestDialog labels={labels} {...props} />;
    case 'decideExtension':
      return <ExtensionDecisionDialog {...props} />;
    case 'followUp':
      return <FollowUpDialog {...props} />;
    case 'supervise':
      return <SuperviseDialog {...props} />;
    case 'escalate':
      return <EscalateDialog {...props} />;
    case 'prioritize':
      return <PriorityDialog {...props} />;
    case 'remind':
      return <RemindDialog labels={labels} {...props} />;
    case 'requestAssist':
      return <RequestAssistDialog labels={labels} {...props} />;
    case 'reportAssist':
      return <ReportAssistDialog labels={labels} {...props} />;
    case 'merge':
      return <MergeDialog labels={labels} {...props} />;
    case 'classify':
      return <ClassifyDialog {...props} />;
  }
}

function CaseSummary({ serviceCase: c, labels }: { serviceCase: ServiceCase; labels: CaseLabels }) {
  const { t } = useI18n();
  const canPropose = useCan('patch:propose');
  const format = useFormat();
  const now = useNow();
  const rows: [MessageKey, string][] = [
    ['case.field.requester', c.enterpriseName ? `${c.enterpriseName}（${c.requesterName}）` : c.requesterName],
    ['case.field.phone', c.requesterPhone || '—'],
    ['case.field.idNumber', c.requesterIdNumber ?? '—'],
    ['case.field.address', c.requesterAddress ?? '—'],
    ['case.field.category', labels.label('category', c.categoryCode)],
    ['case.field.department', labels.label('department', c.departmentCode)],
    ['case.field.assignee', c.assigneeName ?? '—'],
    ['case.field.receivedAt', format.dateTime(c.receivedAt)],
    ['case.field.dueAt', format.dateTime(c.dueAt)],
  ];
  const paused = c.status === 'suspended' ? c.suspensions.at(-1) : undefined;
  const extension = pendingExtension(c);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={statusTone[c.status]}>{t(`case.status.${c.status}`)}</Badge>
        <Badge tone={priorityTone[c.priority]}>{t(`case.priority.${c.priority}`)}</Badge>
        <DueBadge serviceCase={c} now={now} />
        {c.round > 1 && <Badge tone="danger">{t('case.round', { round: c.round })}</Badge>}
        {c.commonality && <Badge tone="primary">{t(`case.commonality.${c.commonality}`)}</Badge>}
      </div>
      <CaseMerges serviceCase={c} />
      <CaseLapseDue serviceCase={c} labels={labels} />
      {paused && (
        <p className="rounded-md border bg-muted/40 p-3 text-sm break-words">
          {t('case.pausedSince', { at: format.dateTime(paused.at), reason: paused.reason })}
        </p>
      )}
      {extension && (
        <p className="rounded-md border border-warning/50 bg-warning/10 p-3 text-sm break-words">
          {t('case.pendingExtension', {
            by: extension.byName,
            to: format.dateTime(extension.requestedDueAt),
            reason: extension.reason,
          })}
        </p>
      )}
      {c.sentBack && c.status === 'inProgress' && (
        <p className="rounded-md border border-danger/40 bg-danger/5 p-3 text-sm break-words">
          {t('case.lifecycle.sentBack', {
            at: format.dateTime(c.sentBack.at),
            by: c.sentBack.byName,
            reason: c.sentBack.reason,
          })}
        </p>
      )}
      <p className="text-sm break-words whitespace-pre-wrap">{c.description}</p>
      <CaseAssists serviceCase={c} labels={labels} />
      <dl className="grid grid-cols-[6.5rem_1fr] gap-x-3 gap-y-1.5 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-muted-foreground">{t(label)}</dt>
            <dd className="min-w-0 break-words">{value}</dd>
          </div>
        ))}
        <dt className="text-muted-foreground">{t('case.field.linkedPatch')}</dt>
        <dd className="min-w-0">
          {c.linkedPatchId ? (
            <Link to={patchHref(c.linkedPatchId)} className="font-mono text-primary hover:underline">
              {c.linkedPatchId}
            </Link>
          ) : canPropose ? (
            <Link to={proposePatchHref([c.id])} className="text-primary hover:underline">
              {t('patch.proposeFromCase')}
            </Link>
          ) : (
            '—'
          )}
        </dd>
      </dl>
      {c.escalation && c.status !== 'closed' && (
        <div className="rounded-md border border-danger/40 bg-danger/5 p-3 text-sm">
          <p className="font-medium text-danger">
            {t('case.escalatedBy', {
              name: c.escalation.byName,
              level: t(`case.escalation.${c.escalation.level}`),
              deadline: format.date(c.escalation.deadline),
            })}
          </p>
          <p className="break-words whitespace-pre-wrap">{c.escalation.reason}</p>
        </div>
      )}
      {c.supervision && (
        <div className="rounded-md border border-danger/40 bg-danger/5 p-3 text-sm">
          <p className="font-medium text-danger">
            {t('case.supervisedBy', { name: c.supervision.byName, deadline: format.date(c.supervision.deadline) })}
          </p>
          <p className="break-words whitespace-pre-wrap">{c.supervision.note}</p>
        </div>
      )}
      {c.countermeasure && (
        <div className="rounded-md border bg-muted/40 p-3 text-sm">
          <p className="font-medium">
            {t('case.field.countermeasure')}
            {c.answeredAt && (
              <span className="ml-2 font-normal text-muted-foreground">{format.dateTime(c.answeredAt)}</span>
            )}
          </p>
          <p className="break-words whitespace-pre-wrap">{c.countermeasure}</p>
          {c.citedPolicyCode && (
            <p className="mt-1 text-muted-foreground">
              {t('case.field.citedPolicy')}
              {t('common.colon')}
              <Link to={policyPatchesHref(c.citedPolicyCode)} className="text-primary hover:underline">
                {labels.label('policy', c.citedPolicyCode)}
              </Link>
            </p>
          )}
        </div>
      )}
      {c.followUp && (
        <div className="rounded-md border p-3 text-sm">
          <p className="font-medium">
            {t('case.followUpBy', {
              name: c.followUp.byName,
              at: format.dateTime(c.followUp.at),
              satisfaction: t(`case.satisfaction.${c.followUp.satisfaction}`),
            })}
          </p>
          {c.followUp.note && <p className="break-words whitespace-pre-wrap">{c.followUp.note}</p>}
        </div>
      )}
      <CaseLapseNotice serviceCase={c} labels={labels} />
    </div>
  );
}
