import { DUE_SOON_WORKING_DAYS, type CaseQueueCounts } from '../../src/api/schemas/service-cases';
import type { CaseQueueFrame } from '../store';
import { loadWorkingCalendar } from './calendar';
import type { RuleContext } from './context';
import { addDays, cstDay, isoAt, toCstIso } from './dates';
import { caseScope } from './scope';

/**
 * Where the caller's queue views stand now: "due soon" reaches to the end of the
 * `DUE_SOON_WORKING_DAYS`th working day after today in China (on the holiday calendar), so on a
 * Friday it looks past the weekend.
 */
export async function caseQueueFrame(ctx: RuleContext): Promise<CaseQueueFrame> {
  const now = ctx.now();
  const lastDay = (await loadWorkingCalendar(ctx)).addWorkingDays(cstDay(now), DUE_SOON_WORKING_DAYS);
  return { now: toCstIso(now), dueSoonBefore: isoAt(addDays(lastDay, 1), 0), userId: ctx.user.id };
}

/** How many cases each queue view holds in the caller's scope, now. */
export async function caseQueueCounts(ctx: RuleContext, monthId: string | undefined): Promise<CaseQueueCounts> {
  const frame = await caseQueueFrame(ctx);
  return { counts: await ctx.store.serviceCases.queueCounts(caseScope(ctx), monthId, frame), at: frame.now };
}
