import type { MiddlewareHandler } from 'hono';
import { problems } from '../../domain/rules/problem';

/**
 * 400 for an address the rules must never see: a path whose percent-encoding does not decode
 * (`/intake-records/%E0%A4%A`; the router would pass it on undecoded), or a NUL anywhere in
 * path or query, which PostgreSQL cannot store or compare.
 */
export const checkRequestTarget: MiddlewareHandler = async (c, next) => {
  const url = new URL(c.req.url);
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    throw problems.badRequest('The address has malformed percent-encoding');
  }
  const query = [...url.searchParams].flat();
  if (path.includes('\0') || query.some((part) => part.includes('\0'))) {
    throw problems.badRequest('The address may not contain the NUL character');
  }
  await next();
};
