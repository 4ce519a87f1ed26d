import { getRequestListener, RequestError } from '@hono/node-server';
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ProblemDetails } from '../../src/api/schemas/common';
import type { Logger } from './logger';
import { problemAnswer } from './problems';
import { securityHeaders } from './security-headers';

export interface NodeServerOptions {
  /** The app's own request timeout; the whole request must arrive within it plus 10 s. */
  requestTimeoutMs: number;
  /** The app's body limit: a client that asks first (`Expect: 100-continue`) is told not to send more. */
  bodyLimitBytes: number;
  /** How long a client may take to send its headers (slow-loris clients hold a connection open). */
  headersTimeoutMs?: number;
  logger: Logger;
}

/** A problem written straight to a socket, for requests Node refuses before there is a response object. */
function rawProblem(problem: ProblemDetails): string {
  const body = JSON.stringify(problem);
  const headers = {
    ...securityHeaders,
    'Content-Type': 'application/problem+json',
    'Content-Length': String(Buffer.byteLength(body)),
    Connection: 'close',
  };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\n${lines.join('\r\n')}\r\n\r\n${body}`;
}

/** Node's parser errors that deserve their own status; any other is a malformed request (400). */
const parserStatus: Record<string, number> = {
  HPE_INVALID_METHOD: 501,
  HPE_HEADER_OVERFLOW: 431,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
  ERR_HTTP_REQUEST_TIMEOUT_HEADERS: 408,
};

/**
 * Requests Node's HTTP parser refuses (an unknown method, a bad header, headers too large or too
 * slow) never reach the app; they are answered here, in the same problem+json shape.
 */
function answerClientError(logger: Logger) {
  return (error: NodeJS.ErrnoException, socket: Duplex): void => {
    // A response already under way on this connection (a pipelined request) cannot be followed
    // by a raw one; Node's own handler makes the same check.
    const inProgress = (socket as Duplex & { _httpMessage?: unknown })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || inProgress) {
      socket.destroy();
      return;
    }
    const status = parserStatus[error.code ?? ''] ?? 400;
    logger.info('refused malformed request', { status, reason: error.code ?? error.message });
    socket.end(
      rawProblem({
        type: 'about:blank',
        status,
        title: STATUS_CODES[status] ?? 'Bad request',
        detail: 'The request could not be parsed as HTTP/1.1',
        ...(status === 400 && { code: 'bad_request' as const }),
      }),
    );
  };
}

/**
 * The Node HTTP server for the app, with limits on what a client can hold: a request's headers
 * must arrive within 10 s (by default) and the whole request within the app's timeout plus a
 * margin; at most 100 headers; idle keep-alive connections close after 5 s. Requests the adapter
 * cannot turn into a `Request` (a bad Host header, a backslash in the path) are answered 400.
 */
export function createNodeServer(fetch: Parameters<typeof getRequestListener>[0], options: NodeServerOptions): Server {
  const { logger } = options;
  const listener = getRequestListener(fetch, {
    errorHandler: (error) => {
      if (error instanceof RequestError) {
        logger.info('refused malformed request', { status: 400, reason: error.message });
        return problemAnswer(
          { type: 'about:blank', status: 400, code: 'bad_request', title: 'Bad request', detail: error.message },
          { ...securityHeaders, Connection: 'close' },
        );
      }
      // The app answers its own errors; anything reaching here escaped it.
      logger.error('request failed outside the app', { error });
      return problemAnswer(
        { type: 'about:blank', status: 500, code: 'internal', title: 'Internal server error' },
        { ...securityHeaders },
      );
    },
  });
  const server = createServer(
    {
      headersTimeout: options.headersTimeoutMs ?? 10_000,
      requestTimeout: options.requestTimeoutMs + 10_000,
      keepAliveTimeout: 5_000,
      // How often the two timeouts above are checked (Node's default, 30 s, would let them slip).
      connectionsCheckingInterval: 1_000,
    },
    listener,
  );
  server.maxHeadersCount = 100;
  // Node would invite every such body; one declared over the limit is answered 413 without it.
  server.on('checkContinue', (request: IncomingMessage, response: ServerResponse) => {
    if (Number(request.headers['content-length'] ?? 0) <= options.bodyLimitBytes) response.writeContinue();
    void listener(request, response);
  });
  server.on('clientError', answerClientError(logger));
  // CONNECT asks for a tunnel; without a listener Node would drop the connection unanswered.
  server.on('connect', (_request, socket: Duplex) => {
    socket.end(
      rawProblem({
        type: 'about:blank',
        status: 501,
        title: 'Method not implemented',
        detail: 'This server does not support CONNECT',
      }),
    );
  });
  return server;
}

/**
 * Stops accepting connections and lets requests in flight finish: connections are closed as
 * soon as they fall idle, and any still busy at `deadlineMs` are cut. Answers whether every
 * request finished in time.
 */
export async function closeGracefully(server: Server, deadlineMs: number): Promise<'drained' | 'forced'> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  const sweep = setInterval(() => server.closeIdleConnections(), 100);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'forced'>((resolve) => {
    timer = setTimeout(() => resolve('forced'), deadlineMs);
  });
  const outcome = await Promise.race([closed.then(() => 'drained' as const), deadline]);
  clearInterval(sweep);
  clearTimeout(timer);
  if (outcome === 'forced') {
    server.closeAllConnections();
    await closed;
  }
  return outcome;
}
