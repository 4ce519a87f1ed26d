import type { KnowledgeBase, KnowledgeBaseUpdate, StandardAnswer } from '../../src/api/schemas/knowledge';
import type { RuleContext } from './context';
import { problems } from './problem';
import { checkReferences, type ReferenceCheck } from './references';
import { saveSetting } from './settings';

const empty: KnowledgeBase = { answers: [], updatedByName: null, updatedAt: null, version: 0 };

/** The knowledge base of standard answers (知识库): everyone signed in reads it. */
export async function getKnowledgeBase(ctx: Pick<RuleContext, 'store'>): Promise<KnowledgeBase> {
  return (await ctx.store.knowledgeBase.get()) ?? empty;
}

/** The next numbers after the highest `KB-###` in use. */
function numberer(answers: readonly { id?: string }[]) {
  let last = Math.max(0, ...answers.map((a) => Number(/^KB-(\d+)$/.exec(a.id ?? '')?.[1] ?? 0)));
  return () => `KB-${String(++last).padStart(3, '0')}`;
}

/**
 * A manager's edit of the knowledge base, kept whole: versioned (If-Match, 0 before the first
 * save), each answer's category and policy checked against the dictionaries, new answers
 * numbered, audited.
 */
export async function saveKnowledgeBase(
  ctx: RuleContext,
  input: KnowledgeBaseUpdate,
  ifMatch: number | null,
): Promise<KnowledgeBase> {
  return saveSetting(
    ctx,
    { key: 'knowledge', store: ctx.store.knowledgeBase, load: () => getKnowledgeBase(ctx) },
    ifMatch,
    async (current) => {
      const known = new Set(current.answers.map((a) => a.id));
      const unknown = input.answers.findIndex((a) => a.id !== undefined && !known.has(a.id));
      if (unknown >= 0) {
        throw problems.validation([
          { field: `answers.${unknown}.id`, code: 'unknown_code', message: 'no such answer' },
        ]);
      }
      const twice = input.answers.findIndex(
        (a, i) => a.id !== undefined && input.answers.findIndex((b) => b.id === a.id) !== i,
      );
      if (twice >= 0) {
        throw problems.validation([
          { field: `answers.${twice}.id`, code: 'duplicate_id', message: 'this answer is listed twice' },
        ]);
      }
      checkReferences(
        await ctx.store.dictionaries.get(),
        input.answers.flatMap((a, i): ReferenceCheck[] => [
          [`answers.${i}.categoryCode`, 'demandCategories', a.categoryCode],
          [`answers.${i}.policyCode`, 'policies', a.policyCode],
        ]),
      );
      const nextId = numberer([...current.answers, ...input.answers]);
      const answers: StandardAnswer[] = input.answers.map((a) => ({ ...a, id: a.id ?? nextId() }));
      return { answers };
    },
  );
}
