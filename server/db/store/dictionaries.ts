import { and, asc, eq } from 'drizzle-orm';
import {
  dictionaryKindSchema,
  type Dictionaries,
  type DictionaryEntry,
  type DictionaryKind,
} from '../../../src/api/schemas/dictionaries';
import type { DictionaryStore } from '../../../domain/store';
import type { Database } from '../database';
import { dictionaryEntries, intakeTargets } from '../schema';

/** The reference lists as rows: one per entry, in its list's order. */
export function dictionaryRows(dictionaries: Dictionaries) {
  return dictionaryKindSchema.options.flatMap((kind) =>
    (dictionaries[kind] as DictionaryEntry[]).map((entry, position) => ({ kind, code: entry.code, position, entry })),
  );
}

/** A small reference table: read whole, every list in its order. */
export function dictionaryStore(db: Database): DictionaryStore {
  return {
    async get() {
      const found = await db
        .select({ kind: dictionaryEntries.kind, entry: dictionaryEntries.entry })
        .from(dictionaryEntries)
        .orderBy(asc(dictionaryEntries.kind), asc(dictionaryEntries.position));
      const lists = Object.fromEntries(dictionaryKindSchema.options.map((kind) => [kind, [] as DictionaryEntry[]]));
      for (const row of found) lists[row.kind]?.push(row.entry);
      return lists as Dictionaries;
    },
    async updateEntry(kind: DictionaryKind, entry: DictionaryEntry) {
      await db
        .update(dictionaryEntries)
        .set({ entry })
        .where(and(eq(dictionaryEntries.kind, kind), eq(dictionaryEntries.code, entry.code)));
    },
    async targets(year) {
      const found = await db
        .select({ channelCode: intakeTargets.channelCode, target: intakeTargets.target })
        .from(intakeTargets)
        .where(eq(intakeTargets.year, year));
      return new Map(found.map((row) => [row.channelCode, row.target]));
    },
  };
}
