import { sql } from 'drizzle-orm';
import { TALENT_OFFICE_DEPARTMENT } from '../../src/api/permissions';
import type { User } from '../../src/api/schemas/auth';
import type { Credentials } from '../../domain/rules/context';
import { cstDay, toCstIso } from '../../domain/rules/dates';
import { generateDatabase } from '../../mocks/data/generate';
import * as reference from '../../mocks/data/reference';
import type { Database } from './database';
import { isEmpty, loadDemoData } from './demo-data';
import { createSqlStore } from './sql-store';
import { dictionaryEntries } from './schema';
import { dictionaryRows } from './store/dictionaries';
import { rows } from './store/sql';

/** Any fixed number: servers starting side by side bootstrap one at a time. */
const BOOTSTRAP_LOCK = 7_042_027;

export interface BootstrapOptions {
  /** Load the demo data into an empty database (`SEED_DEMO`). */
  seedDemo: boolean;
  /** The first administrator (`ADMIN_USERNAME`, `ADMIN_PASSWORD`), created when there are no users. */
  admin: { username: string; password: string } | undefined;
  credentials: Credentials;
  now: Date;
}

export type Bootstrapped = 'demo data' | 'first administrator' | 'nothing';

/**
 * Gives an empty database what it needs to be used: the demo data when asked for, otherwise the
 * first administrator with the reference lists (channels, departments, …) that every form needs
 * and that an administrator can only edit, not create.
 */
export async function bootstrap(db: Database, options: BootstrapOptions): Promise<Bootstrapped> {
  if (options.seedDemo && (await isEmpty(db))) {
    const data = generateDatabase({ anchor: cstDay(options.now) });
    try {
      await loadDemoData(db, data, options.credentials);
      return 'demo data';
    } catch (error) {
      // A second server that lost the race finds the data loaded: nothing left to do.
      if (await isEmpty(db)) throw error;
      return 'nothing';
    }
  }
  const { admin } = options;
  if (!admin || !(await hasNoUsers(db))) return 'nothing';
  const passwordHash = await options.credentials.hashPassword(admin.password);
  return db.transaction(async (tx) => {
    // Checked again under the lock: another server may have created the administrator meanwhile.
    await tx.execute(sql`select pg_advisory_xact_lock(${BOOTSTRAP_LOCK})`);
    if (!(await hasNoUsers(tx))) return 'nothing';
    const [dictionaries] = await rows<{ n: number }>(tx, sql`select count(*)::int as n from dictionary_entries`);
    if (dictionaries!.n === 0) await tx.insert(dictionaryEntries).values(dictionaryRows(referenceLists()));
    const store = createSqlStore(tx);
    const user: User = {
      id: 'u.admin',
      username: admin.username,
      displayName: admin.username,
      role: 'admin',
      departmentCode: TALENT_OFFICE_DEPARTMENT,
      active: true,
      version: 1,
    };
    await store.users.insert(user);
    await store.users.setPasswordHash(user.id, passwordHash);
    await store.audit.append({
      entityType: 'user',
      entityId: user.id,
      action: 'create',
      // Created by the server's configuration, not by a user: named as such in the history.
      actorId: 'system',
      actorName: '系统',
      at: toCstIso(options.now),
      changes: Object.entries(user)
        .filter(([field]) => field !== 'version')
        .map(([field, to]) => ({ field, from: null, to })),
    });
    return 'first administrator';
  });
}

async function hasNoUsers(db: Database): Promise<boolean> {
  const [row] = await rows<{ none: boolean }>(db, sql`select not exists (select 1 from users) as none`);
  return row!.none;
}

/** The reference lists the demo data also uses: the county's channels, towns, departments, policies. */
function referenceLists() {
  return {
    channels: reference.channels,
    events: reference.events,
    talentTiers: reference.talentTiers,
    industries: reference.industries,
    towns: reference.towns,
    departments: reference.departments,
    demandCategories: reference.demandCategories,
    policies: reference.policies,
  };
}
