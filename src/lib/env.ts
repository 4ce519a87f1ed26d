import { z } from 'zod';

const envSchema = z.object({
  /** Origin of the real API. Unset: same origin (the mock API in dev and demo builds). */
  VITE_API_URL: z
    .url()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  VITE_API_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120_000).default(15_000),
  VITE_ENABLE_MOCKS: z.enum(['true', 'false']).optional(),
});

function readEnv() {
  const parsed = envSchema.safeParse(import.meta.env);
  if (!parsed.success) {
    throw new Error(`Invalid configuration: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

/** Checked once at start-up, so a bad setting fails loudly instead of half-working. */
export const env = readEnv();
export const apiBaseUrl = (env.VITE_API_URL ?? '').replace(/\/$/, '');
