import type { MiddlewareHandler } from 'hono';

/**
 * Headers every answer carries. The API serves JSON only, so the policy allows nothing to load,
 * run or frame it; nothing is cached (answers hold personal data and depend on the caller's role).
 * No HSTS: TLS ends at the proxy in front, which is where HSTS belongs.
 */
export const securityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-site',
  'Cache-Control': 'no-store',
};

export const withSecurityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  for (const [name, value] of Object.entries(securityHeaders)) c.res.headers.set(name, value);
};
