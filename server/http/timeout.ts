import type { MiddlewareHandler } from 'hono';
import { httpProblems } from './problems';

/**
 * Answers 503 when the rest of the chain has not answered within `timeoutMs`, so a stuck
 * handler cannot hold a client (or a proxy's connection) forever. The work is abandoned, not
 * cancelled: its late answer is dropped and a late failure still reaches the error log, but a
 * query already sent to the database runs to its end.
 */
export function requestTimeout(timeoutMs: number): MiddlewareHandler {
  return async (_c, next) => {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(httpProblems.timeout(timeoutMs)), timeoutMs);
    });
    try {
      await Promise.race([next(), expired]);
    } finally {
      clearTimeout(timer);
    }
  };
}
