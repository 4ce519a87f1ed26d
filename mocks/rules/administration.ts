import type { User, UserUpdate } from '../../src/api/schemas/auth';
import {
  dictionaryKindSchema,
  type DictionaryEntry,
  type DictionaryEntryUpdate,
} from '../../src/api/schemas/dictionaries';
import { recordAudit } from './audit';
import type { RuleContext } from './context';
import { problems } from './problem';
import { checkReferences } from './references';
import { checkVersion } from './versioning';

export function listUsers(ctx: RuleContext, query: { role?: User['role']; departmentCode?: string }): User[] {
  return [...ctx.db.users.values()]
    .filter(
      (u) =>
        (!query.role || u.role === query.role) && (!query.departmentCode || u.departmentCode === query.departmentCode),
    )
    .sort((a, b) => a.departmentCode.localeCompare(b.departmentCode) || a.username.localeCompare(b.username));
}

export function updateUser(ctx: RuleContext, id: string, input: UserUpdate, ifMatch: number | null): User {
  const current = ctx.db.users.get(id);
  if (!current) throw problems.notFound(`User ${id}`);
  checkVersion(current, ifMatch, (u) => u);
  if (id === ctx.user.id && (input.role !== 'admin' || !input.active)) {
    throw problems.validation([
      { field: 'role', code: 'own_admin', message: 'you cannot remove your own administrator rights' },
    ]);
  }
  checkReferences(ctx.db, [['departmentCode', 'departments', input.departmentCode]]);
  const next: User = { ...current, ...input, version: current.version + 1 };
  ctx.db.users.set(id, next);
  if (!next.active) {
    for (const [token, session] of ctx.db.sessions) if (session.userId === id) ctx.db.sessions.delete(token);
  }
  recordAudit(ctx, 'user', id, 'update', current, next);
  return next;
}

export function updateDictionaryEntry(
  ctx: RuleContext,
  kind: string,
  code: string,
  input: DictionaryEntryUpdate,
): DictionaryEntry {
  const parsedKind = dictionaryKindSchema.safeParse(kind);
  if (!parsedKind.success) throw problems.notFound(`Dictionary ${kind}`);
  const list: DictionaryEntry[] = ctx.db.dictionaries[parsedKind.data];
  const index = list.findIndex((e) => e.code === code);
  if (index < 0) throw problems.notFound(`Entry ${code}`);
  const current = list[index]!;
  const next = { ...current, ...input };
  list[index] = next;
  recordAudit(ctx, 'dictionary', `${kind}:${code}`, 'update', current, next);
  return next;
}
