import { z } from 'zod';

/** The report's URL: the period, `2026-10` or `2026-Q3` (anything else opens the last month ended). */
export const reportSearchSchema = z.object({
  period: z.string().max(16).optional(),
});
