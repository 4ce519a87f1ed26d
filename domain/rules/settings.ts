import { can } from '../../src/api/permissions';
import type { SettingStore } from '../store';
import { recordAudit } from './audit';
import type { RuleContext } from './context';
import { toCstIso } from './dates';
import { problems } from './problem';

type Signed = { updatedByName: string | null; updatedAt: string | null; version: number };

/**
 * A manager's edit of a setting kept whole (the scoring settings, the knowledge base): their
 * permission, If-Match (0 before the first save) against the version stored, the new content
 * (`content` may refuse it), a compare-and-set, and the audit trail.
 */
export async function saveSetting<T extends Signed>(
  ctx: RuleContext,
  setting: { key: string; store: SettingStore<T>; load: () => Promise<T> },
  ifMatch: number | null,
  content: (current: T) => Promise<Omit<T, keyof Signed>> | Omit<T, keyof Signed>,
): Promise<T> {
  if (!can(ctx.user, 'case:configure')) throw problems.forbidden();
  if (ifMatch === null) throw problems.preconditionRequired();
  const current = await setting.load();
  if (ifMatch !== current.version) throw problems.versionConflict(current);
  const next = {
    ...(await content(current)),
    updatedByName: ctx.user.displayName,
    updatedAt: toCstIso(ctx.now()),
    version: current.version + 1,
  } as T;
  if (!(await setting.store.save(next, current.version))) {
    throw problems.versionConflict(await setting.load());
  }
  await recordAudit(ctx, 'dictionary', setting.key, 'update', current, next);
  return next;
}
