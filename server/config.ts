import { z } from 'zod';
import { LOG_LEVELS } from './http/logger';

const integer = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(min).max(max);

/** An origin as browsers send it in `Origin`: scheme, host and port, nothing else. */
const originSchema = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
    } catch {
      return false;
    }
  },
  { message: 'each entry must be an origin such as https://office.example.cn (no path, no trailing slash, no *)' },
);

const envSchema = z
  .object({
    PORT: integer(0, 65_535).default(8787),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATABASE_URL: z
      .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' })
      .optional(),
    DATA_DIR: z.string().min(1).default('data/pglite'),
    CORS_ORIGINS: z
      .string()
      .default('')
      .transform((list) =>
        list
          .split(',')
          .map((origin) => origin.trim())
          .filter(Boolean),
      )
      .pipe(z.array(originSchema)),
    TRUST_PROXY: z.stringbool().default(false),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    BODY_LIMIT_BYTES: integer(1_024, 64 * 1_048_576).default(1_048_576),
    REQUEST_TIMEOUT_MS: integer(100, 600_000).default(15_000),
    RATE_LIMIT_PER_MINUTE: integer(1).default(600),
    LOGIN_MAX_FAILURES: integer(1, 1_000).default(5),
    LOGIN_MAX_FAILURES_PER_IP: integer(1, 100_000).default(20),
    LOGIN_LOCKOUT_MINUTES: integer(1, 24 * 60).default(15),
    SESSION_HOURS: integer(1, 24 * 30).default(12),
    SESSION_IDLE_MINUTES: integer(1, 24 * 60).default(120),
    ADMIN_USERNAME: z.string().trim().min(1).max(32).optional(),
    ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').max(128).optional(),
    SEED_DEMO: z.stringbool().default(false),
  })
  .refine((env) => (env.ADMIN_USERNAME === undefined) === (env.ADMIN_PASSWORD === undefined), {
    path: ['ADMIN_PASSWORD'],
    message: 'ADMIN_USERNAME and ADMIN_PASSWORD go together: set both or neither',
  });

export type ServerConfig = ReturnType<typeof toConfig>;

function toConfig(env: z.infer<typeof envSchema>) {
  return {
    port: env.PORT,
    host: env.HOST,
    /** A PostgreSQL server; absent → the embedded database under `dataDir`. */
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    /** Origins whose pages may call the API; empty → same-origin only (e.g. behind one proxy). */
    corsOrigins: env.CORS_ORIGINS,
    /** Take the client address from the last `X-Forwarded-For` entry (set by our own proxy). */
    trustProxy: env.TRUST_PROXY,
    logLevel: env.LOG_LEVEL,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    login: {
      /** Wrong passwords for one user name before it is locked. */
      maxFailures: env.LOGIN_MAX_FAILURES,
      /** Wrong passwords from one address, any user name: higher, as a whole office may share one. */
      maxFailuresPerIp: env.LOGIN_MAX_FAILURES_PER_IP,
      lockoutMinutes: env.LOGIN_LOCKOUT_MINUTES,
    },
    session: { hours: env.SESSION_HOURS, idleMinutes: env.SESSION_IDLE_MINUTES },
    /** The first administrator, created only when the database has no users. */
    admin:
      env.ADMIN_USERNAME !== undefined && env.ADMIN_PASSWORD !== undefined
        ? { username: env.ADMIN_USERNAME, password: env.ADMIN_PASSWORD }
        : undefined,
    seedDemo: env.SEED_DEMO,
  };
}

/** Thrown at start when the environment is wrong; the message names every bad variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Reads and checks the environment once, at start, so a typo stops the server with a clear
 * message instead of surfacing as odd behaviour later. Empty values count as unset (env files
 * often carry `NAME=`). Values are never echoed back: DATABASE_URL and ADMIN_PASSWORD are secrets.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
  const names = Object.keys(envSchema.shape) as (keyof typeof envSchema.shape)[];
  const present = Object.fromEntries(names.flatMap((name) => (env[name] ? [[name, env[name]]] : [])));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(environment)'}: ${issue.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
  }
  return toConfig(parsed.data);
}
