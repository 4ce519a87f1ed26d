import type { SavedView, SavedViewCreate, SavedViewResource } from '../../src/api/schemas/saved-views';
import type { RuleContext } from './context';
import { toCstIso } from './dates';
import { problems } from './problem';

export function listSavedViews(ctx: RuleContext, resource: SavedViewResource): SavedView[] {
  return [...ctx.db.savedViews.values()]
    .filter((v) => v.resource === resource && (v.shared || v.ownerId === ctx.user.id))
    .sort(
      (a, b) =>
        Number(b.ownerId === ctx.user.id) - Number(a.ownerId === ctx.user.id) || a.name.localeCompare(b.name, 'zh-CN'),
    );
}

export function createSavedView(ctx: RuleContext, input: SavedViewCreate): SavedView {
  const clash = [...ctx.db.savedViews.values()].some(
    (v) => v.ownerId === ctx.user.id && v.resource === input.resource && v.name === input.name,
  );
  if (clash)
    throw problems.validation([
      { field: 'name', code: 'duplicate_name', message: 'you already have a view of that name' },
    ]);
  ctx.db.counters.savedView = (ctx.db.counters.savedView ?? ctx.db.savedViews.size) + 1;
  const view: SavedView = {
    ...input,
    id: `SV-${ctx.db.counters.savedView}`,
    ownerId: ctx.user.id,
    ownerName: ctx.user.displayName,
    createdAt: toCstIso(ctx.now()),
  };
  ctx.db.savedViews.set(view.id, view);
  return view;
}

export function deleteSavedView(ctx: RuleContext, id: string): void {
  const view = ctx.db.savedViews.get(id);
  if (!view || (!view.shared && view.ownerId !== ctx.user.id)) throw problems.notFound(`Saved view ${id}`);
  if (view.ownerId !== ctx.user.id) throw problems.forbidden('Only the owner deletes a view');
  ctx.db.savedViews.delete(id);
}
