import { useQuery } from '@tanstack/react-query';
import { ArrowRightLeft } from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { patchQueries } from '../../api/queries/patch-queries';
import {
  patchMoveBetween,
  patchMoveRefusal,
  patchMovesFor,
  patchWorkflow,
  type PatchMove,
} from '../../api/schemas/patch-workflow';
import {
  patchStatusSchema,
  type PatchStatus,
  type PolicyPatch,
  type PolicyPatchListQuery,
} from '../../api/schemas/policy-patches';
import { ErrorState } from '../../components/feedback/error-state';
import { Button } from '../../components/ui/button';
import { Menu, menuItemClass, MenuLabel } from '../../components/ui/menu';
import { Skeleton } from '../../components/ui/skeleton';
import { toast } from '../../components/ui/toaster';
import { cn } from '../../lib/cn';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';
import { useSessionState } from '../../lib/session';
import { patchAgeDays } from './patch-columns';
import { MoveDialog } from './patch-dialogs';
import type { PatchLabels } from './use-patch-labels';

/** The board shows at most one page of the largest size; beyond it, it asks for narrower filters. */
const BOARD_SIZE = 200;

/**
 * The patches by status, a column per status of the workflow. A card moves by dragging it to
 * another column (only the columns the workflow allows the user light up and accept it) or, from
 * the keyboard, by its Move menu, which lists the same moves; either way a dialog confirms the
 * move and takes its reason. Focus follows the card to its new column.
 */
