import { describe, expect, it } from 'vitest';
import { createLogger } from './logger';

function capture(level: Parameters<typeof createLogger>[0]) {
  const lines: string[] = [];
  const logger = createLogger(level, (line) => lines.push(line));
  return { logger, entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('logger', () => {
  it('writes one JSON object a line, dropping entries below its level', () => {
    const { logger, entries } = capture('warn');
    logger.info('hidden');
    logger.warn('shown', { requestId: 'r1' });
    logger.error('also shown');
    expect(entries()).toEqual([
      { time: expect.any(String), level: 'warn', msg: 'shown', requestId: 'r1' },
      { time: expect.any(String), level: 'error', msg: 'also shown' },
    ]);
  });

  it('writes nothing at silent', () => {
    const { logger, entries } = capture('silent');
    logger.error('nobody hears this');
    expect(entries()).toEqual([]);
  });

  it('keeps an error’s name, message, stack and cause', () => {
    const { logger, entries } = capture('info');
    logger.error('failed', { error: new TypeError('outer', { cause: new Error('inner') }) });
    expect(entries()[0]!.error).toMatchObject({
      name: 'TypeError',
      message: 'outer',
      stack: expect.stringContaining('TypeError: outer'),
      cause: { message: 'inner' },
    });
  });

  it('still writes a line when the fields cannot be serialized', () => {
    const { logger, entries } = capture('info');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    logger.info('odd fields', { cyclic, big: 1n });
    expect(entries()).toEqual([{ time: expect.any(String), level: 'info', msg: 'odd fields', unserializable: true }]);
  });
});
