import type { User, UserUpdate } from '../../src/api/schemas/auth';
import {
  dictionaryKindSchema,
  type DictionaryEntry,
  type DictionaryEntryUpdate,
} from '../../src/api/schemas/dictionaries';
import { can } from '../../src/api/permissions';
import { recordAudit } from './audit';
import type { RuleContext } from './context';
import { problems } from './problem';
import { checkReferences } from './references';
import { checkVersion, saveVersioned } from './versioning';

export function listUsers(ctx: RuleContext, query: { role?: User['role']; departmentCode?: string }): Promise<User[]> {
  return ctx.store.users.list(query);
}

/** Who may be given casework: active users who triage, administrators' accounts aside. */
export async function listOfficers(ctx: RuleContext) {
  const users = await ctx.store.users.list({});
  return users
    .filter((u) => u.active && u.role !== 'admin' && can(u, 'case:triage'))
    .map(({ id, displayName, departmentCode }) => ({ id, displayName, departmentCode }));
}

export async function updateUser(
  ctx: RuleContext,
  id: string,
  input: UserUpdate,
  ifMatch: number | null,
): Promise<User> {
  const current = await ctx.store.users.get(id);
  if (!current) throw problems.notFound(`User ${id}`);
  checkVersion(current, ifMatch, (u) => u);
  if (id === ctx.user.id && (input.role !== 'admin' || !input.active)) {
    throw problems.validation([
      { field: 'role', code: 'own_admin', message: 'you cannot remove your own administrator rights' },
    ]);
  }
  checkReferences(await ctx.store.dictionaries.get(), [['departmentCode', 'departments', input.departmentCode]]);
  const next: User = { ...current, ...input, version: current.version + 1 };
  await saveVersioned(ctx.store.users, current, next, (u) => u);
  // A changed role, department or standing takes effect now: the user signs in again.
  if (next.role !== current.role || next.departmentCode !== current.departmentCode || !next.active) {
    await ctx.store.sessions.deleteForUser(id);
  }
  await recordAudit(ctx, 'user', id, 'update', current, next);
  return next;
}

export async function updateDictionaryEntry(
  ctx: RuleContext,
  kind: string,
  code: string,
  input: DictionaryEntryUpdate,
): Promise<DictionaryEntry> {
  const parsedKind = dictionaryKindSchema.safeParse(kind);
  if (!parsedKind.success) throw problems.notFound(`Dictionary ${kind}`);
  const list: DictionaryEntry[] = (await ctx.store.dictionaries.get())[parsedKind.data];
  const current = list.find((e) => e.code === code);
  if (!current) throw problems.notFound(`Entry ${code}`);
  const { timeLimitDays, ...names } = input;
  if (timeLimitDays !== undefined && parsedKind.data !== 'demandCategories') {
    throw problems.validation([
      { field: 'timeLimitDays', code: 'not_applicable', message: 'only demand categories have a time limit' },
    ]);
  }
  const next = { ...current, ...names, ...(timeLimitDays === undefined ? {} : { timeLimitDays }) };
  await ctx.store.dictionaries.updateEntry(parsedKind.data, next);
  await recordAudit(ctx, 'dictionary', `${kind}:${code}`, 'update', current, next);
  return next;
}
