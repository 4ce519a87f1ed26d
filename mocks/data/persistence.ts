import { generateDatabase, GENERATOR_VERSION } from './generate';
import { persistedCollections, type Database, type Snapshot } from './database';

/** A Map that remembers which keys were written after it was built. */
export class TrackedMap<K, V> extends Map<K, V> {
  changed: Set<K> | undefined = new Set();

  override set(key: K, value: V): this {
    super.set(key, value);
    // The base constructor calls set() before this class's fields exist.
    this.changed?.add(key);
    return this;
  }

  override delete(key: K): boolean {
    this.changed?.add(key);
    return super.delete(key);
  }
}

function track<K, V>(map: Map<K, V>): TrackedMap<K, V> {
  const tracked = new TrackedMap(map);
  tracked.changed = new Set();
  return tracked;
}

/** Makes changes to the persisted collections visible to `takeSnapshot`. */
export function trackChanges(db: Database): Database {
  const collections = db as unknown as Record<string, Map<string, unknown>>;
  for (const name of persistedCollections) collections[name] = track(collections[name]!);
  db.counters.generatedAudit ??= db.auditEvents.length;
  return db;
}

export function takeSnapshot(db: Database): Snapshot {
  const changed: Snapshot['changed'] = {};
  for (const name of persistedCollections) {
    const collection = db[name] as Map<string, unknown>;
    const keys = collection instanceof TrackedMap ? (collection.changed ?? new Set<string>()) : new Set<string>();
    if (keys.size > 0) {
      // A deleted record is stored as null.
      changed[name] = Object.fromEntries([...keys].map((key) => [key, collection.get(key) ?? null]));
    }
  }
  return {
    format: 2,
    generator: GENERATOR_VERSION,
    seed: db.seed,
    anchor: db.anchor,
    changed,
    auditEvents: db.auditEvents.slice(db.counters.generatedAudit ?? db.auditEvents.length),
    sessions: [...db.sessions.values()],
    passwordHashes: Object.fromEntries(db.passwordHashes),
    counters: db.counters,
    dictionaries: db.dictionaries,
  };
}

/**
 * A copy of the demo data to change. The audit trail is only ever appended to, so its events are
 * shared and only their list is copied: cloning ~15,000 events would take most of the time.
 */
export function copyDatabase(db: Database): Database {
  return { ...structuredClone({ ...db, auditEvents: [] }), auditEvents: [...db.auditEvents] };
}

let generated: { key: string; db: Database } | undefined;

/** The demo data of a seed and day; generated once (~0.4 s), then copied (tabs restore often). */
function demoData(seed: number, anchor: string): Database {
  const key = `${seed}:${anchor}`;
  if (generated?.key !== key) generated = { key, db: generateDatabase({ seed, anchor }) };
  return copyDatabase(generated.db);
}

/**
 * Regenerates the demo data and replays what had changed. Changes stored on another generator's
 * data would not fit this one's (versions, audit ids): they are dropped, the sign-ins kept.
 */
export function restoreSnapshot(snapshot: Snapshot): Database {
  const db = trackChanges(demoData(snapshot.seed, snapshot.anchor));
  if (snapshot.generator !== GENERATOR_VERSION) {
    for (const session of snapshot.sessions) db.sessions.set(session.tokenHash, session);
    return db;
  }
  for (const name of persistedCollections) {
    const collection = db[name] as Map<string, unknown>;
    for (const [key, value] of Object.entries(snapshot.changed[name] ?? {})) {
      if (value === null) collection.delete(key);
      else collection.set(key, value);
    }
  }
  db.auditEvents.push(...snapshot.auditEvents);
  for (const session of snapshot.sessions) db.sessions.set(session.tokenHash, session);
  for (const [userId, hash] of Object.entries(snapshot.passwordHashes ?? {})) db.passwordHashes.set(userId, hash);
  db.counters = { ...db.counters, ...snapshot.counters };
  if (snapshot.dictionaries) db.dictionaries = snapshot.dictionaries;
  return db;
}
