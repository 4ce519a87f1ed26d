import { useQuery } from '@tanstack/react-query';
import { Bookmark, Trash2, Users } from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import { useId, useState, type FormEvent } from 'react';
import { savedViewQueries, useCreateSavedView, useDeleteSavedView } from '../../api/queries/saved-view-queries';
import type { SavedView, SavedViewResource } from '../../api/schemas/saved-views';
import { describeError } from '../../lib/describe-error';
import { useI18n } from '../../lib/i18n/i18n';
import { useSessionState } from '../../lib/session';
import { Button } from '../ui/button';
import { Menu, menuItemClass, MenuSeparator } from '../ui/menu';
import { DialogActions, ModalDialog } from '../ui/modal-dialog';
import { toast } from '../ui/toaster';

/** Named views of a table, stored through the API: one's own, and those shared with the team. */
export function SavedViewsMenu({
  resource,
  search,
  onApply,
}: {
  resource: SavedViewResource;
  search: string;
  onApply: (view: SavedView) => void;
}) {
  const { t } = useI18n();
  const userId = useSessionState().session?.user.id;
  const views = useQuery(savedViewQueries.list(resource));
  const [saving, setSaving] = useState(false);
  const remove = useDeleteSavedView();
  return (
    <>
      <Menu
        className="w-64"
        trigger={
          <Button size="sm">
            <Bookmark className="size-3.5" aria-hidden />
            {t('views.title')}
          </Button>
        }
      >
        <DropdownMenu.Item onSelect={() => setSaving(true)} className={menuItemClass}>
          <Bookmark className="size-4" aria-hidden />
          {t('views.saveCurrent')}
        </DropdownMenu.Item>
        <MenuSeparator />
        {views.isPending && <p className="px-2 py-1.5 text-sm text-muted-foreground">{t('common.loading')}</p>}
        {views.error && !views.data && (
          <p className="px-2 py-1.5 text-sm text-danger">{describeError(views.error, t)}</p>
        )}
        {views.data?.length === 0 && <p className="px-2 py-1.5 text-sm text-muted-foreground">{t('views.none')}</p>}
        {views.data?.map((view) => (
          <div key={view.id} className="flex items-center">
            <DropdownMenu.Item onSelect={() => onApply(view)} className={`${menuItemClass} min-w-0 flex-1`}>
              {view.shared && (
                <Users className="size-3.5 shrink-0 text-muted-foreground" aria-label={t('views.shared')} />
              )}
              <span className="truncate">{view.name}</span>
              {view.ownerId !== userId && (
                <span className="ml-auto text-xs text-muted-foreground">{view.ownerName}</span>
              )}
            </DropdownMenu.Item>
            {view.ownerId === userId && (
              <DropdownMenu.Item
                onSelect={() =>
                  remove.mutate(view.id, {
                    onError: (error) =>
                      toast({ tone: 'error', title: t('views.deleteFailed'), description: describeError(error, t) }),
                  })
                }
                className={`${menuItemClass} text-danger`}
                aria-label={t('views.delete', { name: view.name })}
              >
                <Trash2 className="size-3.5" aria-hidden />
              </DropdownMenu.Item>
            )}
          </div>
        ))}
      </Menu>
      <SaveViewDialog open={saving} onOpenChange={setSaving} resource={resource} search={search} />
    </>
  );
}

function SaveViewDialog({
  open,
  onOpenChange,
  resource,
  search,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  resource: SavedViewResource;
  search: string;
}) {
  const { t } = useI18n();
  const id = useId();
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const save = useCreateSavedView();
  const empty = name.trim() === '';
  function submit(event: FormEvent) {
    event.preventDefault();
    if (empty) return;
    save.mutate(
      { resource, name: name.trim(), search, shared },
      {
        onSuccess: (view) => {
          toast({ tone: 'success', title: t('views.saved', { name: view.name }) });
          setName('');
          setShared(false);
          onOpenChange(false);
        },
      },
    );
  }
  const nameError = save.error ? describeError(save.error, t) : null;
  return (
    <ModalDialog
      open={open}
      onOpenChange={onOpenChange}
      title={t('views.saveCurrent')}
      description={t('views.saveHint')}
    >
      <form onSubmit={submit} className="mt-4 space-y-3">
        <div>
          <label htmlFor={`${id}-name`} className="block text-sm font-medium">
            {t('views.name')}
          </label>
          <input
            id={`${id}-name`}
            value={name}
            maxLength={40}
            onChange={(event) => setName(event.target.value)}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? `${id}-error` : undefined}
            className="mt-1 h-9 w-full rounded-md border bg-surface px-3"
          />
          {nameError && (
            <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-danger">
              {nameError}
            </p>
          )}
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={shared} onChange={(event) => setShared(event.target.checked)} />
          {t('views.shareWithTeam')}
        </label>
        <DialogActions
          cancelLabel={t('common.cancel')}
          submitLabel={t('common.save')}
          disabled={empty || save.isPending}
        />
      </form>
    </ModalDialog>
  );
}
