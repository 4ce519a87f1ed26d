import type { SavedView, SavedViewCreate, SavedViewResource } from '../../src/api/schemas/saved-views';
import type { RuleContext } from './context';
import { toCstIso } from './dates';
import { problems } from './problem';

export function listSavedViews(ctx: RuleContext, resource: SavedViewResource): Promise<SavedView[]> {
  return ctx.store.savedViews.list(resource, ctx.user.id);
}

export async function createSavedView(ctx: RuleContext, input: SavedViewCreate): Promise<SavedView> {
  const view: SavedView = {
    ...input,
    id: `SV-${await ctx.store.nextSerial('SV-')}`,
    ownerId: ctx.user.id,
    ownerName: ctx.user.displayName,
    createdAt: toCstIso(ctx.now()),
  };
  // The store keeps one view of a name per owner and list, even against a racing request.
  if (!(await ctx.store.savedViews.insert(view))) {
    throw problems.validation([
      { field: 'name', code: 'duplicate_name', message: 'you already have a view of that name' },
    ]);
  }
  return view;
}

export async function deleteSavedView(ctx: RuleContext, id: string): Promise<void> {
  const view = await ctx.store.savedViews.get(id);
  if (!view || (!view.shared && view.ownerId !== ctx.user.id)) throw problems.notFound(`Saved view ${id}`);
  if (view.ownerId !== ctx.user.id) throw problems.forbidden('Only the owner deletes a view');
  await ctx.store.savedViews.delete(id);
}
