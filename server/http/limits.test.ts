import { describe, expect, it } from 'vitest';
import { problemDetailsSchema } from '../../src/api/schemas/common';
import { MAX_JSON_DEPTH } from './body';
import { sleep, testApp } from './testing';

const url = 'http://localhost/api/v1/intake-records';
const json = { 'Content-Type': 'application/json' };

/** A POST framed as over HTTP/1.1: a stream is chunked, anything else has a length. */
function post(
  body: string | Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array>,
  headers: Record<string, string> = json,
) {
  const framing: Record<string, string> =
    body instanceof ReadableStream
      ? { 'Transfer-Encoding': 'chunked' }
      : { 'Content-Length': String(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength) };
  // `duplex` is required by Node for a streamed body, and missing from the DOM's RequestInit.
  const init = { method: 'POST', headers: { ...framing, ...headers }, body, duplex: 'half' };
  return new Request(url, init as RequestInit);
}

/** A body that never ends, counting what was pulled from it. */
function endlessBody() {
  const pulled = { bytes: 0 };
  const chunk = new Uint8Array(16_384).fill(0x20);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled };
}

async function problemOf(response: Response) {
  expect(response.headers.get('Content-Type')).toBe('application/problem+json');
  return problemDetailsSchema.parse(await response.json());
}

describe('body size', () => {
  it('answers 413 from the declared length alone, before reading the body', async () => {
    const { app } = testApp({ env: { BODY_LIMIT_BYTES: '2048' } });
    const { stream, pulled } = endlessBody();
    const request = post(stream, { ...json, 'Content-Length': '999999999' });
    const response = await app.request(request);
    expect(response.status).toBe(413);
    expect(await problemOf(response)).toMatchObject({ status: 413, detail: expect.stringContaining('2048') });
    expect(pulled.bytes).toBeLessThanOrEqual(16_384); // at most what the stream buffers up front
  });

  it('cuts a body without a length off at the limit, reading no more than the limit and a chunk', async () => {
    const { app } = testApp({ env: { BODY_LIMIT_BYTES: '65536' } });
    const { stream, pulled } = endlessBody();
    const response = await app.request(post(stream));
    expect(response.status).toBe(413);
    expect(pulled.bytes).toBeLessThan(65_536 + 3 * 16_384);
  });

  it('takes a body of exactly the limit, declared or chunked, and refuses one byte more', async () => {
    const { app } = testApp({ env: { BODY_LIMIT_BYTES: '2048' } });
    const body = (size: number) => JSON.stringify({ note: 'x'.repeat(size - 11) });
    const chunked = (text: string) => new Blob([text]).stream();
    expect(body(2048)).toHaveLength(2048);
    expect((await app.request(post(body(2048)))).status).toBe(200);
    expect((await app.request(post(chunked(body(2048))))).status).toBe(200);
    expect((await app.request(post(body(2049)))).status).toBe(413);
    expect((await app.request(post(chunked(body(2049))))).status).toBe(413);
  });
});

describe('content type', () => {
  it.each(['text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'application/jsonp'])(
    'answers a body sent as %s 415',
    async (type) => {
      const { app } = testApp();
      const response = await app.request(post('{}', { 'Content-Type': type }));
      expect(response.status).toBe(415);
      expect(await problemOf(response)).toMatchObject({ status: 415 });
    },
  );

  it('answers a body without a content type 415', async () => {
    const { app } = testApp();
    const response = await app.request(post('{}', {}));
    expect(response.status).toBe(415);
  });

  it.each(['application/json', 'Application/JSON; charset="utf-8"'])('takes %s', async (type) => {
    const { app } = testApp();
    const response = await app.request(post('{"a":1}', { 'Content-Type': type }));
    expect(response.status).toBe(200);
  });

  it('does not ask for a content type when there is no body', async () => {
    const { app } = testApp();
    const response = await app.request('/api/v1/auth/logout', { method: 'POST' });
    expect(response.status).toBe(200);
  });
});

describe('JSON', () => {
  const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

  it(`takes JSON nested ${MAX_JSON_DEPTH} deep and refuses one level more with 400`, async () => {
    const { app } = testApp();
    expect((await app.request(post(nested(MAX_JSON_DEPTH)))).status).toBe(200);
    const response = await app.request(post(nested(MAX_JSON_DEPTH + 1)));
    expect(response.status).toBe(400);
    expect(await problemOf(response)).toMatchObject({ code: 'bad_request', detail: expect.stringContaining('nest') });
  });

  it('refuses a body of a hundred thousand brackets quickly, without a stack overflow', async () => {
    const { app } = testApp();
    const started = performance.now();
    const response = await app.request(post(nested(100_000)));
    expect(response.status).toBe(400);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('counts brackets inside strings as text', async () => {
    const { app } = testApp();
    const response = await app.request(post(JSON.stringify({ note: '['.repeat(100), quote: '\\"[[' })));
    expect(response.status).toBe(200);
  });

  it('refuses U+0000 in a string with 400', async () => {
    const { app } = testApp();
    const response = await app.request(post('{"name":"a\\u0000b"}'));
    expect(response.status).toBe(400);
    expect(await problemOf(response)).toMatchObject({ detail: expect.stringContaining('NUL') });
  });

  it.each([
    ['malformed JSON', '{"a":'],
    ['bytes that are not UTF-8', new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
  ])('answers %s 400', async (_label, body) => {
    const { app } = testApp();
    const response = await app.request(post(body));
    expect(response.status).toBe(400);
  });
});

describe('addresses', () => {
  it('answers malformed percent-encoding in the path 400', async () => {
    const { app } = testApp();
    const response = await app.request('/api/v1/intake-records/%E0%A4%A');
    expect(response.status).toBe(400);
    expect(await problemOf(response)).toMatchObject({
      code: 'bad_request',
      detail: expect.stringContaining('percent'),
    });
  });

  it.each(['/api/v1/intake-records/a%00b', '/api/v1/intake-records?q=a%00b'])(
    'answers a NUL in %s 400',
    async (path) => {
      const { app } = testApp();
      expect((await app.request(path)).status).toBe(400);
    },
  );
});

describe('request timeout', () => {
  it('answers 503 when dispatch takes too long, and the next request is answered', async () => {
    let calls = 0;
    const { app } = testApp({
      env: { REQUEST_TIMEOUT_MS: '100' },
      dispatch: async () => {
        if (++calls === 1) await sleep(2_000);
        return Response.json({ calls });
      },
    });
    const started = performance.now();
    const response = await app.request('/api/v1/intake-records');
    expect(response.status).toBe(503);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(await problemOf(response)).toMatchObject({ status: 503, detail: expect.stringContaining('100 ms') });
    expect((await app.request('/api/v1/intake-records')).status).toBe(200);
  });
});