export function PatchBoard({
  query,
  labels,
  onOpen,
}: {
  query: Omit<PolicyPatchListQuery, 'page' | 'pageSize' | 'sort'>;
  labels: PatchLabels;
  onOpen: (id: string) => void;
}) {
  const { t } = useI18n();
  const format = useFormat();
  const user = useSessionState().session?.user;
  const list = useQuery(patchQueries.list({ ...query, page: 1, pageSize: BOARD_SIZE, sort: '-updatedAt' }));
  const [dragging, setDragging] = useState<PolicyPatch | null>(null);
  const [pending, setPending] = useState<{ patch: PolicyPatch; move: PatchMove } | null>(null);
  const focusAfter = useRef<string | null>(null);
  const [now] = useState(() => Date.now());

  // After a move the card is drawn in its new column: focus goes to it, not to the page.
  useEffect(() => {
    if (!focusAfter.current) return;
    const card = document.querySelector<HTMLElement>(`[data-patch-card="${focusAfter.current}"]`);
    if (card) {
      card.focus();
      focusAfter.current = null;
    }
  }, [list.data]);

  if (list.isPending) return <Skeleton className="h-96 w-full" />;
  if (list.error) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const patches = list.data.items;

  const moveOf = (patch: PolicyPatch, to: PatchStatus): PatchMove | null => {
    const move = patchMoveBetween(patch.status, to);
    return move !== null && user && patchMoveRefusal(user, patch, move) === null ? move : null;
  };
  const drop = (event: DragEvent, to: PatchStatus) => {
    event.preventDefault();
    const patch = patches.find((p) => p.id === event.dataTransfer.getData('text/plain')) ?? dragging;
    setDragging(null);
    if (!patch || patch.status === to) return;
    const move = moveOf(patch, to);
    if (move) setPending({ patch, move });
    else
      toast({
        tone: 'error',
        title: t('patch.board.refused', { from: t(`patch.status.${patch.status}`), to: t(`patch.status.${to}`) }),
      });
  };

  return (
    <section aria-labelledby="patch-board-heading">
      <h2 id="patch-board-heading" className="sr-only">
        {t('patch.view.board')}
      </h2>
      <p className="mb-2 text-sm text-muted-foreground">{t('patch.board.hint')}</p>
      {list.data.total > patches.length && (
        <p role="status" className="mb-2 text-sm text-warning">
          {t('patch.board.truncated', {
            shown: format.integer(patches.length),
            total: format.integer(list.data.total),
          })}
        </p>
      )}
      <div className="grid auto-cols-[minmax(13rem,1fr)] grid-flow-col gap-3 overflow-x-auto pb-2">
        {patchStatusSchema.options.map((status) => {
          const cards = patches.filter((p) => p.status === status);
          const accepts = dragging !== null && dragging.status !== status && moveOf(dragging, status) !== null;
          const headingId = `patch-column-${status}`;
          return (
            <section
              key={status}
              aria-labelledby={headingId}
              // Every other column takes the drop: one the workflow does not allow says why.
              onDragOver={(event) => {
                if (dragging && dragging.status !== status) event.preventDefault();
              }}
              onDrop={(event) => drop(event, status)}
              className={cn(
                'flex min-h-48 flex-col rounded-lg border bg-muted/40 p-2',
                accepts && 'border-primary bg-primary/5 ring-2 ring-primary/40',
                dragging && !accepts && dragging.status !== status && 'opacity-60',
              )}
            >
              <h3 id={headingId} className="mb-2 px-1 text-sm font-semibold">
                {t('patch.board.column', { status: t(`patch.status.${status}`), count: format.integer(cards.length) })}
              </h3>
              {cards.length === 0 ? (
                <p className="px-1 text-xs text-muted-foreground">{t('patch.board.empty')}</p>
              ) : (
                <ul className="max-h-[70vh] space-y-2 overflow-y-auto">
                  {cards.map((patch) => (
                    <BoardCard
                      key={patch.id}
                      patch={patch}
                      labels={labels}
                      moves={user ? patchMovesFor(user, patch) : []}
                      ageDays={patchAgeDays(patch, now)}
                      onOpen={() => onOpen(patch.id)}
                      onMove={(move) => setPending({ patch, move })}
                      onDragStart={() => setDragging(patch)}
                      onDragEnd={() => setDragging(null)}
                    />
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
      {pending && (
        <MoveDialog
          patch={pending.patch}
          move={pending.move}
          onClose={() => setPending(null)}
          onMoved={(moved) => (focusAfter.current = moved.id)}
        />
      )}
    </section>
  );
}

function BoardCard({
  patch,
  labels,
  moves,
  ageDays,
  onOpen,
  onMove,
  onDragStart,
  onDragEnd,
}: {
  patch: PolicyPatch;
  labels: PatchLabels;
  moves: PatchMove[];
  ageDays: number | null;
  onOpen: () => void;
  onMove: (move: PatchMove) => void;
  onDragStart: () => void;
  onDragEnd: () => void;
}) {
  const { t } = useI18n();
  const format = useFormat();
  return (
    <li
      draggable={moves.length > 0}
      onDragStart={(event) => {
        event.dataTransfer.setData('text/plain', patch.id);
        event.dataTransfer.effectAllowed = 'move';
        onDragStart();
      }}
      onDragEnd={onDragEnd}
      className={cn('rounded-md border bg-surface p-2 text-sm shadow-sm', moves.length > 0 && 'cursor-grab')}
    >
      <button
        type="button"
        data-patch-card={patch.id}
        onClick={onOpen}
        className="block w-full rounded text-left outline-none focus-visible:ring-2 focus-visible:ring-ring"
      >
        <span className="font-mono text-xs text-muted-foreground">{patch.id}</span>
        <span className="mt-0.5 line-clamp-2 block font-medium">{patch.title}</span>
        <span className="mt-1 block truncate text-xs text-muted-foreground">
          {labels.label('policy', patch.policyCode)}
        </span>
        <span className="mt-1 flex justify-between gap-2 text-xs text-muted-foreground">
          <span className="truncate">{labels.label('department', patch.leadDepartmentCode)}</span>
          <span className="shrink-0 tabular-nums">
            {ageDays !== null && `${t('patch.ageDays', { days: format.integer(ageDays) })} · `}
            {format.integer(patch.demandCount)}
            {t('unit.cases')}
          </span>
        </span>
      </button>
      {moves.length > 0 && (
        <div className="mt-1 flex justify-end">
          <Menu
            trigger={
              <Button size="sm" variant="ghost" aria-label={t('patch.moveMenu', { id: patch.id })}>
                <ArrowRightLeft className="size-3.5" aria-hidden />
                {t('patch.moveTo')}
              </Button>
            }
          >
            <MenuLabel>{t(`patch.status.${patch.status}`)}</MenuLabel>
            {moves.map((move) => (
              <DropdownMenu.Item key={move} className={menuItemClass} onSelect={() => onMove(move)}>
                {t(`patch.move.${move}`)} → {t(`patch.status.${patchWorkflow[move].to}`)}
              </DropdownMenu.Item>
            ))}
          </Menu>
        </div>
      )}
    </li>
  );
}
