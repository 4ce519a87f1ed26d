import { useQuery } from '@tanstack/react-query';
import { Bookmark, Trash2, Users } from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { savedViewQueries, useCreateSavedView, useDeleteSavedView } from '../../api/queries/saved-view-queries';
import { savedViewCreateSchema, type SavedView, type SavedViewResource } from '../../api/schemas/saved-views';
import { describeError } from '../../lib/describe-error';
import { useI18n } from '../../lib/i18n/i18n';
import { useSessionState } from '../../lib/session';
import { FormField, inputClass } from '../form/form-field';
import { schemaResolver } from '../form/schema-resolver';
import { applyServerErrors } from '../form/server-errors';
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

const saveViewSchema = savedViewCreateSchema.pick({ name: true, shared: true });
type SaveViewValues = z.input<typeof saveViewSchema>;

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
  const form = useForm<SaveViewValues, unknown, z.output<typeof saveViewSchema>>({
    resolver: schemaResolver(saveViewSchema, t),
    defaultValues: { name: '', shared: false },
  });
  const save = useCreateSavedView();
  const submit = form.handleSubmit((values) =>
    save.mutate(
      { resource, search, ...values },
      {
        onSuccess: (view) => {
          toast({ tone: 'success', title: t('views.saved', { name: view.name }) });
          form.reset();
          onOpenChange(false);
        },
        onError: (error) => {
          if (!applyServerErrors(form, error, t)) form.setError('name', { message: describeError(error, t) });
        },
      },
    ),
  );
  return (
    <ModalDialog
      open={open}
      onOpenChange={onOpenChange}
      title={t('views.saveCurrent')}
      description={t('views.saveHint')}
    >
      <FormProvider {...form}>
        <form onSubmit={submit} noValidate className="mt-4 space-y-3">
          <FormField<SaveViewValues> name="name" label={t('views.name')} required>
            {(props) => <input {...props} className={inputClass} />}
          </FormField>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" {...form.register('shared')} />
            {t('views.shareWithTeam')}
          </label>
          <DialogActions cancelLabel={t('common.cancel')} submitLabel={t('common.save')} disabled={save.isPending} />
        </form>
      </FormProvider>
    </ModalDialog>
  );
}
