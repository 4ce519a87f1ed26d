import type { Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { closeGracefully, createNodeServer } from './node-server';
import { echoDispatch, memoryLogger, sleep, testApp } from './testing';

/**
 * Hostile requests over a real socket, as a client would send them; after each, the server must
 * still answer an ordinary request.
 */
const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => closeGracefully(server, 1_000)));
});

async function start(overrides: Parameters<typeof testApp>[0] = {}) {
  const { app } = testApp({ ...overrides, env: { BODY_LIMIT_BYTES: '65536', ...overrides.env } });
  const logger = memoryLogger();
  const server = createNodeServer(app.fetch, {
    requestTimeoutMs: 15_000,
    headersTimeoutMs: 500,
    bodyLimitBytes: 65_536,
    logger,
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, port, logger, base: `http://127.0.0.1:${port}` };
}

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function parse(raw: string): RawResponse {
  const [head = '', ...rest] = raw.split('\r\n\r\n');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers = Object.fromEntries(
    lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
  );
  return { status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') };
}

/** Sends `head` (and whatever `feed` writes after it) and collects the answer until the server closes. */
function exchange(port: number, head: string, feed?: (socket: Socket) => void): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString('latin1')));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // The server may close while we are still writing; what it answered first is what counts.
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    socket.on('close', () => (received ? resolve(parse(received)) : reject(new Error('closed without an answer'))));
    socket.write(head);
    feed?.(socket);
  });
}

async function expectAlive(base: string) {
  const response = await fetch(`${base}/healthz`);
  expect(response.status).toBe(200);
}

function expectProblem(response: RawResponse, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toBe('application/problem+json');
  expect(JSON.parse(response.body)).toMatchObject({ status });
}

describe('bodies over a socket', () => {
  it('answers a declared length over the limit 413 without waiting for the body, then closes', async () => {
    const { port, base } = await start();
    const started = performance.now();
    const response = await exchange(
      port,
      'POST /api/v1/intake-records HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 10000000000\r\n\r\n',
    );
    expectProblem(response, 413);
    expect(performance.now() - started).toBeLessThan(2_000);
    await expectAlive(base);
  });

  it('tells a client that asks first not to send a body over the limit, and invites one within it', async () => {
    const { port, base } = await start();
    const ask = (length: number) =>
      exchange(
        port,
        `POST /api/v1/intake-records HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n`,
        (socket) => socket.once('data', () => socket.write('{}'.padEnd(length))),
      );
    const over = await ask(65_537);
    expectProblem(over, 413);
    const within = await ask(100);
    expect(within.status).toBe(100);
    expect(within.body).toMatch(/^HTTP\/1.1 200 OK/);
    await expectAlive(base);
  });

  it('cuts an endless chunked body off with 413 and goes on answering', async () => {
    const { port, base } = await start();
    let sent = 0;
    const response = await exchange(
      port,
      'POST /api/v1/intake-records HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n',
      (socket) => {
        const chunk = `4000\r\n${'1,'.repeat(0x2000)}\r\n`;
        const timer = setInterval(() => {
          if (socket.writable) {
            socket.write(chunk);
            sent += 0x4000;
          }
        }, 1);
        socket.on('close', () => clearInterval(timer));
      },
    );
    expectProblem(response, 413);
    expect(sent).toBeGreaterThan(65_536);
    await expectAlive(base);
  });

  it('survives a client that disconnects halfway through its body', async () => {
    const { port, base, logger } = await start();
    await new Promise<void>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(
          'POST /api/v1/intake-records HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"name": "',
        );
        setTimeout(() => socket.destroy(), 50);
      });
      socket.on('close', () => resolve());
    });
    await sleep(100);
    await expectAlive(base);
    expect(logger.entries.filter((entry) => entry.level === 'error')).toEqual([]);
  });

  it('answers deep JSON 400 and a body of the wrong type 415', async () => {
    const { base } = await start();
    const deep = await fetch(`${base}/api/v1/intake-records`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"a":'.repeat(1_000) + '1' + '}'.repeat(1_000),
    });
    expect(deep.status).toBe(400);
    const form = await fetch(`${base}/api/v1/intake-records`, {
      method: 'POST',
      body: new URLSearchParams({ a: '1' }),
    });
    expect(form.status).toBe(415);
  });
});

describe('malformed requests over a socket', () => {
  it.each([
    ['an unknown method', 'FOO /healthz HTTP/1.1\r\nHost: x\r\n\r\n', 501],
    ['TRACE', 'TRACE /api/v1/intake-records HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 501],
    ['PROPFIND', 'PROPFIND /api/v1/intake-records HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 501],
    ['CONNECT', 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n', 501],
    ['a header name with a space', 'GET /healthz HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\n\r\n', 400],
    ['a header value with a control character', 'GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: a\x01b\r\n\r\n', 400],
    ['headers too large', `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431],
    ['a request line that is not HTTP', 'GET /healthz HTTQ/1.1\r\n\r\n', 400],
    ['a bad Host header', 'GET /healthz HTTP/1.1\r\nHost: a b/c\r\nConnection: close\r\n\r\n', 400],
    ['a backslash in the path', 'GET /api\\v1/intake-records HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 400],
    [
      'malformed percent-encoding',
      'GET /api/v1/intake-records/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      400,
    ],
    [
      'OPTIONS without an origin',
      'OPTIONS /api/v1/intake-records HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      405,
    ],
  ])('answers %s with a problem and goes on answering', async (_label, request, status) => {
    const { port, base } = await start();
    const response = await exchange(port, request);
    expectProblem(response, status);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    await expectAlive(base);
  });
});

describe('slow clients', () => {
  it('answers a client that dribbles its headers 408 and closes the connection', async () => {
    const { port, base } = await start();
    const started = performance.now();
    const response = await exchange(port, 'GET /healthz HTTP/1.1\r\nHost: x\r\n', (socket) => {
      const timer = setInterval(() => socket.writable && socket.write('X-Slow: 1\r\n'), 100);
      socket.on('close', () => clearInterval(timer));
    });
    expectProblem(response, 408);
    expect(performance.now() - started).toBeLessThan(3_000);
    await expectAlive(base);
  });
});

describe('graceful shutdown', () => {
  const slowDispatch = (ms: number) => async (request: Parameters<typeof echoDispatch>[0]) => {
    await sleep(ms);
    return echoDispatch(request);
  };

  it('stops accepting connections but lets requests in flight finish', async () => {
    const { server, base } = await start({ dispatch: slowDispatch(300) });
    const inFlight = fetch(`${base}/api/v1/intake-records`);
    await sleep(50);
    const closing = closeGracefully(server, 5_000);
    await sleep(20);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    expect((await inFlight).status).toBe(200);
    expect(await closing).toBe('drained');
  });

  it('cuts requests still running at the deadline', async () => {
    const { server, base } = await start({ dispatch: slowDispatch(5_000) });
    const inFlight = fetch(`${base}/api/v1/intake-records`).catch((error: unknown) => error);
    await sleep(50);
    const started = performance.now();
    expect(await closeGracefully(server, 200)).toBe('forced');
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(await inFlight).toBeInstanceOf(Error);
  });
});
