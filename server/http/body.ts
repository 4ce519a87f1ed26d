import type { MiddlewareHandler } from 'hono';
import { problems } from '../../domain/rules/problem';
import { httpProblems } from './problems';

/** Deeper than any body in the contract (a few levels), far shallower than what hurts a parser. */
export const MAX_JSON_DEPTH = 32;

function declaredLength(headers: Headers): number | null {
  const value = headers.get('Content-Length');
  return value !== null && /^\d+$/.test(value) ? Number(value) : null;
}

/** A body is on its way when it is chunked or has a length above zero. */
function carriesBody(headers: Headers): boolean {
  return headers.has('Transfer-Encoding') || (declaredLength(headers) ?? 0) > 0;
}

/** `application/json`, optionally with `charset=utf-8` (JSON is UTF-8 by definition, RFC 8259). */
function isJsonMediaType(contentType: string | null): boolean {
  if (contentType === null) return false;
  const [type = '', ...parameters] = contentType.split(';');
  if (type.trim().toLowerCase() !== 'application/json') return false;
  return parameters.every((parameter) => {
    const [name = '', value = ''] = parameter.split('=');
    return (
      name.trim().toLowerCase() !== 'charset' ||
      value
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .toLowerCase() === 'utf-8'
    );
  });
}

/**
 * Checks a request's body before anyone reads it: a declared length over the limit is answered
 * 413 at once (the client can stop sending), and a body that is not JSON 415.
 */
export function bodyGuard(limitBytes: number): MiddlewareHandler {
  return async (c, next) => {
    const { headers } = c.req.raw;
    if (carriesBody(headers)) {
      if ((declaredLength(headers) ?? 0) > limitBytes) throw httpProblems.payloadTooLarge(limitBytes);
      if (!isJsonMediaType(headers.get('Content-Type'))) throw httpProblems.unsupportedMediaType();
    }
    await next();
  };
}

/**
 * Reads the body, never holding more than `limitBytes`: a chunked body, or one whose sender
 * lies about its length, is cut off at the limit with a 413. The rest is left unread; the
 * 413 closes the connection.
 */
async function readBytes(request: Request, limitBytes: number): Promise<Uint8Array> {
  if ((declaredLength(request.headers) ?? 0) > limitBytes) throw httpProblems.payloadTooLarge(limitBytes);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limitBytes) {
      reader.releaseLock();
      throw httpProblems.payloadTooLarge(limitBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

/**
 * Rejects JSON nested deeper than `MAX_JSON_DEPTH` and strings holding U+0000, by one pass over
 * the text: no recursion, so a megabyte of `[` costs a loop, not the stack. PostgreSQL cannot
 * store U+0000 in text, so it is refused here as a bad request rather than failing in the
 * database. Malformed JSON passes through to JSON.parse, which rejects it.
 */
function checkJsonText(text: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') {
        if (text.startsWith('u0000', i + 1)) throw problems.badRequest('Strings may not contain the NUL character');
        i++;
      } else if (char === '"') {
        inString = false;
      }
    } else if (char === '"') {
      inString = true;
    } else if (char === '[' || char === '{') {
      if (++depth > MAX_JSON_DEPTH) throw problems.badRequest(`JSON may nest at most ${MAX_JSON_DEPTH} levels deep`);
    } else if (char === ']' || char === '}') {
      depth--;
    }
  }
}

/**
 * The body as JSON, within the size limit and the depth limit. Limits are answered as
 * problems (413, 400); text that is not UTF-8 or not JSON rejects with a plain error, which
 * the dispatcher answers as 400 "The body must be JSON".
 */
export async function readJsonBody(request: Request, limitBytes: number): Promise<unknown> {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(await readBytes(request, limitBytes));
  checkJsonText(text);
  return JSON.parse(text);
}
