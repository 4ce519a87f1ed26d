import { createServer, type IncomingMessage } from 'node:http';
import { generateDatabase } from '../data/generate';
import { parseFaultConfig } from '../http/faults';
import { createRouter } from '../http/router';
import { cstDay } from '../../domain/rules/dates';

/**
 * The mock backend as a real HTTP server, for running the app against `VITE_API_URL` and for
 * the browser tests of that path: `npm run api` (port 8787, or API_PORT). Data lives in memory.
 * `MOCK_FAULTS="mockFault=listIntakeRecords:500"` injects faults as the URL flags do.
 */
const port = Number(process.env.API_PORT ?? 8787);
const host = process.env.API_HOST ?? '127.0.0.1';
const db = generateDatabase({ anchor: cstDay(new Date()) });
const faults = parseFaultConfig(new URLSearchParams(process.env.MOCK_FAULTS ?? '')) ?? undefined;
const handle = createRouter({ db: () => db, faults: faults && (() => faults) });

const cors = {
  'Access-Control-Allow-Origin': process.env.API_ALLOW_ORIGIN ?? '*',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, If-Match, Accept',
  'Access-Control-Max-Age': '600',
};

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const server = createServer(async (req, res) => {
  if (req.method === 'OPTIONS') {
    res.writeHead(204, cors).end();
    return;
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const request = new Request(`http://${req.headers.host ?? host}${req.url ?? '/'}`, {
    method: req.method,
    headers,
    body: hasBody ? new Uint8Array(await readBody(req)) : undefined,
  });
  const response = await handle(request);
  if (response.type === 'error') {
    req.socket.destroy();
    return;
  }
  res.writeHead(response.status, { ...Object.fromEntries(response.headers), ...cors });
  res.end(Buffer.from(await response.arrayBuffer()));
});

server.listen(port, host, () => {
  console.log(`mock API on http://${host}:${port}/api/v1 (demo data anchored on ${db.anchor})`);
});
