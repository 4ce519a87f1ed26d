import type { AddressInfo } from 'node:net';
import { dispatch } from '../domain/http/dispatch';
import { createApp } from './app';
import { ConfigError, loadConfig, type ServerConfig } from './config';
import { openBackend } from './db/open';
import { createLogger, type Logger } from './http/logger';
import { closeGracefully, createNodeServer } from './http/node-server';

/** How long requests in flight get to finish once a stop is asked for. */
const SHUTDOWN_DEADLINE_MS = 10_000;

/**
 * Errors of one connection (a client gone mid-answer) that can surface outside any request's
 * handler; they leave the process sound. Anything else thrown outside a handler may have left
 * state half-changed, so the server stops (gracefully) and lets its supervisor restart it.
 */
const connectionErrors = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ERR_STREAM_PREMATURE_CLOSE']);

function readConfig(): ServerConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

async function start(config: ServerConfig, logger: Logger): Promise<void> {
  const opened = await openBackend(config);
  logger.info('database open', opened.startup);

  let stopping = false;
  const app = createApp({
    config,
    logger,
    dispatch: (request) => dispatch({ ...opened.backend, sessionPolicy: config.session }, request),
    // A stopping server says it is not ready, so a load balancer sends its traffic elsewhere.
    ready: async () => !stopping && (await opened.ready()),
  });
  const server = createNodeServer(app.fetch, {
    requestTimeoutMs: config.requestTimeoutMs,
    bodyLimitBytes: config.bodyLimitBytes,
    logger,
  });

  const stop = async (reason: string, exitCode: number) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping', { reason });
    const outcome = await closeGracefully(server, SHUTDOWN_DEADLINE_MS);
    if (outcome === 'forced') logger.warn('requests still running at the deadline were cut', { reason });
    await opened.close().catch((error: unknown) => logger.error('closing the database failed', { error }));
    logger.info('stopped', { reason });
    process.exit(exitCode);
  };

  process.on('SIGTERM', () => void stop('SIGTERM', 0));
  process.on('SIGINT', () => void stop('SIGINT', 0));
  process.on('unhandledRejection', (reason) => {
    // A promise nobody awaited; requests are answered by their own handlers, so serving goes on.
    logger.error('unhandled rejection', { error: reason });
  });
  process.on('uncaughtException', (error: NodeJS.ErrnoException) => {
    if (error.code && connectionErrors.has(error.code)) {
      logger.warn('connection error outside a request', { error });
      return;
    }
    logger.error('uncaught exception; stopping', { error });
    void stop('uncaught exception', 1);
  });

  server.on('error', (error) => {
    // Listening failed: the port is taken, or the address is not this machine's.
    logger.error('server error', { error });
    void stop('server error', 1);
  });
  server.listen(config.port, config.host, () => {
    const { address, port } = server.address() as AddressInfo;
    const host = address.includes(':') ? `[${address}]` : address;
    logger.info('listening', { url: `http://${host}:${port}` });
  });
}

const config = readConfig();
const logger = createLogger(config.logLevel);
start(config, logger).catch((error: unknown) => {
  logger.error('the server could not start', { error });
  process.exit(1);
});
