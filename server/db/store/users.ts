import { and, asc, eq } from 'drizzle-orm';
import type { User } from '../../../src/api/schemas/auth';
import type { SessionStore, UserStore } from '../../../domain/store';
import type { Database } from '../database';
import { sessions, users } from '../schema';

type UserRow = Omit<typeof users.$inferSelect, 'passwordHash'>;

const toUser = (row: UserRow): User => ({
  id: row.id,
  username: row.username,
  displayName: row.displayName,
  role: row.role as User['role'],
  departmentCode: row.departmentCode,
  active: row.active,
  version: row.version,
});

/** A user's columns; the password hash is written on its own (`setPasswordHash`). */
const userColumns = (user: User) => ({
  id: user.id,
  username: user.username,
  displayName: user.displayName,
  role: user.role,
  departmentCode: user.departmentCode,
  active: user.active,
  version: user.version,
});

const userFields = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  departmentCode: users.departmentCode,
  active: users.active,
  version: users.version,
};

export function userStore(db: Database): UserStore {
  const first = async (where: ReturnType<typeof eq>) => {
    const [row] = await db.select(userFields).from(users).where(where);
    return row && toUser(row);
  };
  return {
    get: (id) => first(eq(users.id, id)),
    findByUsername: (username) => first(eq(users.username, username)),
    async insert(user) {
      await db.insert(users).values(userColumns(user));
    },
    async update(user, expectedVersion) {
      const changed = await db
        .update(users)
        .set(userColumns(user))
        .where(and(eq(users.id, user.id), eq(users.version, expectedVersion)))
        .returning({ id: users.id });
      return changed.length > 0;
    },
    async list(filter) {
      const found = await db
        .select(userFields)
        .from(users)
        .where(
          and(
            filter.role ? eq(users.role, filter.role) : undefined,
            filter.departmentCode ? eq(users.departmentCode, filter.departmentCode) : undefined,
          ),
        )
        .orderBy(asc(users.departmentCode), asc(users.username));
      return found.map(toUser);
    },
    async passwordHash(userId) {
      const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId));
      return row?.hash ?? undefined;
    },
    async setPasswordHash(userId, hash) {
      await db.update(users).set({ passwordHash: hash }).where(eq(users.id, userId));
    },
  };
}

export function sessionStore(db: Database): SessionStore {
  return {
    async insert(session) {
      await db.insert(sessions).values(session);
    },
    async get(tokenHash) {
      const [row] = await db.select().from(sessions).where(eq(sessions.tokenHash, tokenHash));
      return row;
    },
    async touch(tokenHash, at) {
      await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.tokenHash, tokenHash));
    },
    async delete(tokenHash) {
      await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    },
    async deleteForUser(userId) {
      await db.delete(sessions).where(eq(sessions.userId, userId));
    },
  };
}
