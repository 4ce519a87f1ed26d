import type { AuditChange, AuditEvent } from '../../src/api/schemas/audit';
import type { User } from '../../src/api/schemas/auth';
import type { PolicyPatch } from '../../src/api/schemas/policy-patches';
import type { CaseAction, ServiceCase } from '../../src/api/schemas/service-cases';
import { addDays, isoAt } from '../../domain/rules/dates';
import type { GeneratorContext } from './generator-context';

/** One change a generated case went through: what the rules' action would have set, by whom, when. */
export interface CaseStep {
  /** A workflow action, or `link` (the case named in a policy patch when it was proposed). */
  action: CaseAction | 'link';
  at: string;
  actor: User;
  change: Partial<ServiceCase>;
}

/** A generated case as it was registered, and what happened to it since. */
export interface CasePlan {
  created: ServiceCase;
  creator: User;
  steps: CaseStep[];
}

/**
 * A small seeded generator (mulberry32) for the histories: drawn apart from the data's faker, so
 * the histories leave every other generated value as it was.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// As `auditEventOf` records them (its test compares the two); it compares every field as JSON, too slow for 15,000 events.
const ignoredFields = new Set(['version', 'updatedAt']);

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return (
    typeof a === 'object' &&
    typeof b === 'object' &&
    a !== null &&
    b !== null &&
    JSON.stringify(a) === JSON.stringify(b)
  );
}

/** The changes of `fields`, in the record's order (a step changes only the fields it sets; a new case, all). */
function changesOf(before: ServiceCase | null, after: ServiceCase, fields = Object.keys(after)): AuditChange[] {
  const changes: AuditChange[] = [];
  for (const field of fields as (keyof ServiceCase)[]) {
    if (ignoredFields.has(field)) continue;
    if (before && same(before[field], after[field])) continue;
    changes.push({ field, from: before?.[field] ?? null, to: after[field] });
  }
  return changes;
}

/**
 * The case as its steps leave it, and the history they write, as the rules would: the steps in
 * time order, each one version later and stamped with its time.
 */
export function replayCase({ created, creator, steps }: CasePlan): {
  serviceCase: ServiceCase;
  events: Omit<AuditEvent, 'id'>[];
} {
  const event = (action: string, actor: User, at: string, changes: AuditChange[]) => ({
    entityType: 'serviceCase' as const,
    entityId: created.id,
    action,
    actorId: actor.id,
    actorName: actor.displayName,
    at,
    changes,
  });
  const events = [event('create', creator, created.receivedAt, changesOf(null, created))];
  let current = created;
  // Stable: steps at the same instant keep the order they were planned in.
  for (const step of [...steps].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))) {
    const next: ServiceCase = { ...current, ...step.change, version: current.version + 1, updatedAt: step.at };
    events.push(
      event(
        step.action,
        step.actor,
        step.at,
        changesOf(
          current,
          next,
          Object.keys(next).filter((field) => field in step.change),
        ),
      ),
    );
    current = next;
  }
  return { serviceCase: current, events };
}

/**
 * Replays every planned case into its final form (version, last change) and its history. A case
 * a policy patch names was linked when the patch was proposed, or, received after that, the day
 * after it came in.
 */
export function replayCaseHistories(
  { users, audit }: Pick<GeneratorContext, 'users' | 'audit'>,
  casePlans: Map<string, CasePlan>,
  serviceCases: Map<string, ServiceCase>,
  policyPatches: Map<string, PolicyPatch>,
) {
  for (const [id, plan] of casePlans) {
    const patch = policyPatches.get(serviceCases.get(id)!.linkedPatchId ?? '');
    const steps = [...plan.steps];
    if (patch) {
      const dayAfter = isoAt(addDays(plan.created.receivedAt.slice(0, 10), 1), 10);
      steps.push({
        action: 'link',
        at: patch.collectedAt > dayAfter ? patch.collectedAt : dayAfter,
        actor: users.get(patch.proposedById)!,
        change: { linkedPatchId: patch.id },
      });
    }
    const { serviceCase, events } = replayCase({ ...plan, steps });
    serviceCases.set(id, serviceCase);
    for (const event of events) audit(event);
  }
}
