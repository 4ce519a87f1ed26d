import { dueSoonBefore, lapsedBefore } from '../../src/api/schemas/case-workflow';
import type { CaseQueueCounts } from '../../src/api/schemas/service-cases';
import type { CaseQueueFrame } from '../store';
import { loadWorkingCalendar } from './calendar';
import type { RuleContext } from './context';
import { toCstIso } from './dates';
import { caseScope } from './scope';

/**
 * Where the caller's queue views stand now: "due soon" as the warnings count it (`dueSoonBefore`)
 * and "lapsed" as the 催办通知书 does (`lapsedBefore`), on the holiday calendar the administrator
 * keeps.
 */
export async function caseQueueFrame(ctx: RuleContext): Promise<CaseQueueFrame> {
  const now = ctx.now();
  const calendar = await loadWorkingCalendar(ctx);
  return {
    now: toCstIso(now),
    dueSoonBefore: dueSoonBefore(now, calendar),
    lapsedBefore: lapsedBefore(now, calendar),
    userId: ctx.user.id,
    departmentCode: caseScope(ctx).departmentCode,
  };
}

/** How many cases each queue view holds in the caller's scope, now. */
export async function caseQueueCounts(ctx: RuleContext, monthId: string | undefined): Promise<CaseQueueCounts> {
  const frame = await caseQueueFrame(ctx);
  return { counts: await ctx.store.serviceCases.queueCounts(caseScope(ctx), monthId, frame), at: frame.now };
}
