import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';

/** The message of the ConfigError an environment raises. */
function configError(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('the environment was accepted');
}

/** The server's configuration (server/config.ts), tested here beside the HTTP layer that reads most of it. */
describe('loadConfig', () => {
  it('starts with safe defaults: loopback, embedded database, no cross-origin access, no proxy trusted', () => {
    expect(loadConfig({})).toEqual({
      port: 8787,
      host: '127.0.0.1',
      databaseUrl: undefined,
      dataDir: 'data/pglite',
      corsOrigins: [],
      trustProxy: false,
      logLevel: 'info',
      bodyLimitBytes: 1_048_576,
      requestTimeoutMs: 15_000,
      rateLimitPerMinute: 600,
      login: { maxFailures: 5, maxFailuresPerIp: 20, lockoutMinutes: 15 },
      session: { hours: 12, idleMinutes: 120 },
      admin: undefined,
      seedDemo: false,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '9000',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgresql://talent:secret@db.internal:5432/talent',
      DATA_DIR: '/var/lib/talent',
      CORS_ORIGINS: ' https://office.example.cn ,http://localhost:5173,',
      TRUST_PROXY: 'true',
      LOG_LEVEL: 'warn',
      BODY_LIMIT_BYTES: '2048',
      REQUEST_TIMEOUT_MS: '5000',
      RATE_LIMIT_PER_MINUTE: '60',
      LOGIN_MAX_FAILURES: '3',
      LOGIN_MAX_FAILURES_PER_IP: '10',
      LOGIN_LOCKOUT_MINUTES: '30',
      SESSION_HOURS: '8',
      SESSION_IDLE_MINUTES: '30',
      ADMIN_USERNAME: 'admin',
      ADMIN_PASSWORD: 'correct horse battery',
      SEED_DEMO: '1',
    });
    expect(config).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      databaseUrl: 'postgresql://talent:secret@db.internal:5432/talent',
      dataDir: '/var/lib/talent',
      corsOrigins: ['https://office.example.cn', 'http://localhost:5173'],
      trustProxy: true,
      logLevel: 'warn',
      bodyLimitBytes: 2048,
      requestTimeoutMs: 5000,
      rateLimitPerMinute: 60,
      login: { maxFailures: 3, maxFailuresPerIp: 10, lockoutMinutes: 30 },
      session: { hours: 8, idleMinutes: 30 },
      admin: { username: 'admin', password: 'correct horse battery' },
      seedDemo: true,
    });
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '', CORS_ORIGINS: '' })).toMatchObject({
      port: 8787,
      databaseUrl: undefined,
      corsOrigins: [],
    });
  });

  it('names every bad variable at once', () => {
    const message = configError({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://db/talent',
      CORS_ORIGINS: 'https://office.example.cn/app',
      TRUST_PROXY: 'perhaps',
      LOG_LEVEL: 'chatty',
      BODY_LIMIT_BYTES: '-1',
    });
    for (const name of ['PORT', 'DATABASE_URL', 'CORS_ORIGINS', 'TRUST_PROXY', 'LOG_LEVEL', 'BODY_LIMIT_BYTES']) {
      expect(message).toContain(`  ${name}`);
    }
  });

  it('refuses * as an origin', () => {
    expect(() => loadConfig({ CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS/);
  });

  it('wants the first administrator complete, with a password of 12 characters or more', () => {
    expect(() => loadConfig({ ADMIN_USERNAME: 'admin' })).toThrow(/set both or neither/);
    expect(() => loadConfig({ ADMIN_USERNAME: 'admin', ADMIN_PASSWORD: 'short' })).toThrow(/at least 12/);
  });

  it('never repeats a secret in its message', () => {
    const secret = 'hunter2-is-not-long';
    expect(configError({ ADMIN_PASSWORD: secret, DATABASE_URL: `mysql://u:${secret}@db/x` })).not.toContain(secret);
  });
});
